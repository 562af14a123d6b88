package dev.atomics;

import static dev.atomics.Checks.*;
import static dev.atomics.engine.Scratch.A;
import static dev.atomics.engine.Scratch.R;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.Ops;
import dev.atomics.engine.Scratch;
import dev.atomics.memory.MemoryRegion;

/**
 * The operations of 16-byte integral objects. Values cross to native code through the calling thread's
 * {@link Scratch}, or, for compare-and-exchange, store and the read-modify-writes that return nothing, in registers
 * where the binding passes them so ({@link Ops#cmpxchg16}): an operation allocates nothing but the {@link Int128}
 * (or result record) it returns. The width-16 calls go to the object's ops directly: {@link Dispatch}'s JVM fast
 * path does not apply (the JVM engine serves no width 16).
 */
abstract class AbstractIntegral128 extends AbstractAtomic implements AtomicIntegral128 {

    private final boolean signed;

    AbstractIntegral128(MemoryRegion memory, EngineBinding binding, AtomicType<?, ?, ?> type) {
        super(memory, binding, type);
        this.signed = type.signed();
    }

    @Override
    public final boolean signed() {
        checkAlive();
        return signed;
    }

    private static Int128 operand(Int128 v) {
        if (v == null) {
            throw new NullPointerException("Int128 operand");
        }
        return v;
    }

    private static void put(Scratch s, int slot, Int128 v) {
        s.put(slot, v.high(), v.low());
    }

    private static Int128 value(Scratch s, int slot) {
        return new Int128(s.high(slot), s.low(slot));
    }

    /**
     * A read-modify-write with operand {@code v}; returns the scratch holding the previous value in {@link Scratch#R}.
     */
    private Scratch rmw(Op op, Int128 v, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(v));
        Dispatch.rmw(this, op, s, order);
        return s;
    }

    /** A read-modify-write that returns nothing, with operand {@code v} in registers. */
    private void void16(Op op, Int128 v, MemoryOrder order) {
        anyOrder(order);
        Int128 a = operand(v);
        ops.void16(this, op, a.high(), a.low(), order);
    }

    /** A read-modify-write without operand. */
    private Scratch rmw(Op op, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        Dispatch.rmw(this, op, s, order);
        return s;
    }

    @Override
    String valueString() {
        Int128 v = load(MemoryOrder.SEQ_CST);
        return signed ? v.toString() : v.toUnsignedString();
    }

    @Override
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", signed=" + signed + ", engine="
                + engine.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public final Int128 load(MemoryOrder order) {
        loadOrder(order);
        Scratch s = Scratch.get();
        Dispatch.load(this, s, order);
        return value(s, R);
    }

    @Override
    public final void store(Int128 desired, MemoryOrder order) {
        storeOrder(order);
        Int128 d = operand(desired);
        ops.store16(this, d.high(), d.low(), order);
    }

    @Override
    public final Int128 exchange(Int128 desired, MemoryOrder order) {
        return value(rmw(Op.EXCHANGE, desired, order), R);
    }

    /**
     * A compare-and-exchange with the values in registers: on failure the value seen goes to {@code witness}'s
     * {@link Scratch#A} ({@code null}: no witness wanted), so a caller retrying with it needs no load of its own.
     */
    private boolean cmpxchg(
            Op op, Scratch witness, Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Int128 e = operand(expected);
        Int128 d = operand(desired);
        return ops.cmpxchg16(this, op, e.high(), e.low(), d.high(), d.low(), witness, success, failure);
    }

    @Override
    public final Int128CmpxchgResult cmpxchgWeak(
            Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        Scratch s = Scratch.get();
        boolean ok = cmpxchg(Op.CMPXCHG_WEAK, s, expected, desired, success, failure);
        return new Int128CmpxchgResult(ok, ok ? expected : value(s, A));
    }

    @Override
    public final Int128CmpxchgResult cmpxchgStrong(
            Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        Scratch s = Scratch.get();
        boolean ok = cmpxchg(Op.CMPXCHG_STRONG, s, expected, desired, success, failure);
        return new Int128CmpxchgResult(ok, ok ? expected : value(s, A));
    }

    @Override
    public final boolean compareAndSet(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg(Op.CMPXCHG_STRONG, null, expected, desired, success, failure);
    }

    @Override
    public final Int128 compareAndExchange(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        Scratch s = Scratch.get();
        return cmpxchg(Op.CMPXCHG_STRONG, s, expected, desired, success, failure) ? expected : value(s, A);
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
    public final void binOr(Int128 operand, MemoryOrder order) {
        void16(Op.BIN_OR, operand, order);
    }

    @Override
    public final void binXor(Int128 operand, MemoryOrder order) {
        void16(Op.BIN_XOR, operand, order);
    }

    @Override
    public final void binAnd(Int128 operand, MemoryOrder order) {
        void16(Op.BIN_AND, operand, order);
    }

    @Override
    public final void add(Int128 operand, MemoryOrder order) {
        void16(Op.ADD, operand, order);
    }

    @Override
    public final void sub(Int128 operand, MemoryOrder order) {
        void16(Op.SUB, operand, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        rmw(Op.BIN_NOT, order);
    }

    @Override
    public final void inc(MemoryOrder order) {
        rmw(Op.INC, order);
    }

    @Override
    public final void dec(MemoryOrder order) {
        rmw(Op.DEC, order);
    }

    @Override
    public final void neg(MemoryOrder order) {
        rmw(Op.NEG, order);
    }

    @Override
    public final Int128 binFetchOr(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.BIN_FETCH_OR, operand, order), R);
    }

    @Override
    public final Int128 binFetchXor(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.BIN_FETCH_XOR, operand, order), R);
    }

    @Override
    public final Int128 binFetchAnd(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.BIN_FETCH_AND, operand, order), R);
    }

    @Override
    public final Int128 fetchAdd(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.FETCH_ADD, operand, order), R);
    }

    @Override
    public final Int128 fetchSub(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.FETCH_SUB, operand, order), R);
    }

    @Override
    public final Int128 binFetchNot(MemoryOrder order) {
        return value(rmw(Op.BIN_FETCH_NOT, order), R);
    }

    @Override
    public final Int128 fetchInc(MemoryOrder order) {
        return value(rmw(Op.FETCH_INC, order), R);
    }

    @Override
    public final Int128 fetchDec(MemoryOrder order) {
        return value(rmw(Op.FETCH_DEC, order), R);
    }

    @Override
    public final Int128 fetchMax(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.FETCH_MAX, operand, order), R);
    }

    @Override
    public final Int128 fetchMin(Int128 operand, MemoryOrder order) {
        return value(rmw(Op.FETCH_MIN, operand, order), R);
    }

    @Override
    public final Int128 fetchNeg(MemoryOrder order) {
        return value(rmw(Op.FETCH_NEG, order), R);
    }
}
