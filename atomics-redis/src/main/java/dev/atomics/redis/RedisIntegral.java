package dev.atomics.redis;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.bitOffset;
import static dev.atomics.Checks.failOrder;
import static dev.atomics.Checks.loadOrder;
import static dev.atomics.Checks.storeOrder;

import dev.atomics.AtomicIntegral;
import dev.atomics.CmpxchgResult;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;

/**
 * The operations of integral atomics on a Redis key, with the semantics of local ones (see
 * {@link AtomicIntegral}): operands are range-checked against the width and signedness before anything is
 * sent, results wrap around modulo {@code 2^(8 * width)}. {@code load} and {@code bitTest} are a {@code GET},
 * everything else (store included) one call of the script (additions on an int of width 8 whose policy is
 * {@code recreate} and that waits for no replica: an {@code INCRBY} or {@code DECRBY}), which computes on the
 * exact 64-bit pattern. Memory orders are checked as for local atomics and otherwise make no difference: every
 * operation on one key is sequentially consistent.
 */
abstract class RedisIntegral extends AbstractRedisAtomic implements AtomicIntegral {

    private static final byte[] ZERO = Values.half(0);
    private static final byte[] ONE = Values.half(1);

    private final boolean signed;
    /**
     * Whether additions are {@code INCRBY} / {@code DECRBY} (int of width 8, whose range is Redis's own integer
     * range): the server does no more work than for Spring Data Redis's {@code RedisAtomicLong}. The script runs
     * only where the result wraps around, which Redis refuses without changing anything.
     */
    private final boolean incrby;
    /** 64 - 8 * width: shifting left then right by this extends the low width bytes. */
    private final int shift;

    private final long mask;

    RedisIntegral(
            Transport transport,
            String key,
            int width,
            boolean readonly,
            boolean signed,
            RedisKeyOptions options,
            Transport waitTransport) {
        super(
                transport,
                key,
                width,
                readonly,
                signed ? 'i' : 'u',
                true,
                options,
                waitTransport,
                initial(options, signed, width));
        this.signed = signed;
        this.incrby = signed && width == 8 && plainWrites();
        this.shift = 64 - 8 * width;
        this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** The raw bits of the initial value, checked against the range. */
    private static long initial(RedisKeyOptions options, boolean signed, int width) {
        if (options.bytesInitialValue()) {
            throw new IllegalArgumentException("the initial value of an integral atomic is a number, not bytes");
        }
        long v = options.initialBits();
        int shift = 64 - 8 * width;
        long back = signed ? (v << shift) >> shift : (v << shift) >>> shift;
        if (back != v) {
            throw new OperandRangeException(
                    "initial value " + v + " does not fit " + (signed ? "an int" : "a uint") + " of width " + width);
        }
        return width == 8 ? v : v & ((1L << (8 * width)) - 1);
    }

    @Override
    final String initialForm() {
        return new String(Values.decimal(value(initialBitsOf()), signed), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The value in native byte order, as a local atomic's memory holds it. */
    @Override
    public final byte[] loadBytes() {
        long v = load();
        byte[] b = new byte[width];
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (v >>> (8 * (little ? i : width - 1 - i)));
        }
        return b;
    }

    @Override
    public final boolean signed() {
        return signed;
    }

    @Override
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", signed=" + signed + ", engine=redis";
    }

    /** Extends a raw bit pattern to this object's value. */
    private long value(long raw) {
        return signed ? (raw << shift) >> shift : (raw << shift) >>> shift;
    }

    /** Checks that {@code v} is representable; an unsigned 8-byte object takes any 64-bit pattern. */
    private long operand(long v) {
        if (value(v) != v) {
            String range = signed
                    ? "[" + (-1L << (8 * width - 1)) + ", " + ((1L << (8 * width - 1)) - 1) + "]"
                    : "[0, " + ((1L << (8 * width)) - 1) + "]";
            throw new OperandRangeException("operand " + v + " does not fit " + typeName() + " of width " + width
                    + ": the " + (signed ? "signed" : "unsigned") + " range is " + range);
        }
        return v;
    }

    /** The value of a stored form the script or a GET answered. */
    private long parse(String name, byte[] stored) {
        try {
            return Values.parseIntegral(stored, signed, width);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e);
        }
    }

    private static byte[] high(long raw) {
        return Values.half(raw >>> 32);
    }

    private static byte[] low(long raw) {
        return Values.half(raw & 0xFFFF_FFFFL);
    }

    /** Runs {@code op} with an operand, as raw bits of the width; answers the value before (fetch ops). */
    private byte[] call(String name, byte[] op, long operand) {
        long raw = operand & mask;
        return eval(name, kind, widthArg, op, high(raw), low(raw));
    }

    @Override
    public final long load(MemoryOrder order) {
        loadOrder(order);
        return parse("load", get("load"));
    }

    @Override
    public final void store(long desired, MemoryOrder order) {
        operand(desired);
        storeOrder(order);
        writable(Op.STORE);
        call("store", Script.STORE, desired); // a script: never over a foreign key, nor onto a missing one
    }

    @Override
    public final long exchange(long desired, MemoryOrder order) {
        operand(desired);
        anyOrder(order);
        writable(Op.EXCHANGE);
        return parse("exchange", call("exchange", Script.XCHG, desired));
    }

    private long cmpxchg(String name, Op type, long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        operand(expected);
        operand(desired);
        writable(type);
        long e = expected & mask;
        long d = desired & mask;
        return parse(name, eval(name, kind, widthArg, Script.CAS, high(e), low(e), high(d), low(d)));
    }

    /** Never fails spuriously: the server compares and exchanges in one step. */
    @Override
    public final CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        long seen = cmpxchg("cmpxchgWeak", Op.CMPXCHG_WEAK, expected, desired, success, failure);
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        long seen = cmpxchg("cmpxchgStrong", Op.CMPXCHG_STRONG, expected, desired, success, failure);
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndSet", Op.CMPXCHG_STRONG, expected, desired, success, failure) == expected;
    }

    @Override
    public final long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndExchange", Op.CMPXCHG_STRONG, expected, desired, success, failure);
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        bitOffset(offset, width);
        loadOrder(order);
        return ((parse("bitTest", get("bitTest")) >>> offset) & 1) != 0;
    }

    private boolean bit(String name, Op type, byte[] op, int offset, MemoryOrder order) {
        bitOffset(offset, width);
        anyOrder(order);
        writable(type);
        byte[] was = eval(name, kind, widthArg, op, Values.half(offset));
        return was != null && was.length == 1 && was[0] == '1';
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return bit("bitCompl", Op.BIT_TEST_COMPL, Script.BIT_COMPL, offset, order);
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return bit("bitSet", Op.BIT_TEST_SET, Script.BIT_SET, offset, order);
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return bit("bitReset", Op.BIT_TEST_RESET, Script.BIT_RESET, offset, order);
    }

    /** A modifying operation with an operand. */
    private void modify(String name, Op type, byte[] op, long operand, MemoryOrder order) {
        operand(operand);
        anyOrder(order);
        writable(type);
        call(name, op, operand);
    }

    /** A modifying operation with an operand that answers the value before. */
    private long fetch(String name, Op type, byte[] op, long operand, MemoryOrder order) {
        operand(operand);
        anyOrder(order);
        writable(type);
        return parse(name, call(name, op, operand));
    }

    /** A modifying operation without an operand (not, neg). */
    private byte[] unary(String name, Op type, byte[] op, MemoryOrder order) {
        anyOrder(order);
        writable(type);
        return eval(name, kind, widthArg, op);
    }

    /** Adds or subtracts one: the operand is 1 at every width and signedness. */
    private byte[] one(String name, Op type, byte[] op, MemoryOrder order) {
        anyOrder(order);
        writable(type);
        return eval(name, kind, widthArg, op, ZERO, ONE);
    }

    /**
     * Adds {@code delta} (or subtracts it) on an int of width 8 and answers the value before: one {@code INCRBY} or
     * {@code DECRBY}, whose result minus the delta is the value before (no overflow happened). Where the result
     * wraps around, Redis refuses and changes nothing, and the script does it instead: the one case of two round
     * trips, each atomic, the first without effect.
     */
    private long addition(String name, long delta, boolean subtract) {
        try {
            return subtract
                    ? transport.decrby(this, name, rawKey, delta) + delta
                    : transport.incrby(this, name, rawKey, delta) - delta;
        } catch (Transport.Overflow e) {
            return parse(
                    name,
                    eval(
                            name,
                            kind,
                            widthArg,
                            subtract ? Script.FETCH_SUB : Script.FETCH_ADD,
                            high(delta),
                            low(delta)));
        }
    }

    private long addition(String name, Op type, long delta, boolean subtract, MemoryOrder order) {
        operand(delta);
        anyOrder(order);
        writable(type);
        return addition(name, delta, subtract);
    }

    @Override
    public final void binOr(long operand, MemoryOrder order) {
        modify("binOr", Op.BIN_OR, Script.OR, operand, order);
    }

    @Override
    public final void binXor(long operand, MemoryOrder order) {
        modify("binXor", Op.BIN_XOR, Script.XOR, operand, order);
    }

    @Override
    public final void binAnd(long operand, MemoryOrder order) {
        modify("binAnd", Op.BIN_AND, Script.AND, operand, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        unary("binNot", Op.BIN_NOT, Script.NOT, order);
    }

    @Override
    public final long binFetchOr(long operand, MemoryOrder order) {
        return fetch("binFetchOr", Op.BIN_FETCH_OR, Script.FETCH_OR, operand, order);
    }

    @Override
    public final long binFetchXor(long operand, MemoryOrder order) {
        return fetch("binFetchXor", Op.BIN_FETCH_XOR, Script.FETCH_XOR, operand, order);
    }

    @Override
    public final long binFetchAnd(long operand, MemoryOrder order) {
        return fetch("binFetchAnd", Op.BIN_FETCH_AND, Script.FETCH_AND, operand, order);
    }

    @Override
    public final long binFetchNot(MemoryOrder order) {
        return parse("binFetchNot", unary("binFetchNot", Op.BIN_FETCH_NOT, Script.FETCH_NOT, order));
    }

    @Override
    public final void add(long operand, MemoryOrder order) {
        if (incrby) {
            addition("add", Op.ADD, operand, false, order);
            return;
        }
        modify("add", Op.ADD, Script.ADD, operand, order);
    }

    @Override
    public final void sub(long operand, MemoryOrder order) {
        if (incrby) {
            addition("sub", Op.SUB, operand, true, order);
            return;
        }
        modify("sub", Op.SUB, Script.SUB, operand, order);
    }

    @Override
    public final void inc(MemoryOrder order) {
        if (incrby) {
            addition("inc", Op.INC, 1, false, order);
            return;
        }
        one("inc", Op.INC, Script.ADD, order);
    }

    @Override
    public final void dec(MemoryOrder order) {
        if (incrby) {
            addition("dec", Op.DEC, 1, true, order);
            return;
        }
        one("dec", Op.DEC, Script.SUB, order);
    }

    @Override
    public final void neg(MemoryOrder order) {
        unary("neg", Op.NEG, Script.NEG, order);
    }

    @Override
    public final long fetchMax(long operand, MemoryOrder order) {
        return fetch("fetchMax", Op.FETCH_MAX, Script.FETCH_MAX, operand, order);
    }

    @Override
    public final long fetchMin(long operand, MemoryOrder order) {
        return fetch("fetchMin", Op.FETCH_MIN, Script.FETCH_MIN, operand, order);
    }

    @Override
    public final long fetchAdd(long operand, MemoryOrder order) {
        if (incrby) {
            return addition("fetchAdd", Op.FETCH_ADD, operand, false, order);
        }
        return fetch("fetchAdd", Op.FETCH_ADD, Script.FETCH_ADD, operand, order);
    }

    @Override
    public final long fetchSub(long operand, MemoryOrder order) {
        if (incrby) {
            return addition("fetchSub", Op.FETCH_SUB, operand, true, order);
        }
        return fetch("fetchSub", Op.FETCH_SUB, Script.FETCH_SUB, operand, order);
    }

    @Override
    public final long fetchInc(MemoryOrder order) {
        if (incrby) {
            return addition("fetchInc", Op.FETCH_INC, 1, false, order);
        }
        return parse("fetchInc", one("fetchInc", Op.FETCH_INC, Script.FETCH_ADD, order));
    }

    @Override
    public final long fetchDec(MemoryOrder order) {
        if (incrby) {
            return addition("fetchDec", Op.FETCH_DEC, 1, true, order);
        }
        return parse("fetchDec", one("fetchDec", Op.FETCH_DEC, Script.FETCH_SUB, order));
    }

    @Override
    public final long fetchNeg(MemoryOrder order) {
        return parse("fetchNeg", unary("fetchNeg", Op.FETCH_NEG, Script.FETCH_NEG, order));
    }
}
