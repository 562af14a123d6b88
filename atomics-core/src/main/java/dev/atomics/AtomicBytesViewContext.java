package dev.atomics;

/** The context guarding an {@link AtomicBytesView}; see {@link AtomicViewContext} for the contract. */
public final class AtomicBytesViewContext extends AtomicViewContext<AtomicBytesView> {

    AtomicBytesViewContext(AtomicBytesView view) {
        super(view);
    }
}
