package dev.atomics.shm;

import dev.atomics.AtomicsException;

/**
 * Thrown when a named shared-memory object cannot be created, opened, mapped, used or unlinked. The message
 * names the object (as given and as the POSIX name) and, for a failed system call, the call and the
 * {@code strerror} text of its errno. Subclasses mark the cases callers commonly handle.
 */
public class SharedMemoryException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int errno;

    public SharedMemoryException(String name, String message) {
        this(name, 0, message);
    }

    public SharedMemoryException(String name, int errno, String message) {
        super(message);
        this.name = name;
        this.errno = errno;
    }

    /** The object's name as the caller gave it (may be {@code null} if the name itself was missing). */
    public String name() {
        return name;
    }

    /** The errno of the failed system call, or 0 if the error was detected without one. */
    public int errno() {
        return errno;
    }
}
