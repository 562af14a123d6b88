package dev.atomics.spring.boot;

import org.jspecify.annotations.Nullable;

/**
 * What one of the starter's own reads (endpoint, gauges, health, dashboard) found for a configured atomic:
 * its value, or why it is unavailable. An atomic on shared memory is read only after its mapping was checked
 * (see {@link AtomicsMapping#status()}): one whose object shrank below it, was removed or replaced, or whose
 * registry is closed, is reported unavailable and is not touched.
 *
 * @param name    the atomic's name
 * @param value   the exact value: a decimal string for int and uint, hex of the bytes in memory order for bytes;
 *                {@code null} if unavailable
 * @param number  the value as a double (rounded to the nearest beyond 2^53, at widths 8 and 16) for int and uint;
 *                {@code NaN} for bytes and when
 *                unavailable
 * @param problem why the atomic is unavailable; {@code null} if it is available
 */
public record AtomicReading(
        String name,
        @Nullable String value,
        double number,
        @Nullable String problem) {

    /** A successful read. */
    public static AtomicReading of(String name, String value, double number) {
        return new AtomicReading(name, value, number, null);
    }

    /** An atomic that was not read, and why. */
    public static AtomicReading unavailable(String name, String problem) {
        return new AtomicReading(name, null, Double.NaN, problem);
    }

    /** Whether the atomic could be read. */
    public boolean available() {
        return problem == null;
    }
}
