package dev.atomics.shm;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.engine.WideOps;
import dev.atomics.engine.Scratch;
import dev.atomics.engine.Target;

/**
 * The ops of a 16-byte atomic on a guarded shared mapping: the engine's ops, checked.
 * Each operation reads the range's generation before and after the engine's access ({@link FaultGuard}) and
 * throws {@link dev.atomics.MemoryFaultException} unless the access went to the shared object.
 */
final class GuardedWideOps implements WideOps {

    private final WideOps inner;
    private final int index;
    private final String what;

    GuardedWideOps(WideOps inner, int index, String what) {
        this.inner = inner;
        this.index = index;
        this.what = what;
    }

    @Override
    public Engine engine() {
        return inner.engine();
    }

    @Override
    public void load(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.load(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.store(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void exchange(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.exchange(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public boolean cmpxchgWeak(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        long g = FaultGuard.enter(index);
        boolean r = inner.cmpxchgWeak(t, s, succ, fail);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean cmpxchgStrong(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        long g = FaultGuard.enter(index);
        boolean r = inner.cmpxchgStrong(t, s, succ, fail);
        FaultGuard.exit(index, g, what);
        return r;
    }

    @Override
    public boolean bitTest(Target t, Scratch s, int offset, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        boolean r = inner.bitTest(t, s, offset, order);
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
    public void or(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.or(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void xor(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.xor(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void and(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.and(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void not(Target t, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.not(t, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchOr(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchOr(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchXor(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchXor(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchAnd(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchAnd(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchNot(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchNot(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void add(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.add(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void sub(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.sub(t, s, order);
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
    public void fetchAdd(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchAdd(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchSub(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchSub(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchInc(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchInc(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchDec(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchDec(t, s, order);
        FaultGuard.exit(index, g, what);
    }

    @Override
    public void fetchNeg(Target t, Scratch s, MemoryOrder order) {
        long g = FaultGuard.enter(index);
        inner.fetchNeg(t, s, order);
        FaultGuard.exit(index, g, what);
    }
}
