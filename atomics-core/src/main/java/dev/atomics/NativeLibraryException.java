package dev.atomics;

/**
 * Thrown when the native patomic library or the call bridge cannot be loaded or does not provide the patomic 1.x ABI.
 */
public class NativeLibraryException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public NativeLibraryException(String message) {
        super(message);
    }

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
