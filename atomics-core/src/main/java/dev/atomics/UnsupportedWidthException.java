package dev.atomics;

/**
 * Thrown when no engine offers lock-free operations for the requested width (e.g. 3 bytes), or the selected engine does
 * not.
 */
public class UnsupportedWidthException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public UnsupportedWidthException(String message) {
        super(message);
    }

    public UnsupportedWidthException(String message, Throwable cause) {
        super(message, cause);
    }
}
