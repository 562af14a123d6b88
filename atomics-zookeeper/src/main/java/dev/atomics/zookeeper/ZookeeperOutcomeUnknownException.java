package dev.atomics.zookeeper;

/**
 * A write was sent and no answer came back (connection loss, operation timeout, session moved or expired while
 * waiting): it may or may not have been applied, exactly once if it was. It is never resent: the caller decides,
 * for example by reading the value.
 */
public final class ZookeeperOutcomeUnknownException extends ZookeeperAtomicsException {

    private static final long serialVersionUID = 1L;

    public ZookeeperOutcomeUnknownException(String message, String path, Throwable cause) {
        super(message, path, true, cause);
    }
}
