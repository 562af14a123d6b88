package dev.atomics;

/** An {@link AtomicUint} on external memory, valid while its {@link AtomicUintViewContext} is open. */
public interface AtomicUintView extends AtomicUint, AtomicIntegralView {}
