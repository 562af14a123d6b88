package dev.atomics;

import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;

import static dev.atomics.Checks.*;

/**
 * The operations of integral objects. Operands are range-checked against the width and signedness before
 * the single engine call; raw results are sign- or zero-extended with one precomputed shift.
 */
abstract class AbstractIntegral extends AbstractAtomic implements AtomicIntegral {

    private final boolean signed;
    /** 64 - 8 * width: shifting left then right by this extends the low width bytes. */
    private final int shift;

    AbstractIntegral(MemoryRegion memory, EngineBinding binding, boolean signed) {
        super(memory, binding);
        this.signed = signed;
        this.shift = 64 - 8 * width;
    }

    @Override
    public final boolean signed() {
        checkAlive();
        return signed;
    }

    /** Extends a raw bit pattern to this object's value. */
    private long value(long raw) {
        return signed ? (raw << shift) >> shift : (raw << shift) >>> shift;
    }

    /** Checks that {@code v} is representable; an unsigned 8-byte object takes any 64-bit pattern. */
    private long operand(long v) {
        if (value(v) != v) {
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
        long v = ops.load(memory, MemoryOrder.SEQ_CST);
        return signed ? Long.toString(value(v)) : Long.toUnsignedString(value(v));
    }

    @Override
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", signed=" + signed + ", engine="
                + engine.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public final long load(MemoryOrder order) {
        return value(ops.load(memory, loadOrder(order)));
    }

    @Override
    public final void store(long desired, MemoryOrder order) {
        ops.store(memory, operand(desired), storeOrder(order));
    }

    @Override
    public final long exchange(long desired, MemoryOrder order) {
        return value(ops.exchange(memory, operand(desired), anyOrder(order)));
    }

    @Override
    public final CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long seen = value(ops.cmpxchgWeak(memory, operand(expected), operand(desired), success, failure));
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long seen = value(ops.cmpxchgStrong(memory, operand(expected), operand(desired), success, failure));
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return compareAndExchange(expected, desired, success, failure) == expected;
    }

    @Override
    public final long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        return value(ops.cmpxchgStrong(memory, operand(expected), operand(desired), success, failure));
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        return ops.bitTest(memory, bitOffset(offset, width), loadOrder(order));
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return ops.bitCompl(memory, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return ops.bitSet(memory, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return ops.bitReset(memory, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final void binOr(long operand, MemoryOrder order) {
        ops.or(memory, operand(operand), anyOrder(order));
    }

    @Override
    public final void binXor(long operand, MemoryOrder order) {
        ops.xor(memory, operand(operand), anyOrder(order));
    }

    @Override
    public final void binAnd(long operand, MemoryOrder order) {
        ops.and(memory, operand(operand), anyOrder(order));
    }

    @Override
    public final void binNot(MemoryOrder order) {
        ops.not(memory, anyOrder(order));
    }

    @Override
    public final long binFetchOr(long operand, MemoryOrder order) {
        return value(ops.fetchOr(memory, operand(operand), anyOrder(order)));
    }

    @Override
    public final long binFetchXor(long operand, MemoryOrder order) {
        return value(ops.fetchXor(memory, operand(operand), anyOrder(order)));
    }

    @Override
    public final long binFetchAnd(long operand, MemoryOrder order) {
        return value(ops.fetchAnd(memory, operand(operand), anyOrder(order)));
    }

    @Override
    public final long binFetchNot(MemoryOrder order) {
        return value(ops.fetchNot(memory, anyOrder(order)));
    }

    @Override
    public final void add(long operand, MemoryOrder order) {
        ops.add(memory, operand(operand), anyOrder(order));
    }

    @Override
    public final void sub(long operand, MemoryOrder order) {
        ops.sub(memory, operand(operand), anyOrder(order));
    }

    @Override
    public final void inc(MemoryOrder order) {
        ops.inc(memory, anyOrder(order));
    }

    @Override
    public final void dec(MemoryOrder order) {
        ops.dec(memory, anyOrder(order));
    }

    @Override
    public final void neg(MemoryOrder order) {
        ops.neg(memory, anyOrder(order));
    }

    @Override
    public final long fetchAdd(long operand, MemoryOrder order) {
        return value(ops.fetchAdd(memory, operand(operand), anyOrder(order)));
    }

    @Override
    public final long fetchSub(long operand, MemoryOrder order) {
        return value(ops.fetchSub(memory, operand(operand), anyOrder(order)));
    }

    @Override
    public final long fetchInc(MemoryOrder order) {
        return value(ops.fetchInc(memory, anyOrder(order)));
    }

    @Override
    public final long fetchDec(MemoryOrder order) {
        return value(ops.fetchDec(memory, anyOrder(order)));
    }

    @Override
    public final long fetchNeg(MemoryOrder order) {
        return value(ops.fetchNeg(memory, anyOrder(order)));
    }
}
