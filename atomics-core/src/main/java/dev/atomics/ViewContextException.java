package dev.atomics;

/**
 * Thrown when a view context is used against its contract (opened twice, released while open, opened after release) and
 * when a view is used after its context was closed or released.
 */
public class ViewContextException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public ViewContextException(String message) {
        super(message);
    }

    public ViewContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
