package dev.atomics.nativelib;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.atomics.NativeLibraryException;
import dev.atomics.Op;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The loaded patomic library (bundled or upstream) and its explicit ops tables, read once per width.
 *
 * <p>Loaded lazily on first use, once per JVM: the library chosen then (see {@link NativeLibraries}) serves
 * every patomic-engine atomic for the life of the process. Nothing loads it but a patomic-engine object,
 * {@code Atomics.nativeInfo()} and {@code Alignment}: where it cannot be loaded, the JVM engine works as
 * ever and only those say why.
 */
public final class PatomicLibrary {

    /** Widths above this have no table (patomic supports at most 32-byte objects anywhere). */
    public static final int MAX_WIDTH = 32;

    private static final int OPS = Op.PATOMIC_SLOTS;
    private static final int TABLE_BYTES = (OPS + 3) * 8;

    private static volatile PatomicLibrary instance;
    /** Guarded by the class lock. */
    private static Failure failure;

    /** Held for the life of the JVM: JNA unloads a library whose NativeLibrary is collected, and the ops
     * tables' function pointers point into it. */
    private final NativeLibrary library;

    private final Path path;
    private final boolean bundled;
    private final Path bridgePath;
    private final String version;
    private final ExplicitOpsTable[] tables = new ExplicitOpsTable[MAX_WIDTH + 1];

    private PatomicLibrary(Path path, boolean bundled) {
        this.path = path;
        this.bundled = bundled;
        this.bridgePath = NativeLibraries.bridgePath();
        Bridge.init();
        if (Bridge.atomics_bridge_explicit_table_size() != TABLE_BYTES) {
            throw new NativeLibraryException("the call bridge was built with a patomic_explicit_t of "
                    + Bridge.atomics_bridge_explicit_table_size() + " bytes; this binding expects " + TABLE_BYTES
                    + " (an LP64 platform)");
        }
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance(path.toString());
            this.library = lib;
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryException("cannot load patomic library '" + path + "': " + e.getMessage(), e);
        }
        Function versionFn = function(lib, "patomic_version_string");
        Function majorFn = function(lib, "patomic_version_major");
        this.version = versionFn.invokeString(new Object[0], false);
        int major = majorFn.invokeInt(new Object[0]);
        if (major != 1) {
            throw new NativeLibraryException("patomic library '" + path + "' is version " + version
                    + "; this binding needs the patomic 1.x ABI");
        }
        Function create = function(lib, "patomic_create_explicit");
        long createAddress = Pointer.nativeValue(create);
        // Every table is read here, so that the hot path never asks native code what it supports.
        try (Memory out = new Memory(TABLE_BYTES)) {
            for (int width = 0; width <= MAX_WIDTH; width++) {
                out.clear();
                Bridge.atomics_bridge_create_explicit(createAddress, width, Pointer.nativeValue(out));
                long[] fns = out.getLongArray(0, OPS);
                tables[width] = new ExplicitOpsTable(
                        width, fns, out.getLong(OPS * 8L), out.getLong(OPS * 8L + 8), out.getLong(OPS * 8L + 16));
            }
        }
    }

    private static Function function(NativeLibrary lib, String name) {
        try {
            return lib.getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryException(
                    "library '" + lib.getFile() + "' does not export " + name + ": is it a patomic 1.x library?", e);
        }
    }

    /**
     * The library in use, loading it on first call.
     *
     * @throws NativeLibraryException saying why, if it cannot be loaded (no binary for this platform, a missing
     *                                or foreign upstream file, ...). A failure is remembered for as long as the
     *                                same library is asked for, so asking again costs nothing; naming another
     *                                library (the system property) tries again.
     */
    public static PatomicLibrary get() {
        PatomicLibrary lib = instance;
        if (lib == null) {
            synchronized (PatomicLibrary.class) {
                lib = instance;
                if (lib == null) {
                    lib = load();
                    instance = lib;
                }
            }
        }
        return lib;
    }

    /**
     * Why the library cannot be loaded, or {@code null} if it is loaded (loading it if that was not tried yet).
     */
    public static String unavailableReason() {
        try {
            get();
            return null;
        } catch (NativeLibraryException e) {
            return e.getMessage();
        }
    }

    private static PatomicLibrary load() {
        String request = NativeLibraries.request();
        Failure last = failure;
        if (last != null && Objects.equals(last.request(), request)) {
            throw new NativeLibraryException(last.error().getMessage(), last.error());
        }
        try {
            Path upstream = NativeLibraries.requestedUpstream();
            return upstream != null
                    ? new PatomicLibrary(upstream, false)
                    : new PatomicLibrary(NativeLibraries.bundledPatomicPath(), true);
        } catch (NativeLibraryException e) {
            failure = new Failure(request, e);
            throw e;
        } catch (LinkageError | RuntimeException e) {
            // e.g. JNA's own native stub missing for this platform: whatever it is, patomic is unavailable
            NativeLibraryException n = new NativeLibraryException("cannot load native code: " + e, e);
            failure = new Failure(request, n);
            throw n;
        }
    }

    /** The last failure to load, and the library asked for then ({@code null}: the bundled one). */
    private record Failure(String request, NativeLibraryException error) {}

    /** The explicit ops table for {@code width}; an all-zero table for widths without support. */
    public ExplicitOpsTable table(int width) {
        if (width < 0 || width > MAX_WIDTH) {
            return new ExplicitOpsTable(width, new long[OPS], 1, 1, 0);
        }
        return tables[width];
    }

    /** The file the patomic library was loaded from (an extracted temporary file when bundled). */
    public Path path() {
        return path;
    }

    /** Whether this is the library bundled in the atomics-core jar (rather than an upstream one). */
    public boolean bundled() {
        return bundled;
    }

    /** The file the call bridge was loaded from. */
    public Path bridgePath() {
        return bridgePath;
    }

    /** {@code patomic_version_string()} of the loaded library, e.g. {@code 1.1.0}. */
    public String version() {
        return version;
    }
}
