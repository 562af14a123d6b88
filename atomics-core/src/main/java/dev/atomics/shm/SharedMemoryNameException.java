package dev.atomics.shm;

/**
 * Thrown for a name that is not a valid POSIX shared-memory name: empty, containing '/' after the optional leading one,
 * "." or "..", containing NUL, or too long for the platform (ENAMETOOLONG).
 */
public class SharedMemoryNameException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryNameException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryNameException(String name, String message) {
        super(name, 0, message);
    }
}
