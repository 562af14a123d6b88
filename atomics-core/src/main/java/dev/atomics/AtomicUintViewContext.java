package dev.atomics;

/** The context guarding an {@link AtomicUintView}; see {@link AtomicViewContext} for the contract. */
public final class AtomicUintViewContext extends AtomicViewContext<AtomicUintView> {

    AtomicUintViewContext(AtomicUintView view) {
        super(view);
    }
}
