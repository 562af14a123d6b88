package dev.atomics;

/**
 * A signed atomic integer ({@link AtomicType#INT}); {@link #signed()} is {@code true}. Implemented by owning
 * objects and by {@link AtomicIntView}, so either can be injected where an {@code AtomicInt} is wanted.
 */
public interface AtomicInt extends AtomicIntegral {}
