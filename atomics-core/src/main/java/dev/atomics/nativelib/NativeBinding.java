package dev.atomics.nativelib;

import dev.atomics.NativeLibraryException;
import java.util.Locale;

/**
 * The Java-to-native binding the call bridge is reached through: {@link #FFM} (the Foreign Function and Memory
 * API, Java 22+) or {@link #JNA}. The system property {@value #PROPERTY} chooses: {@code auto} (the default) takes
 * FFM where the JVM has it and the jar carries its classes (Java 22+), else JNA; {@code jna} forces JNA, the
 * fallback on 22+; {@code ffm} requires FFM and makes the patomic engine unavailable where there is none.
 */
public final class NativeBinding {

    /** System property choosing the binding: {@code auto}, {@code ffm} or {@code jna}. */
    public static final String PROPERTY = "atomics.native.binding";
    /** The name of the FFM binding (downcall handles, Java 22+). */
    public static final String FFM = "ffm";
    /** The name of the JNA binding (direct mapping, every Java version). */
    public static final String JNA = "jna";
    /** The default: FFM where available. */
    public static final String AUTO = "auto";

    private NativeBinding() {}

    /**
     * The binding the property asks for: {@link #AUTO}, {@link #FFM} or {@link #JNA}.
     *
     * @throws NativeLibraryException if the property holds anything else (the patomic engine then says so)
     */
    static String requested() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals(AUTO) || v.equals(FFM) || v.equals(JNA)) {
            return v;
        }
        throw new NativeLibraryException("system property " + PROPERTY + " must be " + AUTO + ", " + FFM + " or " + JNA
                + ", not '" + printable(value) + "'");
    }

    /** At most 40 characters of {@code s}, control characters replaced, for an error message. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
