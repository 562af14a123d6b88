package dev.atomics;

import java.math.BigInteger;

/**
 * A 128-bit integer as two {@code long}s: the value of a 16-byte integral atomic ({@link AtomicIntegral128}).
 * Immutable.
 *
 * <p>Like a {@code long}, it is a bit pattern: read as two's-complement signed ({@link #toString()},
 * {@link #toBigInteger()}, {@link #compareTo}) or as unsigned ({@link #toUnsignedString()},
 * {@link #toUnsignedBigInteger()}, {@link #compareUnsigned}). An {@link AtomicInt128} reads its value signed, an
 * {@link AtomicUint128} unsigned. In memory the value is a native-order 128-bit integer; on the little-endian
 * platforms this library ships for, {@link #low()} is the 8 bytes at the lower address.
 *
 * <p>Arithmetic ({@link #add}, {@link #subtract}) wraps around modulo 2^128, as the atomics' does.
 *
 * @param high the upper 64 bits (bits 64 to 127)
 * @param low  the lower 64 bits (bits 0 to 63)
 */
public record Int128(long high, long low) implements Comparable<Int128> {

    /** 0. */
    public static final Int128 ZERO = new Int128(0, 0);
    /** 1. */
    public static final Int128 ONE = new Int128(0, 1);
    /** The smallest signed value, -2^127. */
    public static final Int128 MIN_VALUE = new Int128(Long.MIN_VALUE, 0);
    /** The largest signed value, 2^127 - 1. */
    public static final Int128 MAX_VALUE = new Int128(Long.MAX_VALUE, -1L);
    /** All bits set: -1 signed, 2^128 - 1 unsigned. */
    public static final Int128 ALL_ONES = new Int128(-1L, -1L);

    private static final BigInteger MIN_BIG = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger LIMIT_BIG = BigInteger.ONE.shiftLeft(128);

    /** {@code v} sign-extended: the same value, signed. */
    public static Int128 valueOf(long v) {
        return new Int128(v >> 63, v);
    }

    /** {@code v} read as an unsigned 64-bit value (zero-extended): {@code ofUnsigned(-1)} is 2^64 - 1. */
    public static Int128 ofUnsigned(long v) {
        return new Int128(0, v);
    }

    /**
     * The 128-bit pattern of {@code v}, which may be signed ({@code [-2^127, 2^127)}) or unsigned
     * ({@code [0, 2^128)}): {@code valueOf(BigInteger.ONE.negate())} and {@code valueOf(2^128 - 1)} are both
     * {@link #ALL_ONES}.
     *
     * @throws ArithmeticException if {@code v} is outside {@code [-2^127, 2^128)}: it has no 128-bit pattern
     */
    public static Int128 valueOf(BigInteger v) {
        if (v.compareTo(MIN_BIG) < 0 || v.compareTo(LIMIT_BIG) >= 0) {
            throw new ArithmeticException(v + " does not fit 128 bits: the range is [-2^127, 2^128)");
        }
        return new Int128(v.shiftRight(64).longValue(), v.longValue());
    }

    /** Whether the value read as signed fits a {@code long} (the high half is the sign extension of the low one). */
    public boolean fitsLong() {
        return high == low >> 63;
    }

    /**
     * The value read as signed, as a {@code long}.
     *
     * @throws ArithmeticException if it does not fit one ({@link #fitsLong()})
     */
    public long longValueExact() {
        if (!fitsLong()) {
            throw new ArithmeticException(this + " does not fit a long");
        }
        return low;
    }

    /** The value read as signed, in {@code [-2^127, 2^127)}. */
    public BigInteger toBigInteger() {
        return fitsLong() ? BigInteger.valueOf(low) : new BigInteger(bigEndian());
    }

    /** The value read as unsigned, in {@code [0, 2^128)}. */
    public BigInteger toUnsignedBigInteger() {
        return high == 0 && low >= 0 ? BigInteger.valueOf(low) : new BigInteger(1, bigEndian());
    }

    private byte[] bigEndian() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return b;
    }

    /** The value modulo 2^128 plus {@code other}. */
    public Int128 add(Int128 other) {
        long lo = low + other.low;
        long carry = Long.compareUnsigned(lo, low) < 0 ? 1 : 0;
        return new Int128(high + other.high + carry, lo);
    }

    /** The value modulo 2^128 minus {@code other}. */
    public Int128 subtract(Int128 other) {
        long lo = low - other.low;
        long borrow = Long.compareUnsigned(low, other.low) < 0 ? 1 : 0;
        return new Int128(high - other.high - borrow, lo);
    }

    /** Compares the values read as signed. */
    @Override
    public int compareTo(Int128 other) {
        int c = Long.compare(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    /** Compares the values read as unsigned. */
    public static int compareUnsigned(Int128 a, Int128 b) {
        int c = Long.compareUnsigned(a.high, b.high);
        return c != 0 ? c : Long.compareUnsigned(a.low, b.low);
    }

    /** The value read as signed, in decimal (e.g. {@code -1} for {@link #ALL_ONES}). */
    @Override
    public String toString() {
        return fitsLong() ? Long.toString(low) : toBigInteger().toString();
    }

    /**
     * The value read as unsigned, in decimal (e.g. {@code 340282366920938463463374607431768211455} for {@link
     * #ALL_ONES}).
     */
    public String toUnsignedString() {
        return high == 0 ? Long.toUnsignedString(low) : toUnsignedBigInteger().toString();
    }
}
