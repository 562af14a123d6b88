package dev.atomics.engine;

import dev.atomics.MemoryFaultException;
import dev.atomics.memory.MemoryRegion;

/** Turns the JVM's report of a memory access that faulted into this library's exception. */
final class Faults {

    /** HotSpot's message for SIGBUS (or SIGSEGV) in an {@code Unsafe}/{@code VarHandle} access. */
    private static final String FAULT = "a fault occurred in";

    private Faults() {}

    /**
     * The {@link MemoryFaultException} to throw if {@code e} reports a faulting access; rethrows {@code e} otherwise.
     */
    static RuntimeException translate(InternalError e, MemoryRegion m) {
        String message = e.getMessage();
        if (message != null && message.startsWith(FAULT)) {
            return new MemoryFaultException(
                    "the memory of this atomic (" + m.description() + ") can no longer be"
                            + " accessed: the access faulted, typically because another process shrank the shared "
                            + "object or"
                            + " file under the mapping (" + message + ")",
                    e);
        }
        throw e;
    }
}
