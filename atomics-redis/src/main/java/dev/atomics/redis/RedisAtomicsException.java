package dev.atomics.redis;

import dev.atomics.AtomicsException;

/**
 * An operation on an atomic stored in Redis failed. Subclasses say why: {@link RedisUnavailableException} (no
 * connection to the server, or it refused to serve), {@link RedisTimeoutException} (no reply within the
 * timeout) and {@link RedisValueException} (the key holds something that is not a value of the atomic).
 *
 * <p>{@link #outcomeUnknown()} tells whether the operation may nevertheless have taken effect on the server: it
 * is {@code true} when the command was sent and no reply came back (a timeout, a connection lost while waiting).
 * Such an operation is never retried behind the caller's back, because most operations (an increment, a
 * compare-and-exchange) must not run twice: the caller decides, knowing that it may already have happened.
 */
public class RedisAtomicsException extends AtomicsException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final boolean outcomeUnknown;

    /**
     * @param message        what failed and why
     * @param key            the Redis key of the atomic
     * @param outcomeUnknown whether the operation may have taken effect although it failed
     * @param cause          the client's exception, if any
     */
    public RedisAtomicsException(String message, String key, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.key = key;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The Redis key of the atomic the operation was on. */
    public String key() {
        return key;
    }

    /**
     * Whether the operation may have taken effect although it failed: {@code true} when it was sent and no reply
     * came (timeout, connection lost while waiting), {@code false} when it certainly did not happen (never sent,
     * or refused by the server, which then changed nothing).
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
