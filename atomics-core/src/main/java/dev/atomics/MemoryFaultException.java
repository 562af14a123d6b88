package dev.atomics;

/**
 * Thrown when an atomic operation's memory was not backed during the operation: typically another process shrank
 * or re-created the shared-memory object or file under a mapping, so a page was gone and an access raised SIGBUS.
 * Whether the operation took effect is unknown (it may have landed before the fault).
 *
 * <p>On shared mappings ({@link dev.atomics.shm.SharedMemory}, {@link dev.atomics.shm.MappedFile}) the fault guard
 * ({@link dev.atomics.shm.FaultGuard}) reports it for every engine and width: the access completes harmlessly on a
 * stand-in page, the operation throws this, and once the object is large enough again the mapping is the
 * object's again and later operations work. Without the guard only the JVM engine can report it: the JVM turns
 * the fault of a {@code VarHandle} access into an {@link InternalError}, which this library translates,
 * asynchronously (at times it surfaces just after the operation as the raw {@code InternalError}), and
 * read-modify-writes in the JVM's interpreter and every native operation kill the JVM instead.
 * {@link dev.atomics.shm.SharedMapping#status()} tells what happened to the object.
 */
public class MemoryFaultException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public MemoryFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
