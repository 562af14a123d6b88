package dev.atomics.shm;

/** Thrown when a closed {@link SharedMemory} (or {@link SharedAtomic}) is asked for new slices, views or atomics. */
public class SharedMemoryClosedException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryClosedException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryClosedException(String name, String message) {
        super(name, 0, message);
    }
}
