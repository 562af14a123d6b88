package dev.atomics.redis;

/**
 * The Redis server could not serve the operation: there is no connection to it (it is down, unreachable, or
 * restarting, and the client is reconnecting in the background), the connection broke while the operation
 * waited for its reply ({@link #outcomeUnknown()} is then {@code true}), or the server refused it without
 * executing it (loading its data set, a read-only replica after a failover, the cluster down). Once the server is
 * back, later operations succeed again; nothing is retried automatically.
 */
public class RedisUnavailableException extends RedisAtomicsException {

    private static final long serialVersionUID = 1L;

    /** See {@link RedisAtomicsException#RedisAtomicsException(String, String, boolean, Throwable)}. */
    public RedisUnavailableException(String message, String key, boolean outcomeUnknown, Throwable cause) {
        super(message, key, outcomeUnknown, cause);
    }
}
