package dev.atomics.engine;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.OpType;
import dev.atomics.nativelib.ExplicitOpsTable;

import static dev.atomics.engine.OpDescriptors.op;
import static dev.atomics.nativelib.Bridge.*;

/**
 * 16-byte operations through a patomic explicit ops table: each is one direct-mapped JNA call into the bridge's
 * by-address ({@code _ref}) entry points, with the values in the calling thread's {@link Scratch}. The
 * descriptors are prepared once, as in {@link PatomicOps}.
 *
 * <p>Where the table has no load (the CPU has no single atomic 16-byte read: x86-64 without AVX, aarch64 without
 * FEAT_LSE2), the load and the bit test are a strong compare-and-exchange of 0 with 0: it leaves the value as it
 * was but writes it, so {@link Engines} never binds such ops to read-only memory (the write would fault and kill
 * the JVM). A slot that is 0 is otherwise never called: {@link Engines} wraps such tables in
 * {@link RestrictedWideOps}.
 */
final class PatomicWideOps implements WideOps {

    /** 16 zero bytes, never written: the desired value of a load by compare-and-exchange. */
    private static final Memory ZERO = zero();

    /** The descriptors; held for the life of the ops (and so of the JVM: ops are cached per width). */
    private final OpDescriptors descriptors;
    private final long zero;
    /** Whether the table has an atomic 16-byte read (load and bit test). */
    private final boolean reads;
    private final long store, load, exchange, cmpxchgWeak, cmpxchgStrong;
    private final long test, testCompl, testSet, testReset;
    private final long or, xor, and, not, fetchOr, fetchXor, fetchAnd, fetchNot;
    private final long add, sub, inc, dec, neg, fetchAdd, fetchSub, fetchInc, fetchDec, fetchNeg;

    PatomicWideOps(ExplicitOpsTable t) {
        if (t.width() != 16) {
            throw new IllegalArgumentException("16-byte ops for a table of width " + t.width());
        }
        descriptors = new OpDescriptors(t);
        zero = Pointer.nativeValue(ZERO);
        reads = t.function(OpType.LOAD) != 0 && t.function(OpType.BIT_TEST) != 0;
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

    private static Memory zero() {
        Memory m = new Memory(16);
        m.clear();
        return m;
    }

    /** Whether loads and bit tests are atomic reads (rather than a compare-and-exchange, which writes). */
    boolean reads() {
        return reads;
    }

    @Override
    public Engine engine() {
        return Engine.PATOMIC;
    }

    // Each method makes the call, then fences the object (its memory must outlive the native access, as in
    // PatomicOps) and the thread's buffers (native code used them by address).

    @Override
    public void load(Target t, Scratch s, MemoryOrder o) {
        if (reads) {
            atomics_bridge_load_ref(op(load, o), t.address, s.address(Scratch.R));
        } else {
            readByCmpxchg(t, s, o);
        }
        t.keepAlive();
        s.keepAlive();
    }

    /**
     * Reads into {@code R} with a strong compare-and-exchange of 0 with 0 at order {@code o} (success and failure):
     * on failure {@code R} receives the value; on success the value was 0, which {@code R} already holds, and 0
     * was written back, which no reader can tell from no write. Only on writable memory.
     */
    private void readByCmpxchg(Target t, Scratch s, MemoryOrder o) {
        s.put(Scratch.R, 0, 0);
        atomics_bridge_cmpxchg_ref(op(cmpxchgStrong, o, o), t.address, s.address(Scratch.R), zero);
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_store_ref(op(store, o), t.address, s.address(Scratch.A));
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public void exchange(Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_exchange_ref(op(exchange, o), t.address, s.address(Scratch.A), s.address(Scratch.R));
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public boolean cmpxchgWeak(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        int r = atomics_bridge_cmpxchg_ref(op(cmpxchgWeak, succ, fail), t.address, s.address(Scratch.A), s.address(Scratch.B));
        t.keepAlive();
        s.keepAlive();
        return r != 0;
    }

    @Override
    public boolean cmpxchgStrong(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        int r = atomics_bridge_cmpxchg_ref(op(cmpxchgStrong, succ, fail), t.address, s.address(Scratch.A), s.address(Scratch.B));
        t.keepAlive();
        s.keepAlive();
        return r != 0;
    }

    @Override
    public boolean bitTest(Target t, Scratch s, int offset, MemoryOrder o) {
        if (reads) {
            return bit(test, t, offset, o);
        }
        readByCmpxchg(t, s, o);
        t.keepAlive();
        s.keepAlive();
        long half = offset < 64 ? s.low(Scratch.R) : s.high(Scratch.R);
        return (half >>> (offset & 63) & 1) != 0;
    }

    private boolean bit(long first, Target t, int offset, MemoryOrder o) {
        int r = atomics_bridge_bit(op(first, o), t.address, offset);
        t.keepAlive();
        return r != 0;
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

    private void voidOp(long first, Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_void_ref(op(first, o), t.address, s.address(Scratch.A));
        t.keepAlive();
        s.keepAlive();
    }

    private void voidNoArg(long first, Target t, MemoryOrder o) {
        atomics_bridge_void_noarg(op(first, o), t.address);
        t.keepAlive();
    }

    private void fetch(long first, Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_fetch_ref(op(first, o), t.address, s.address(Scratch.A), s.address(Scratch.R));
        t.keepAlive();
        s.keepAlive();
    }

    private void fetchNoArg(long first, Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_fetch_noarg_ref(op(first, o), t.address, s.address(Scratch.R));
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public void or(Target t, Scratch s, MemoryOrder o) {
        voidOp(or, t, s, o);
    }

    @Override
    public void xor(Target t, Scratch s, MemoryOrder o) {
        voidOp(xor, t, s, o);
    }

    @Override
    public void and(Target t, Scratch s, MemoryOrder o) {
        voidOp(and, t, s, o);
    }

    @Override
    public void not(Target t, MemoryOrder o) {
        voidNoArg(not, t, o);
    }

    @Override
    public void fetchOr(Target t, Scratch s, MemoryOrder o) {
        fetch(fetchOr, t, s, o);
    }

    @Override
    public void fetchXor(Target t, Scratch s, MemoryOrder o) {
        fetch(fetchXor, t, s, o);
    }

    @Override
    public void fetchAnd(Target t, Scratch s, MemoryOrder o) {
        fetch(fetchAnd, t, s, o);
    }

    @Override
    public void fetchNot(Target t, Scratch s, MemoryOrder o) {
        fetchNoArg(fetchNot, t, s, o);
    }

    @Override
    public void add(Target t, Scratch s, MemoryOrder o) {
        voidOp(add, t, s, o);
    }

    @Override
    public void sub(Target t, Scratch s, MemoryOrder o) {
        voidOp(sub, t, s, o);
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
    public void fetchAdd(Target t, Scratch s, MemoryOrder o) {
        fetch(fetchAdd, t, s, o);
    }

    @Override
    public void fetchSub(Target t, Scratch s, MemoryOrder o) {
        fetch(fetchSub, t, s, o);
    }

    @Override
    public void fetchInc(Target t, Scratch s, MemoryOrder o) {
        fetchNoArg(fetchInc, t, s, o);
    }

    @Override
    public void fetchDec(Target t, Scratch s, MemoryOrder o) {
        fetchNoArg(fetchDec, t, s, o);
    }

    @Override
    public void fetchNeg(Target t, Scratch s, MemoryOrder o) {
        fetchNoArg(fetchNeg, t, s, o);
    }
}
