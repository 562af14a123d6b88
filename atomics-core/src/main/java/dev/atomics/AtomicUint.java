package dev.atomics;

/**
 * An unsigned atomic integer ({@link AtomicType#UINT}); {@link #signed()} is {@code false}. At width 8 values
 * are 64-bit patterns in a {@code long}; at width 16 they are {@link Int128}s read unsigned (see
 * {@link AtomicIntegral}). Implemented by owning objects and by {@link AtomicUintView}.
 */
public interface AtomicUint extends AtomicIntegral {}
