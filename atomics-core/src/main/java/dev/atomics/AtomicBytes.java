package dev.atomics;

/**
 * An atomic object of 1, 2, 4, 8 or 16 bytes handled as raw bytes ({@link AtomicType#BYTES}): load, store,
 * exchange, compare-and-exchange, bit and bitwise operations, but no arithmetic. At width 16 (patomic engine)
 * the operations act on all 16 bytes at once, e.g. a compare-and-exchange of a (pointer, tag) pair.
 *
 * <p>Values are {@code byte[]} of exactly {@link #width()} bytes in memory order; an array of another length
 * throws {@link OperandRangeException}. Arrays passed in are not retained; arrays returned are fresh.
 * Bit offsets number the bits of the object read as a native integer, as in C.
 *
 * <p>Every operation has an overload without a {@link MemoryOrder}, which means {@link MemoryOrder#SEQ_CST}.
 */
public interface AtomicBytes extends Atomic {

    /** Atomically reads the value. Valid orders: RELAXED, ACQUIRE, SEQ_CST. */
    byte[] load(MemoryOrder order);

    default byte[] load() {
        return load(MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired}. Valid orders: RELAXED, RELEASE, SEQ_CST. */
    void store(byte[] desired, MemoryOrder order);

    default void store(byte[] desired) {
        store(desired, MemoryOrder.SEQ_CST);
    }

    /** Atomically writes {@code desired} and returns the previous value. */
    byte[] exchange(byte[] desired, MemoryOrder order);

    default byte[] exchange(byte[] desired) {
        return exchange(desired, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically writes {@code desired} if the value equals {@code expected}. May fail spuriously on some
     * hardware; use it in a loop. The result holds the value seen, which is the next {@code expected}.
     *
     * @throws MemoryOrderException if {@code failure} is not a valid fail order for {@code success}
     */
    BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure);

    default BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired, MemoryOrder order) {
        return cmpxchgWeak(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired) {
        return cmpxchgWeak(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /** Like {@link #cmpxchgWeak(byte[], byte[], MemoryOrder, MemoryOrder)}, but never fails spuriously. */
    BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure);

    default BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired, MemoryOrder order) {
        return cmpxchgStrong(expected, desired, order, MemoryOrder.failOrderFor(order));
    }

    default BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired) {
        return cmpxchgStrong(expected, desired, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
    }

    /**
     * Atomically reads bit {@code offset} (0 = least significant, up to {@code 8 * width - 1}; bit {@code 8*i + j} is
     * bit {@code j} of byte {@code i} only on little-endian machines). Valid orders: load orders.
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
    void binOr(byte[] operand, MemoryOrder order);

    default void binOr(byte[] operand) {
        binOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value. */
    void binXor(byte[] operand, MemoryOrder order);

    default void binXor(byte[] operand) {
        binXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value. */
    void binAnd(byte[] operand, MemoryOrder order);

    default void binAnd(byte[] operand) {
        binAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit of the value. */
    void binNot(MemoryOrder order);

    default void binNot() {
        binNot(MemoryOrder.SEQ_CST);
    }

    /** Atomically ORs {@code operand} into the value and returns the previous value. */
    byte[] binFetchOr(byte[] operand, MemoryOrder order);

    default byte[] binFetchOr(byte[] operand) {
        return binFetchOr(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically XORs {@code operand} into the value and returns the previous value. */
    byte[] binFetchXor(byte[] operand, MemoryOrder order);

    default byte[] binFetchXor(byte[] operand) {
        return binFetchXor(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically ANDs {@code operand} into the value and returns the previous value. */
    byte[] binFetchAnd(byte[] operand, MemoryOrder order);

    default byte[] binFetchAnd(byte[] operand) {
        return binFetchAnd(operand, MemoryOrder.SEQ_CST);
    }

    /** Atomically complements every bit and returns the previous value. */
    byte[] binFetchNot(MemoryOrder order);

    default byte[] binFetchNot() {
        return binFetchNot(MemoryOrder.SEQ_CST);
    }
}
