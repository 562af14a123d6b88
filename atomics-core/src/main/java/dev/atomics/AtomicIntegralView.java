package dev.atomics;

/** An {@link AtomicIntegral} on external memory, valid while its context is open. */
public interface AtomicIntegralView extends AtomicIntegral, AtomicView {}
