package dev.atomics;

/** An {@link AtomicInt} on external memory, valid while its {@link AtomicIntViewContext} is open. */
public interface AtomicIntView extends AtomicInt, AtomicIntegralView {}
