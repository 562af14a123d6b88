package dev.atomics.spring.boot;

import java.util.List;
import java.util.Optional;

/**
 * A piece of shared memory (a named shared-memory object or a memory-mapped file) that the registry mapped
 * at startup and that one or more of its views use. The registry closes it after releasing those views.
 */
public interface AtomicsMapping extends AutoCloseable {

    /** {@code shm} or {@code file}. */
    String kind();

    /** The shared-memory name or the file path. */
    String target();

    /** Whether the memory is mapped read-only. */
    boolean readonly();

    /** The number of bytes mapped. */
    long size();

    /** The names of the atomics viewing this mapping. */
    List<String> atomics();

    /**
     * Checks that the memory is still usable (the object or file still exists, is still the one mapped and is
     * still large enough): empty if so, else the reason it is not.
     */
    Optional<String> problem();

    /** Unmaps or closes the underlying object. Called once, after every view on it has been released. */
    @Override
    void close();
}
