package dev.atomics.shm;

/**
 * Thrown when the caller may not open an object in the requested mode (EACCES or EPERM); the message holds the errno
 * text.
 */
public class SharedMemoryAccessException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryAccessException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryAccessException(String name, String message) {
        super(name, 0, message);
    }
}
