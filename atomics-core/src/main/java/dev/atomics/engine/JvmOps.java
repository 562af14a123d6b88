package dev.atomics.engine;

import static dev.atomics.MemoryOrder.*;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The JVM engine at every width (1, 2, 4, 8), as {@link VarHandle} access modes on the object's memory. The JIT
 * compiles them to the lock-free instructions patomic and C compilers use ({@code lock xadd},
 * {@code lock cmpxchg}, plain loads and stores with the fences the order needs), so objects of either engine,
 * in this or another process, may act on one location together.
 *
 * <p>One stateless instance serves every width: the width, and for 1 and 2 bytes the containing word, come
 * from the {@link Target}. Each public method tests the width (a final field; in a program that uses one
 * width the JIT keeps only that branch) and calls a small helper of that width, so whatever is inlined stays
 * small. Everything that is not a load, a store, an exchange, a compare-and-exchange or a fetch-add/or/xor/and
 * is written once, on top of those.
 *
 * <ul>
 *   <li>Widths 8 and 4: the access modes of {@code long} and {@code int} buffer views on the object's bytes.
 *   <li>Width 2: loads and stores are {@code short} access modes; width 1: the JVM has no byte view of a
 *       buffer, so a load reads the containing word (one aligned 4-byte load) and a store is a plain byte store
 *       (a byte never tears) framed by the order's fences.
 *   <li>Widths 2 and 1, read-modify-writes: on the aligned 4-byte word that holds the object
 *       ({@link dev.atomics.memory.MemoryRegion#word()}), in ways that leave the neighbouring bytes exactly as
 *       any concurrent writer (a thread or another process, through any engine) left them. Or, xor and and are
 *       the word's own atomic bitwise operations with the neighbours' bits neutral; an addition is one atomic
 *       add on the word when the object is its top bytes (the carry falls off; owned objects are placed
 *       so); for owned objects, whose neighbours are their own zero padding, an exchange is one exchange of the
 *       word and a compare-and-exchange one CAS of it; everything else (exchange, negation, other additions,
 *       compare-and-exchange) is a
 *       compare-and-exchange loop that writes the neighbours back only if they still hold what it read, so a
 *       neighbour's write just sends it round again. (What Agrona and the JDK's own byte CAS do; the hardware
 *       keeps mixed-size atomics on one location coherent.)
 * </ul>
 *
 * <p>Order mapping: {@code RELAXED} loads and stores are opaque; read-modify-writes take the acquire, release
 * or volatile mode at least as strong as the order asked for (Java has no relaxed read-modify-write). A
 * 1-byte store is preceded by a release fence whatever its order (which also keeps the JIT from merging or
 * dropping it) and followed by a full fence when {@code SEQ_CST}. Results are sign-extended from the width,
 * as {@link Ops} requires.
 */
final class JvmOps implements Ops {

    static final JvmOps INSTANCE = new JvmOps();

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle SHORT =
            MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());

    /**
     * What a compare-and-exchange loop on the word of a 1- or 2-byte object does; a constant wherever it is inlined.
     */
    private static final int SET = 0, ADD = 1;

    private JvmOps() {}

    @Override
    public Engine engine() {
        return Engine.JVM;
    }

    // ---- the primitives, by width ---------------------------------------------------------------------------

    @Override
    public long load(Target t, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return load8(t.buffer, o);
        }
        if (w == 4) {
            return load4(t.buffer, o);
        }
        if (w == 2) {
            return load2(t.buffer, o);
        }
        return (byte) (load4(t.word, o) >> t.wordShift);
    }

    @Override
    public void store(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            store8(t.buffer, v, o);
        } else if (w == 4) {
            store4(t.buffer, (int) v, o);
        } else if (w == 2) {
            store2(t.buffer, (short) v, o);
        } else {
            store1(t.buffer, (byte) v, o);
        }
    }

    @Override
    public long cmpxchg(Target t, Op op, long e, long d, MemoryOrder s, MemoryOrder f) {
        int w = t.size;
        if (op == Op.CMPXCHG_WEAK && w >= 4) {
            boolean done = w == 8 ? weakCas8(t.buffer, e, d, s, f) : weakCas4(t.buffer, (int) e, (int) d, s, f);
            // A weak CAS reports no witness; on failure a strong one supplies it (and may succeed instead).
            if (done) {
                return e;
            }
        }
        // (widths 1 and 2: the word loop never fails spuriously, so a strong compare-and-exchange is a weak one)
        if (w == 8) {
            return cas8(t.buffer, e, d, s, f);
        }
        if (w == 4) {
            return cas4(t.buffer, (int) e, (int) d, s, f);
        }
        return casNarrow(t, e, d, s, f);
    }

    /**
     * The read-modify-writes the JVM has an access mode for, by identity of the (constant) op, so that the JIT
     * keeps one branch; everything else is {@link Ops#update}.
     */
    @Override
    public long rmw(Target t, Op op, long v, MemoryOrder o) {
        if (op == Op.FETCH_ADD || op == Op.ADD) {
            return fetchAdd(t, v, o);
        }
        if (op == Op.FETCH_INC || op == Op.INC) {
            return fetchAdd(t, 1L, o);
        }
        if (op == Op.FETCH_SUB || op == Op.SUB) {
            return fetchAdd(t, -v, o);
        }
        if (op == Op.FETCH_DEC || op == Op.DEC) {
            return fetchAdd(t, -1L, o);
        }
        if (op == Op.BIN_FETCH_OR || op == Op.BIN_OR) {
            return fetchOr(t, v, o);
        }
        if (op == Op.BIN_FETCH_AND || op == Op.BIN_AND) {
            return fetchAnd(t, v, o);
        }
        if (op == Op.BIN_FETCH_XOR || op == Op.BIN_XOR) {
            return fetchXor(t, v, o);
        }
        if (op == Op.BIN_FETCH_NOT || op == Op.BIN_NOT) {
            return fetchXor(t, -1L, o);
        }
        if (op == Op.EXCHANGE) {
            return exchange(t, v, o);
        }
        return Ops.update(this, t, op, v, o);
    }

    @Override
    public boolean bit(Target t, Op op, int offset, MemoryOrder o) {
        long mask = 1L << offset;
        if (op == Op.BIT_TEST) {
            return (load(t, o) & mask) != 0;
        }
        if (op == Op.BIT_TEST_SET) {
            return (fetchOr(t, mask, o) & mask) != 0;
        }
        if (op == Op.BIT_TEST_RESET) {
            return (fetchAnd(t, ~mask, o) & mask) != 0;
        }
        return (fetchXor(t, mask, o) & mask) != 0;
    }

    // ---- the primitives the rest is built on, by width ------------------------------------------------------

    static long exchange(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return exchange8(t.buffer, v, o);
        }
        if (w == 4) {
            return exchange4(t.buffer, (int) v, o);
        }
        if (t.wordPrivate) {
            // the rest of the word is our own padding, always 0: exchange the whole word
            return narrow(t, exchange4(t.word, ((int) v << t.wordShift) & t.wordMask, o) >> t.wordShift);
        }
        return rmw(t, SET, v, o);
    }

    static long fetchAdd(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return getAndAdd8(t.buffer, v, o);
        }
        if (w == 4) {
            return getAndAdd4(t.buffer, (int) v, o);
        }
        if (t.wordTop) {
            // nothing above the object in its word: the addition's carry falls off the word, and nothing
            // carries in from below (the addend's low bits are 0), so one xadd leaves the neighbours alone
            return narrow(t, getAndAdd4(t.word, (int) v << t.wordShift, o) >> t.wordShift);
        }
        return rmw(t, ADD, v, o);
    }

    static long fetchOr(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return getAndOr8(t.buffer, v, o);
        }
        if (w == 4) {
            return getAndOr4(t.buffer, (int) v, o);
        }
        // the bitwise modes apply to the word with the neighbours' bits neutral (0 for or and xor, 1 for and)
        return narrow(t, getAndOr4(t.word, ((int) v << t.wordShift) & t.wordMask, o) >> t.wordShift);
    }

    static long fetchXor(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return getAndXor8(t.buffer, v, o);
        }
        if (w == 4) {
            return getAndXor4(t.buffer, (int) v, o);
        }
        return narrow(t, getAndXor4(t.word, ((int) v << t.wordShift) & t.wordMask, o) >> t.wordShift);
    }

    static long fetchAnd(Target t, long v, MemoryOrder o) {
        int w = t.size;
        if (w == 8) {
            return getAndAnd8(t.buffer, v, o);
        }
        if (w == 4) {
            return getAndAnd4(t.buffer, (int) v, o);
        }
        return narrow(t, getAndAnd4(t.word, ((int) v << t.wordShift) | ~t.wordMask, o) >> t.wordShift);
    }

    // ---- widths 1 and 2: the containing word ----------------------------------------------------------------

    /**
     * A read-modify-write of a 1- or 2-byte object that no single instruction does (exchange, addition
     * below the top of the word) as a compare-and-exchange loop on its containing word (aligned, 4 bytes,
     * inside the object's page since 4 divides every page size, so mapped whenever the object is). The object's bits
     * are worked on where they sit in the word ({@link dev.atomics.memory.MemoryRegion#wordMask()}): adding
     * {@code v << shift} carries nothing into them from below, and what carries out above is masked off, so the
     * neighbours are written back exactly as read. The first read is only a guess: the CAS checks the whole
     * word, and a neighbour's change just sends the loop round again.
     */
    private static long rmw(Target t, int kind, long v, MemoryOrder o) {
        ByteBuffer word = t.word;
        int shift = t.wordShift;
        int mask = t.wordMask;
        int operand = (int) v << shift;
        int seen = (int) INT.getOpaque(word, 0);
        while (true) {
            int bits;
            bits = kind == SET ? operand : seen + operand;
            // A failed CAS is retried, so only the success side needs the order.
            int witness = cas4(word, seen, (seen & ~mask) | (bits & mask), o, RELAXED);
            if (witness == seen) {
                return narrow(t, seen >> shift);
            }
            seen = witness;
        }
    }

    /**
     * A strong compare-and-exchange of a 1- or 2-byte object: a CAS of the whole word that expects the
     * neighbours as last seen (for an owned object, as always: 0, so the common case is one instruction). It fails
     * (returning the witness) only if the object's own bits differ from
     * {@code e}; if only neighbours changed it tries again with their new values. The CAS's access mode covers
     * the failure order, as at the other widths.
     */
    private static long casNarrow(Target t, long e, long d, MemoryOrder s, MemoryOrder f) {
        ByteBuffer word = t.word;
        int shift = t.wordShift;
        int mask = t.wordMask;
        int expected = ((int) e << shift) & mask;
        int desired = ((int) d << shift) & mask;
        // Owned objects' neighbours are padding that is always 0; anyone else's must be read (a guess: the
        // CAS checks it).
        int others = t.wordPrivate ? 0 : (int) INT.getOpaque(word, 0) & ~mask;
        while (true) {
            int witness = cas4(word, others | expected, others | desired, s, f);
            if ((witness & mask) != expected || witness == (others | expected)) {
                return narrow(t, witness >> shift);
            }
            others = witness & ~mask;
        }
    }

    /** The object's value from its bits shifted down to bit 0, sign-extended from its width. */
    private static long narrow(Target t, int bits) {
        return t.size == 1 ? (byte) bits : (short) bits;
    }

    private static short load2(ByteBuffer b, MemoryOrder o) {
        if (o == SEQ_CST) {
            return (short) SHORT.getVolatile(b, 0);
        }
        return o == ACQUIRE ? (short) SHORT.getAcquire(b, 0) : (short) SHORT.getOpaque(b, 0);
    }

    private static void store2(ByteBuffer b, short v, MemoryOrder o) {
        if (o == SEQ_CST) {
            SHORT.setVolatile(b, 0, v);
        } else if (o == RELEASE) {
            SHORT.setRelease(b, 0, v);
        } else {
            SHORT.setOpaque(b, 0, v);
        }
    }

    private static void store1(ByteBuffer b, byte v, MemoryOrder o) {
        // No VarHandle accesses one byte of a buffer. A release fence orders what came before (and keeps the
        // JIT from merging or dropping the store); a full fence after a SEQ_CST store orders it before later
        // loads, the mapping C compilers use for a sequentially consistent store (mov; mfence).
        VarHandle.releaseFence();
        b.put(0, v);
        if (o == SEQ_CST) {
            VarHandle.fullFence();
        }
    }

    // ---- width 8 --------------------------------------------------------------------------------------------

    private static long load8(ByteBuffer b, MemoryOrder o) {
        if (o == SEQ_CST) {
            return (long) LONG.getVolatile(b, 0);
        }
        return o == ACQUIRE ? (long) LONG.getAcquire(b, 0) : (long) LONG.getOpaque(b, 0);
    }

    private static void store8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST) {
            LONG.setVolatile(b, 0, v);
        } else if (o == RELEASE) {
            LONG.setRelease(b, 0, v);
        } else {
            LONG.setOpaque(b, 0, v);
        }
    }

    private static long exchange8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) LONG.getAndSet(b, 0, v);
        }
        return o == RELEASE ? (long) LONG.getAndSetRelease(b, 0, v) : (long) LONG.getAndSetAcquire(b, 0, v);
    }

    private static long cas8(ByteBuffer b, long e, long d, MemoryOrder s, MemoryOrder f) {
        if (JvmOrders.casVolatile(s, f)) {
            return (long) LONG.compareAndExchange(b, 0, e, d);
        }
        return s == RELEASE
                ? (long) LONG.compareAndExchangeRelease(b, 0, e, d)
                : (long) LONG.compareAndExchangeAcquire(b, 0, e, d);
    }

    private static boolean weakCas8(ByteBuffer b, long e, long d, MemoryOrder s, MemoryOrder f) {
        if (JvmOrders.casVolatile(s, f)) {
            return LONG.weakCompareAndSet(b, 0, e, d);
        }
        return s == RELEASE ? LONG.weakCompareAndSetRelease(b, 0, e, d) : LONG.weakCompareAndSetAcquire(b, 0, e, d);
    }

    private static long getAndAdd8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) LONG.getAndAdd(b, 0, v);
        }
        return o == RELEASE ? (long) LONG.getAndAddRelease(b, 0, v) : (long) LONG.getAndAddAcquire(b, 0, v);
    }

    private static long getAndOr8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) LONG.getAndBitwiseOr(b, 0, v);
        }
        return o == RELEASE ? (long) LONG.getAndBitwiseOrRelease(b, 0, v) : (long) LONG.getAndBitwiseOrAcquire(b, 0, v);
    }

    private static long getAndXor8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) LONG.getAndBitwiseXor(b, 0, v);
        }
        return o == RELEASE
                ? (long) LONG.getAndBitwiseXorRelease(b, 0, v)
                : (long) LONG.getAndBitwiseXorAcquire(b, 0, v);
    }

    private static long getAndAnd8(ByteBuffer b, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) LONG.getAndBitwiseAnd(b, 0, v);
        }
        return o == RELEASE
                ? (long) LONG.getAndBitwiseAndRelease(b, 0, v)
                : (long) LONG.getAndBitwiseAndAcquire(b, 0, v);
    }

    // ---- width 4 (and the containing word of widths 1 and 2) ------------------------------------------------

    private static int load4(ByteBuffer b, MemoryOrder o) {
        if (o == SEQ_CST) {
            return (int) INT.getVolatile(b, 0);
        }
        return o == ACQUIRE ? (int) INT.getAcquire(b, 0) : (int) INT.getOpaque(b, 0);
    }

    private static void store4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST) {
            INT.setVolatile(b, 0, v);
        } else if (o == RELEASE) {
            INT.setRelease(b, 0, v);
        } else {
            INT.setOpaque(b, 0, v);
        }
    }

    private static int exchange4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (int) INT.getAndSet(b, 0, v);
        }
        return o == RELEASE ? (int) INT.getAndSetRelease(b, 0, v) : (int) INT.getAndSetAcquire(b, 0, v);
    }

    private static int cas4(ByteBuffer b, int e, int d, MemoryOrder s, MemoryOrder f) {
        if (JvmOrders.casVolatile(s, f)) {
            return (int) INT.compareAndExchange(b, 0, e, d);
        }
        return s == RELEASE
                ? (int) INT.compareAndExchangeRelease(b, 0, e, d)
                : (int) INT.compareAndExchangeAcquire(b, 0, e, d);
    }

    private static boolean weakCas4(ByteBuffer b, int e, int d, MemoryOrder s, MemoryOrder f) {
        if (JvmOrders.casVolatile(s, f)) {
            return INT.weakCompareAndSet(b, 0, e, d);
        }
        return s == RELEASE ? INT.weakCompareAndSetRelease(b, 0, e, d) : INT.weakCompareAndSetAcquire(b, 0, e, d);
    }

    private static int getAndAdd4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (int) INT.getAndAdd(b, 0, v);
        }
        return o == RELEASE ? (int) INT.getAndAddRelease(b, 0, v) : (int) INT.getAndAddAcquire(b, 0, v);
    }

    private static int getAndOr4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (int) INT.getAndBitwiseOr(b, 0, v);
        }
        return o == RELEASE ? (int) INT.getAndBitwiseOrRelease(b, 0, v) : (int) INT.getAndBitwiseOrAcquire(b, 0, v);
    }

    private static int getAndXor4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (int) INT.getAndBitwiseXor(b, 0, v);
        }
        return o == RELEASE ? (int) INT.getAndBitwiseXorRelease(b, 0, v) : (int) INT.getAndBitwiseXorAcquire(b, 0, v);
    }

    private static int getAndAnd4(ByteBuffer b, int v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (int) INT.getAndBitwiseAnd(b, 0, v);
        }
        return o == RELEASE ? (int) INT.getAndBitwiseAndRelease(b, 0, v) : (int) INT.getAndBitwiseAndAcquire(b, 0, v);
    }
}
