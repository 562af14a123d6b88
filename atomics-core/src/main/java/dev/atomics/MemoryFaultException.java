package dev.atomics;

/**
 * Thrown when an atomic operation touched memory that is no longer backed: typically another process shrank the
 * shared-memory object or file under a mapping, so the page is gone and the access raised SIGBUS.
 *
 * <p>Only the JVM engine can report this: the JVM turns the fault of a {@code VarHandle} access into an
 * {@link InternalError}, which this library translates. The JVM delivers that error asynchronously, at its next
 * safepoint check, so occasionally it surfaces just after the operation, in the caller's code, as the raw
 * {@code InternalError} ("a fault occurred in a recent unsafe memory access operation"). The JVM guards loads
 * and stores everywhere, but read-modify-writes only in compiled code: one that its interpreter runs, like any
 * operation of the patomic engine (native code), kills the JVM instead. Whether the operation took effect is
 * unknown; the memory is unusable from then on. {@link dev.atomics.shm.SharedMapping#status()} tells what
 * happened to the object, before touching it.
 */
public class MemoryFaultException extends AtomicsException {
    private static final long serialVersionUID = 1L;

    public MemoryFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
