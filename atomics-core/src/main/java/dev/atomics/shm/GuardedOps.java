package dev.atomics.shm;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.ViewContextException;
import dev.atomics.engine.Ops;
import dev.atomics.engine.Scratch;
import dev.atomics.engine.SegmentLoads;
import dev.atomics.engine.Target;

/**
 * The ops of an atomic on a guarded shared mapping: the engine's ops, checked, one shape at a time (every width).
 * Each operation reads the range's generation before and after the engine's access ({@link FaultGuard}) and
 * throws {@link dev.atomics.MemoryFaultException} unless the access went to the shared object.
 */
final class GuardedOps implements Ops {

    private final Ops inner;
    private final int index;
    private final String what;
    /** The range, to tell a closed one's exception from others (only when one is thrown). */
    private final MappedRange range;
    /** Where loads read when they go through a segment rather than {@code inner} ({@link SegmentLoads}); or null. */
    private final Object loadSegment;

    GuardedOps(Ops inner, int index, String what, MappedRange range, Object loadSegment) {
        this.inner = inner;
        this.index = index;
        this.what = what;
        this.range = range;
        this.loadSegment = loadSegment;
    }

    /**
     * What an access of a scoped buffer (Java 22+) throws once the range's arena is closed, translated: the view was
     * closed and its range unmapped while this operation ran, which the handshake of the close stopped before it
     * touched the address.
     */
    private RuntimeException closed(IllegalStateException e) {
        if (range.unmapped()) {
            return new ViewContextException(
                    "an atomic view on " + what + " was used after its context was closed"
                            + " and the mapping unmapped; the operation did not take effect",
                    e);
        }
        return e;
    }

    @Override
    public Engine engine() {
        return inner.engine();
    }

    @Override
    public long load(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            long r = loadSegment != null ? SegmentLoads.load(loadSegment, t, order) : inner.load(t, order);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void store(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.store(t, value, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long cmpxchg(Target t, Op op, long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        long g = FaultGuard.enter(index);
        try {
            long r = inner.cmpxchg(t, op, expected, desired, success, failure);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long rmw(Target t, Op op, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            long r = inner.rmw(t, op, value, order);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public boolean bit(Target t, Op op, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            boolean r = inner.bit(t, op, offset, order);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void load(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.load(t, s, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.store(t, s, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public boolean cmpxchg(Target t, Op op, Scratch s, MemoryOrder success, MemoryOrder failure) {
        long g = FaultGuard.enter(index);
        try {
            boolean r = inner.cmpxchg(t, op, s, success, failure);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void rmw(Target t, Op op, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.rmw(t, op, s, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
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
        long g = FaultGuard.enter(index);
        try {
            boolean r = inner.cmpxchg16(t, op, expHigh, expLow, desHigh, desLow, witness, success, failure);
            FaultGuard.exit(index, g, what);
            return r;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void store16(Target t, long high, long low, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.store16(t, high, low, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void void16(Target t, Op op, long high, long low, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        try {
            inner.void16(t, op, high, low, order);
            FaultGuard.exit(index, g, what);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }
}
