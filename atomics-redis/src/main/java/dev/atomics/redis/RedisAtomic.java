package dev.atomics.redis;

import dev.atomics.Atomic;

/**
 * An atomic stored at a Redis key: an {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint} or
 * {@link dev.atomics.AtomicBytes} made by {@link RedisAtomics}, whose {@link #engine()} is
 * {@link dev.atomics.Engine#REDIS}.
 */
public interface RedisAtomic extends Atomic {

    /** The Redis key holding the value. */
    String key();

    /** Where the server is, e.g. {@code localhost:6379}. */
    String server();
}
