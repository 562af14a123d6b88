package dev.atomics.shm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * The libc calls behind {@link SharedMemory}, bound through JNA, and the constants that differ between
 * Linux and macOS. Package-private: nothing here is API.
 *
 * <p>On Linux, {@code shm_open} and {@code shm_unlink} live in libc since glibc 2.34 and in librt before;
 * both are tried. {@code shm_open} is variadic (its mode is passed through {@code ...}), which matters on
 * Apple silicon where variadic arguments go on the stack: it is declared with a varargs parameter so that JNA
 * passes the mode the variadic way.
 */
final class Posix {

    private Posix() {}

    /** libc: file descriptors and mappings. */
    interface LibC extends Library {
        int ftruncate(int fd, long length);

        long lseek(int fd, long offset, int whence);

        int fstat(int fd, byte[] statBuffer);

        Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

        int munmap(Pointer addr, long length);

        int close(int fd);

        int fchmod(int fd, int mode);

        int flock(int fd, int operation);

        /** Linux only; returns an error number instead of setting errno. */
        int posix_fallocate(int fd, long offset, long length);

        String strerror(int errnum);

        /** Variadic in C (the mode follows the flags only with {@code O_CREAT}): see {@link Shm#shm_open}. */
        int open(String path, int flags, Object... mode);

        int geteuid();

        /** Variadic in C; used for {@code F_DUPFD_CLOEXEC}. */
        int fcntl(int fd, int cmd, Object... arg);
    }

    /** The two shared-memory calls: libc or librt. */
    interface Shm extends Library {
        int shm_open(String name, int oflag, Object... mode);

        int shm_unlink(String name);
    }

    static final boolean LINUX = Platform.isLinux();
    static final boolean MAC = Platform.isMac();

    // <fcntl.h>
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = MAC ? 0x200 : 0x40;
    static final int O_EXCL = MAC ? 0x800 : 0x80;
    static final int O_NONBLOCK = MAC ? 0x4 : 0x800;
    /** aarch64 Linux numbers O_NOFOLLOW differently from the generic (x86-64) value. */
    static final int O_NOFOLLOW = MAC ? 0x100 : Platform.isARM() ? 0x8000 : 0x20000;

    static final int O_CLOEXEC = MAC ? 0x1000000 : 0x80000;

    // <sys/mman.h>
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final int MAP_PRIVATE = 2;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = MAC ? 0x1000 : 0x20;
    static final long MAP_FAILED = -1L;

    static final int F_DUPFD_CLOEXEC = MAC ? 67 : 1030;

    // <unistd.h>, <sys/file.h>
    static final int SEEK_END = 2;
    static final int LOCK_EX = 2;
    static final int LOCK_UN = 8;

    // <errno.h>: the same numbers on Linux and macOS except ENAMETOOLONG
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int EINVAL = 22;
    static final int ENAMETOOLONG = MAC ? 63 : 36;
    static final int ELOOP = MAC ? 62 : 40;
    static final int ENXIO = 6;
    static final int EISDIR = 21;

    /** macOS {@code struct stat} (64-bit inodes): 144 bytes, {@code st_size} at offset 96. */
    private static final int MAC_STAT_SIZE = 144;

    private static final int MAC_ST_SIZE_OFFSET = 96;

    private static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");

    private static final class Holder {
        static final LibC LIBC = Native.load(Platform.C_LIBRARY_NAME, LibC.class, macFstatMapper());
        static final Shm SHM = Native.load(shmLibraryName(), Shm.class, OPTIONS);
    }

    private static Map<String, Object> macFstatMapper() {
        if (MAC && !Platform.isARM()) {
            // On x86-64 macOS the plain fstat symbol fills the old struct with 32-bit inodes.
            com.sun.jna.FunctionMapper mapper =
                    (lib, method) -> method.getName().equals("fstat") ? "fstat$INODE64" : method.getName();
            return Map.of(Library.OPTION_STRING_ENCODING, "UTF-8", Library.OPTION_FUNCTION_MAPPER, mapper);
        }
        return OPTIONS;
    }

    private static String shmLibraryName() {
        try {
            NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("shm_open");
            return Platform.C_LIBRARY_NAME;
        } catch (UnsatisfiedLinkError e) {
            return "rt";
        }
    }

    static LibC libc() {
        return Holder.LIBC;
    }

    static Shm shm() {
        return Holder.SHM;
    }

    /** The errno of the calling thread's last native call. */
    static int errno() {
        return Native.getLastError();
    }

    /** {@code strerror(errno)}, never null. */
    static String strerror(int errno) {
        try {
            String s = libc().strerror(errno);
            return s == null ? "error " + errno : s;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "error " + errno;
        }
    }

    /**
     * The size of the object behind {@code fd}: {@code lseek(fd, 0, SEEK_END)} on Linux (portable across glibc
     * versions, which exported {@code fstat} only from 2.33), {@code fstat} on macOS (whose shared-memory
     * descriptors do not seek). Returns -1 with errno set on failure.
     */
    static long sizeOf(int fd) {
        if (MAC) {
            byte[] st = new byte[MAC_STAT_SIZE];
            if (libc().fstat(fd, st) != 0) {
                return -1;
            }
            return java.nio.ByteBuffer.wrap(st)
                    .order(java.nio.ByteOrder.nativeOrder())
                    .getLong(MAC_ST_SIZE_OFFSET);
        }
        return libc().lseek(fd, 0, SEEK_END);
    }

    /**
     * The longest name (in UTF-8 bytes, without the leading '/') that {@code shm_open} accepts: NAME_MAX (255)
     * on Linux, where the object is a file in /dev/shm; PSHMNAMLEN (31, including the '/') on macOS.
     */
    static int maxNameBytes() {
        return MAC ? 30 : 255;
    }
}
