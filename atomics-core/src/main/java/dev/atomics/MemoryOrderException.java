package dev.atomics;

/**
 * Thrown when an operation is given a {@link MemoryOrder} that does not fit it, e.g. a store with {@code ACQUIRE}.
 */
public class MemoryOrderException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public MemoryOrderException(String message) {
        super(message);
    }

    public MemoryOrderException(String message, Throwable cause) {
        super(message, cause);
    }
}
