package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.UnsupportedOpException;

import java.util.Set;

/**
 * {@link RestrictedOps} for 16-byte objects: refuses the operations an object does not support (every modifying
 * one on a readonly object, those the library lacks) with {@link UnsupportedOpException}, and passes the rest on.
 */
final class RestrictedWideOps implements WideOps {

    private final WideOps delegate;
    private final boolean[] allowed = new boolean[OpType.values().length];
    private final String owner;
    private final String reason;

    RestrictedWideOps(WideOps delegate, Set<OpType> allowed, String owner, String reason) {
        this.delegate = delegate;
        for (OpType op : allowed) {
            this.allowed[op.ordinal()] = true;
        }
        this.owner = owner;
        this.reason = reason;
    }

    private void check(OpType op) {
        if (!allowed[op.ordinal()]) {
            throw new UnsupportedOpException(owner + " does not support " + op + ": " + reason);
        }
    }

    @Override
    public Engine engine() {
        return delegate.engine();
    }

    @Override
    public void load(Target t, Scratch s, MemoryOrder order) {
        check(OpType.LOAD);
        delegate.load(t, s, order);
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder order) {
        check(OpType.STORE);
        delegate.store(t, s, order);
    }

    @Override
    public void exchange(Target t, Scratch s, MemoryOrder order) {
        check(OpType.EXCHANGE);
        delegate.exchange(t, s, order);
    }

    @Override
    public boolean cmpxchgWeak(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_WEAK);
        return delegate.cmpxchgWeak(t, s, succ, fail);
    }

    @Override
    public boolean cmpxchgStrong(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_STRONG);
        return delegate.cmpxchgStrong(t, s, succ, fail);
    }

    @Override
    public boolean bitTest(Target t, Scratch s, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST);
        return delegate.bitTest(t, s, offset, order);
    }

    @Override
    public boolean bitCompl(Target t, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_COMPL);
        return delegate.bitCompl(t, offset, order);
    }

    @Override
    public boolean bitSet(Target t, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_SET);
        return delegate.bitSet(t, offset, order);
    }

    @Override
    public boolean bitReset(Target t, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_RESET);
        return delegate.bitReset(t, offset, order);
    }

    @Override
    public void or(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_OR);
        delegate.or(t, s, order);
    }

    @Override
    public void xor(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_XOR);
        delegate.xor(t, s, order);
    }

    @Override
    public void and(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_AND);
        delegate.and(t, s, order);
    }

    @Override
    public void not(Target t, MemoryOrder order) {
        check(OpType.BIN_NOT);
        delegate.not(t, order);
    }

    @Override
    public void fetchOr(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_FETCH_OR);
        delegate.fetchOr(t, s, order);
    }

    @Override
    public void fetchXor(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_FETCH_XOR);
        delegate.fetchXor(t, s, order);
    }

    @Override
    public void fetchAnd(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_FETCH_AND);
        delegate.fetchAnd(t, s, order);
    }

    @Override
    public void fetchNot(Target t, Scratch s, MemoryOrder order) {
        check(OpType.BIN_FETCH_NOT);
        delegate.fetchNot(t, s, order);
    }

    @Override
    public void add(Target t, Scratch s, MemoryOrder order) {
        check(OpType.ADD);
        delegate.add(t, s, order);
    }

    @Override
    public void sub(Target t, Scratch s, MemoryOrder order) {
        check(OpType.SUB);
        delegate.sub(t, s, order);
    }

    @Override
    public void inc(Target t, MemoryOrder order) {
        check(OpType.INC);
        delegate.inc(t, order);
    }

    @Override
    public void dec(Target t, MemoryOrder order) {
        check(OpType.DEC);
        delegate.dec(t, order);
    }

    @Override
    public void neg(Target t, MemoryOrder order) {
        check(OpType.NEG);
        delegate.neg(t, order);
    }

    @Override
    public void fetchAdd(Target t, Scratch s, MemoryOrder order) {
        check(OpType.FETCH_ADD);
        delegate.fetchAdd(t, s, order);
    }

    @Override
    public void fetchSub(Target t, Scratch s, MemoryOrder order) {
        check(OpType.FETCH_SUB);
        delegate.fetchSub(t, s, order);
    }

    @Override
    public void fetchInc(Target t, Scratch s, MemoryOrder order) {
        check(OpType.FETCH_INC);
        delegate.fetchInc(t, s, order);
    }

    @Override
    public void fetchDec(Target t, Scratch s, MemoryOrder order) {
        check(OpType.FETCH_DEC);
        delegate.fetchDec(t, s, order);
    }

    @Override
    public void fetchNeg(Target t, Scratch s, MemoryOrder order) {
        check(OpType.FETCH_NEG);
        delegate.fetchNeg(t, s, order);
    }
}
