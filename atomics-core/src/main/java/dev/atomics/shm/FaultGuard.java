package dev.atomics.shm;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.atomics.Engine;
import dev.atomics.MemoryFaultException;
import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.SegmentLoads;
import dev.atomics.memory.MemoryRegion;
import dev.atomics.nativelib.NativeLibraries;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Keeps a peer that shrinks or re-creates a mapped object from killing this process, and tells each operation
 * whether its access went to the object.
 *
 * <p>The native guard ({@code libatomics_guard}, the project's own small library, never patomic) handles SIGBUS
 * in the ranges registered here: it marks the range broken (its <em>generation</em> becomes odd), maps a private
 * page over the faulting page so that the access completes harmlessly, whichever code made it (compiled code, the
 * interpreter, native code), and returns. An operation reads the range's generation before and after its access
 * ({@link #enter}, {@link #exit}): only if both are the same even value did the access go to the object; otherwise
 * it throws {@link MemoryFaultException} (outcome unknown: it may have landed before the fault), and first maps
 * the range from the object again if the object covers it now ({@link #repair}), so that the next operation
 * works once the object is stable.
 *
 * <p>The generations live in a native table the JVM reads with a volatile load from a direct buffer: two loads
 * and a compare per operation. Enabled unless the system property {@value #PROPERTY} is {@code false}, where
 * the bundled guard loads (Linux, macOS); elsewhere mappings are unguarded, as before.
 */
public final class FaultGuard {

    /** System property: {@code false} turns the guard off (faults on shared memory then behave as without it). */
    public static final String PROPERTY = "atomics.shm.guard";

    /** The slot index of a range the guard does not cover. */
    static final int UNGUARDED = -1;

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int SLOT_SIZE = 64;

    /** The guard's slot table, or {@code null} when the guard is off. */
    private static final ByteBuffer TABLE;
    /** Why the guard is off, or {@code null}. */
    private static final String UNAVAILABLE;

    static {
        ByteBuffer table = null;
        String why = null;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) {
            why = "turned off (" + PROPERTY + "=false)";
        } else if (!Platform.isLinux() && !Platform.isMac()) {
            why = "not built for this platform";
        } else {
            try {
                Native.register(
                        Natives.class,
                        NativeLibrary.getInstance(NativeLibraries.guardPath().toString()));
                if (Natives.atomics_guard_slot_size() != SLOT_SIZE) {
                    why = "the guard library's slot layout does not match";
                } else {
                    int rc = Natives.atomics_guard_install();
                    if (rc != 0) {
                        why = "cannot install the signal handler: " + Posix.strerror(-rc) + " (errno " + -rc + ")";
                    } else {
                        table = new Pointer(Natives.atomics_guard_table())
                                .getByteBuffer(0, (long) Natives.atomics_guard_slots() * SLOT_SIZE)
                                .order(ByteOrder.nativeOrder());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                why = "cannot load the guard library: " + e;
            }
        }
        TABLE = table;
        UNAVAILABLE = why;
    }

    private FaultGuard() {}

    /**
     * Hook for the atomics of a view: the binding with its ops checking each access, if {@code region} lies in a
     * guarded shared mapping (a view of the mapping, or of a slice of it); {@code binding} itself otherwise. Not
     * API.
     */
    public static EngineBinding bind(MemoryRegion region, EngineBinding binding) {
        if (TABLE == null) {
            return binding;
        }
        // a view of the mapping itself, or one a caller made on a slice of it (whose buffer holds the range)
        boolean own = region.owner() instanceof SharedMapping;
        MappedRange range =
                own ? ((SharedMapping) region.owner()).range() : MappingCache.rangeOf(region.address(), region.size());
        if (range == null || range.guardIndex == UNGUARDED) {
            return binding;
        }
        int index = range.guardIndex;
        String what = own ? region.description() : region.description() + " in " + range.what;
        // a view of the mapping on Java 22+ reads slices of the range's arena segment: the JVM engine's loads are
        // cheaper through the segment itself (SegmentLoads); a slice's buffers know no arena
        Object loadSegment =
                own && RangeMemory.SCOPED && binding.engine() == Engine.JVM ? SegmentLoads.of(region) : null;
        return new EngineBinding(
                new GuardedOps(binding.ops(), index, what, range, loadSegment),
                binding.engine(),
                binding.opsSupported(),
                binding.alignment());
    }

    /** Whether the guard is on in this JVM. */
    public static boolean enabled() {
        return TABLE != null;
    }

    /** Why the guard is off, or {@code null} if it is on. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** Faults the guard recovered in this process so far. */
    public static long faultsRecovered() {
        return TABLE == null ? 0 : Natives.atomics_guard_total_faults();
    }

    // ---------------------------------------------------------------------------------------------
    // Ranges
    // ---------------------------------------------------------------------------------------------

    /**
     * Registers a range mapped shared from offset 0 of {@code fd}; the guard keeps its own descriptor of the
     * object (to map it again).
     *
     * @return the index of the range's generation in the table, or {@link #UNGUARDED}
     */
    static int register(long address, long length, int fd, boolean readonly) {
        if (TABLE == null) {
            return UNGUARDED;
        }
        int own = Posix.libc().fcntl(fd, Posix.F_DUPFD_CLOEXEC, 0);
        if (own < 0) {
            return UNGUARDED;
        }
        int slot = Natives.atomics_guard_register(
                address, length, own, readonly ? Posix.PROT_READ : Posix.PROT_READ | Posix.PROT_WRITE);
        if (slot < 0) {
            Posix.libc().close(own); // table full: this range goes unguarded
            return UNGUARDED;
        }
        return slot * SLOT_SIZE;
    }

    /** Forgets a range before it is unmapped. */
    static void unregister(int index) {
        if (index != UNGUARDED) {
            Natives.atomics_guard_unregister(index / SLOT_SIZE);
        }
    }

    /** Faults recovered in the range since it was registered. */
    static long faults(int index) {
        return index == UNGUARDED ? 0 : Natives.atomics_guard_faults(index / SLOT_SIZE);
    }

    /** Times the range was mapped from its object again since it was registered. */
    static long repairs(int index) {
        return index == UNGUARDED ? 0 : Natives.atomics_guard_repairs(index / SLOT_SIZE);
    }

    // ---------------------------------------------------------------------------------------------
    // The check around an access
    // ---------------------------------------------------------------------------------------------

    /** The range's generation, read before an access (nothing after it moves before it). */
    static long enter(int index) {
        return (long) LONGS.getVolatile(TABLE, index);
    }

    /**
     * Throws unless the access since {@link #enter} went to the object: the generation must be the same even
     * value now.
     */
    static void exit(int index, long before, String what) {
        VarHandle.acquireFence(); // the access, whatever its order, before the second read
        long now = (long) LONGS.getVolatile(TABLE, index);
        if (now != before || (before & 1) != 0) {
            throw fault(index, what);
        }
    }

    /** {@link #enter} for a range that may be unguarded (then: 0). */
    static long enterAny(int index) {
        return index == UNGUARDED ? 0 : enter(index);
    }

    /** {@link #exit} for a range that may be unguarded (then: nothing to check). */
    static void exitAny(int index, long before, String what) {
        if (index != UNGUARDED) {
            exit(index, before, what);
        }
    }

    /** Maps a broken range from its object again if the object covers it now; whether it is usable again. */
    static boolean repair(int index) {
        return index == UNGUARDED || Natives.atomics_guard_repair(index / SLOT_SIZE) == 1;
    }

    private static MemoryFaultException fault(int index, String what) {
        boolean repaired = repair(index);
        String after = repaired
                ? "The mapping is the object's again: later operations work."
                : "The object is still smaller than the mapping: later operations fail until it is large again.";
        return new MemoryFaultException(
                "the memory of this atomic (" + what + ") was not the shared object during the operation: another"
                        + " process shrank or re-created the object, and the access faulted or ran on a stand-in"
                        + " page; the outcome is unknown (the operation may have taken effect before the fault). "
                        + after,
                null);
    }

    /** The guard library (JNA direct mapping). */
    private static final class Natives {
        static native int atomics_guard_install();

        static native long atomics_guard_table();

        static native int atomics_guard_slots();

        static native int atomics_guard_slot_size();

        static native int atomics_guard_register(long address, long length, int fd, int prot);

        static native void atomics_guard_unregister(int slot);

        static native int atomics_guard_repair(int slot);

        static native long atomics_guard_faults(int slot);

        static native long atomics_guard_repairs(int slot);

        static native long atomics_guard_total_faults();
    }
}
