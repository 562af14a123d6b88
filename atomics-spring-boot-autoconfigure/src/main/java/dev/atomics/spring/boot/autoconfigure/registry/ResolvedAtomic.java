package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.AtomicType;
import dev.atomics.Engine;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One configured atomic, validated and resolved, whatever its source: what its properties became before anything is
 * created, mapped or connected. The bean is then its atomic, in the registry's {@code AtomicsEntry}.
 *
 * @param name           the key, e.g. {@code jobs-done}
 * @param prefix         the property prefix of the entry, e.g. {@code atomics.shared.jobs-done}
 * @param engine         the engine of an atomic on memory; {@code null} for one a server keeps (Redis)
 * @param initialValue   an instance's {@code initial-value}, or {@code null}
 * @param shm            for a shared entry: whether it is on a shared-memory object (not a file)
 * @param target         the shared-memory name as configured (with its suffix under test isolation), the file path as
 *                       configured, or the Redis key; {@code null} for an instance
 * @param file           the absolute file path to map (under test isolation, in the context's directory); {@code null}
 *                       otherwise
 * @param mode           the permission bits to create the object or file with, {@code null} if the entry sets none
 */
record ResolvedAtomic(
        String name,
        String prefix,
        AtomicType<?, ?, ?> type,
        int width,
        @Nullable Engine engine,
        @Nullable String initialValue,
        boolean shm,
        @Nullable String target,
        @Nullable Path file,
        long offset,
        boolean create,
        boolean readonly,
        boolean followSymlinks,
        @Nullable Integer mode) {

    /** The startup failure for an {@code initial-value} this atomic cannot hold (unparsable or out of range). */
    AtomicsConfigurationException badInitialValue(String text, IllegalArgumentException e) {
        return new AtomicsConfigurationException(
                prefix + ".initial-value",
                text,
                "initial value out of range: " + e.getMessage(),
                type == AtomicType.BYTES
                        ? "Give exactly " + width + " bytes as hex, e.g. 0x" + "00".repeat(width) + "."
                        : "Use a value in the range of " + type.name() + " of width " + width + ", or a wider atomic ("
                                + prefix + ".width).",
                e);
    }

    /** What every entry has: its source fills in the rest. */
    static ResolvedAtomic of(String name, String prefix, AtomicType<?, ?, ?> type, int width, @Nullable Engine engine) {
        return new ResolvedAtomic(
                name, prefix, type, width, engine, null, false, null, null, 0, false, false, false, null);
    }

    /** An instance, with its initial value. */
    ResolvedAtomic withInitialValue(@Nullable String value) {
        return new ResolvedAtomic(
                name, prefix, type, width, engine, value, false, null, null, 0, false, false, false, null);
    }

    /** A view on a shared-memory object ({@code shm}) or a file. */
    ResolvedAtomic shared(
            boolean shm,
            String target,
            @Nullable Path file,
            long offset,
            boolean create,
            boolean readonly,
            boolean followSymlinks,
            @Nullable Integer mode) {
        return new ResolvedAtomic(
                name,
                prefix,
                type,
                width,
                engine,
                null,
                shm,
                target,
                file,
                offset,
                create,
                readonly,
                followSymlinks,
                mode);
    }

    /** An atomic on the server key {@code key}. */
    ResolvedAtomic onKey(String key, boolean readonly) {
        return new ResolvedAtomic(
                name, prefix, type, width, engine, null, false, key, null, 0, false, readonly, false, null);
    }

    /** The end of a shared entry in its object or file. */
    long end() {
        return offset + width;
    }
}
