package dev.atomics;

import dev.atomics.nativelib.Bridge;
import java.nio.file.Path;
import java.util.List;

/**
 * Which native code serves this JVM's patomic-engine objects, or why none can.
 *
 * <p>The native library is optional: where it cannot be loaded (a platform atomics-core ships no binary for,
 * a missing or foreign upstream file), the JVM engine serves every atomic as usual, {@link #available()} is
 * false, {@link #unavailableReason()} says why, and only objects that ask for {@link Engine#PATOMIC} fail,
 * with that reason.
 *
 * @param patomicLibrary    the patomic library file loaded (a temporary copy when bundled); {@code null} if
 *                          unavailable
 * @param bundled           whether it is the library bundled in atomics-core (else an upstream libpatomic);
 *                          false if unavailable
 * @param patomicVersion    {@code patomic_version_string()}, e.g. {@code 1.1.0}; {@code null} if unavailable
 * @param bridgeLibrary     the call bridge's file; {@code null} if unavailable
 * @param widths            the widths the patomic library has lock-free operations for; empty if unavailable
 * @param defaultEngine     the engine {@link Engine#AUTO} resolves through (from {@value Engine#PROPERTY})
 * @param unavailableReason why the patomic library cannot be loaded; {@code null} if it is loaded
 */
public record NativeInfo(
        Path patomicLibrary,
        boolean bundled,
        String patomicVersion,
        Path bridgeLibrary,
        List<Integer> widths,
        Engine defaultEngine,
        String unavailableReason) {

    /** Whether the patomic library is loaded, so that the patomic engine can serve objects. */
    public boolean available() {
        return unavailableReason == null;
    }

    /**
     * The binding the patomic engine reaches native code through: {@code "ffm"} (Foreign Function and Memory
     * downcalls: Java 22 and later, from the atomics-core jar) or {@code "jna"} (Java 17 to 21, or forced by the
     * system property {@code atomics.native.binding=jna}).
     */
    public String binding() {
        return Bridge.binding();
    }
}
