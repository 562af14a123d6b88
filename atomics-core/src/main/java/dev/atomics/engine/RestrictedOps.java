package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.UnsupportedOpException;
import dev.atomics.memory.MemoryRegion;

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
    public long load(MemoryRegion m, MemoryOrder order) {
        check(OpType.LOAD);
        return delegate.load(m, order);
    }

    @Override
    public void store(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.STORE);
        delegate.store(m, value, order);
    }

    @Override
    public long exchange(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.EXCHANGE);
        return delegate.exchange(m, value, order);
    }

    @Override
    public long cmpxchgWeak(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_WEAK);
        return delegate.cmpxchgWeak(m, expected, desired, succ, fail);
    }

    @Override
    public long cmpxchgStrong(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        check(OpType.CMPXCHG_STRONG);
        return delegate.cmpxchgStrong(m, expected, desired, succ, fail);
    }

    @Override
    public boolean bitTest(MemoryRegion m, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST);
        return delegate.bitTest(m, offset, order);
    }

    @Override
    public boolean bitCompl(MemoryRegion m, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_COMPL);
        return delegate.bitCompl(m, offset, order);
    }

    @Override
    public boolean bitSet(MemoryRegion m, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_SET);
        return delegate.bitSet(m, offset, order);
    }

    @Override
    public boolean bitReset(MemoryRegion m, int offset, MemoryOrder order) {
        check(OpType.BIT_TEST_RESET);
        return delegate.bitReset(m, offset, order);
    }

    @Override
    public void or(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_OR);
        delegate.or(m, value, order);
    }

    @Override
    public void xor(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_XOR);
        delegate.xor(m, value, order);
    }

    @Override
    public void and(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_AND);
        delegate.and(m, value, order);
    }

    @Override
    public void not(MemoryRegion m, MemoryOrder order) {
        check(OpType.BIN_NOT);
        delegate.not(m, order);
    }

    @Override
    public long fetchOr(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_OR);
        return delegate.fetchOr(m, value, order);
    }

    @Override
    public long fetchXor(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_XOR);
        return delegate.fetchXor(m, value, order);
    }

    @Override
    public long fetchAnd(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.BIN_FETCH_AND);
        return delegate.fetchAnd(m, value, order);
    }

    @Override
    public long fetchNot(MemoryRegion m, MemoryOrder order) {
        check(OpType.BIN_FETCH_NOT);
        return delegate.fetchNot(m, order);
    }

    @Override
    public void add(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.ADD);
        delegate.add(m, value, order);
    }

    @Override
    public void sub(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.SUB);
        delegate.sub(m, value, order);
    }

    @Override
    public void inc(MemoryRegion m, MemoryOrder order) {
        check(OpType.INC);
        delegate.inc(m, order);
    }

    @Override
    public void dec(MemoryRegion m, MemoryOrder order) {
        check(OpType.DEC);
        delegate.dec(m, order);
    }

    @Override
    public void neg(MemoryRegion m, MemoryOrder order) {
        check(OpType.NEG);
        delegate.neg(m, order);
    }

    @Override
    public long fetchAdd(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.FETCH_ADD);
        return delegate.fetchAdd(m, value, order);
    }

    @Override
    public long fetchSub(MemoryRegion m, long value, MemoryOrder order) {
        check(OpType.FETCH_SUB);
        return delegate.fetchSub(m, value, order);
    }

    @Override
    public long fetchInc(MemoryRegion m, MemoryOrder order) {
        check(OpType.FETCH_INC);
        return delegate.fetchInc(m, order);
    }

    @Override
    public long fetchDec(MemoryRegion m, MemoryOrder order) {
        check(OpType.FETCH_DEC);
        return delegate.fetchDec(m, order);
    }

    @Override
    public long fetchNeg(MemoryRegion m, MemoryOrder order) {
        check(OpType.FETCH_NEG);
        return delegate.fetchNeg(m, order);
    }
}
