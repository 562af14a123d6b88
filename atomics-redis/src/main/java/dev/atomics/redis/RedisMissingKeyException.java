package dev.atomics.redis;

/**
 * The atomic's key does not exist (it expired, was deleted, or the server lost its data: {@code FLUSHALL}, a
 * restart without persistence, a failover to an empty replica), and the atomic's {@link RedisMissingKeyPolicy}
 * does not let it be created now. Nothing was written: a counter is never silently restarted from zero. An
 * operator recreates the key (with the value it should have), or the application is restarted, which creates it
 * with its initial value under {@link RedisMissingKeyPolicy#CREATE_AT_STARTUP}.
 */
public class RedisMissingKeyException extends RedisAtomicsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and why, naming the key
     * @param key     the Redis key
     * @param cause   the server's error reply, if any
     */
    public RedisMissingKeyException(String message, String key, Throwable cause) {
        super(message, key, false, cause);
    }
}
