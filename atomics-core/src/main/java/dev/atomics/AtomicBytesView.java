package dev.atomics;

/** An {@link AtomicBytes} on external memory, valid while its {@link AtomicBytesViewContext} is open. */
public interface AtomicBytesView extends AtomicBytes, AtomicView {}
