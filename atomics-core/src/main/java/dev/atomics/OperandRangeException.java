package dev.atomics;

/**
 * Thrown when an operand does not fit the object: an integer outside the signed (INT) or unsigned (UINT) range of its
 * width, a byte array of the wrong length, or a bit offset outside {@code [0, 8 * width)}. Memory is not touched.
 */
public class OperandRangeException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public OperandRangeException(String message) {
        super(message);
    }

    public OperandRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
