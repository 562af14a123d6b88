package dev.atomics.spring.boot;

import dev.atomics.shm.MappingStatus;

import java.util.List;

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
     * Compares the mapping with the object behind it now: whether another process shrank it, removed its name
     * or put a different object under the name. The starter checks this before every read of its own.
     */
    MappingStatus status();

    /**
     * An acquire load of {@code width} bytes at {@code offset} of the mapping through the JVM, never through
     * native code; read only what {@link #status()} covers.
     *
     * @return the bytes as a native-order integer, zero-extended
     * @see dev.atomics.shm.SharedMapping#load(long, int)
     */
    long load(long offset, int width);

    /** Unmaps or closes the underlying object. Called once, after every view on it has been released. */
    @Override
    void close();
}
