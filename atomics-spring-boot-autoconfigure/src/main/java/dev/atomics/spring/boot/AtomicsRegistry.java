package dev.atomics.spring.boot;

import dev.atomics.Atomic;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicViewContext;
import dev.atomics.AtomicsException;
import dev.atomics.shm.MappingStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Every atomic the application configured, by name, with the mappings their memory comes from.
 *
 * <p>The auto-configuration builds one from {@code atomics.instances} and {@code atomics.shared}; each entry is
 * also a bean of its own, named by its key. Code that looks atomics up dynamically, the {@code atomics}
 * actuator endpoint, the health indicator and the Micrometer gauges read this registry.
 *
 * <p>{@link #close()} (called when the application context closes) first closes every view context, so that
 * the views die and stop touching memory, then closes the mappings: several views may share one mapping.
 */
public final class AtomicsRegistry implements AutoCloseable {

    private final Map<String, AtomicsEntry> entries;
    private final List<AtomicViewContext<?>> contexts;
    private final List<AtomicsMapping> mappings;
    /** The mapping each shared atomic is in, by name. */
    private final Map<String, AtomicsMapping> mappingOf;
    private volatile boolean closed;

    /**
     * A registry over the given entries. The registry takes ownership of {@code contexts} (the view contexts
     * of the shared entries) and {@code mappings}, and closes them, in that order, in {@link #close()}.
     *
     * @throws IllegalArgumentException if two entries have the same name
     */
    public AtomicsRegistry(Collection<AtomicsEntry> entries, Collection<? extends AtomicViewContext<?>> contexts,
                           Collection<? extends AtomicsMapping> mappings) {
        Map<String, AtomicsEntry> map = new LinkedHashMap<>();
        for (AtomicsEntry entry : entries) {
            if (map.putIfAbsent(entry.name(), entry) != null) {
                throw new IllegalArgumentException("two atomics are named '" + entry.name() + "'");
            }
        }
        this.entries = Collections.unmodifiableMap(map);
        this.contexts = List.copyOf(contexts);
        this.mappings = List.copyOf(mappings);
        Map<String, AtomicsMapping> of = new HashMap<>();
        for (AtomicsMapping mapping : this.mappings) {
            for (String name : mapping.atomics()) {
                of.put(name, mapping);
            }
        }
        this.mappingOf = of;
    }

    /** A registry of entries that own their memory or whose views the caller manages. */
    public static AtomicsRegistry of(AtomicsEntry... entries) {
        return new AtomicsRegistry(List.of(entries), List.of(), List.of());
    }

    /** The entries, in configuration order (instances first, then shared views). */
    public Collection<AtomicsEntry> entries() {
        return entries.values();
    }

    /** The names of all entries. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** The entry named {@code name}, if any. */
    public Optional<AtomicsEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * The entry named {@code name}.
     *
     * @throws NoSuchElementException naming the known atomics if there is none
     */
    public AtomicsEntry get(String name) {
        AtomicsEntry entry = entries.get(name);
        if (entry == null) {
            // name may come from a request: quote only its start
            throw new NoSuchElementException("no atomic named '" + AtomicValues.abbreviate(name) + "' is configured; known: "
                    + entries.keySet());
        }
        return entry;
    }

    /**
     * The atomic named {@code name}, as {@code type} (e.g. {@code AtomicInt.class}).
     *
     * @throws NoSuchElementException if there is none
     * @throws ClassCastException     naming both types if it is of another type
     */
    public <A extends Atomic> A get(String name, Class<A> type) {
        AtomicsEntry entry = get(name);
        if (!type.isInstance(entry.atomic())) {
            throw new ClassCastException("atomic '" + name + "' has type " + entry.type().name() + " and is not an "
                    + type.getSimpleName());
        }
        return type.cast(entry.atomic());
    }

    /**
     * Reads the atomic named {@code name} the careful way the starter reads for itself: if it is on shared
     * memory, its mapping is checked first, and an atomic whose object shrank below it, was removed or replaced,
     * or whose registry is closed, is reported unavailable without touching its memory. The read is an acquire
     * load through the JVM, never native code, whatever engine serves the atomic.
     *
     * @throws NoSuchElementException if there is no such atomic
     */
    public AtomicReading read(String name) {
        return read(get(name), new HashMap<>());
    }

    /** {@link #read(String)} for every entry, in order, checking each mapping once. */
    public List<AtomicReading> readAll() {
        Map<AtomicsMapping, MappingStatus> statuses = new HashMap<>();
        List<AtomicReading> readings = new ArrayList<>(entries.size());
        for (AtomicsEntry entry : entries.values()) {
            readings.add(read(entry, statuses));
        }
        return readings;
    }

    private AtomicReading read(AtomicsEntry entry, Map<AtomicsMapping, MappingStatus> statuses) {
        String name = entry.name();
        AtomicsMapping mapping = mappingOf.get(name);
        if (mapping == null) {
            // memory this process owns (or views the caller manages): nothing else can take it away
            try {
                Atomic a = entry.atomic();
                String value = AtomicValues.format(a);
                return AtomicReading.of(name, value, a instanceof AtomicIntegral i ? AtomicValues.asDouble(i) : Double.NaN);
            } catch (AtomicsException e) {
                return AtomicReading.unavailable(name, e.getMessage());
            }
        }
        if (closed) {
            return AtomicReading.unavailable(name, "the atomics registry is closed: its views are released");
        }
        long offset = offsetOf(entry.source());
        int width = entry.atomic().width();
        MappingStatus status = statuses.computeIfAbsent(mapping, AtomicsMapping::status);
        if (!status.covers(offset, width)) {
            return AtomicReading.unavailable(name, status.problem());
        }
        try {
            long raw = mapping.load(offset, width);
            return AtomicReading.of(name, AtomicValues.formatRaw(entry.type(), width, raw),
                    AtomicValues.rawAsDouble(entry.type(), width, raw));
        } catch (AtomicsException | InternalError e) {
            return AtomicReading.unavailable(name, "reading it failed: " + e.getMessage());
        }
    }

    private static long offsetOf(AtomicSource source) {
        if (source instanceof AtomicSource.SharedMemory shm) {
            return shm.offset();
        }
        if (source instanceof AtomicSource.MappedFile file) {
            return file.offset();
        }
        throw new IllegalStateException("an atomic of a mapping has source " + source);
    }

    /** The shared-memory objects and files mapped for the shared entries. */
    public List<AtomicsMapping> mappings() {
        return mappings;
    }

    /** Whether {@link #close()} has been called: views are then dead. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every view context (the views die), then every mapping. Idempotent. Failures are collected and
     * rethrown together after everything was attempted.
     *
     * <p>Never unlinks a shared-memory object or deletes a file, even one created at startup and even when the
     * application context closes because its startup failed after this registry was built: by then the
     * application and other processes may be using the memory. (Only a failure while the auto-configuration
     * builds the registry removes what that startup created.)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (AtomicViewContext<?> context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (AtomicsMapping mapping : mappings) {
            try {
                mapping.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            for (int i = 1; i < failures.size(); i++) {
                first.addSuppressed(failures.get(i));
            }
            throw first;
        }
    }

    @Override
    public String toString() {
        return "AtomicsRegistry" + entries.keySet() + (closed ? " (closed)" : "");
    }
}
