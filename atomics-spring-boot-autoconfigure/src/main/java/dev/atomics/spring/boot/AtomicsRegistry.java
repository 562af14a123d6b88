package dev.atomics.spring.boot;

import dev.atomics.Atomic;
import dev.atomics.AtomicViewContext;
import dev.atomics.Engine;
import dev.atomics.engine.Engines;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every atomic the application configured, by name, with the backends their memory or keys come from.
 *
 * <p>The auto-configuration builds one from {@code atomics.instances}, {@code atomics.shared} and
 * {@code atomics.cluster}; each entry is also a bean of its own, named by its key. Code that looks atomics up
 * dynamically, the {@code atomics} actuator endpoint, the health indicator and the Micrometer gauges read this
 * registry. Its own reads ({@link #read}, {@link #readAll}) go through each atomic's {@link AtomicsBackend}, which
 * knows how to read its kind of atomic without harm.
 *
 * <p>{@link #close()} (called when the application context closes) closes every backend: each releases its views,
 * so that they die and stop touching memory, then its mapping or connection.
 */
public final class AtomicsRegistry implements AutoCloseable {

    private final Map<String, AtomicsEntry> entries;
    private final List<AtomicViewContext<?>> contexts;
    private final List<AtomicsBackend> backends;
    /** The backend of each atomic, by name. */
    private final Map<String, AtomicsBackend> backendOf;
    /** The engine of atomics configured without one of their own, as configured ({@code AUTO}: the JVM's default). */
    private final Engine defaultEngine;

    private volatile boolean closed;

    /**
     * A registry over {@code entries}, whose atomics the {@code backends} serve (each names its atomics; an entry no
     * backend names is read directly, as memory the process owns). The registry takes ownership of the backends and
     * closes them in {@link #close()}.
     *
     * @throws IllegalArgumentException if two entries have the same name
     */
    public AtomicsRegistry(Collection<AtomicsEntry> entries, Collection<? extends AtomicsBackend> backends) {
        this(entries, List.of(), backends, Engine.AUTO);
    }

    /**
     * A registry over {@code entries} and their {@code backends}, as {@link #AtomicsRegistry(Collection, Collection)},
     * whose atomics were created with {@code defaultEngine} where their configuration named no engine (the starter's
     * {@code atomics.engine}); {@link #defaultEngine()} reports it.
     *
     * @throws IllegalArgumentException if two entries have the same name
     */
    public AtomicsRegistry(
            Collection<AtomicsEntry> entries, Collection<? extends AtomicsBackend> backends, Engine defaultEngine) {
        this(entries, List.of(), backends, defaultEngine);
    }

    /**
     * A registry over the given entries. The registry takes ownership of {@code contexts} (the view contexts
     * of the shared entries) and {@code mappings}, and closes them, in that order, in {@link #close()}.
     *
     * @throws IllegalArgumentException if two entries have the same name
     */
    public AtomicsRegistry(
            Collection<AtomicsEntry> entries,
            Collection<? extends AtomicViewContext<?>> contexts,
            Collection<? extends AtomicsBackend> mappings) {
        this(entries, contexts, mappings, Engine.AUTO);
    }

    private AtomicsRegistry(
            Collection<AtomicsEntry> entries,
            Collection<? extends AtomicViewContext<?>> contexts,
            Collection<? extends AtomicsBackend> mappings,
            Engine defaultEngine) {
        this.defaultEngine = Objects.requireNonNull(defaultEngine, "defaultEngine");
        Map<String, AtomicsEntry> map = new LinkedHashMap<>();
        for (AtomicsEntry entry : entries) {
            if (map.putIfAbsent(entry.name(), entry) != null) {
                throw new IllegalArgumentException("two atomics are named '" + entry.name() + "'");
            }
        }
        this.entries = Collections.unmodifiableMap(map);
        this.contexts = List.copyOf(contexts);
        Map<String, AtomicsBackend> of = new HashMap<>();
        List<AtomicsBackend> all = new ArrayList<>();
        for (AtomicsBackend backend : mappings) {
            all.add(backend);
            for (String name : backend.atomics()) {
                of.put(name, backend);
            }
        }
        List<String> owned =
                map.keySet().stream().filter(name -> !of.containsKey(name)).toList();
        if (!owned.isEmpty()) {
            OwnedAtomics backend = new OwnedAtomics(owned);
            all.add(0, backend);
            owned.forEach(name -> of.put(name, backend));
        }
        this.backends = List.copyOf(all);
        this.backendOf = of;
    }

    /** A registry of entries that own their memory or whose views the caller manages. */
    public static AtomicsRegistry of(AtomicsEntry... entries) {
        return new AtomicsRegistry(List.of(entries), List.of());
    }

    /** The entries, in configuration order (instances, shared views, then cluster atomics). */
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
     * @throws UnknownAtomicException naming the known atomics if there is none
     */
    public AtomicsEntry get(String name) {
        AtomicsEntry entry = entries.get(name);
        if (entry == null) {
            // name may come from a request: quote only its start
            throw new UnknownAtomicException(
                    name,
                    "no atomic named '" + AtomicValues.abbreviate(name) + "' is configured; known: "
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
            throw new ClassCastException(
                    "atomic '" + name + "' has type " + entry.type().name() + " and is not an " + type.getSimpleName());
        }
        return type.cast(entry.atomic());
    }

    /**
     * Reads the atomic named {@code name} the careful way the starter reads for itself, through its backend: an
     * atomic on shared memory is read only after its mapping was checked (an object that shrank below it, was
     * removed or replaced, or whose registry is closed, is reported unavailable without touching its memory), with an
     * acquire load through the JVM, never native code; one on a Redis key is read with the connection's timeout, and
     * reported unavailable if the server does not answer.
     *
     * @throws NoSuchElementException if there is no such atomic
     */
    public AtomicReading read(String name) {
        AtomicsEntry entry = get(name);
        return backendOf.get(name).read(List.of(entry)).get(0);
    }

    /** {@link #read(String)} for every entry, in order; each backend reads all of its atomics at once. */
    public List<AtomicReading> readAll() {
        Map<String, AtomicReading> byName = new HashMap<>();
        for (AtomicsBackend backend : backends) {
            List<AtomicsEntry> own =
                    backend.atomics().stream().map(entries::get).toList();
            if (own.isEmpty()) {
                continue;
            }
            for (AtomicReading reading : backend.read(own)) {
                byName.put(reading.name(), reading);
            }
        }
        List<AtomicReading> readings = new ArrayList<>(entries.size());
        for (String name : entries.keySet()) {
            readings.add(byName.get(name));
        }
        return readings;
    }

    /** The backends of the atomics, each once: what health checks. */
    public List<AtomicsBackend> backends() {
        return backends;
    }

    /** The backend serving the atomic named {@code name}. */
    public AtomicsBackend backendOf(String name) {
        get(name);
        return backendOf.get(name);
    }

    /** The shared-memory objects and files mapped for the shared entries. */
    public List<AtomicsMapping> mappings() {
        return backends.stream()
                .filter(AtomicsMapping.class::isInstance)
                .map(AtomicsMapping.class::cast)
                .toList();
    }

    /**
     * The engine of the atomics configured without an engine of their own: the starter's {@code atomics.engine} (the
     * Spring property, which wins), or, where that is {@code auto} (and for registries built without one), what
     * {@code auto} means in this JVM: the system property {@value Engine#PROPERTY}, {@code auto} if unset. The
     * endpoint and the health indicator report it.
     */
    public Engine defaultEngine() {
        if (defaultEngine != Engine.AUTO) {
            return defaultEngine;
        }
        try {
            return Engines.defaultEngine();
        } catch (IllegalArgumentException e) {
            return Engine.AUTO; // an unparsable system property: creating an atomic would say so
        }
    }

    /** Whether {@link #close()} has been called: views are then dead. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every view context given to the constructor, then every backend (views die, then mappings are unmapped
     * and connections closed). Idempotent. Failures are collected and rethrown together after everything was
     * attempted.
     *
     * <p>Never unlinks a shared-memory object, deletes a file or a Redis key, even one created at startup and even when
     * the application context closes because its startup failed after this registry was built: by then the
     * application and other processes may be using it. (Only a failure while the auto-configuration builds the
     * registry removes what that startup created; and, for tests, {@code atomics.test.isolate} makes each mapping
     * remove
     * what its startup created when it closes, as that failure would.)
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
        for (AtomicsBackend backend : backends) {
            try {
                backend.close();
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
