package dev.atomics;

/**
 * An atomic object on memory the library does not own, obtained from {@link AtomicViewContext#open()}. It is
 * usable only while its context is open: afterwards every method throws {@link ViewContextException}.
 */
public interface AtomicView extends Atomic {}
