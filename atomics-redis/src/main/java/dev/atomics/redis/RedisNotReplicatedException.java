package dev.atomics.redis;

/**
 * A write was applied by the primary, but fewer replicas than the atomic's {@link RedisWait} asks for
 * acknowledged it within the wait's timeout. The write is not undone: it holds on the primary, and may still
 * reach the replicas; but a failover now may lose it. {@link #outcomeUnknown()} is {@code true}: whoever counts
 * outcomes must count this one as unknown, not as acknowledged.
 */
public class RedisNotReplicatedException extends RedisAtomicsException {

    private static final long serialVersionUID = 1L;

    private final int required;
    private final long acknowledged;

    /**
     * @param message      what happened, naming the key
     * @param key          the Redis key
     * @param required     the replicas the wait asked for
     * @param acknowledged the replicas {@code WAIT} reported
     */
    public RedisNotReplicatedException(String message, String key, int required, long acknowledged) {
        super(message, key, true, null);
        this.required = required;
        this.acknowledged = acknowledged;
    }

    /** The replicas the atomic's wait asks for. */
    public int required() {
        return required;
    }

    /** The replicas that acknowledged the write in time. */
    public long acknowledged() {
        return acknowledged;
    }
}
