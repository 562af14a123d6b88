package dev.atomics;

/** An {@link AtomicUint128} on external memory, valid while its {@link AtomicViewContext} is open. */
public interface AtomicUint128View extends AtomicUint128, AtomicIntegral128View {}
