package dev.atomics.conformance;

import dev.atomics.Op;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * The reference model of one atomic object of 1 to 16 bytes: its bits, and every operation of {@link Op} as C11
 * defines it on a native integer of that width (arithmetic wraps modulo {@code 2^(8 * width)}). Written from the
 * definitions, not from the library, so that it is no second guess: {@code ModelSelfTest} checks its reading of
 * bits against Java's own fixed-width types.
 */
public final class Model {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** The object's width in bytes. */
    public final int width;
    /** Whether values are read as signed. */
    public final boolean signed;

    private final BigInteger modulus;
    private final BigInteger mask;
    /** The bits in memory, in {@code [0, 2^(8 * width))}. */
    private BigInteger raw = BigInteger.ZERO;

    /** What an operation returned, in every form the APIs use. */
    public record Outcome(BigInteger value, byte[] bytes, boolean bit, boolean exchanged) {}

    public Model(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
        this.modulus = BigInteger.ONE.shiftLeft(8 * width);
        this.mask = modulus.subtract(BigInteger.ONE);
    }

    /** The value of a bit pattern (any integer; only its low {@code 8 * width} bits count) as the object reads it. */
    public BigInteger value(BigInteger bits) {
        BigInteger b = bits.and(mask);
        return signed && b.testBit(8 * width - 1) ? b.subtract(modulus) : b;
    }

    /** The value held. */
    public BigInteger value() {
        return value(raw);
    }

    /** The bits held. */
    public BigInteger raw() {
        return raw;
    }

    /** Makes the object hold {@code v} (wrapped to the width). */
    public void set(BigInteger v) {
        raw = v.and(mask);
    }

    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(8 * width - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(8 * width - 1).subtract(BigInteger.ONE) : mask;
    }

    /** Whether {@code v} is a value of the object's range. */
    public boolean inRange(BigInteger v) {
        return v.compareTo(min()) >= 0 && v.compareTo(max()) <= 0;
    }

    /** The low {@code width} bytes of {@code bits} as they lie in memory (native byte order). */
    public byte[] image(BigInteger bits) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[LITTLE ? i : width - 1 - i] = bits.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    /** The bits of a memory image. */
    public BigInteger bits(byte[] image) {
        BigInteger b = BigInteger.ZERO;
        for (int i = 0; i < width; i++) {
            b = b.or(
                    BigInteger.valueOf(image[LITTLE ? i : width - 1 - i] & 0xFF).shiftLeft(8 * i));
        }
        return b;
    }

    /**
     * Applies {@code op}: {@code operand} is the value stored, exchanged, combined or added; {@code expected} a
     * compare-and-exchange's; {@code bit} a bit offset. Returns what it read before.
     */
    public Outcome apply(Op op, BigInteger operand, BigInteger expected, int bit) {
        BigInteger before = raw;
        boolean exchanged = false;
        switch (op) {
            case LOAD, BIT_TEST -> {}
            case STORE, EXCHANGE -> set(operand);
            case CMPXCHG_WEAK, CMPXCHG_STRONG -> {
                exchanged = expected.and(mask).equals(raw);
                if (exchanged) {
                    set(operand);
                }
            }
            case BIT_TEST_COMPL -> set(raw.flipBit(bit));
            case BIT_TEST_SET -> set(raw.setBit(bit));
            case BIT_TEST_RESET -> set(raw.clearBit(bit));
            case BIN_OR, BIN_FETCH_OR -> set(raw.or(operand.and(mask)));
            case BIN_XOR, BIN_FETCH_XOR -> set(raw.xor(operand.and(mask)));
            case BIN_AND, BIN_FETCH_AND -> set(raw.and(operand.and(mask)));
            case BIN_NOT, BIN_FETCH_NOT -> set(raw.not());
            case ADD, FETCH_ADD -> set(raw.add(operand));
            case SUB, FETCH_SUB -> set(raw.subtract(operand));
            case INC, FETCH_INC -> set(raw.add(BigInteger.ONE));
            case DEC, FETCH_DEC -> set(raw.subtract(BigInteger.ONE));
            case NEG, FETCH_NEG -> set(raw.negate());
            case FETCH_MAX -> set(value(raw).max(value(operand)));
            case FETCH_MIN -> set(value(raw).min(value(operand)));
            default -> throw new IllegalArgumentException("the model has no " + op);
        }
        return new Outcome(value(before), image(before), before.testBit(bit), exchanged);
    }
}
