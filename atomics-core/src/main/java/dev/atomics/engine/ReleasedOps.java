package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.ViewContextException;
import dev.atomics.memory.MemoryRegion;

/**
 * The ops of a view whose context has been closed or released: every operation throws
 * {@link ViewContextException} and none touches memory. A view switches to these when its context closes,
 * so open views pay nothing for the check.
 */
final class ReleasedOps implements Ops {

    private final Engine engine;
    private final String owner;

    ReleasedOps(Engine engine, String owner) {
        this.engine = engine;
        this.owner = owner;
    }

    private ViewContextException released() {
        return new ViewContextException(owner + " was used after its context was closed or released;"
                + " its memory may be gone, so no operation is allowed");
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public long load(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public void store(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long exchange(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long cmpxchgWeak(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public long cmpxchgStrong(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public boolean bitTest(MemoryRegion m, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitCompl(MemoryRegion m, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitSet(MemoryRegion m, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitReset(MemoryRegion m, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public void or(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void xor(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void and(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void not(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchOr(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchXor(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchAnd(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchNot(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public void add(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void sub(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void inc(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public void dec(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public void neg(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchAdd(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchSub(MemoryRegion m, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchInc(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchDec(MemoryRegion m, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchNeg(MemoryRegion m, MemoryOrder order) {
        throw released();
    }
}
