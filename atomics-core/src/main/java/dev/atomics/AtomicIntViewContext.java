package dev.atomics;

/** The context guarding an {@link AtomicIntView}; see {@link AtomicViewContext} for the contract. */
public final class AtomicIntViewContext extends AtomicViewContext<AtomicIntView> {

    AtomicIntViewContext(AtomicIntView view) {
        super(view);
    }
}
