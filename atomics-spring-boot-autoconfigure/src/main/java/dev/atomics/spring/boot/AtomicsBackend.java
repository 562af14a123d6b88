package dev.atomics.spring.boot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a source kind opened for a group of configured atomics, and what the starter asks about them: the memory
 * this process owns ({@link OwnedAtomics}), one mapping of a shared-memory object or file ({@link AtomicsMapping}),
 * one Redis connection. The registry reads every atomic through its backend, the health indicator asks each
 * backend for its health, and the registry closes them. The endpoint, gauges and health know no kind.
 */
public interface AtomicsBackend extends AutoCloseable {

    /** The source kind: {@code instance}, {@code shm}, {@code file}, {@code redis}. */
    String kind();

    /** What it is: the shared-memory name, the file path, the Redis server. */
    String target();

    /** The names of the atomics it serves. */
    List<String> atomics();

    /**
     * Reads {@code entries}, which are among its {@link #atomics()}, the careful way the starter reads for itself
     * (endpoint, gauges, health, dashboard): never in a way that could harm the process (a shared object that
     * shrank is not touched), and never longer than a bounded time. Each atomic that cannot be read is reported
     * unavailable, with the reason.
     *
     * @return one reading per entry, in order
     */
    List<AtomicReading> read(List<AtomicsEntry> entries);

    /**
     * Its health, given what reading its atomics just found ({@code readings}, one per atomic), so that one health
     * check reads each atomic once.
     *
     * @return its contribution to the {@code atomics} health component, or {@code null} for none (memory this process
     *         owns has nothing to report)
     */
    @Nullable
    BackendHealth health(List<AtomicReading> readings);

    /** Releases what it holds (views, mappings, connections). Called once, when the registry closes. */
    @Override
    void close();
}
