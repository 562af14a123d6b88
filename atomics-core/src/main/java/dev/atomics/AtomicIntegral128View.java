package dev.atomics;

/** An {@link AtomicIntegral128} on external memory, valid while its context is open. */
public interface AtomicIntegral128View extends AtomicIntegral128, AtomicView {}
