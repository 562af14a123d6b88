package dev.atomics.shm;

/** Thrown when a shared-memory object does not exist (ENOENT): opened without create, or unlinked twice. */
public class SharedMemoryNotFoundException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryNotFoundException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryNotFoundException(String name, String message) {
        super(name, 0, message);
    }
}
