package dev.atomics.testing;

import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this test JVM can load the patomic library. The build runs the core suite twice: as is, and without
 * the native libraries on the class path (as on a platform atomics-core ships no binary for), where tests that
 * need patomic are skipped through {@link #assume()} and everything else must pass on the JVM engine.
 */
public final class Patomic {

    /**
     * System property the build sets to {@code absent} for the run without native libraries ({@code present}
     * otherwise), so that a test can check that the run is the one it claims to be.
     */
    public static final String EXPECTED = "atomics.test.patomic";

    private Patomic() {}

    /** Whether the patomic library is loaded (or loads now). */
    public static boolean available() {
        return Atomics.nativeInfo().available();
    }

    /** Whether this run is meant to have no native library. */
    public static boolean expectedAbsent() {
        return "absent".equals(System.getProperty(EXPECTED));
    }

    /** Skips the calling test if the patomic library cannot be loaded. */
    public static void assume() {
        NativeInfo info = Atomics.nativeInfo();
        Assumptions.assumeTrue(info.available(), () -> "needs the patomic library: " + info.unavailableReason());
    }

    /** Skips the calling test if it is about {@code engine} and that is patomic, which cannot be loaded. */
    public static void assumeServes(Engine engine) {
        if (engine == Engine.PATOMIC) {
            assume();
        }
    }
}
