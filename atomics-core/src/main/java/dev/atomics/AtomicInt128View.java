package dev.atomics;

/** An {@link AtomicInt128} on external memory, valid while its {@link AtomicViewContext} is open. */
public interface AtomicInt128View extends AtomicInt128, AtomicIntegral128View {}
