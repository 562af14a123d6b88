package dev.atomics;

/**
 * An atomic integer of 1, 2, 4, 8 or 16 bytes ({@link AtomicType#INTEGRAL}): signed ({@link AtomicInt}) or
 * unsigned ({@link AtomicUint}).
 *
 * <p>Values are {@code long}s. Operands must fit the width: {@code [-2^(8w-1), 2^(8w-1))} when signed,
 * {@code [0, 2^(8w))} when unsigned, except that an unsigned 8-byte object takes and returns the 64-bit
 * pattern (use {@link Long#toUnsignedString(long)} to print it). An operand that does not fit throws
 * {@link OperandRangeException} before memory is touched. Results wrap around modulo {@code 2^(8w)}.
 *
 * <h2>Width 16 and the {@link Int128} methods</h2>
 * A 16-byte object (patomic engine, where the CPU has a 16-byte compare-and-swap) holds 128-bit values, which a
 * {@code long} cannot. Its methods that <em>take</em> {@code long}s work, reading each operand as a signed value
 * (an unsigned object refuses negative ones): {@code store(5)}, {@code add(1)}, {@code inc()},
 * {@code compareAndSet(0, 1)} compare and change all 128 bits. Its methods that would <em>return</em> a value as
 * a {@code long} ({@code load}, {@code exchange}, {@code fetchAdd}, {@code cmpxchgStrong}, ...) throw
 * {@link WideValueException} before touching memory, whatever the value: never a truncated result. Each has an
 * {@link Int128} form ({@code load128}, {@code exchange128}, {@code fetchAdd128}, {@code cmpxchgStrong128}, ...),
 * which takes and returns all 128 bits.
 *
 * <p>The {@code ...128} methods work at every width: at widths 1 to 8 an {@code Int128} operand must hold a value
 * of the object's range (signed: a sign-extended {@code long}; unsigned: a high half of 0), and results are
 * widened (sign-extended when signed, zero-extended when unsigned). There they cost an {@code Int128} per result;
 * the {@code long} methods allocate nothing.
 *
 * <p>Every operation has an overload without a {@link MemoryOrder}, which means {@link MemoryOrder#SEQ_CST}.
 */
public interface AtomicIntegral extends Atomic {

    /** Whether values are read as two's-complement signed integers. */
    boolean signed();

    /** Atomically reads the value. Valid orders: RELAXED, ACQUIRE, SEQ_CST. */
    long load(MemoryOrder order);

    default long load() {
        return load(MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired}. Valid orders: RELAXED, RELEASE, SEQ_CST. */
    void store(long desired, MemoryOrder order);

    default void store(long desired) {
        store(desired, MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired} and returns the previous value. */
    long exchange(long desired, MemoryOrder order);

    default long exchange(long desired) {
        return exchange(desired, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically writes {@code desired} if the value equals {@code expected}. May fail spuriously on some
     * hardware; use it in a loop. The result holds the value seen, which is the next {@code expected}.
     *
     * @throws MemoryOrderException if {@code failure} is not a valid fail order for {@code success}
     */
    CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure);

    default CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder order) {
        return cmpxchgWeak(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default CmpxchgResult cmpxchgWeak(long expected, long desired) {
        return cmpxchgWeak(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #cmpxchgWeak(long, long, MemoryOrder, MemoryOrder)}, but never fails spuriously. */
    CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure);

    default CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder order) {
        return cmpxchgStrong(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default CmpxchgResult cmpxchgStrong(long expected, long desired) {
        return cmpxchgStrong(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * A strong compare-and-exchange that returns only whether it succeeded (allocation-free, like
     * {@link java.util.concurrent.atomic.AtomicLong#compareAndSet}).
     */
    boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure);

    default boolean compareAndSet(long expected, long desired) {
        return compareAndSet(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** A strong compare-and-exchange that returns the value seen (the exchange happened iff it equals {@code expected}). */
    long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure);

    default long compareAndExchange(long expected, long desired) {
        return compareAndExchange(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Atomically reads bit {@code offset} (0 = least significant, up to {@code 8 * width - 1}). Valid orders: load orders. */
    boolean bitTest(int offset, MemoryOrder order);

    default boolean bitTest(int offset) {
        return bitTest(offset, MemoryOrder.SEQ_CST);
    }

    /** Atomically flips bit {@code offset} and returns its previous state. */
    boolean bitCompl(int offset, MemoryOrder order);

    default boolean bitCompl(int offset) {
        return bitCompl(offset, MemoryOrder.SEQ_CST);
    }

    /** Atomically sets bit {@code offset} and returns its previous state. */
    boolean bitSet(int offset, MemoryOrder order);

    default boolean bitSet(int offset) {
        return bitSet(offset, MemoryOrder.SEQ_CST);
    }

    /** Atomically clears bit {@code offset} and returns its previous state. */
    boolean bitReset(int offset, MemoryOrder order);

    default boolean bitReset(int offset) {
        return bitReset(offset, MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value. */
    void binOr(long operand, MemoryOrder order);

    default void binOr(long operand) {
        binOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value. */
    void binXor(long operand, MemoryOrder order);

    default void binXor(long operand) {
        binXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value. */
    void binAnd(long operand, MemoryOrder order);

    default void binAnd(long operand) {
        binAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit of the value. */
    void binNot(MemoryOrder order);

    default void binNot() {
        binNot(MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value and returns the previous value. */
    long binFetchOr(long operand, MemoryOrder order);

    default long binFetchOr(long operand) {
        return binFetchOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value and returns the previous value. */
    long binFetchXor(long operand, MemoryOrder order);

    default long binFetchXor(long operand) {
        return binFetchXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value and returns the previous value. */
    long binFetchAnd(long operand, MemoryOrder order);

    default long binFetchAnd(long operand) {
        return binFetchAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit and returns the previous value. */
    long binFetchNot(MemoryOrder order);

    default long binFetchNot() {
        return binFetchNot(MemoryOrder.SEQ_CST);
    }

    /** Atomically adds {@code operand}, wrapping around. */
    void add(long operand, MemoryOrder order);

    default void add(long operand) {
        add(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand}, wrapping around. */
    void sub(long operand, MemoryOrder order);

    default void sub(long operand) {
        sub(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically adds one, wrapping around. */
    void inc(MemoryOrder order);

    default void inc() {
        inc(MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts one, wrapping around. */
    void dec(MemoryOrder order);

    default void dec() {
        dec(MemoryOrder.SEQ_CST);
    }

    /** Atomically negates the value (two's complement), wrapping around. */
    void neg(MemoryOrder order);

    default void neg() {
        neg(MemoryOrder.SEQ_CST);
    }

    /** Atomically adds {@code operand} and returns the previous value. */
    long fetchAdd(long operand, MemoryOrder order);

    default long fetchAdd(long operand) {
        return fetchAdd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand} and returns the previous value. */
    long fetchSub(long operand, MemoryOrder order);

    default long fetchSub(long operand) {
        return fetchSub(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically adds one and returns the previous value. */
    long fetchInc(MemoryOrder order);

    default long fetchInc() {
        return fetchInc(MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts one and returns the previous value. */
    long fetchDec(MemoryOrder order);

    default long fetchDec() {
        return fetchDec(MemoryOrder.SEQ_CST);
    }

    /** Atomically negates the value and returns the previous value. */
    long fetchNeg(MemoryOrder order);

    default long fetchNeg() {
        return fetchNeg(MemoryOrder.SEQ_CST);
    }

    // ---- the Int128 forms: every width, and the only way to read a value of width 16 ----------------------

    /** Atomically reads the value, all of it at every width. Valid orders: RELAXED, ACQUIRE, SEQ_CST. */
    default Int128 load128(MemoryOrder order) {
        return widen(load(order));
    }

    default Int128 load128() {
        return load128(MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired}. Valid orders: RELAXED, RELEASE, SEQ_CST. */
    default void store128(Int128 desired, MemoryOrder order) {
        store(narrow(desired), order);
    }

    default void store128(Int128 desired) {
        store128(desired, MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired} and returns the previous value. */
    default Int128 exchange128(Int128 desired, MemoryOrder order) {
        return widen(exchange(narrow(desired), order));
    }

    default Int128 exchange128(Int128 desired) {
        return exchange128(desired, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically writes {@code desired} if the value equals {@code expected} (all of its bits). May fail
     * spuriously on some hardware; use it in a loop. The result holds the value seen ({@code expected} itself on
     * success).
     *
     * @throws MemoryOrderException if {@code failure} is not a valid fail order for {@code success}
     */
    default Int128CmpxchgResult cmpxchgWeak128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        CmpxchgResult r = cmpxchgWeak(narrow(expected), narrow(desired), success, failure);
        return new Int128CmpxchgResult(r.success(), r.success() ? expected : widen(r.expected()));
    }

    default Int128CmpxchgResult cmpxchgWeak128(Int128 expected, Int128 desired, MemoryOrder order) {
        return cmpxchgWeak128(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default Int128CmpxchgResult cmpxchgWeak128(Int128 expected, Int128 desired) {
        return cmpxchgWeak128(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #cmpxchgWeak128(Int128, Int128, MemoryOrder, MemoryOrder)}, but never fails spuriously. */
    default Int128CmpxchgResult cmpxchgStrong128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        CmpxchgResult r = cmpxchgStrong(narrow(expected), narrow(desired), success, failure);
        return new Int128CmpxchgResult(r.success(), r.success() ? expected : widen(r.expected()));
    }

    default Int128CmpxchgResult cmpxchgStrong128(Int128 expected, Int128 desired, MemoryOrder order) {
        return cmpxchgStrong128(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default Int128CmpxchgResult cmpxchgStrong128(Int128 expected, Int128 desired) {
        return cmpxchgStrong128(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** A strong compare-and-exchange that returns only whether it succeeded (allocation-free at width 16). */
    default boolean compareAndSet128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        return compareAndSet(narrow(expected), narrow(desired), success, failure);
    }

    default boolean compareAndSet128(Int128 expected, Int128 desired) {
        return compareAndSet128(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * A strong compare-and-exchange that returns the value seen: on success {@code expected} itself, on failure a
     * new {@code Int128} (so {@code w != expected} means failure, and a CAS loop allocates only when it fails).
     */
    default Int128 compareAndExchange128(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        long e = narrow(expected);
        long w = compareAndExchange(e, narrow(desired), success, failure);
        return w == e ? expected : widen(w);
    }

    default Int128 compareAndExchange128(Int128 expected, Int128 desired) {
        return compareAndExchange128(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value. */
    default void binOr128(Int128 operand, MemoryOrder order) {
        binOr(narrow(operand), order);
    }

    default void binOr128(Int128 operand) {
        binOr128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value. */
    default void binXor128(Int128 operand, MemoryOrder order) {
        binXor(narrow(operand), order);
    }

    default void binXor128(Int128 operand) {
        binXor128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value. */
    default void binAnd128(Int128 operand, MemoryOrder order) {
        binAnd(narrow(operand), order);
    }

    default void binAnd128(Int128 operand) {
        binAnd128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value and returns the previous value. */
    default Int128 binFetchOr128(Int128 operand, MemoryOrder order) {
        return widen(binFetchOr(narrow(operand), order));
    }

    default Int128 binFetchOr128(Int128 operand) {
        return binFetchOr128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value and returns the previous value. */
    default Int128 binFetchXor128(Int128 operand, MemoryOrder order) {
        return widen(binFetchXor(narrow(operand), order));
    }

    default Int128 binFetchXor128(Int128 operand) {
        return binFetchXor128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value and returns the previous value. */
    default Int128 binFetchAnd128(Int128 operand, MemoryOrder order) {
        return widen(binFetchAnd(narrow(operand), order));
    }

    default Int128 binFetchAnd128(Int128 operand) {
        return binFetchAnd128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit and returns the previous value. */
    default Int128 binFetchNot128(MemoryOrder order) {
        return widen(binFetchNot(order));
    }

    default Int128 binFetchNot128() {
        return binFetchNot128(MemoryOrder.SEQ_CST);
    }

    /** Atomically adds {@code operand}, wrapping around. */
    default void add128(Int128 operand, MemoryOrder order) {
        add(narrow(operand), order);
    }

    default void add128(Int128 operand) {
        add128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand}, wrapping around. */
    default void sub128(Int128 operand, MemoryOrder order) {
        sub(narrow(operand), order);
    }

    default void sub128(Int128 operand) {
        sub128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically adds {@code operand} and returns the previous value. */
    default Int128 fetchAdd128(Int128 operand, MemoryOrder order) {
        return widen(fetchAdd(narrow(operand), order));
    }

    default Int128 fetchAdd128(Int128 operand) {
        return fetchAdd128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand} and returns the previous value. */
    default Int128 fetchSub128(Int128 operand, MemoryOrder order) {
        return widen(fetchSub(narrow(operand), order));
    }

    default Int128 fetchSub128(Int128 operand) {
        return fetchSub128(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically adds one and returns the previous value. */
    default Int128 fetchInc128(MemoryOrder order) {
        return widen(fetchInc(order));
    }

    default Int128 fetchInc128() {
        return fetchInc128(MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts one and returns the previous value. */
    default Int128 fetchDec128(MemoryOrder order) {
        return widen(fetchDec(order));
    }

    default Int128 fetchDec128() {
        return fetchDec128(MemoryOrder.SEQ_CST);
    }

    /** Atomically negates the value and returns the previous value. */
    default Int128 fetchNeg128(MemoryOrder order) {
        return widen(fetchNeg(order));
    }

    default Int128 fetchNeg128() {
        return fetchNeg128(MemoryOrder.SEQ_CST);
    }

    // The defaults serve widths 1 to 8 through the long methods; 16-byte objects implement every Int128 method.

    /** A {@code long} result of a width of at most 8 as the value it is. */
    private Int128 widen(long v) {
        return signed() ? Int128.valueOf(v) : Int128.ofUnsigned(v);
    }

    /** An {@code Int128} operand as the {@code long} the methods of widths up to 8 take, if it holds a value of the range. */
    private long narrow(Int128 v) {
        if (v == null) {
            throw new NullPointerException("Int128 operand");
        }
        int bits = 8 * width();
        boolean fits;
        if (signed()) {
            fits = v.fitsLong() && (bits >= 64 || (v.low() >> (bits - 1)) == (v.low() >> 63));
        } else {
            fits = v.high() == 0 && (bits >= 64 || (v.low() >>> bits) == 0);
        }
        if (!fits) {
            throw new OperandRangeException("operand " + (signed() ? v.toString() : v.toUnsignedString()) + " does not fit "
                    + (signed() ? "a signed" : "an unsigned") + " integral of width " + width() + ": the range is ["
                    + (signed() ? Int128.valueOf(-1L << (bits - 1)) + ", " + Int128.valueOf(bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1)
                    : "0, " + (bits >= 64 ? Int128.ofUnsigned(-1L).toUnsignedString() : Long.toString((1L << bits) - 1))) + "]");
        }
        return v.low();
    }
}
