package dev.atomics.shm;

import java.util.List;

/**
 * Thrown by {@link SharedMemory#close()} while views or shared atomics still use the mapping: closing refuses
 * rather than unmapping memory that live objects operate on. The message and {@link #users()} say how many
 * users are open and what they are; close (or release) them, then close the shared memory again.
 */
public class SharedMemoryBusyException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    private final List<String> users;

    public SharedMemoryBusyException(String name, List<String> users, String message) {
        super(name, 0, message);
        this.users = List.copyOf(users);
    }

    /** Descriptions of the open users at the time of the refusal, oldest first. */
    public List<String> users() {
        return users;
    }
}
