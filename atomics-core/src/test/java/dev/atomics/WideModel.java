package dev.atomics;

import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * A plain, single-threaded reference model of an atomic of any width up to 16 bytes, in {@link BigInteger}
 * arithmetic modulo {@code 2^(8 * width)}: the expected result of every operation. Integral objects read the
 * bits as a signed or unsigned value; bytes objects read them as the memory image of a native integer.
 * {@link IntegralModel} is its {@code long} counterpart for widths up to 8.
 */
final class WideModel {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    final int width;
    final boolean signed;
    final int bits;
    /** {@code 2^bits}. */
    final BigInteger modulus;
    /** The bits in memory, in {@code [0, modulus)}. */
    BigInteger raw = BigInteger.ZERO;

    /**
     * What an operation returned according to the model: the state before it, in each form the API returns.
     *
     * @param value     the value before, as the object reads it
     * @param bytes     the memory image before
     * @param bit       the state before of the bit the operation named
     * @param exchanged whether a compare-and-exchange took place
     */
    record Outcome(BigInteger value, byte[] bytes, boolean bit, boolean exchanged) {
    }

    WideModel(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
        this.bits = 8 * width;
        this.modulus = BigInteger.ONE.shiftLeft(bits);
    }

    /** The value of a bit pattern (any integer, taken modulo 2^bits) as the object reads it. */
    BigInteger value(BigInteger pattern) {
        BigInteger b = pattern.mod(modulus);
        return signed && b.testBit(bits - 1) ? b.subtract(modulus) : b;
    }

    BigInteger value() {
        return value(raw);
    }

    void set(BigInteger v) {
        raw = v.mod(modulus);
    }

    boolean bit(int offset) {
        return raw.testBit(offset);
    }

    BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    }

    BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : modulus.subtract(BigInteger.ONE);
    }

    boolean inRange(BigInteger v) {
        return v.compareTo(min()) >= 0 && v.compareTo(max()) <= 0;
    }

    /** The {@code width} bytes of a pattern as they lie in memory (native byte order). */
    byte[] image(BigInteger pattern) {
        BigInteger b = pattern.mod(modulus);
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[LITTLE ? i : width - 1 - i] = b.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    /** The pattern a memory image holds. */
    BigInteger fromImage(byte[] image) {
        BigInteger b = BigInteger.ZERO;
        for (int i = 0; i < width; i++) {
            b = b.or(BigInteger.valueOf(image[LITTLE ? i : width - 1 - i] & 0xFF).shiftLeft(8 * i));
        }
        return b;
    }

    /**
     * Applies {@code op} as C11 defines it, modulo 2^bits. {@code operand} is the value stored, exchanged,
     * combined or added; {@code expected} is a compare-and-exchange's; {@code bit} a bit offset.
     */
    Outcome apply(OpType op, BigInteger operand, BigInteger expected, int bit) {
        BigInteger before = raw;
        boolean exchanged = false;
        BigInteger a = operand.mod(modulus);
        switch (op) {
            case LOAD, BIT_TEST -> { }
            case STORE, EXCHANGE -> set(a);
            case CMPXCHG_WEAK, CMPXCHG_STRONG -> {
                exchanged = expected.mod(modulus).equals(raw);
                if (exchanged) {
                    set(a);
                }
            }
            case BIT_TEST_COMPL -> set(raw.flipBit(bit));
            case BIT_TEST_SET -> set(raw.setBit(bit));
            case BIT_TEST_RESET -> set(raw.clearBit(bit));
            case BIN_OR, BIN_FETCH_OR -> set(raw.or(a));
            case BIN_XOR, BIN_FETCH_XOR -> set(raw.xor(a));
            case BIN_AND, BIN_FETCH_AND -> set(raw.and(a));
            case BIN_NOT, BIN_FETCH_NOT -> set(raw.not());
            case ADD, FETCH_ADD -> set(raw.add(a));
            case SUB, FETCH_SUB -> set(raw.subtract(a));
            case INC, FETCH_INC -> set(raw.add(BigInteger.ONE));
            case DEC, FETCH_DEC -> set(raw.subtract(BigInteger.ONE));
            case NEG, FETCH_NEG -> set(raw.negate());
        }
        return new Outcome(value(before), image(before), before.testBit(bit), exchanged);
    }
}
