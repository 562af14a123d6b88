package dev.atomics.shm;

/**
 * Thrown when {@link MappedFile} refuses a path because mapping it could write where the caller did not mean
 * to: its last component is a symbolic link, it is not a regular file (a device, FIFO, socket, directory), it
 * lives on a kernel pseudo file system such as {@code /proc} or {@code /sys}, or it would have to be grown
 * although another user owns it. {@link #reason()} says which.
 */
public class MappedFileRefusedException extends SharedMemoryException {
    private static final long serialVersionUID = 1L;

    /** Why a path was refused. */
    public enum Reason {
        /** The last path component is a symbolic link, and following links was not asked for. */
        SYMLINK,
        /** It is not a regular file. */
        NOT_REGULAR,
        /** It is on a kernel pseudo file system ({@code proc}, {@code sysfs}, ...), whose files are not memory. */
        PSEUDO_FILE_SYSTEM,
        /** It is smaller than needed and owned by another user: only its owner's files are grown. */
        NOT_OWNED
    }

    private final Reason reason;

    public MappedFileRefusedException(String name, Reason reason, String message) {
        super(name, 0, message);
        this.reason = reason;
    }

    /** Why the path was refused. */
    public Reason reason() {
        return reason;
    }
}
