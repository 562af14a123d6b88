package dev.atomics.spring.boot;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicIntegral128;
import dev.atomics.AtomicType;
import dev.atomics.AtomicsException;
import dev.atomics.BytesCmpxchgResult;
import dev.atomics.CmpxchgResult;
import dev.atomics.Int128;
import dev.atomics.Int128CmpxchgResult;
import dev.atomics.MemoryOrder;
import dev.atomics.UnsupportedOpException;
import dev.atomics.shm.SharedMapping;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing values as text, for the endpoint, the gauges and {@code initial-value}: the one class of the
 * starter that reads or writes values, or names operations, through the core's API ({@code load},
 * {@code fetchAdd}, {@code cmpxchgStrong}, {@code opsSupported}, ...), so that a change of that API is a change here.
 *
 * <p>Text comes from configuration and HTTP requests, so it is treated as hostile: its length is checked before
 * any parsing ({@link #MAX_INTEGER_CHARS}, {@link #maxBytesChars(int)}), because parsing a huge decimal number
 * costs time quadratic in its length, and error messages quote at most {@link #QUOTE_CHARS} characters of it
 * ({@link #abbreviate(String)}).
 */
public final class AtomicValues {

    /**
     * The longest integer operand accepted, in characters (sign, {@code 0x} prefix and {@code _} separators
     * included). The widest value, 16 bytes, needs at most 40 decimal digits; anything longer is not a value an
     * atomic can hold.
     */
    public static final int MAX_INTEGER_CHARS = 64;

    /** How many characters of an input error messages quote before cutting it off with "…". */
    public static final int QUOTE_CHARS = 20;

    private static final double TWO_POW_64 = 0x1p64;
    private static final BigInteger TWO = BigInteger.TWO;

    private AtomicValues() {}

    /**
     * The current value (an acquire load): a decimal string for integral atomics (unsigned for uint, so 64- and
     * 128-bit values stay exact), lower-case hex of the bytes in memory order for bytes atomics.
     */
    public static String format(Atomic atomic) {
        if (atomic instanceof AtomicIntegral128 integral) {
            return formatInt128(integral.signed(), integral.load(MemoryOrder.ACQUIRE));
        }
        if (atomic instanceof AtomicIntegral integral) {
            return formatIntegral(integral, integral.load(MemoryOrder.ACQUIRE));
        }
        if (atomic instanceof AtomicBytes bytes) {
            return HexFormat.of().formatHex(bytes.load(MemoryOrder.ACQUIRE));
        }
        return null;
    }

    /**
     * A raw value read from memory (the native-order integer in the low {@code width} bytes, as
     * {@link AtomicsMapping#load} returns it) as text: signed or unsigned decimal for int and uint, hex of the
     * bytes in memory order for bytes.
     */
    public static String formatRaw(AtomicType<?, ?, ?> type, int width, long raw) {
        if (type == AtomicType.BYTES) {
            byte[] bytes = new byte[width];
            ByteBuffer.wrap(new byte[8])
                    .order(ByteOrder.nativeOrder())
                    .putLong(0, raw)
                    .get(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 8 - width, bytes);
            return HexFormat.of().formatHex(bytes);
        }
        long v = extend(type, width, raw);
        return type == AtomicType.INT ? Long.toString(v) : Long.toUnsignedString(v);
    }

    /**
     * A raw 16-byte value read from memory (as {@code SharedMapping.load128} returns it) as text: signed or unsigned
     * decimal for int and uint, hex of the 16 bytes in memory order for bytes.
     */
    public static String formatRaw128(AtomicType<?, ?, ?> type, Int128 raw) {
        if (type == AtomicType.BYTES) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
                b.putLong(raw.low()).putLong(raw.high());
            } else {
                b.putLong(raw.high()).putLong(raw.low());
            }
            return HexFormat.of().formatHex(b.array());
        }
        return formatInt128(type == AtomicType.INT, raw);
    }

    /** A raw 16-byte value as a double for gauges ({@code NaN} for bytes); see {@link #asDouble(Int128, boolean)}. */
    public static double raw128AsDouble(AtomicType<?, ?, ?> type, Int128 raw) {
        return type.isIntegral() ? asDouble(raw, type == AtomicType.INT) : Double.NaN;
    }

    /** A raw value as a double for gauges ({@code NaN} for bytes); exact up to 2^53 in magnitude. */
    public static double rawAsDouble(AtomicType<?, ?, ?> type, int width, long raw) {
        if (!type.isIntegral()) {
            return Double.NaN;
        }
        long v = extend(type, width, raw);
        return type == AtomicType.INT || v >= 0 ? v : v + TWO_POW_64;
    }

    /** Sign-extends (int) or zero-extends (uint) the low {@code width} bytes of {@code raw}. */
    private static long extend(AtomicType<?, ?, ?> type, int width, long raw) {
        int shift = 64 - 8 * width;
        return type == AtomicType.INT ? (raw << shift) >> shift : (raw << shift) >>> shift;
    }

    /** {@code value} as the decimal string of an integral atomic's value (widths 1 to 8). */
    public static String formatIntegral(AtomicIntegral atomic, long value) {
        return atomic.signed() ? Long.toString(value) : Long.toUnsignedString(value);
    }

    /** A 128-bit value as an exact decimal string. */
    public static String formatInt128(boolean signed, Int128 value) {
        return signed ? value.toString() : value.toUnsignedString();
    }

    /**
     * A 128-bit value as a double, for gauges: exact up to 2^53 in magnitude, beyond that rounded to the nearest
     * double (ties to even), never infinite (2^128 is far below {@code Double.MAX_VALUE}).
     */
    public static double asDouble(Int128 value, boolean signed) {
        if (value.fitsLong() && (signed || value.high() == 0)) {
            return value.low();
        }
        return (signed ? value.toBigInteger() : value.toUnsignedBigInteger()).doubleValue();
    }

    /**
     * The current value as a double (an acquire load), for gauges. Exact up to 2^53 in magnitude; beyond that it
     * is rounded to the nearest double.
     */
    public static double asDouble(AtomicIntegral atomic) {
        long v = atomic.load(MemoryOrder.ACQUIRE);
        if (atomic.signed() || v >= 0) {
            return v;
        }
        return v + TWO_POW_64;
    }

    /**
     * Parses an integral operand for an atomic of width 1 to 8: decimal, or hex with a {@code 0x} prefix,
     * optionally signed.
     *
     * @return the value as the {@code long} the atomic takes (the 64-bit pattern for unsigned values above
     *         {@code Long.MAX_VALUE})
     * @throws IllegalArgumentException if it is not a number or does not fit the atomic's width and signedness,
     *                                  or if the width is above 8 (use {@link #parseInt128}, a long cannot hold it)
     */
    public static long parseIntegral(String text, int width, boolean signed) {
        if (width > 8) {
            throw new IllegalArgumentException(
                    "a value of width " + width + " does not fit a long: parse it with parseInt128");
        }
        return parseChecked(text, width, signed).longValue();
    }

    /**
     * Parses an integral operand for an atomic of any width (1, 2, 4, 8 or 16): decimal, or hex with a {@code 0x}
     * prefix, optionally signed.
     *
     * @return the value's 128-bit pattern, as {@link AtomicIntegral128} takes it
     * @throws IllegalArgumentException if it is not a number or does not fit the atomic's width and signedness
     */
    public static Int128 parseInt128(String text, int width, boolean signed) {
        return Int128.valueOf(parseChecked(text, width, signed));
    }

    private static BigInteger parseChecked(String text, int width, boolean signed) {
        BigInteger v = parseBigInteger(text);
        BigInteger min;
        BigInteger max;
        int bits = 8 * width;
        if (signed) {
            min = TWO.pow(bits - 1).negate();
            max = TWO.pow(bits - 1).subtract(BigInteger.ONE);
        } else {
            min = BigInteger.ZERO;
            max = TWO.pow(bits).subtract(BigInteger.ONE);
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new IllegalArgumentException(abbreviate(text.trim()) + " does not fit " + (signed ? "int" : "uint")
                    + " of width " + width + ": the range is [" + min + ", " + max + "]");
        }
        return v;
    }

    /**
     * Parses a non-negative or negative magnitude for {@code add}/{@code sub}, which must fit a signed 64-bit
     * long (the atomic then checks it against its own range).
     */
    public static long parseLong(String text) {
        BigInteger v = parseBigInteger(text);
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException(abbreviate(text.trim()) + " does not fit a 64-bit signed integer");
        }
        return v.longValue();
    }

    private static BigInteger parseBigInteger(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a number is required");
        }
        // Before anything else touches the digits: BigInteger's decimal parsing is quadratic in their number.
        checkLength(
                text,
                MAX_INTEGER_CHARS,
                "an integer has at most " + MAX_INTEGER_CHARS
                        + " (decimal, or hex with 0x; sign and _ separators included)");
        String t = text.trim().replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            boolean hex = t.startsWith("0x") || t.startsWith("0X");
            String digits = hex ? t.substring(2) : t;
            if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
                throw new NumberFormatException();
            }
            BigInteger v = new BigInteger(digits, hex ? 16 : 10);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quote(text.trim()) + " is not an integer (use decimal, or hex with 0x)");
        }
    }

    /**
     * The longest text {@link #parseBytes} accepts for a bytes atomic of {@code width} bytes: 4 characters per
     * byte and 4 more, room for the 2 hex digits of each byte, separators between them, a {@code 0x} prefix and
     * surrounding spaces.
     */
    public static int maxBytesChars(int width) {
        return 4 * width + 4;
    }

    /**
     * Parses the value of a bytes atomic: hex digits (an optional {@code 0x} prefix; {@code :}, {@code -},
     * {@code _} and spaces between bytes are ignored), exactly {@code width} bytes, in memory order.
     *
     * @throws IllegalArgumentException if it is longer than {@link #maxBytesChars(int)}, not hex or of the wrong length
     */
    public static byte[] parseBytes(String text, int width) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("hex bytes are required");
        }
        checkLength(
                text,
                maxBytesChars(width),
                "hex bytes for width " + width + " take at most " + maxBytesChars(width) + " (e.g. 0x"
                        + "00".repeat(width) + ")");
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        t = t.replaceAll("[\\s:_-]", "");
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    quote(text.trim()) + " is not hex bytes (e.g. 0x" + "00".repeat(width) + ")");
        }
        if (bytes.length != width) {
            throw new IllegalArgumentException(quote(text.trim()) + " is " + bytes.length
                    + " bytes; the atomic has width " + width + " (e.g. 0x" + "00".repeat(width) + ")");
        }
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------
    // Reads, writes and operations on atomics
    // ---------------------------------------------------------------------------------------------

    /** The operations {@link #operate} performs. */
    public static final List<String> OPERATIONS = List.of("store", "add", "sub", "cmpxchg");

    /**
     * One acquire load of an atomic this process owns (or whose view the caller manages), formatted; unavailable if
     * it throws (a view that died). A 16-byte integral is read whole: exact decimal, and a double rounded beyond 2^53.
     */
    public static AtomicReading read(String name, Atomic atomic) {
        try {
            if (atomic instanceof AtomicIntegral128 i) {
                Int128 v = i.load(MemoryOrder.ACQUIRE);
                return AtomicReading.of(name, formatInt128(i.signed(), v), asDouble(v, i.signed()));
            }
            if (atomic instanceof AtomicIntegral i) {
                long v = i.load(MemoryOrder.ACQUIRE);
                return AtomicReading.of(
                        name,
                        formatIntegral(i, v),
                        rawAsDouble(i.signed() ? AtomicType.INT : AtomicType.UINT, i.width(), v));
            }
            return AtomicReading.of(
                    name, HexFormat.of().formatHex(((AtomicBytes) atomic).load(MemoryOrder.ACQUIRE)), Double.NaN);
        } catch (AtomicsException e) {
            return AtomicReading.unavailable(name, e.getMessage());
        }
    }

    /**
     * A guarded JVM read of {@code width} bytes at {@code offset} of {@code mapping} (never native code, never a
     * write; see {@link SharedMapping#load} and {@link SharedMapping#load128}), formatted as an atomic of {@code type}.
     * The caller has checked that the mapping still covers it.
     */
    public static AtomicReading read(
            String name, SharedMapping mapping, long offset, int width, AtomicType<?, ?, ?> type) {
        try {
            if (width == 16) {
                Int128 raw = mapping.load128(offset);
                return AtomicReading.of(name, formatRaw128(type, raw), raw128AsDouble(type, raw));
            }
            long raw = mapping.load(offset, width);
            return AtomicReading.of(name, formatRaw(type, width, raw), rawAsDouble(type, width, raw));
        } catch (AtomicsException | InternalError e) {
            return AtomicReading.unavailable(name, "reading it failed: " + e.getMessage());
        }
    }

    /** A value loaded by a backend that returns it whole: a {@code Long} (int, uint) or a {@code byte[]} (bytes). */
    public static AtomicReading ofLoaded(String name, AtomicType<?, ?, ?> type, int width, Object value) {
        if (value instanceof Long v) {
            long extended = extend(type, width, v);
            return AtomicReading.of(
                    name,
                    type == AtomicType.INT ? Long.toString(extended) : Long.toUnsignedString(extended),
                    rawAsDouble(type, width, v));
        }
        return AtomicReading.of(name, HexFormat.of().formatHex((byte[]) value), Double.NaN);
    }

    /**
     * Stores {@code text}, parsed for the atomic's type and width (as {@link #parseInt128} or {@link #parseBytes}).
     *
     * @throws IllegalArgumentException if it is not a value of the atomic
     */
    public static void store(Atomic atomic, String text) {
        if (atomic instanceof AtomicBytes bytes) {
            bytes.store(parseBytes(text, bytes.width()));
        } else if (atomic instanceof AtomicIntegral128 integral) {
            integral.store(parseInt128(text, integral.width(), integral.signed()));
        } else {
            AtomicIntegral integral = (AtomicIntegral) atomic;
            integral.store(parseIntegral(text, integral.width(), integral.signed()));
        }
    }

    /** Whether an integral atomic's values are signed; {@code null} for bytes. */
    public static @Nullable Boolean signed(Atomic atomic) {
        return atomic instanceof AtomicBytes ? null : atomic.type().signed();
    }

    /** The operations the atomic supports, lower case ({@code load}, {@code fetch_add}, ...). */
    public static List<String> opNames(Atomic atomic) {
        return atomic.opsSupported().stream()
                .map(op -> op.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * What one {@link #operate} did.
     *
     * @param success  {@code false} only for a {@code cmpxchg} that found another value
     * @param previous the value before ({@code add}, {@code sub}, {@code cmpxchg}); {@code null} for {@code store}
     * @param value    the value right after (later changes by others may already show)
     */
    public record Outcome(boolean success, @Nullable String previous, String value) {}

    /**
     * Performs one of {@link #OPERATIONS} with operands given as text (as {@link #parseInt128}, {@link #parseBytes}).
     *
     * @throws InvalidOperandException for an unknown operation, a missing, malformed or out-of-range operand
     * @throws UnsupportedOpException  for arithmetic on bytes, or what the atomic refuses (readonly)
     */
    public static Outcome operate(
            Atomic atomic,
            String operation,
            @Nullable String value,
            @Nullable String expected,
            @Nullable String desired) {
        String op = operation == null ? "" : operation.trim().toLowerCase(Locale.ROOT);
        if (!OPERATIONS.contains(op)) {
            throw new InvalidOperandException(
                    "unknown operation '" + abbreviate(operation) + "': use one of " + OPERATIONS);
        }
        if (atomic instanceof AtomicBytes a) {
            HexFormat hex = HexFormat.of();
            switch (op) {
                case "store" -> {
                    a.store(bytesOperand(a, "value", value));
                    return new Outcome(true, null, format(a));
                }
                case "cmpxchg" -> {
                    BytesCmpxchgResult r =
                            a.cmpxchgStrong(bytesOperand(a, "expected", expected), bytesOperand(a, "desired", desired));
                    return new Outcome(r.success(), hex.formatHex(r.expected()), format(a));
                }
                default -> throw new UnsupportedOpException("bytes atomics have no arithmetic; use store or cmpxchg");
            }
        }
        if (atomic instanceof AtomicIntegral128 a) {
            return switch (op) {
                case "store" -> {
                    a.store(wideOperand(a, "value", value));
                    yield new Outcome(true, null, format(a));
                }
                case "add" ->
                    new Outcome(true, formatInt128(a.signed(), a.fetchAdd(wideOperand(a, "value", value))), format(a));
                case "sub" ->
                    new Outcome(true, formatInt128(a.signed(), a.fetchSub(wideOperand(a, "value", value))), format(a));
                default -> {
                    Int128CmpxchgResult r =
                            a.cmpxchgStrong(wideOperand(a, "expected", expected), wideOperand(a, "desired", desired));
                    yield new Outcome(r.success(), formatInt128(a.signed(), r.expected()), format(a));
                }
            };
        }
        AtomicIntegral a = (AtomicIntegral) atomic;
        return switch (op) {
            case "store" -> {
                a.store(operand(a, "value", value));
                yield new Outcome(true, null, format(a));
            }
            case "add" -> new Outcome(true, formatIntegral(a, a.fetchAdd(operand(a, "value", value))), format(a));
            case "sub" -> new Outcome(true, formatIntegral(a, a.fetchSub(operand(a, "value", value))), format(a));
            default -> {
                CmpxchgResult r = a.cmpxchgStrong(operand(a, "expected", expected), operand(a, "desired", desired));
                yield new Outcome(r.success(), formatIntegral(a, r.expected()), format(a));
            }
        };
    }

    private static long operand(AtomicIntegral a, String operand, @Nullable String text) {
        try {
            return parseIntegral(required(operand, text, ""), a.width(), a.signed());
        } catch (IllegalArgumentException e) {
            throw new InvalidOperandException("operand '" + operand + "': " + e.getMessage(), e);
        }
    }

    private static Int128 wideOperand(AtomicIntegral128 a, String operand, @Nullable String text) {
        try {
            return parseInt128(required(operand, text, ""), a.width(), a.signed());
        } catch (IllegalArgumentException e) {
            throw new InvalidOperandException("operand '" + operand + "': " + e.getMessage(), e);
        }
    }

    private static byte[] bytesOperand(AtomicBytes a, String operand, @Nullable String text) {
        try {
            return parseBytes(required(operand, text, " (hex bytes)"), a.width());
        } catch (IllegalArgumentException e) {
            throw new InvalidOperandException("operand '" + operand + "': " + e.getMessage(), e);
        }
    }

    private static String required(String operand, @Nullable String text, String what) {
        if (text == null) {
            throw new InvalidOperandException("operand '" + operand + "' is required" + what);
        }
        return text;
    }

    /**
     * {@code text} as an error message may quote it: at most {@link #QUOTE_CHARS} characters, then "…" if it was
     * longer. Control characters are escaped (a newline becomes {@code \n}) so that a message stays one line.
     */
    public static String abbreviate(String text) {
        return abbreviate(text, QUOTE_CHARS);
    }

    /** Like {@link #abbreviate(String)}, keeping at most {@code max} characters. */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), max);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        StringBuilder b = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return end < text.length() ? b.append('…').toString() : b.toString();
    }

    private static String quote(String text) {
        return "'" + abbreviate(text) + "'";
    }

    /** Refuses {@code text} longer than {@code max} characters, quoting only its start. */
    private static void checkLength(String text, int max, String limit) {
        if (text.length() > max) {
            throw new IllegalArgumentException(quote(text) + " is " + text.length() + " characters long; " + limit);
        }
    }
}
