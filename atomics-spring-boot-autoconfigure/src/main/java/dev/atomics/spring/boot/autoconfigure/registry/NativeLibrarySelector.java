package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.NativeInfo;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Applies {@code atomics.patomic-library}: the library is chosen once per JVM, at its first native use, from
 * the system property {@value #SYSTEM_PROPERTY}. This sets that property and loads the library, or checks
 * that the library already loaded is the one configured.
 */
public final class NativeLibrarySelector {

    public static final String SYSTEM_PROPERTY = "atomics.patomic.library";
    static final String PROPERTY = "atomics.patomic-library";

    private NativeLibrarySelector() {}

    static synchronized NativeInfo select(String configured) {
        Path requested;
        try {
            requested = Path.of(configured.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            requested = null;
        }
        if (requested == null || !Files.isRegularFile(requested)) {
            throw new AtomicsConfigurationException(
                    PROPERTY,
                    configured,
                    "the file does not exist or is not a regular file",
                    "Point " + PROPERTY
                            + " at an upstream libpatomic shared library (e.g. /usr/local/lib/libpatomic.so),"
                            + " or remove it to use the library bundled in atomics-core.");
        }
        String previous = System.getProperty(SYSTEM_PROPERTY);
        System.setProperty(SYSTEM_PROPERTY, requested.toString());
        NativeInfo info;
        try {
            info = Atomics.nativeInfo();
        } catch (AtomicsException | UnsatisfiedLinkError e) {
            restore(previous);
            throw unusable(configured, e.getMessage(), e);
        }
        if (!info.available()) {
            // the core runs without a native library, but this one was asked for by name
            restore(previous);
            throw unusable(configured, info.unavailableReason(), null);
        }
        if (!sameFile(info.patomicLibrary(), requested)) {
            restore(previous);
            throw new AtomicsConfigurationException(
                    PROPERTY,
                    configured,
                    "this JVM already loaded the patomic library "
                            + (info.bundled()
                                    ? "bundled in atomics-core (" + info.patomicLibrary() + ")"
                                    : info.patomicLibrary())
                            + " before the application context started, and a JVM can load only one",
                    "Set the library before anything uses atomics: start the JVM with -D" + SYSTEM_PROPERTY + "="
                            + requested + " (or the environment variable ATOMICS_PATOMIC_LIBRARY), or remove "
                            + PROPERTY + ".");
        }
        return info;
    }

    private static AtomicsConfigurationException unusable(String configured, String reason, Throwable cause) {
        return new AtomicsConfigurationException(
                PROPERTY,
                configured,
                "the library cannot be loaded as patomic: " + reason,
                "Point " + PROPERTY + " at a patomic 1.x shared library built for this platform,"
                        + " or remove it to use the bundled library.",
                cause);
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(SYSTEM_PROPERTY);
        } else {
            System.setProperty(SYSTEM_PROPERTY, previous);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
