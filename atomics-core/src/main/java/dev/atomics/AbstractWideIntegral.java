package dev.atomics;

import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.Engines;
import dev.atomics.engine.Scratch;
import dev.atomics.engine.WideOps;
import dev.atomics.memory.MemoryRegion;

import static dev.atomics.Checks.*;
import static dev.atomics.engine.Scratch.A;
import static dev.atomics.engine.Scratch.B;
import static dev.atomics.engine.Scratch.R;

/**
 * The operations of 16-byte integral objects (see {@link AtomicIntegral} for what width 16 means to the API).
 * Values cross to native code through the calling thread's {@link Scratch}: an operation allocates nothing but
 * the {@link Int128} (or result record) it returns.
 *
 * <p>A class of its own, apart from {@link AbstractIntegral}: the objects of widths 1 to 8 keep their hot path
 * exactly as it is, with no test for width 16 on it.
 */
abstract class AbstractWideIntegral extends AbstractAtomic implements AtomicIntegral {

    private final boolean signed;
    /** The engine's ops; a view switches to ops that throw once its context closes. */
    private WideOps wide;

    AbstractWideIntegral(MemoryRegion memory, EngineBinding binding, boolean signed) {
        super(memory, binding);
        this.signed = signed;
        this.wide = binding.wideOps();
    }

    @Override
    final void killWide() {
        wide = Engines.releasedWide(engine, typeName());
    }

    @Override
    public final boolean signed() {
        checkAlive();
        return signed;
    }

    /** What a method returning a {@code long} throws: the value has 128 bits. */
    private WideValueException wideValue(String method) {
        return new WideValueException(typeName() + " of width 16 holds 128-bit values, which a long cannot: " + method
                + " would drop the high 64 bits. Use " + method.replace("(", "128(") + ", which returns an Int128"
                + " (nothing was read or written)");
    }

    /** A {@code long} operand, read as a signed value; an unsigned object refuses negative ones. */
    private long operand(long v) {
        if (!signed && v < 0) {
            throw new OperandRangeException("operand " + v + " does not fit " + typeName() + " of width 16: a long operand"
                    + " is read as a signed value, and the unsigned range is [0, 2^128 - 1]; pass larger values as an Int128"
                    + " (e.g. Int128.ofUnsigned(" + v + "L) for " + Long.toUnsignedString(v) + ")");
        }
        return v;
    }

    private static Int128 operand(Int128 v) {
        if (v == null) {
            throw new NullPointerException("Int128 operand");
        }
        return v;
    }

    /** Writes a {@code long} operand, extended to 128 bits (sign and zero extension agree on what {@link #operand} lets through). */
    private static void put(Scratch s, int slot, long v) {
        s.put(slot, v >> 63, v);
    }

    private static void put(Scratch s, int slot, Int128 v) {
        s.put(slot, v.high(), v.low());
    }

    private static Int128 value(Scratch s, int slot) {
        return new Int128(s.high(slot), s.low(slot));
    }

    @Override
    String valueString() {
        Int128 v = load128(MemoryOrder.SEQ_CST);
        return signed ? v.toString() : v.toUnsignedString();
    }

    @Override
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", signed=" + signed + ", engine="
                + engine.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- the long methods: those that only take values work; those that return one refuse --------------------

    @Override
    public final long load(MemoryOrder order) {
        throw wideValue("load()");
    }

    @Override
    public final void store(long desired, MemoryOrder order) {
        storeOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(desired));
        wide.store(this, s, order);
    }

    @Override
    public final long exchange(long desired, MemoryOrder order) {
        throw wideValue("exchange(desired)");
    }

    @Override
    public final CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        throw wideValue("cmpxchgWeak(expected, desired)");
    }

    @Override
    public final CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        throw wideValue("cmpxchgStrong(expected, desired)");
    }

    /** Compares all 128 bits with {@code expected} extended. */
    @Override
    public final boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, operand(expected));
        put(s, B, operand(desired));
        return wide.cmpxchgStrong(this, s, success, failure);
    }

    @Override
    public final long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        throw wideValue("compareAndExchange(expected, desired)");
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        return wide.bitTest(this, Scratch.get(), bitOffset(offset, width), loadOrder(order));
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return wide.bitCompl(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return wide.bitSet(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return wide.bitReset(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final void binOr(long operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.or(this, s, order);
    }

    @Override
    public final void binXor(long operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.xor(this, s, order);
    }

    @Override
    public final void binAnd(long operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.and(this, s, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        wide.not(this, anyOrder(order));
    }

    @Override
    public final long binFetchOr(long operand, MemoryOrder order) {
        throw wideValue("binFetchOr(operand)");
    }

    @Override
    public final long binFetchXor(long operand, MemoryOrder order) {
        throw wideValue("binFetchXor(operand)");
    }

    @Override
    public final long binFetchAnd(long operand, MemoryOrder order) {
        throw wideValue("binFetchAnd(operand)");
    }

    @Override
    public final long binFetchNot(MemoryOrder order) {
        throw wideValue("binFetchNot()");
    }

    @Override
    public final void add(long operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.add(this, s, order);
    }

    @Override
    public final void sub(long operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.sub(this, s, order);
    }

    @Override
    public final void inc(MemoryOrder order) {
        wide.inc(this, anyOrder(order));
    }

    @Override
    public final void dec(MemoryOrder order) {
        wide.dec(this, anyOrder(order));
    }

    @Override
    public final void neg(MemoryOrder order) {
        wide.neg(this, anyOrder(order));
    }

    @Override
    public final long fetchAdd(long operand, MemoryOrder order) {
        throw wideValue("fetchAdd(operand)");
    }

    @Override
    public final long fetchSub(long operand, MemoryOrder order) {
        throw wideValue("fetchSub(operand)");
    }

    @Override
    public final long fetchInc(MemoryOrder order) {
        throw wideValue("fetchInc()");
    }

    @Override
    public final long fetchDec(MemoryOrder order) {
        throw wideValue("fetchDec()");
    }

    @Override
    public final long fetchNeg(MemoryOrder order) {
        throw wideValue("fetchNeg()");
    }

    // ---- the Int128 methods: all 128 bits -------------------------------------------------------------------

    @Override
    public final Int128 load128(MemoryOrder order) {
        loadOrder(order);
        Scratch s = Scratch.get();
        wide.load(this, s, order);
        return value(s, R);
    }

    @Override
    public final void store128(Int128 desired, MemoryOrder order) {
        storeOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(desired));
        wide.store(this, s, order);
    }

    @Override
    public final Int128 exchange128(Int128 desired, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(desired));
        wide.exchange(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128CmpxchgResult cmpxchgWeak128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, operand(expected));
        put(s, B, operand(desired));
        boolean ok = wide.cmpxchgWeak(this, s, success, failure);
        return new Int128CmpxchgResult(ok, ok ? expected : value(s, A));
    }

    @Override
    public final Int128CmpxchgResult cmpxchgStrong128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, operand(expected));
        put(s, B, operand(desired));
        boolean ok = wide.cmpxchgStrong(this, s, success, failure);
        return new Int128CmpxchgResult(ok, ok ? expected : value(s, A));
    }

    @Override
    public final boolean compareAndSet128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, operand(expected));
        put(s, B, operand(desired));
        return wide.cmpxchgStrong(this, s, success, failure);
    }

    /** On success returns {@code expected} itself: a CAS loop allocates only when it fails. */
    @Override
    public final Int128 compareAndExchange128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, operand(expected));
        put(s, B, operand(desired));
        return wide.cmpxchgStrong(this, s, success, failure) ? expected : value(s, A);
    }

    @Override
    public final void binOr128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.or(this, s, order);
    }

    @Override
    public final void binXor128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.xor(this, s, order);
    }

    @Override
    public final void binAnd128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.and(this, s, order);
    }

    @Override
    public final Int128 binFetchOr128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.fetchOr(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 binFetchXor128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.fetchXor(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 binFetchAnd128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.fetchAnd(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 binFetchNot128(MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        wide.fetchNot(this, s, order);
        return value(s, R);
    }

    @Override
    public final void add128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.add(this, s, order);
    }

    @Override
    public final void sub128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.sub(this, s, order);
    }

    @Override
    public final Int128 fetchAdd128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.fetchAdd(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 fetchSub128(Int128 operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand(operand));
        wide.fetchSub(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 fetchInc128(MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        wide.fetchInc(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 fetchDec128(MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        wide.fetchDec(this, s, order);
        return value(s, R);
    }

    @Override
    public final Int128 fetchNeg128(MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        wide.fetchNeg(this, s, order);
        return value(s, R);
    }
}
