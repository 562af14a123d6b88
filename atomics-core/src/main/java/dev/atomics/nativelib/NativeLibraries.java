package dev.atomics.nativelib;

import com.sun.jna.Native;
import dev.atomics.NativeLibraryException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the two native libraries: the call bridge, always from this jar, and the patomic library, from
 * the jar unless the system property {@value #LIBRARY_PROPERTY} or the environment variable
 * {@value #LIBRARY_ENV} names an upstream {@code libpatomic}.
 */
public final class NativeLibraries {

    /** System property naming an upstream libpatomic file to use instead of the bundled one. */
    public static final String LIBRARY_PROPERTY = "atomics.patomic.library";
    /** Environment variable naming an upstream libpatomic file; the system property wins over it. */
    public static final String LIBRARY_ENV = "ATOMICS_PATOMIC_LIBRARY";

    /** The call bridge's library name. */
    static final String BRIDGE = "atomics_bridge";

    private NativeLibraries() {}

    /** What the system property or else the environment variable names, or {@code null} (the bundled library). */
    static String request() {
        String path = System.getProperty(LIBRARY_PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(LIBRARY_ENV);
        }
        return path == null || path.isBlank() ? null : path;
    }

    /** The upstream library the user asked for, or {@code null} for the bundled one. */
    static Path requestedUpstream() {
        String path = request();
        if (path == null) {
            return null;
        }
        Path p = Path.of(path.trim()).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            throw new NativeLibraryException("patomic library '" + p + "' (from " + LIBRARY_PROPERTY + " / "
                    + LIBRARY_ENV + ") does not exist or is not a file");
        }
        return p;
    }

    static Path bridgePath() {
        return extract(BRIDGE);
    }

    /**
     * The fault guard of shared mappings ({@code libatomics_guard}), extracted from this jar. Never patomic: the
     * JVM engine may load this library.
     *
     * @throws NativeLibraryException if this jar has no guard for this platform
     */
    public static Path guardPath() {
        return extract("atomics_guard");
    }

    static Path bundledPatomicPath() {
        return extract("patomic");
    }

    private static Path extract(String name) {
        // on the boot class path (as some tools run code) there is no class loader: the system one finds it
        ClassLoader loader = NativeLibraries.class.getClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        File f;
        try {
            f = Native.extractFromResourcePath(name, loader);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw notBundled(name, e);
        }
        if (f == null) {
            // JNA extracts nothing from a jar when told not to
            throw new NativeLibraryException("cannot extract the bundled native library '" + name
                    + "': JNA was told not" + " to unpack native libraries (system property jna.nounpack=true)");
        }
        return f.toPath().toAbsolutePath();
    }

    private static NativeLibraryException notBundled(String name, Throwable cause) {
        return new NativeLibraryException(
                "cannot find the bundled native library '" + name + "' for platform "
                        + com.sun.jna.Platform.RESOURCE_PREFIX
                        + " in the atomics-core jar (was it built on this platform?)",
                cause);
    }
}
