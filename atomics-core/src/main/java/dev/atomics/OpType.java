package dev.atomics;

/**
 * Every atomic operation, in the order of the slots of a patomic ops table (so {@link #ordinal()} is the
 * slot index). {@link Atomic#opsSupported()} lists the ones an object supports, sorted in this order.
 */
public enum OpType {
    STORE, LOAD,
    EXCHANGE, CMPXCHG_WEAK, CMPXCHG_STRONG,
    BIT_TEST, BIT_TEST_COMPL, BIT_TEST_SET, BIT_TEST_RESET,
    BIN_OR, BIN_XOR, BIN_AND, BIN_NOT, BIN_FETCH_OR, BIN_FETCH_XOR, BIN_FETCH_AND, BIN_FETCH_NOT,
    ADD, SUB, INC, DEC, NEG, FETCH_ADD, FETCH_SUB, FETCH_INC, FETCH_DEC, FETCH_NEG;

    /** The operations that do not modify memory: all a readonly object supports. */
    public boolean isReadOnly() {
        return this == LOAD || this == BIT_TEST;
    }

    /** The arithmetic operations, which only integral objects support. */
    public boolean isArithmetic() {
        return ordinal() >= ADD.ordinal();
    }
}
