package dev.atomics;

/**
 * An unsigned 16-byte atomic integer ({@link AtomicType#UINT128}); {@link #signed()} is {@code false}. Implemented
 * by owning objects and by {@link AtomicUint128View}.
 */
public interface AtomicUint128 extends AtomicIntegral128 {}
