package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.UnsupportedOpException;

import java.util.Set;

/**
 * Ops that refuse the operations an object does not support (every modifying one on a readonly object,
 * the ones a native library has no lock-free instruction for) with {@link UnsupportedOpException}, and pass
 * the rest on. Objects that support everything never see this class, so their hot path has no check.
 */
final class RestrictedOps implements Ops {

    private final Ops delegate;
    private final boolean[] allowed = new boolean[OpType.values().length];
    private final String owner;
    private final String reason;

    /**
     * @param owner  what the object is, for messages (e.g. {@code readonly AtomicIntView of width 4})
     * @param reason why the refused operations are refused
     */
    RestrictedOps(Ops delegate, Set<OpType> allowed, String owner, String reason) {
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
    public long load(Target t, MemoryOrder order) {
        check(OpType.LOAD);
        return delegate.load(t, order);
    }

    @Override
    public void store(Target t, long value, MemoryOrder order) {
        check(OpType.STORE);
        delegate.store(t, value, order);
    }

    @Override
    public long exchange(Target t, long value, MemoryOrder order) {
        check(OpType.EXCHANGE);
        return delegate.exchange(t, value, order);
    }

    @Override
    public long cmpxchgWeak(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_WEAK);
        return delegate.cmpxchgWeak(t, expected, desired, succ, fail);
    }

    @Override
    public long cmpxchgStrong(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_STRONG);
        return delegate.cmpxchgStrong(t, expected, desired, succ, fail);
    }

    @Override
    public boolean bitTest(Target t, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST);
        return delegate.bitTest(t, offset, order);
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
    public void or(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_OR);
        delegate.or(t, value, order);
    }

    @Override
    public void xor(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_XOR);
        delegate.xor(t, value, order);
    }

    @Override
    public void and(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_AND);
        delegate.and(t, value, order);
    }

    @Override
    public void not(Target t, MemoryOrder order) {
        check(OpType.BIN_NOT);
        delegate.not(t, order);
    }

    @Override
    public long fetchOr(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_OR);
        return delegate.fetchOr(t, value, order);
    }

    @Override
    public long fetchXor(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_XOR);
        return delegate.fetchXor(t, value, order);
    }

    @Override
    public long fetchAnd(Target t, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_AND);
        return delegate.fetchAnd(t, value, order);
    }

    @Override
    public long fetchNot(Target t, MemoryOrder order) {
        check(OpType.BIN_FETCH_NOT);
        return delegate.fetchNot(t, order);
    }

    @Override
    public void add(Target t, long value, MemoryOrder order) {
        check(OpType.ADD);
        delegate.add(t, value, order);
    }

    @Override
    public void sub(Target t, long value, MemoryOrder order) {
        check(OpType.SUB);
        delegate.sub(t, value, order);
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
    public long fetchAdd(Target t, long value, MemoryOrder order) {
        check(OpType.FETCH_ADD);
        return delegate.fetchAdd(t, value, order);
    }

    @Override
    public long fetchSub(Target t, long value, MemoryOrder order) {
        check(OpType.FETCH_SUB);
        return delegate.fetchSub(t, value, order);
    }

    @Override
    public long fetchInc(Target t, MemoryOrder order) {
        check(OpType.FETCH_INC);
        return delegate.fetchInc(t, order);
    }

    @Override
    public long fetchDec(Target t, MemoryOrder order) {
        check(OpType.FETCH_DEC);
        return delegate.fetchDec(t, order);
    }

    @Override
    public long fetchNeg(Target t, MemoryOrder order) {
        check(OpType.FETCH_NEG);
        return delegate.fetchNeg(t, order);
    }
}
