package dev.atomics.spring.boot;

import dev.atomics.AtomicsException;

/**
 * Thrown when an operation given as text (by the {@code atomics} endpoint, or {@link AtomicValues#operate}) names an
 * unknown operation, or lacks an operand, or has one that is not a value of the atomic. Nothing was changed.
 */
public class InvalidOperandException extends AtomicsException {

    private static final long serialVersionUID = 1L;

    public InvalidOperandException(String message) {
        super(message);
    }

    public InvalidOperandException(String message, Throwable cause) {
        super(message, cause);
    }
}
