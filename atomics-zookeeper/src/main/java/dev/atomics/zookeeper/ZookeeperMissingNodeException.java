package dev.atomics.zookeeper;

/**
 * The znode does not exist (never created, or deleted): it is never read as 0 and never recreated by an
 * operation. {@link ZookeeperAtomic#createIfAbsent} creates it, which an application does deliberately (for
 * example once at startup).
 */
public final class ZookeeperMissingNodeException extends ZookeeperValueException {

    private static final long serialVersionUID = 1L;

    public ZookeeperMissingNodeException(String message, String path, Throwable cause) {
        super(message, path, cause);
    }
}
