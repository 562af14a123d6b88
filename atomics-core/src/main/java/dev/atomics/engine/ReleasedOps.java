package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.ViewContextException;

/**
 * The ops of a view whose context has been closed or released: every operation throws
 * {@link ViewContextException} and none touches memory. A view switches to these when its context closes,
 * so open views pay nothing for the check. 16-byte views switch to the same object, as their {@link WideOps}.
 */
final class ReleasedOps implements Ops, WideOps {

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
    public long load(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public void store(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long exchange(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long cmpxchgWeak(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public long cmpxchgStrong(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public boolean bitTest(Target t, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitCompl(Target t, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitSet(Target t, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean bitReset(Target t, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public void or(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void xor(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void and(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void not(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchOr(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchXor(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchAnd(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchNot(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public void add(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void sub(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public void inc(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public void dec(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public void neg(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchAdd(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchSub(Target t, long value, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchInc(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchDec(Target t, MemoryOrder order) {
        throw released();
    }

    @Override
    public long fetchNeg(Target t, MemoryOrder order) {
        throw released();
    }

    // ---- WideOps (16-byte objects); methods without values are shared with Ops above
    @Override
    public void load(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void exchange(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public boolean cmpxchgWeak(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public boolean cmpxchgStrong(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        throw released();
    }

    @Override
    public boolean bitTest(Target t, Scratch s, int offset, MemoryOrder order) {
        throw released();
    }

    @Override
    public void or(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void xor(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void and(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchOr(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchXor(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchAnd(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchNot(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void add(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void sub(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchAdd(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchSub(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchInc(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchDec(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }

    @Override
    public void fetchNeg(Target t, Scratch s, MemoryOrder order) {
        throw released();
    }
}
