package dev.atomics.spring.boot;

import dev.atomics.shm.MappingStatus;
import java.util.List;

/**
 * A piece of shared memory (a named shared-memory object or a memory-mapped file) that the registry mapped
 * at startup and that one or more of its views use: the {@link AtomicsBackend} of the {@code shm} and {@code file}
 * kinds. Closing it releases those views, then unmaps.
 */
public interface AtomicsMapping extends AtomicsBackend {

    /** {@code shm} or {@code file}. */
    @Override
    String kind();

    /** The shared-memory name or the file path. */
    @Override
    String target();

    /** Whether the memory is mapped read-only. */
    boolean readonly();

    /** The number of bytes mapped. */
    long size();

    /** The names of the atomics viewing this mapping. */
    @Override
    List<String> atomics();

    /**
     * Compares the mapping with the object behind it now: whether another process shrank it, removed its name
     * or put a different object under the name. The starter checks this before every read of its own.
     */
    MappingStatus status();

    /**
     * An acquire load of {@code width} bytes (1, 2, 4 or 8) at {@code offset} of the mapping through the JVM, never
     * through native code; read only what {@link #status()} covers. (The registry reads its 16-byte atomics through
     * their views: the JVM has no atomic 16-byte read.)
     *
     * @return the bytes as a native-order integer, zero-extended
     * @see dev.atomics.shm.SharedMapping#load(long, int)
     */
    long load(long offset, int width);

    /** Releases the views on it, then unmaps or closes the underlying object. */
    @Override
    void close();
}
