package dev.atomics;

import java.nio.file.Path;
import java.util.List;

/**
 * Which native code serves this JVM's patomic-engine objects.
 *
 * @param patomicLibrary the patomic library file loaded (a temporary copy when bundled)
 * @param bundled        whether it is the library bundled in atomics-core (else an upstream libpatomic)
 * @param patomicVersion {@code patomic_version_string()}, e.g. {@code 1.1.0}
 * @param bridgeLibrary  the call bridge's file
 * @param widths         the widths the patomic library has lock-free operations for
 * @param defaultEngine  the engine {@link Engine#AUTO} resolves through (from {@value Engine#PROPERTY})
 */
public record NativeInfo(Path patomicLibrary, boolean bundled, String patomicVersion, Path bridgeLibrary,
                         List<Integer> widths, Engine defaultEngine) {
}
