package dev.atomics;

import static dev.atomics.Checks.*;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;

/**
 * The operations of integral objects. Operands are range-checked against the width and signedness before
 * the single engine call. Engines return values sign-extended from the width, so a signed result is used as it
 * is and an unsigned one is masked once.
 */
abstract class AbstractIntegral extends AbstractAtomic implements AtomicIntegral {

    private final boolean signed;
    /** The value's bits: all of them for signed objects and for width 8, the low width bytes otherwise. */
    private final long mask;
    /** The operand range, inclusive. */
    private final long min, max;

    AbstractIntegral(MemoryRegion memory, EngineBinding binding, AtomicType<?, ?, ?> type) {
        super(memory, binding, type);
        this.signed = type.signed();
        int bits = 8 * width;
        this.mask = signed || width >= 8 ? -1L : (1L << bits) - 1;
        this.min = width >= 8 ? Long.MIN_VALUE : signed ? -1L << (bits - 1) : 0;
        this.max = width >= 8 ? Long.MAX_VALUE : signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    }

    @Override
    public final boolean signed() {
        checkAlive();
        return signed;
    }

    /** This object's value from an engine's sign-extended result. */
    private long value(long raw) {
        return raw & mask;
    }

    /** Checks that {@code v} is representable; an 8-byte object (signed or not) takes any 64-bit pattern. */
    private long operand(long v) {
        if (v < min || v > max) {
            throw outOfRange(v);
        }
        return v;
    }

    private OperandRangeException outOfRange(long v) {
        String range;
        if (signed) {
            range = "[" + (-1L << (8 * width - 1)) + ", " + ((1L << (8 * width - 1)) - 1) + "]";
        } else {
            range = "[0, " + ((1L << (8 * width)) - 1) + "]";
        }
        return new OperandRangeException("operand " + v + " does not fit " + typeName() + " of width " + width
                + ": the " + (signed ? "signed" : "unsigned") + " range is " + range);
    }

    @Override
    String valueString() {
        long v = Dispatch.load(this, MemoryOrder.SEQ_CST);
        return signed ? Long.toString(value(v)) : Long.toUnsignedString(value(v));
    }

    @Override
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", signed=" + signed + ", engine="
                + engine.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public final long load(MemoryOrder order) {
        return value(Dispatch.load(this, loadOrder(order)));
    }

    @Override
    public final void store(long desired, MemoryOrder order) {
        Dispatch.store(this, operand(desired), storeOrder(order));
    }

    @Override
    public final long exchange(long desired, MemoryOrder order) {
        return value(Dispatch.exchange(this, operand(desired), anyOrder(order)));
    }

    @Override
    public final CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long seen =
                value(Dispatch.cmpxchg(this, Op.CMPXCHG_WEAK, operand(expected), operand(desired), success, failure));
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long seen =
                value(Dispatch.cmpxchg(this, Op.CMPXCHG_STRONG, operand(expected), operand(desired), success, failure));
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return compareAndExchange(expected, desired, success, failure) == expected;
    }

    @Override
    public final long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        return value(Dispatch.cmpxchg(this, Op.CMPXCHG_STRONG, operand(expected), operand(desired), success, failure));
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST, bitOffset(offset, width), loadOrder(order));
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_COMPL, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_SET, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_RESET, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final void binOr(long operand, MemoryOrder order) {
        Dispatch.getAndOr(this, Op.BIN_OR, operand(operand), anyOrder(order));
    }

    @Override
    public final void binXor(long operand, MemoryOrder order) {
        Dispatch.getAndXor(this, Op.BIN_XOR, operand(operand), operand, anyOrder(order));
    }

    @Override
    public final void binAnd(long operand, MemoryOrder order) {
        Dispatch.getAndAnd(this, Op.BIN_AND, operand(operand), anyOrder(order));
    }

    @Override
    public final void binNot(MemoryOrder order) {
        Dispatch.getAndXor(this, Op.BIN_NOT, 0, -1L, anyOrder(order));
    }

    @Override
    public final long binFetchOr(long operand, MemoryOrder order) {
        return value(Dispatch.getAndOr(this, Op.BIN_FETCH_OR, operand(operand), anyOrder(order)));
    }

    @Override
    public final long binFetchXor(long operand, MemoryOrder order) {
        return value(Dispatch.getAndXor(this, Op.BIN_FETCH_XOR, operand(operand), operand, anyOrder(order)));
    }

    @Override
    public final long binFetchAnd(long operand, MemoryOrder order) {
        return value(Dispatch.getAndAnd(this, Op.BIN_FETCH_AND, operand(operand), anyOrder(order)));
    }

    @Override
    public final long binFetchNot(MemoryOrder order) {
        return value(Dispatch.getAndXor(this, Op.BIN_FETCH_NOT, 0, -1L, anyOrder(order)));
    }

    @Override
    public final void add(long operand, MemoryOrder order) {
        Dispatch.getAndAdd(this, Op.ADD, operand(operand), operand, anyOrder(order));
    }

    @Override
    public final void sub(long operand, MemoryOrder order) {
        Dispatch.getAndAdd(this, Op.SUB, operand(operand), -operand, anyOrder(order));
    }

    @Override
    public final void inc(MemoryOrder order) {
        Dispatch.getAndAdd(this, Op.INC, 0, 1L, anyOrder(order));
    }

    @Override
    public final void dec(MemoryOrder order) {
        Dispatch.getAndAdd(this, Op.DEC, 0, -1L, anyOrder(order));
    }

    @Override
    public final void neg(MemoryOrder order) {
        Dispatch.rmw(this, Op.NEG, 0, anyOrder(order));
    }

    @Override
    public final long fetchAdd(long operand, MemoryOrder order) {
        return value(Dispatch.getAndAdd(this, Op.FETCH_ADD, operand(operand), operand, anyOrder(order)));
    }

    @Override
    public final long fetchSub(long operand, MemoryOrder order) {
        return value(Dispatch.getAndAdd(this, Op.FETCH_SUB, operand(operand), -operand, anyOrder(order)));
    }

    @Override
    public final long fetchInc(MemoryOrder order) {
        return value(Dispatch.getAndAdd(this, Op.FETCH_INC, 0, 1L, anyOrder(order)));
    }

    @Override
    public final long fetchDec(MemoryOrder order) {
        return value(Dispatch.getAndAdd(this, Op.FETCH_DEC, 0, -1L, anyOrder(order)));
    }

    @Override
    public final long fetchMax(long operand, MemoryOrder order) {
        return value(Dispatch.rmw(this, Op.FETCH_MAX, operand(operand), anyOrder(order)));
    }

    @Override
    public final long fetchMin(long operand, MemoryOrder order) {
        return value(Dispatch.rmw(this, Op.FETCH_MIN, operand(operand), anyOrder(order)));
    }

    @Override
    public final long fetchNeg(MemoryOrder order) {
        return value(Dispatch.rmw(this, Op.FETCH_NEG, 0, anyOrder(order)));
    }
}
