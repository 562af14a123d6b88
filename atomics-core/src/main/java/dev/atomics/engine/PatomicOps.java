package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.memory.MemoryRegion;
import dev.atomics.nativelib.ExplicitOpsTable;

import static dev.atomics.nativelib.Bridge.*;

/**
 * Operations through a patomic explicit ops table: each is one direct-mapped JNA call into the bridge,
 * which calls the table's function pointer. Function pointers are copied into final fields once, so the
 * hot path reads no array and asks native code nothing else. A slot that is 0 (unsupported) is never
 * called: {@link Engines} wraps such tables in {@link RestrictedOps}.
 */
final class PatomicOps implements Ops {

    private final int width;
    private final long store, load, exchange, cmpxchgWeak, cmpxchgStrong;
    private final long test, testCompl, testSet, testReset;
    private final long or, xor, and, not, fetchOr, fetchXor, fetchAnd, fetchNot;
    private final long add, sub, inc, dec, neg, fetchAdd, fetchSub, fetchInc, fetchDec, fetchNeg;

    PatomicOps(ExplicitOpsTable t) {
        width = t.width();
        store = t.function(OpType.STORE);
        load = t.function(OpType.LOAD);
        exchange = t.function(OpType.EXCHANGE);
        cmpxchgWeak = t.function(OpType.CMPXCHG_WEAK);
        cmpxchgStrong = t.function(OpType.CMPXCHG_STRONG);
        test = t.function(OpType.BIT_TEST);
        testCompl = t.function(OpType.BIT_TEST_COMPL);
        testSet = t.function(OpType.BIT_TEST_SET);
        testReset = t.function(OpType.BIT_TEST_RESET);
        or = t.function(OpType.BIN_OR);
        xor = t.function(OpType.BIN_XOR);
        and = t.function(OpType.BIN_AND);
        not = t.function(OpType.BIN_NOT);
        fetchOr = t.function(OpType.BIN_FETCH_OR);
        fetchXor = t.function(OpType.BIN_FETCH_XOR);
        fetchAnd = t.function(OpType.BIN_FETCH_AND);
        fetchNot = t.function(OpType.BIN_FETCH_NOT);
        add = t.function(OpType.ADD);
        sub = t.function(OpType.SUB);
        inc = t.function(OpType.INC);
        dec = t.function(OpType.DEC);
        neg = t.function(OpType.NEG);
        fetchAdd = t.function(OpType.FETCH_ADD);
        fetchSub = t.function(OpType.FETCH_SUB);
        fetchInc = t.function(OpType.FETCH_INC);
        fetchDec = t.function(OpType.FETCH_DEC);
        fetchNeg = t.function(OpType.FETCH_NEG);
    }

    @Override
    public Engine engine() {
        return Engine.PATOMIC;
    }

    // The small arguments travel packed in one int (Bridge.mode): each JNA argument costs about 10 ns.
    // Each method reads the address, makes the call, then fences the region so that its owner (and so the
    // memory) cannot be collected while native code still uses the address.

    @Override
    public long load(MemoryRegion m, MemoryOrder o) {
        long r = atomics_bridge_load(load, m.address(), mode(width, o.value(), 0));
        m.keepAlive();
        return r;
    }

    @Override
    public void store(MemoryRegion m, long v, MemoryOrder o) {
        atomics_bridge_store(store, m.address(), v, mode(width, o.value(), 0));
        m.keepAlive();
    }

    @Override
    public long exchange(MemoryRegion m, long v, MemoryOrder o) {
        long r = atomics_bridge_exchange(exchange, m.address(), v, mode(width, o.value(), 0));
        m.keepAlive();
        return r;
    }

    @Override
    public long cmpxchgWeak(MemoryRegion m, long e, long d, MemoryOrder s, MemoryOrder f) {
        long r = atomics_bridge_cmpxchg(cmpxchgWeak, m.address(), e, d, mode(width, s.value(), f.value()));
        m.keepAlive();
        return r;
    }

    @Override
    public long cmpxchgStrong(MemoryRegion m, long e, long d, MemoryOrder s, MemoryOrder f) {
        long r = atomics_bridge_cmpxchg(cmpxchgStrong, m.address(), e, d, mode(width, s.value(), f.value()));
        m.keepAlive();
        return r;
    }

    private boolean bit(long fn, MemoryRegion m, int offset, MemoryOrder o) {
        int r = atomics_bridge_bit(fn, m.address(), mode(offset, o.value(), 0));
        m.keepAlive();
        return r != 0;
    }

    @Override
    public boolean bitTest(MemoryRegion m, int offset, MemoryOrder o) {
        return bit(test, m, offset, o);
    }

    @Override
    public boolean bitCompl(MemoryRegion m, int offset, MemoryOrder o) {
        return bit(testCompl, m, offset, o);
    }

    @Override
    public boolean bitSet(MemoryRegion m, int offset, MemoryOrder o) {
        return bit(testSet, m, offset, o);
    }

    @Override
    public boolean bitReset(MemoryRegion m, int offset, MemoryOrder o) {
        return bit(testReset, m, offset, o);
    }

    private void voidOp(long fn, MemoryRegion m, long v, MemoryOrder o) {
        atomics_bridge_void(fn, m.address(), v, mode(width, o.value(), 0));
        m.keepAlive();
    }

    private void voidNoArg(long fn, MemoryRegion m, MemoryOrder o) {
        atomics_bridge_void_noarg(fn, m.address(), mode(0, o.value(), 0));
        m.keepAlive();
    }

    private long fetch(long fn, MemoryRegion m, long v, MemoryOrder o) {
        long r = atomics_bridge_fetch(fn, m.address(), v, mode(width, o.value(), 0));
        m.keepAlive();
        return r;
    }

    private long fetchNoArg(long fn, MemoryRegion m, MemoryOrder o) {
        long r = atomics_bridge_fetch_noarg(fn, m.address(), mode(width, o.value(), 0));
        m.keepAlive();
        return r;
    }

    @Override
    public void or(MemoryRegion m, long v, MemoryOrder o) {
        voidOp(or, m, v, o);
    }

    @Override
    public void xor(MemoryRegion m, long v, MemoryOrder o) {
        voidOp(xor, m, v, o);
    }

    @Override
    public void and(MemoryRegion m, long v, MemoryOrder o) {
        voidOp(and, m, v, o);
    }

    @Override
    public void not(MemoryRegion m, MemoryOrder o) {
        voidNoArg(not, m, o);
    }

    @Override
    public long fetchOr(MemoryRegion m, long v, MemoryOrder o) {
        return fetch(fetchOr, m, v, o);
    }

    @Override
    public long fetchXor(MemoryRegion m, long v, MemoryOrder o) {
        return fetch(fetchXor, m, v, o);
    }

    @Override
    public long fetchAnd(MemoryRegion m, long v, MemoryOrder o) {
        return fetch(fetchAnd, m, v, o);
    }

    @Override
    public long fetchNot(MemoryRegion m, MemoryOrder o) {
        return fetchNoArg(fetchNot, m, o);
    }

    @Override
    public void add(MemoryRegion m, long v, MemoryOrder o) {
        voidOp(add, m, v, o);
    }

    @Override
    public void sub(MemoryRegion m, long v, MemoryOrder o) {
        voidOp(sub, m, v, o);
    }

    @Override
    public void inc(MemoryRegion m, MemoryOrder o) {
        voidNoArg(inc, m, o);
    }

    @Override
    public void dec(MemoryRegion m, MemoryOrder o) {
        voidNoArg(dec, m, o);
    }

    @Override
    public void neg(MemoryRegion m, MemoryOrder o) {
        voidNoArg(neg, m, o);
    }

    @Override
    public long fetchAdd(MemoryRegion m, long v, MemoryOrder o) {
        return fetch(fetchAdd, m, v, o);
    }

    @Override
    public long fetchSub(MemoryRegion m, long v, MemoryOrder o) {
        return fetch(fetchSub, m, v, o);
    }

    @Override
    public long fetchInc(MemoryRegion m, MemoryOrder o) {
        return fetchNoArg(fetchInc, m, o);
    }

    @Override
    public long fetchDec(MemoryRegion m, MemoryOrder o) {
        return fetchNoArg(fetchDec, m, o);
    }

    @Override
    public long fetchNeg(MemoryRegion m, MemoryOrder o) {
        return fetchNoArg(fetchNeg, m, o);
    }
}
