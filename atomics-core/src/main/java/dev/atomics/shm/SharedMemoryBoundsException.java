package dev.atomics.shm;

/** Thrown for a slice or atomic outside the object: negative offset or length, or offset + length past the size. */
public class SharedMemoryBoundsException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    public SharedMemoryBoundsException(String name, int errno, String message) {
        super(name, errno, message);
    }

    public SharedMemoryBoundsException(String name, String message) {
        super(name, 0, message);
    }
}
