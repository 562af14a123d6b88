package dev.atomics.redis;

/**
 * No reply came from the Redis server within the timeout. The command was sent, so the operation may or may not
 * have taken effect ({@link #outcomeUnknown()} is always {@code true}); it is not retried. A late reply is
 * discarded.
 */
public class RedisTimeoutException extends RedisAtomicsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out
     * @param key     the Redis key of the atomic
     * @param cause   the client's exception
     */
    public RedisTimeoutException(String message, String key, Throwable cause) {
        super(message, key, true, cause);
    }
}
