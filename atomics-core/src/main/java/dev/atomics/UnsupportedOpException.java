package dev.atomics;

/**
 * Thrown when an object does not support an operation: a modifying operation on a readonly object, or one the native
 * library has no lock-free instruction for. {@link Atomic#opsSupported()} lists what is supported.
 */
public class UnsupportedOpException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public UnsupportedOpException(String message) {
        super(message);
    }

    public UnsupportedOpException(String message, Throwable cause) {
        super(message, cause);
    }
}
