package dev.atomics.zookeeper;

import dev.atomics.AtomicsException;

/**
 * An operation on an atomic stored in a znode failed. Subclasses say why: {@link ZookeeperUnavailableException}
 * (no connection, no quorum, a lost session, or too much contention), {@link ZookeeperOutcomeUnknownException} (a
 * write was sent and no answer came back) and {@link ZookeeperValueException} (the znode is missing or holds
 * something that is not a value of the atomic).
 *
 * <p>{@link #outcomeUnknown()} tells whether the operation may nevertheless have taken effect. Such an operation
 * is never retried behind the caller's back: an increment must not run twice.
 */
public class ZookeeperAtomicsException extends AtomicsException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final boolean outcomeUnknown;

    /**
     * @param message        what failed and why
     * @param path           the znode of the atomic
     * @param outcomeUnknown whether the operation may have taken effect although it failed
     * @param cause          the client's exception, if any
     */
    public ZookeeperAtomicsException(String message, String path, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The path of the znode the operation was on. */
    public String path() {
        return path;
    }

    /**
     * Whether the operation may have taken effect although it failed: {@code true} when a write was sent and no
     * answer came (connection lost, operation timeout, session moved or expired while waiting), {@code false}
     * when it certainly did not happen.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
