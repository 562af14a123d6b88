package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.AtomicViewContext;
import dev.atomics.shm.MappingStatus;
import dev.atomics.shm.SharedMapping;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.BackendHealth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A mapping opened by a {@link MappingKind}: a core {@link SharedMapping} (shared memory or file), the entries on it,
 * and the views it handed out, which it releases before it unmaps. Offsets of entries are offsets into the mapping.
 *
 * <p>It reads its atomics for the starter only after checking the object behind the mapping ({@link #status()}: a
 * few system calls, no memory touched): an atomic the object no longer covers (a peer shrank it), or whose object
 * lost its name or was replaced, is reported unavailable, and the others are read with {@link SharedMapping#load}, a
 * JVM acquire load the JVM guards against faults, whatever engine serves the atomic.
 *
 * <p>At width 16, for which the JVM has no atomic load, {@link SharedMapping#load128} reads the two halves with
 * guarded loads (high, low, high again until both highs agree): never native code, so never a crash, and never a
 * compare-and-swap, which would write.
 */
abstract class OpenMapping implements AtomicsMapping, Startup.RemovableAtClose {

    private final List<String> atomics;
    private final Map<String, ResolvedAtomic> specs;
    private final SharedMapping mapping;
    private final boolean created;
    private final List<AtomicViewContext<?>> contexts = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Under test isolation, how to remove what this mapping created, when it closes; {@code null} otherwise. */
    private volatile Startup.@Nullable Created removeAtClose;

    /** {@code created}: whether this startup created the object or file (growing an existing one does not count). */
    OpenMapping(List<ResolvedAtomic> specs, SharedMapping mapping, boolean created) {
        this.atomics = specs.stream().map(ResolvedAtomic::name).toList();
        this.specs = specs.stream().collect(Collectors.toMap(ResolvedAtomic::name, Function.identity()));
        this.mapping = mapping;
        this.created = created;
    }

    @Override
    public final List<String> atomics() {
        return atomics;
    }

    /** A context for the view of {@code spec}, which is one of this mapping's entries; released when it closes. */
    final AtomicViewContext<?> view(ResolvedAtomic spec) {
        AtomicViewContext<?> context = Views.of(mapping, spec.offset(), spec.width(), spec.type(), spec.engine());
        contexts.add(context);
        return context;
    }

    /** Where the atomic of {@code spec} lives, for the endpoint and the gauges' tags. */
    abstract AtomicSource source(ResolvedAtomic spec);

    @Override
    public final List<AtomicReading> read(List<AtomicsEntry> entries) {
        List<AtomicReading> readings = new ArrayList<>(entries.size());
        if (closed) {
            for (AtomicsEntry entry : entries) {
                readings.add(AtomicReading.unavailable(
                        entry.name(), "the atomics registry is closed: its views are released"));
            }
            return readings;
        }
        MappingStatus status = status(); // once for all of them
        for (AtomicsEntry entry : entries) {
            ResolvedAtomic spec = specs.get(entry.name());
            if (!status.covers(spec.offset(), spec.width())) {
                readings.add(AtomicReading.unavailable(entry.name(), status.problem()));
                continue;
            }
            readings.add(AtomicValues.read(entry.name(), mapping, spec.offset(), spec.width(), spec.type()));
        }
        return readings;
    }

    /**
     * Listed under {@code mappings}: size, current size, state; {@code DOWN} if an atomic on it is unavailable, or if
     * its object lost its name or was replaced (a shrunk object whose atomics all still fit is harmless).
     */
    @Override
    public final BackendHealth health(List<AtomicReading> readings) {
        MappingStatus status = status();
        List<String> lost = readings.stream()
                .filter(r -> !r.available())
                .map(AtomicReading::name)
                .toList();
        // a shrunk object whose atomics all still fit is harmless; anything else stops sharing or risks SIGBUS
        boolean down = !lost.isEmpty() || !(status.ok() || status.state() == MappingStatus.State.SHRUNK);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind());
        m.put("size", size());
        m.put("currentSize", status.size());
        m.put("atomics", atomics);
        m.put("status", down ? "DOWN" : "UP");
        m.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
        if (!status.ok()) {
            m.put("problem", status.problem());
        }
        if (!lost.isEmpty()) {
            m.put("unavailable", lost);
        }
        String reason = down ? (lost.isEmpty() ? "" : "atomics " + lost + " unavailable: ") + status.problem() : null;
        return new BackendHealth(
                "mappings", kind() + ":" + target() + (readonly() ? " (readonly)" : ""), !down, m, lost, reason);
    }

    @Override
    public final boolean readonly() {
        return mapping.readonly();
    }

    @Override
    public final long size() {
        return mapping.size();
    }

    @Override
    public final MappingStatus status() {
        return mapping.status();
    }

    @Override
    public final long load(long offset, int width) {
        return mapping.load(offset, width);
    }

    @Override
    public final void removeAtClose(Startup.Created created) {
        this.removeAtClose = created;
    }

    /**
     * Releases the views on it (they die), then closes the mapping. Under test isolation it first removes the object or
     * file it created (while the mapping can still tell its own object from a newcomer under the name), and last the
     * directories created for it.
     */
    @Override
    public final void close() {
        closed = true;
        RuntimeException failure = null;
        Startup.Created created = removeAtClose;
        boolean removed = false;
        if (created != null) {
            try {
                created.remove();
                removed = true;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (AtomicViewContext<?> context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        try {
            mapping.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (removed) {
            try {
                created.afterClose();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Whether opening this mapping created the shared-memory object or file (it did not exist before). Growing an
     * existing one does not count: only what was created may be {@link #remove() removed}.
     */
    final boolean created() {
        return created;
    }

    /**
     * Removes the name of the object or file that opening this mapping {@link #created()}, if the name still
     * refers to it: only when startup fails, before {@link #close()} (so that the mapping can still tell its
     * object from a newcomer under the name), so that a failed startup leaves nothing behind, and, under test
     * isolation only, when it closes. Never called on a normal shutdown.
     *
     * @throws RuntimeException if it cannot be removed (it then stays, and the failure is reported with the
     *                          startup failure)
     */
    abstract void remove();

    static long required(List<ResolvedAtomic> specs) {
        return specs.stream().mapToLong(ResolvedAtomic::end).max().orElseThrow();
    }

    static boolean anyCreate(List<ResolvedAtomic> specs) {
        return specs.stream().anyMatch(ResolvedAtomic::create);
    }

    /** The error for the entry reaching furthest past {@code size} bytes of {@code what}. */
    static AtomicsConfigurationException pastTheEnd(List<ResolvedAtomic> specs, String what, long size) {
        ResolvedAtomic s = specs.stream()
                .max(Comparator.comparingLong(ResolvedAtomic::end))
                .orElseThrow();
        String action = size >= s.width()
                ? "Use an offset of at most " + ((size - s.width()) / s.width() * s.width())
                        + " (size - width, aligned), or set " + s.prefix() + ".create=true to extend " + what + " to "
                        + s.end() + " bytes."
                : "Set " + s.prefix() + ".create=true to extend " + what + " to " + s.end() + " bytes.";
        return new AtomicsConfigurationException(
                s.prefix() + ".offset",
                s.offset(),
                "offset " + s.offset() + " + width " + s.width() + " = " + s.end() + " is past the end of " + what
                        + ", which has " + size + " bytes",
                action);
    }

    static AtomicsConfigurationException missing(ResolvedAtomic s, String what) {
        return new AtomicsConfigurationException(
                s.prefix() + (s.shm() ? ".shm" : ".file"),
                s.target(),
                what + " does not exist",
                "Create it first (e.g. start the process that owns it), or set " + s.prefix()
                        + ".create=true to create it at startup.");
    }
}
