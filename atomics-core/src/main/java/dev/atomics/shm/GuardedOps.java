package dev.atomics.shm;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.engine.Ops;
import dev.atomics.engine.Target;

/**
 * The ops of an atomic of width 1 to 8 on a guarded shared mapping: the engine's ops, checked.
 * Each operation reads the range's generation before and after the engine's access ({@link FaultGuard}) and
 * throws {@link dev.atomics.MemoryFaultException} unless the access went to the shared object.
 */
final class GuardedOps implements Ops {

    private final Ops inner;
    private final int index;
    private final String what;

    GuardedOps(Ops inner, int index, String what) {
        this.inner = inner;
        this.index = index;
        this.what = what;
    }

    @Override
    public Engine engine() {
        return inner.engine();
    }

    @Override
    public long load(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.load(t, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public void store(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.store(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public long exchange(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.exchange(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long cmpxchgWeak(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        long g = FaultGuard.enter(index);
        long r = inner.cmpxchgWeak(t, expected, desired, succ, fail);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long cmpxchgStrong(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        long g = FaultGuard.enter(index);
        long r = inner.cmpxchgStrong(t, expected, desired, succ, fail);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean bitTest(Target t, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        boolean r = inner.bitTest(t, offset, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean bitCompl(Target t, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        boolean r = inner.bitCompl(t, offset, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean bitSet(Target t, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        boolean r = inner.bitSet(t, offset, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean bitReset(Target t, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        boolean r = inner.bitReset(t, offset, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public void or(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.or(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void xor(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.xor(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void and(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.and(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void not(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.not(t, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public long fetchOr(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchOr(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchXor(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchXor(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchAnd(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchAnd(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchNot(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchNot(t, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public void add(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.add(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void sub(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.sub(t, value, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void inc(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.inc(t, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void dec(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.dec(t, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void neg(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.neg(t, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public long fetchAdd(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchAdd(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchSub(Target t, long value, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchSub(t, value, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchInc(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchInc(t, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchDec(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchDec(t, order);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public long fetchNeg(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        long r = inner.fetchNeg(t, order);
        FaultGuard.exit(index, g, what);
        return r;
    }
}
