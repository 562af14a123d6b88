package dev.atomics;

import java.nio.ByteOrder;

/**
 * A plain, single-threaded reference model of an atomic of 1, 2, 4 or 8 bytes: the expected result of every
 * operation. Integral objects read the bits as a signed or unsigned value; bytes objects read them unsigned,
 * as the memory image of a native integer.
 */
final class IntegralModel {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    final int width;
    final boolean signed;
    final long mask;
    /** The bits in memory, in the low {@code 8 * width} bits. */
    long raw;

    /**
     * What an operation returned according to the model: the state before it, in each form the API returns.
     *
     * @param value     the value before, as the object reads it
     * @param bytes     the memory image before
     * @param bit       the state before of the bit the operation named
     * @param exchanged whether a compare-and-exchange took place
     */
    record Outcome(long value, byte[] bytes, boolean bit, boolean exchanged) {
    }

    IntegralModel(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
        this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** The value of a bit pattern as the object reads it. */
    long value(long bits) {
        bits &= mask;
        if (signed && width < 8 && (bits & (1L << (8 * width - 1))) != 0) {
            return bits | ~mask;
        }
        return bits;
    }

    long value() {
        return value(raw);
    }

    void set(long v) {
        raw = v & mask;
    }

    boolean bit(int offset) {
        return ((raw >>> offset) & 1) != 0;
    }

    long min() {
        return signed ? -(1L << (8 * width - 1)) : 0;
    }

    long max() {
        if (width == 8) {
            return signed ? Long.MAX_VALUE : -1L;
        }
        return signed ? (1L << (8 * width - 1)) - 1 : mask;
    }

    /** The low {@code width} bytes of {@code bits} as they lie in memory (native byte order). */
    byte[] image(long bits) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (bits >>> (8 * (LITTLE ? i : width - 1 - i)));
        }
        return out;
    }

    /**
     * Applies {@code op} as C11 defines it; operands wrap to the width. {@code operand} is the value stored,
     * exchanged, combined or added; {@code expected} is a compare-and-exchange's; {@code bit} a bit offset.
     */
    Outcome apply(OpType op, long operand, long expected, int bit) {
        long before = raw;
        boolean exchanged = false;
        switch (op) {
            case LOAD, BIT_TEST -> { }
            case STORE, EXCHANGE -> set(operand);
            case CMPXCHG_WEAK, CMPXCHG_STRONG -> {
                exchanged = (expected & mask) == raw;
                if (exchanged) {
                    set(operand);
                }
            }
            case BIT_TEST_COMPL -> set(raw ^ (1L << bit));
            case BIT_TEST_SET -> set(raw | (1L << bit));
            case BIT_TEST_RESET -> set(raw & ~(1L << bit));
            case BIN_OR, BIN_FETCH_OR -> set(raw | operand);
            case BIN_XOR, BIN_FETCH_XOR -> set(raw ^ operand);
            case BIN_AND, BIN_FETCH_AND -> set(raw & operand);
            case BIN_NOT, BIN_FETCH_NOT -> set(~raw);
            case ADD, FETCH_ADD -> set(raw + operand);
            case SUB, FETCH_SUB -> set(raw - operand);
            case INC, FETCH_INC -> set(raw + 1);
            case DEC, FETCH_DEC -> set(raw - 1);
            case NEG, FETCH_NEG -> set(-raw);
        }
        return new Outcome(value(before), image(before), ((before >>> bit) & 1) != 0, exchanged);
    }
}
