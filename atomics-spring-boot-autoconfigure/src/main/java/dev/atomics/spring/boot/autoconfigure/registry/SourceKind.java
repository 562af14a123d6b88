package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A kind of source that configured atomics live in: {@code instance} ({@link InstanceKind}), {@code shm}
 * ({@link ShmKind}), {@code file} ({@link FileKind}), {@code redis} ({@link RedisKind}). A kind owns all that
 * differs between kinds: which entries are its own (its {@link #map()} and {@link #selector()}), their validation,
 * how they are grouped and opened, and what a failed startup undoes. What it opens are
 * {@link AtomicsBackend}s, which read, check and describe its atomics for the starter; with the
 * {@link dev.atomics.spring.boot.AtomicSource} of each atomic, they are all the factory, the endpoint, the health
 * indicator and the gauges see of a kind. A new kind is one implementation (and a bean of it, for kinds that need
 * beans of their own, such as a connection factory).
 *
 * @param <E> the properties of its entries
 */
public interface SourceKind<E extends AtomicsProperties.Entry> {

    /** {@code instance}, {@code shm}, {@code file}, {@code redis}: the {@code source} tag of its atomics. */
    String name();

    /** The map of {@code atomics.*} its entries are in. */
    EntryMap<E> map();

    /**
     * The property that makes an entry of {@link #map()} one of this kind (e.g. {@code shm}), or {@code null} if every
     * entry of the map is.
     */
    @Nullable
    String selector();

    /**
     * Resolves one entry, whose basics (name, type, width, engine) its map validated. Nothing is created or opened:
     * every entry is validated before any is opened.
     *
     * @throws dev.atomics.spring.boot.AtomicsConfigurationException naming the property, the value and the fix
     */
    ResolvedAtomic validate(ResolvedAtomic basics, E entry);

    /**
     * Opens the validated entries of this kind, grouped as the kind needs (one mapping per object and access mode,
     * one connection for all Redis keys, ...), and hands every atomic and backend to {@code startup}, with what to
     * undo if the startup fails.
     */
    void open(List<ResolvedAtomic> specs, Startup startup);
}
