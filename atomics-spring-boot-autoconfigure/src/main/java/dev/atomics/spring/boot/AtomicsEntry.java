package dev.atomics.spring.boot;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.AtomicUint128;
import java.util.Objects;

/**
 * One named atomic in the {@link AtomicsRegistry}.
 *
 * @param name   the configuration key, which is also the bean name
 * @param type   {@link AtomicType#INT}, {@link AtomicType#UINT} or {@link AtomicType#BYTES}
 * @param atomic the object: an {@link AtomicInt}, {@link AtomicUint} or {@link AtomicBytes} (a view for shared sources)
 * @param source where its memory comes from
 */
public record AtomicsEntry(String name, AtomicType<?, ?, ?> type, Atomic atomic, AtomicSource source) {

    public AtomicsEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(atomic, "atomic");
        Objects.requireNonNull(source, "source");
        boolean wide = atomic.width() == 16;
        Class<?> expected = type == AtomicType.INT
                ? (wide ? AtomicInt128.class : AtomicInt.class)
                : type == AtomicType.UINT
                        ? (wide ? AtomicUint128.class : AtomicUint.class)
                        : type == AtomicType.BYTES ? AtomicBytes.class : null;
        if (expected == null) {
            throw new IllegalArgumentException("type must be INT, UINT or BYTES, not " + type);
        }
        if (!expected.isInstance(atomic)) {
            throw new IllegalArgumentException(
                    "atomic '" + name + "' is a " + atomic + ", not an " + expected.getSimpleName());
        }
    }

    /** Whether the atomic has integer operations (type int or uint). */
    public boolean integral() {
        return type.isIntegral();
    }
}
