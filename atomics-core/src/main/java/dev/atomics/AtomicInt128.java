package dev.atomics;

/**
 * A signed 16-byte atomic integer ({@link AtomicType#INT128}); {@link #signed()} is {@code true}. Implemented by
 * owning objects and by {@link AtomicInt128View}.
 */
public interface AtomicInt128 extends AtomicIntegral128 {}
