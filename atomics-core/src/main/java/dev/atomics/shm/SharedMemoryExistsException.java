package dev.atomics.shm;

/** Thrown when an exclusive create finds an object of that name already (EEXIST). */
public class SharedMemoryExistsException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryExistsException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryExistsException(String name, String message) {
        super(name, 0, message);
    }
}
