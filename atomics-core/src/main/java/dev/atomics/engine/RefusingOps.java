package dev.atomics.engine;

import dev.atomics.Checks;
import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.ViewContextException;
import java.util.Set;

/**
 * An engine's ops behind one check: operations outside an allowed set are refused, in {@link #check}, before
 * anything touches memory. Objects that support every operation of their type never see this class, so their
 * operations stay free of the check; the others are readonly objects, objects whose engine lacks an operation at
 * their width, and views whose context has closed ({@link #released}: nothing allowed, and the memory may be
 * gone).
 */
final class RefusingOps implements Ops {

    private final Ops delegate;
    private final Engine engine;
    /** The allowed ops as bits by ordinal (the table has fewer than 64): one and-test per call, tiny to inline. */
    private final long allowed;

    private final String owner;
    /** Why an operation outside {@link #allowed} is refused; {@code null} for a released view. */
    private final String reason;

    private RefusingOps(Ops delegate, Engine engine, Set<Op> allowed, String owner, String reason) {
        this.delegate = delegate;
        this.engine = engine;
        long bits = 0;
        for (Op op : allowed) {
            bits |= 1L << op.ordinal();
        }
        this.allowed = bits;
        this.owner = owner;
        this.reason = reason;
    }

    /** {@code delegate}, refusing the operations not in {@code allowed} because of {@code reason}. */
    static Ops restricted(Ops delegate, Set<Op> allowed, String owner, String reason) {
        return new RefusingOps(delegate, delegate.engine(), allowed, owner, reason);
    }

    /** The ops of a view whose context has been closed or released: every operation throws. */
    static Ops released(Engine engine, String owner) {
        return new RefusingOps(null, engine, Set.of(), owner, null);
    }

    private void check(Op op) {
        if ((allowed & (1L << op.ordinal())) == 0) {
            if (reason == null) {
                throw new ViewContextException(owner + " was used after its context was closed or released;"
                        + " its memory may be gone, so no operation is allowed");
            }
            throw Checks.unsupported(owner, op, reason);
        }
    }

    /**
     * The ops {@code op} goes to, once allowed: {@link Dispatch} unwraps a refusing engine this way so that the
     * JVM engine's code is inlined at one call site only (wrapped and unwrapped objects alike).
     */
    Ops admit(Op op) {
        check(op);
        return delegate;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public long load(Target t, MemoryOrder order) {
        check(Op.LOAD);
        return delegate.load(t, order);
    }

    @Override
    public void store(Target t, long value, MemoryOrder order) {
        check(Op.STORE);
        delegate.store(t, value, order);
    }

    @Override
    public long cmpxchg(Target t, Op op, long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        check(op);
        return delegate.cmpxchg(t, op, expected, desired, success, failure);
    }

    @Override
    public long rmw(Target t, Op op, long value, MemoryOrder order) {
        check(op);
        return delegate.rmw(t, op, value, order);
    }

    @Override
    public boolean bit(Target t, Op op, int offset, MemoryOrder order) {
        check(op);
        return delegate.bit(t, op, offset, order);
    }

    @Override
    public void load(Target t, Scratch s, MemoryOrder order) {
        check(Op.LOAD);
        delegate.load(t, s, order);
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder order) {
        check(Op.STORE);
        delegate.store(t, s, order);
    }

    @Override
    public boolean cmpxchg(Target t, Op op, Scratch s, MemoryOrder success, MemoryOrder failure) {
        check(op);
        return delegate.cmpxchg(t, op, s, success, failure);
    }

    @Override
    public void rmw(Target t, Op op, Scratch s, MemoryOrder order) {
        check(op);
        delegate.rmw(t, op, s, order);
    }

    @Override
    public boolean cmpxchg16(
            Target t,
            Op op,
            long expHigh,
            long expLow,
            long desHigh,
            long desLow,
            Scratch witness,
            MemoryOrder success,
            MemoryOrder failure) {
        check(op);
        return delegate.cmpxchg16(t, op, expHigh, expLow, desHigh, desLow, witness, success, failure);
    }

    @Override
    public void store16(Target t, long high, long low, MemoryOrder order) {
        check(Op.STORE);
        delegate.store16(t, high, low, order);
    }

    @Override
    public void void16(Target t, Op op, long high, long low, MemoryOrder order) {
        check(op);
        delegate.void16(t, op, high, low, order);
    }
}
