package dev.atomics;

/**
 * Thrown when memory handed to an atomic object is not aligned as the object's width requires; see {@link Alignment}.
 */
public class AlignmentException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public AlignmentException(String message) {
        super(message);
    }

    public AlignmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
