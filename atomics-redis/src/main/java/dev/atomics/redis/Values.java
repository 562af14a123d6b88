package dev.atomics.redis;

import java.nio.charset.StandardCharsets;

/**
 * The stored form of values, as the Lua script reads and writes it: canonical decimal for int and uint (what
 * {@code INCRBY} accepts and {@code redis-cli GET} shows), hex of the bytes in memory order for bytes. Parsing
 * refuses anything else, and never wraps a value into range.
 */
final class Values {

    private static final byte[][] SMALL = new byte[256][];
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Values() {}

    /** {@code v} in decimal, unsigned if {@code signed} is false (the 64-bit pattern). */
    static byte[] decimal(long v, boolean signed) {
        if (v >= 0 && v < SMALL.length) {
            return SMALL[(int) v];
        }
        return (signed ? Long.toString(v) : Long.toUnsignedString(v)).getBytes(StandardCharsets.US_ASCII);
    }

    /** A non-negative number below 2^32 (half of a raw value, a bit offset) in decimal, as the script reads it. */
    static byte[] half(long v) {
        return v < SMALL.length ? SMALL[(int) v] : Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The value of the stored form {@code s} of an integral atomic: the signed value, or for an unsigned one the
     * zero-extended pattern (the 64-bit pattern at width 8), as {@code load()} returns it; zero for a missing key.
     *
     * @throws IllegalArgumentException saying why {@code s} is no value of the atomic
     */
    static long parseIntegral(byte[] s, boolean signed, int width) {
        if (s == null) {
            return 0;
        }
        int n = s.length;
        boolean negative = n > 0 && s[0] == '-';
        int start = negative ? 1 : 0;
        int digits = n - start;
        if (digits == 0
                || digits > 20
                || (digits > 1 && s[start] == '0')
                || (negative && digits == 1 && s[start] == '0')) {
            throw foreignA(s, signed, width);
        }
        for (int i = start; i < n; i++) {
            if (s[i] < '0' || s[i] > '9') {
                throw foreignA(s, signed, width);
            }
        }
        long magnitude = 0;
        for (int i = start; i < n; i++) {
            int d = s[i] - '0';
            if (Long.compareUnsigned(magnitude, 0x1999_9999_9999_9999L) > 0) {
                throw notA(s, signed, width);
            }
            long times10 = magnitude * 10;
            magnitude = times10 + d;
            if (Long.compareUnsigned(magnitude, times10) < 0) { // carried past 2^64
                throw notA(s, signed, width);
            }
        }
        int bits = 8 * width;
        if (signed) {
            long limit = 1L << (bits - 1); // magnitude of the most negative value; one more than the largest
            if (Long.compareUnsigned(magnitude, limit) > 0 || (!negative && magnitude == limit)) {
                throw notA(s, true, width);
            }
            return negative ? -magnitude : magnitude;
        }
        if (negative || (bits < 64 && Long.compareUnsigned(magnitude, (1L << bits) - 1) > 0)) {
            throw notA(s, false, width);
        }
        return magnitude;
    }

    /** The stored value is not a decimal integer at all: someone else's string. */
    private static Foreign foreignA(byte[] s, boolean signed, int width) {
        return new Foreign("a string of " + s.length + " bytes, not " + (signed ? "an int" : "a uint") + " of width "
                + width + " (a canonical decimal integer): \"" + quote(s) + "\"");
    }

    private static IllegalArgumentException notA(byte[] s, boolean signed, int width) {
        return new IllegalArgumentException("\"" + quote(s) + "\" is not " + (signed ? "an int" : "a uint")
                + " of width " + width + " (a canonical decimal integer in the range of the width)");
    }

    /**
     * The bytes of the stored form {@code s} of a bytes atomic (two hex digits per byte, either case); zeros for a
     * missing key.
     *
     * @throws IllegalArgumentException saying why {@code s} is no value of the atomic
     */
    static byte[] parseBytes(byte[] s, int width) {
        byte[] out = new byte[width];
        if (s == null) {
            return out;
        }
        if (s.length != 2 * width) {
            throw notBytes(s, width);
        }
        for (int i = 0; i < width; i++) {
            int h = Character.digit(s[2 * i], 16);
            int l = Character.digit(s[2 * i + 1], 16);
            if (h < 0 || l < 0) {
                throw notBytes(s, width);
            }
            out[i] = (byte) (h << 4 | l);
        }
        return out;
    }

    private static Foreign notBytes(byte[] s, int width) {
        return new Foreign("a string of " + s.length + " bytes, not " + width + " bytes in hex (" + (2 * width)
                + " hex digits): \"" + quote(s) + "\"");
    }

    /** A stored value that is not the atomic's stored form at all (rather than a number out of range). */
    static final class Foreign extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Foreign(String found) {
            super(found);
        }
    }

    /** The stored form of {@code bytes}: lower-case hex, in memory order. */
    static byte[] hex(byte[] bytes) {
        byte[] out = new byte[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return out;
    }

    /** The bytes as the script's raw value: byte i is bits 8i to 8i+7 (little-endian, on every machine). */
    static long pack(byte[] bytes) {
        long v = 0;
        for (int i = 0; i < bytes.length; i++) {
            v |= (bytes[i] & 0xFFL) << (8 * i);
        }
        return v;
    }

    /** The start of a stored value, for messages: a value may be of any length. */
    static String quote(byte[] s) {
        String text = new String(s, 0, Math.min(s.length, 40), StandardCharsets.UTF_8);
        return s.length > 40 ? text + "…" : text;
    }
}
