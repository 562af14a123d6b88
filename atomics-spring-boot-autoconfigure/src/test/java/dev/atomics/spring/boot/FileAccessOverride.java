package dev.atomics.spring.boot;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Runs code on the current thread without the capabilities that let root ignore file permissions
 * ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH}), so that tests running as root (as CI does) see the
 * "permission denied" an ordinary user gets. Linux capabilities are per thread; the effective set is restored
 * afterwards. Without those capabilities (not root), the code simply runs.
 */
public final class FileAccessOverride {

    private static final int VERSION_3 = 0x20080522;
    private static final int CAP_DAC_OVERRIDE = 1;
    private static final int CAP_DAC_READ_SEARCH = 2;

    interface LibC extends Library {
        int capget(int[] header, int[] data);

        int capset(int[] header, int[] data);
    }

    private FileAccessOverride() {}

    /** Runs {@code action} with file permissions enforced for this thread. */
    public static void withoutOverride(Runnable action) {
        if (!Platform.isLinux()) {
            action.run();
            return;
        }
        LibC libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        int[] header = {VERSION_3, 0};
        int[] saved = new int[6]; // two {effective, permitted, inheritable} words
        if (libc.capget(header, saved) != 0) {
            throw new IllegalStateException("capget failed: errno " + Native.getLastError());
        }
        int[] reduced = saved.clone();
        reduced[0] &= ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH));
        header[1] = 0;
        if (libc.capset(header, reduced) != 0) {
            throw new IllegalStateException("capset failed: errno " + Native.getLastError());
        }
        try {
            action.run();
        } finally {
            header[1] = 0;
            libc.capset(header, saved);
        }
    }
}
