package dev.atomics.redis;

/**
 * What an atomic does when its key does not exist. Every write checks it on the server, in the write's own round
 * trip (a script), so that a key that vanished (expired, deleted, lost by a restart without persistence or a
 * failover) is reported instead of silently starting again from zero.
 */
public enum RedisMissingKeyPolicy {

    /**
     * The default. The first time the atomic reaches Redis (its first operation, or the starter's first read,
     * however late: Redis may be down at startup), it creates an absent key with its initial value and reports
     * that (to the {@link RedisKeyListener}: by default a WARN log naming the key), since a restart after Redis
     * lost its data lands here. At any other time a missing key makes reads and writes throw
     * {@link RedisMissingKeyException}. Readonly atomics never create a key: for them this is {@link #FAIL}.
     */
    CREATE_AT_STARTUP,

    /**
     * The atomic never creates its key: while it is missing, reads and writes throw {@link RedisMissingKeyException}.
     */
    FAIL,

    /**
     * The behaviour before the check existed, opt-in: a missing key reads as zero and the next write creates it
     * (an add, from zero): a counter whose key vanished restarts silently. Additions on an int of width 8 are then
     * a plain {@code INCRBY}.
     */
    RECREATE
}
