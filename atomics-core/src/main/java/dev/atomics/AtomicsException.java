package dev.atomics;

/**
 * Base of the exceptions this library throws for misuse of an atomic object or of its memory.
 */
public class AtomicsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AtomicsException(String message) {
        super(message);
    }

    public AtomicsException(String message, Throwable cause) {
        super(message, cause);
    }
}
