package dev.atomics;

/**
 * An atomic integer of 1 to 8 bytes ({@link AtomicType#INTEGRAL}) whose values are {@code long}s: signed
 * ({@link AtomicInt}) or unsigned ({@link AtomicUint}). 16-byte integers are {@link AtomicIntegral128}: unlike
 * Python's unbounded {@code int}, a Java {@code long} has 64 bits, so their values are {@link Int128}s and
 * they are types of their own.
 *
 * <p>Values are {@code long}s. Operands must fit the width: {@code [-2^(8w-1), 2^(8w-1))} when signed,
 * {@code [0, 2^(8w))} when unsigned, except that an unsigned 8-byte object takes and returns the 64-bit
 * pattern (use {@link Long#toUnsignedString(long)} to print it). An operand that does not fit throws
 * {@link OperandRangeException} before memory is touched. Results wrap around modulo {@code 2^(8w)}.
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

    /**
     * A strong compare-and-exchange that returns the value seen (the exchange happened iff it equals {@code expected}).
     */
    long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure);

    default long compareAndExchange(long expected, long desired) {
        return compareAndExchange(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically reads bit {@code offset} (0 = least significant, up to {@code 8 * width - 1}). Valid orders: load
     * orders.
     */
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

    /**
     * Atomically sets the value to the greater of it and {@code operand} (compared as signed or unsigned, as
     * {@link #signed()} says) and returns the previous value: a high-water mark in one call. Served by a
     * compare-and-exchange loop (no CPU has an atomic maximum), so it never writes when the value is already
     * the greater.
     */
    long fetchMax(long operand, MemoryOrder order);

    default long fetchMax(long operand) {
        return fetchMax(operand, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #fetchMax(long, MemoryOrder)}, with the lesser of the two: a low-water mark. */
    long fetchMin(long operand, MemoryOrder order);

    default long fetchMin(long operand) {
        return fetchMin(operand, MemoryOrder.SEQ_CST);
    }
}
