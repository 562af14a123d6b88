package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.nativelib.ExplicitOpsTable;

import static dev.atomics.engine.OpDescriptors.op;
import static dev.atomics.nativelib.Bridge.*;

/**
 * Operations through a patomic explicit ops table: each is one direct-mapped JNA call into the bridge,
 * which calls the table's function pointer.
 *
 * <p>What a call needs besides the object and the values (the function pointer, the width, the memory
 * orders) is written once into native operation descriptors ({@link OpDescriptors}): one per (operation, order, fail order),
 * 24 bytes each. A call passes the descriptor's address, found by arithmetic on final fields, so the hot
 * path allocates nothing and JNA converts as few arguments as possible (it charges about 10 ns each). A slot
 * that is 0 (unsupported) is never called: {@link Engines} wraps such tables in {@link RestrictedOps}.
 */
final class PatomicOps implements Ops {

    /** 64 - 8 * width: the bridge zero-extends results, and shifting left then right by this sign-extends them. */
    private final int ext;
    /** The descriptors; held for the life of the ops (and so of the JVM: ops are cached per width). */
    private final OpDescriptors descriptors;
    /** Address of the first descriptor of each operation. */
    private final long store, load, exchange, cmpxchgWeak, cmpxchgStrong;
    private final long test, testCompl, testSet, testReset;
    private final long or, xor, and, not, fetchOr, fetchXor, fetchAnd, fetchNot;
    private final long add, sub, inc, dec, neg, fetchAdd, fetchSub, fetchInc, fetchDec, fetchNeg;

    PatomicOps(ExplicitOpsTable t) {
        ext = 64 - 8 * t.width();
        descriptors = new OpDescriptors(t);
        store = descriptors.first(OpType.STORE);
        load = descriptors.first(OpType.LOAD);
        exchange = descriptors.first(OpType.EXCHANGE);
        cmpxchgWeak = descriptors.first(OpType.CMPXCHG_WEAK);
        cmpxchgStrong = descriptors.first(OpType.CMPXCHG_STRONG);
        test = descriptors.first(OpType.BIT_TEST);
        testCompl = descriptors.first(OpType.BIT_TEST_COMPL);
        testSet = descriptors.first(OpType.BIT_TEST_SET);
        testReset = descriptors.first(OpType.BIT_TEST_RESET);
        or = descriptors.first(OpType.BIN_OR);
        xor = descriptors.first(OpType.BIN_XOR);
        and = descriptors.first(OpType.BIN_AND);
        not = descriptors.first(OpType.BIN_NOT);
        fetchOr = descriptors.first(OpType.BIN_FETCH_OR);
        fetchXor = descriptors.first(OpType.BIN_FETCH_XOR);
        fetchAnd = descriptors.first(OpType.BIN_FETCH_AND);
        fetchNot = descriptors.first(OpType.BIN_FETCH_NOT);
        add = descriptors.first(OpType.ADD);
        sub = descriptors.first(OpType.SUB);
        inc = descriptors.first(OpType.INC);
        dec = descriptors.first(OpType.DEC);
        neg = descriptors.first(OpType.NEG);
        fetchAdd = descriptors.first(OpType.FETCH_ADD);
        fetchSub = descriptors.first(OpType.FETCH_SUB);
        fetchInc = descriptors.first(OpType.FETCH_INC);
        fetchDec = descriptors.first(OpType.FETCH_DEC);
        fetchNeg = descriptors.first(OpType.FETCH_NEG);
    }

    @Override
    public Engine engine() {
        return Engine.PATOMIC;
    }

    // Each method reads the address, makes the call, then fences the object so that its region's owner (and so
    // the memory) cannot be collected while native code still uses the address. Results are sign-extended (Ops).

    @Override
    public long load(Target t, MemoryOrder o) {
        long r = atomics_bridge_load(op(load, o), t.address);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    @Override
    public void store(Target t, long v, MemoryOrder o) {
        atomics_bridge_store(op(store, o), t.address, v);
        t.keepAlive();
    }

    @Override
    public long exchange(Target t, long v, MemoryOrder o) {
        long r = atomics_bridge_exchange(op(exchange, o), t.address, v);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    @Override
    public long cmpxchgWeak(Target t, long e, long d, MemoryOrder s, MemoryOrder f) {
        long r = atomics_bridge_cmpxchg(op(cmpxchgWeak, s, f), t.address, e, d);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    @Override
    public long cmpxchgStrong(Target t, long e, long d, MemoryOrder s, MemoryOrder f) {
        long r = atomics_bridge_cmpxchg(op(cmpxchgStrong, s, f), t.address, e, d);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    private boolean bit(long first, Target t, int offset, MemoryOrder o) {
        int r = atomics_bridge_bit(op(first, o), t.address, offset);
        t.keepAlive();
        return r != 0;
    }

    @Override
    public boolean bitTest(Target t, int offset, MemoryOrder o) {
        return bit(test, t, offset, o);
    }

    @Override
    public boolean bitCompl(Target t, int offset, MemoryOrder o) {
        return bit(testCompl, t, offset, o);
    }

    @Override
    public boolean bitSet(Target t, int offset, MemoryOrder o) {
        return bit(testSet, t, offset, o);
    }

    @Override
    public boolean bitReset(Target t, int offset, MemoryOrder o) {
        return bit(testReset, t, offset, o);
    }

    private void voidOp(long first, Target t, long v, MemoryOrder o) {
        atomics_bridge_void(op(first, o), t.address, v);
        t.keepAlive();
    }

    private void voidNoArg(long first, Target t, MemoryOrder o) {
        atomics_bridge_void_noarg(op(first, o), t.address);
        t.keepAlive();
    }

    private long fetch(long first, Target t, long v, MemoryOrder o) {
        long r = atomics_bridge_fetch(op(first, o), t.address, v);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    private long fetchNoArg(long first, Target t, MemoryOrder o) {
        long r = atomics_bridge_fetch_noarg(op(first, o), t.address);
        t.keepAlive();
        return (r << ext) >> ext;
    }

    @Override
    public void or(Target t, long v, MemoryOrder o) {
        voidOp(or, t, v, o);
    }

    @Override
    public void xor(Target t, long v, MemoryOrder o) {
        voidOp(xor, t, v, o);
    }

    @Override
    public void and(Target t, long v, MemoryOrder o) {
        voidOp(and, t, v, o);
    }

    @Override
    public void not(Target t, MemoryOrder o) {
        voidNoArg(not, t, o);
    }

    @Override
    public long fetchOr(Target t, long v, MemoryOrder o) {
        return fetch(fetchOr, t, v, o);
    }

    @Override
    public long fetchXor(Target t, long v, MemoryOrder o) {
        return fetch(fetchXor, t, v, o);
    }

    @Override
    public long fetchAnd(Target t, long v, MemoryOrder o) {
        return fetch(fetchAnd, t, v, o);
    }

    @Override
    public long fetchNot(Target t, MemoryOrder o) {
        return fetchNoArg(fetchNot, t, o);
    }

    @Override
    public void add(Target t, long v, MemoryOrder o) {
        voidOp(add, t, v, o);
    }

    @Override
    public void sub(Target t, long v, MemoryOrder o) {
        voidOp(sub, t, v, o);
    }

    @Override
    public void inc(Target t, MemoryOrder o) {
        voidNoArg(inc, t, o);
    }

    @Override
    public void dec(Target t, MemoryOrder o) {
        voidNoArg(dec, t, o);
    }

    @Override
    public void neg(Target t, MemoryOrder o) {
        voidNoArg(neg, t, o);
    }

    @Override
    public long fetchAdd(Target t, long v, MemoryOrder o) {
        return fetch(fetchAdd, t, v, o);
    }

    @Override
    public long fetchSub(Target t, long v, MemoryOrder o) {
        return fetch(fetchSub, t, v, o);
    }

    @Override
    public long fetchInc(Target t, MemoryOrder o) {
        return fetchNoArg(fetchInc, t, o);
    }

    @Override
    public long fetchDec(Target t, MemoryOrder o) {
        return fetchNoArg(fetchDec, t, o);
    }

    @Override
    public long fetchNeg(Target t, MemoryOrder o) {
        return fetchNoArg(fetchNeg, t, o);
    }
}
