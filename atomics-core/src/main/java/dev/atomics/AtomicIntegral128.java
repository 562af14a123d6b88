package dev.atomics;

/**
 * An atomic integer of 16 bytes whose values are {@link Int128}s: signed ({@link AtomicInt128}) or unsigned
 * ({@link AtomicUint128}). Served by the patomic engine where the CPU has a 16-byte compare-and-swap (x86-64:
 * {@code CMPXCHG16B}; aarch64: LSE), on memory aligned to 16 bytes.
 *
 * <p>The operations are those of {@link AtomicIntegral}, on all 128 bits. An {@code Int128} holds the bits; an
 * unsigned object reads them as {@code [0, 2^128)} ({@link Int128#toUnsignedString()}), a signed one as
 * {@code [-2^127, 2^127)}. Every operand fits, so none is refused for its value; a {@code null} operand throws
 * {@link NullPointerException}. Results wrap around modulo {@code 2^128}. An operation returns a new
 * {@code Int128}; the values cross to native code through per-thread buffers, so it allocates nothing else.
 *
 * <p>A load is an atomic 16-byte read where the CPU has one (x86-64 with AVX, aarch64 with FEAT_LSE2); elsewhere
 * it is a compare-and-swap that writes the value back unchanged, so a readonly object of width 16 needs the
 * atomic read.
 *
 * <p>Every operation has an overload without a {@link MemoryOrder}, which means {@link MemoryOrder#SEQ_CST}.
 */
public interface AtomicIntegral128 extends Atomic {

    /** Whether values are read as two's-complement signed integers. */
    boolean signed();

    /** Atomically reads the value. Valid orders: RELAXED, ACQUIRE, SEQ_CST. */
    Int128 load(MemoryOrder order);

    default Int128 load() {
        return load(MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired}. Valid orders: RELAXED, RELEASE, SEQ_CST. */
    void store(Int128 desired, MemoryOrder order);

    default void store(Int128 desired) {
        store(desired, MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired} and returns the previous value. */
    Int128 exchange(Int128 desired, MemoryOrder order);

    default Int128 exchange(Int128 desired) {
        return exchange(desired, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically writes {@code desired} if the value equals {@code expected}. May fail spuriously on some
     * hardware; use it in a loop. The result holds the value seen, which is the next {@code expected}.
     *
     * @throws MemoryOrderException if {@code failure} is not a valid fail order for {@code success}
     */
    Int128CmpxchgResult cmpxchgWeak(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure);

    default Int128CmpxchgResult cmpxchgWeak(Int128 expected, Int128 desired, MemoryOrder order) {
        return cmpxchgWeak(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default Int128CmpxchgResult cmpxchgWeak(Int128 expected, Int128 desired) {
        return cmpxchgWeak(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #cmpxchgWeak(Int128, Int128, MemoryOrder, MemoryOrder)}, but never fails spuriously. */
    Int128CmpxchgResult cmpxchgStrong(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure);

    default Int128CmpxchgResult cmpxchgStrong(Int128 expected, Int128 desired, MemoryOrder order) {
        return cmpxchgStrong(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default Int128CmpxchgResult cmpxchgStrong(Int128 expected, Int128 desired) {
        return cmpxchgStrong(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * A strong compare-and-exchange that returns only whether it succeeded (allocation-free, like
     * {@link java.util.concurrent.atomic.AtomicLong#compareAndSet}).
     */
    boolean compareAndSet(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure);

    default boolean compareAndSet(Int128 expected, Int128 desired) {
        return compareAndSet(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * A strong compare-and-exchange that returns the value seen (the exchange happened iff it equals {@code expected}).
     */
    Int128 compareAndExchange(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure);

    default Int128 compareAndExchange(Int128 expected, Int128 desired) {
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
    void binOr(Int128 operand, MemoryOrder order);

    default void binOr(Int128 operand) {
        binOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value. */
    void binXor(Int128 operand, MemoryOrder order);

    default void binXor(Int128 operand) {
        binXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value. */
    void binAnd(Int128 operand, MemoryOrder order);

    default void binAnd(Int128 operand) {
        binAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit of the value. */
    void binNot(MemoryOrder order);

    default void binNot() {
        binNot(MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value and returns the previous value. */
    Int128 binFetchOr(Int128 operand, MemoryOrder order);

    default Int128 binFetchOr(Int128 operand) {
        return binFetchOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value and returns the previous value. */
    Int128 binFetchXor(Int128 operand, MemoryOrder order);

    default Int128 binFetchXor(Int128 operand) {
        return binFetchXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value and returns the previous value. */
    Int128 binFetchAnd(Int128 operand, MemoryOrder order);

    default Int128 binFetchAnd(Int128 operand) {
        return binFetchAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit and returns the previous value. */
    Int128 binFetchNot(MemoryOrder order);

    default Int128 binFetchNot() {
        return binFetchNot(MemoryOrder.SEQ_CST);
    }

    /** Atomically adds {@code operand}, wrapping around. */
    void add(Int128 operand, MemoryOrder order);

    default void add(Int128 operand) {
        add(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand}, wrapping around. */
    void sub(Int128 operand, MemoryOrder order);

    default void sub(Int128 operand) {
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
    Int128 fetchAdd(Int128 operand, MemoryOrder order);

    default Int128 fetchAdd(Int128 operand) {
        return fetchAdd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts {@code operand} and returns the previous value. */
    Int128 fetchSub(Int128 operand, MemoryOrder order);

    default Int128 fetchSub(Int128 operand) {
        return fetchSub(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically adds one and returns the previous value. */
    Int128 fetchInc(MemoryOrder order);

    default Int128 fetchInc() {
        return fetchInc(MemoryOrder.SEQ_CST);
    }

    /** Atomically subtracts one and returns the previous value. */
    Int128 fetchDec(MemoryOrder order);

    default Int128 fetchDec() {
        return fetchDec(MemoryOrder.SEQ_CST);
    }

    /** Atomically negates the value and returns the previous value. */
    Int128 fetchNeg(MemoryOrder order);

    default Int128 fetchNeg() {
        return fetchNeg(MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically sets the value to the greater of it and {@code operand} (compared as signed or unsigned, as
     * {@link #signed()} says) and returns the previous value: a high-water mark in one call. Served by a
     * compare-and-exchange loop.
     */
    Int128 fetchMax(Int128 operand, MemoryOrder order);

    default Int128 fetchMax(Int128 operand) {
        return fetchMax(operand, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #fetchMax(Int128, MemoryOrder)}, with the lesser of the two: a low-water mark. */
    Int128 fetchMin(Int128 operand, MemoryOrder order);

    default Int128 fetchMin(Int128 operand) {
        return fetchMin(operand, MemoryOrder.SEQ_CST);
    }
}
