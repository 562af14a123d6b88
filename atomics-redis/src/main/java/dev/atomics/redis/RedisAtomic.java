package dev.atomics.redis;

import dev.atomics.Atomic;

/**
 * An atomic stored at a Redis key: an {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint} or
 * {@link dev.atomics.AtomicBytes} made by {@link RedisAtomics}, whose {@link #engine()} is
 * {@link dev.atomics.Engine#REDIS}. Each operation is one round trip, atomic on the server, and every operation on
 * one key is sequentially consistent, whatever memory order it is given (the orders are checked as for local
 * atomics). A failed operation throws a {@link RedisAtomicsException}, and is never retried.
 */
public interface RedisAtomic extends Atomic {

    /** The Redis key holding the value. */
    String key();

    /** Where the server is, e.g. {@code localhost:6379}. */
    String server();

    /**
     * What a missing key means for this atomic ({@link RedisMissingKeyPolicy#FAIL} for a readonly one made with the
     * default).
     */
    RedisMissingKeyPolicy onMissing();

    /** The wait of every write for replicas, or {@code null} if writes do not wait. */
    RedisWait waitFor();
}
