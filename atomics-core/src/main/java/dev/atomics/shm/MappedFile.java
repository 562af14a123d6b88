package dev.atomics.shm;

import dev.atomics.shm.MappedFileRefusedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A regular file mapped shared into this process: memory that other processes mapping the same file see.
 * Offsets of slices and atomic views count from the start of the file.
 *
 * <h2>Opening is careful about where it writes</h2>
 * Paths often come from configuration and applications often run as root, so {@link #open} refuses what
 * could make it write somewhere unintended ({@link MappedFileRefusedException} says why):
 * <ul>
 *   <li>a last path component that is a symbolic link (it is opened with {@code O_NOFOLLOW}), unless
 *       {@link Option#FOLLOW_LINKS} is given; directories above it may be links;</li>
 *   <li>anything but a regular file: devices, FIFOs, sockets and directories are refused before they are
 *       opened, and the opened descriptor is checked again;</li>
 *   <li>files of kernel pseudo file systems ({@code /proc}, {@code /sys}, ...);</li>
 *   <li>with {@link Option#CREATE}, a file is either created new and exclusively ({@code O_CREAT|O_EXCL}, mode
 *       {@code 0600} unless given), or grown, and only if this process's effective user owns it; it is never
 *       shrunk.</li>
 * </ul>
 * The whole file is mapped; its size at that time is {@link #size()}. Grown files get their blocks at once
 * ({@code posix_fallocate} on Linux), so a full disk fails here rather than with SIGBUS at a later write.
 *
 * <p>Lifetimes, users and {@link #status()} work as described in {@link SharedMapping}. Closing never deletes
 * the file.
 */
public final class MappedFile extends SharedMapping {

    /** How {@link #open} treats the path. */
    public enum Option {
        /** Map read-only: slices are read-only and atomic views refuse modifying operations. */
        READONLY,
        /** Create the file if missing, and grow it to the minimum size if smaller (only a file this user owns). */
        CREATE,
        /** Accept a symbolic link as the last path component and map the file it points to. */
        FOLLOW_LINKS
    }

    /** Default mode of created files: read and write for the owner only. */
    public static final int DEFAULT_MODE = 0600;

    /** File system types whose files are kernel interfaces, not memory (Linux and macOS names). */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of(
            "proc",
            "sysfs",
            "devtmpfs",
            "devfs",
            "devpts",
            "debugfs",
            "tracefs",
            "securityfs",
            "configfs",
            "cgroup",
            "cgroup2",
            "efivarfs",
            "bpf",
            "pstore",
            "fusectl",
            "binfmt_misc",
            "mqueue",
            "autofs");

    private final Path path;
    private final boolean followLinks;

    private MappedFile(Path path, int fd, MappedRange range, boolean readonly, boolean created, boolean followLinks) {
        super(path.toString(), fd, range, readonly, created);
        this.path = path;
        this.followLinks = followLinks;
    }

    /**
     * Maps the file at {@code path}, read-write unless {@link Option#READONLY}.
     *
     * @param minSize the bytes the caller needs: without {@link Option#CREATE} a smaller file is refused, with it
     *                the file is grown to this size
     * @throws SharedMemoryNotFoundException   if the file does not exist and {@link Option#CREATE} is not given
     *                                         (or a directory of the path does not exist)
     * @throws SharedMemoryAccessException     if this process may not open the file as needed
     * @throws MappedFileRefusedException      if the path is a symbolic link, not a regular file, on a pseudo file
     *                                         system, or would need growing but belongs to another user
     * @throws SharedMemoryBoundsException     if the file is smaller than {@code minSize} (without create) or empty
     * @throws SharedMemoryException           if a system call fails otherwise
     */
    public static MappedFile open(Path path, long minSize, Option... options) {
        return open(path, minSize, DEFAULT_MODE, options);
    }

    /** Like {@link #open(Path, long, Option...)}; {@code mode} applies only if this call creates the file. */
    public static MappedFile open(Path path, long minSize, int mode, Option... options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        if (minSize < 0) {
            throw new IllegalArgumentException("minSize must not be negative: " + minSize);
        }
        if ((mode & ~0777) != 0) {
            throw new IllegalArgumentException("invalid mode 0" + Integer.toOctalString(mode) + " for file " + path
                    + ": use permission bits such as 0600 or 0640");
        }
        Set<Option> opts = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.of(options[0], options);
        boolean create = opts.contains(Option.CREATE);
        boolean readonly = opts.contains(Option.READONLY);
        boolean follow = opts.contains(Option.FOLLOW_LINKS);
        Path file = path.toAbsolutePath();
        String name = file.toString();

        FileStat before = stat(file, follow, name);
        if (before != null) {
            checkKind(name, before, follow);
        } else if (!create) {
            throw new SharedMemoryNotFoundException(
                    name,
                    Posix.ENOENT,
                    "cannot open file " + name + ": it does not exist (create it first, or open it with CREATE)");
        }
        checkFileSystem(file, before != null, name);

        int access = readonly && !create ? Posix.O_RDONLY : Posix.O_RDWR; // growing needs write access
        int flags = access | Posix.O_CLOEXEC | Posix.O_NONBLOCK | (follow ? 0 : Posix.O_NOFOLLOW);
        boolean created = false;
        int fd = -1;
        for (int attempt = 0; fd < 0; attempt++) {
            if (create) {
                fd = Posix.libc().open(name, flags | Posix.O_CREAT | Posix.O_EXCL, mode);
                if (fd >= 0) {
                    created = true;
                    break;
                }
                if (Posix.errno() != Posix.EEXIST) {
                    throw failure("create", name, Posix.errno(), follow);
                }
            }
            fd = Posix.libc().open(name, flags);
            if (fd < 0) {
                int errno = Posix.errno();
                if (!create || errno != Posix.ENOENT || attempt >= 100) {
                    throw failure("open", name, errno, follow);
                }
                // removed between the two calls: try to create it again
            }
        }
        boolean done = false;
        try {
            if (created && Posix.libc().fchmod(fd, mode) != 0) {
                throw failure("set the mode of", name, Posix.errno(), follow);
            }
            FileStat opened = statOf(fd, name);
            checkKind(name, opened, true); // a race may have put something else at the path since we looked
            long size = opened.size();
            if (size < minSize) {
                if (!create) {
                    throw new SharedMemoryBoundsException(
                            name,
                            "file " + name + " has " + size + " bytes; " + minSize
                                    + " are needed (open it with CREATE to grow it)");
                }
                if (!created && opened.uid() != Posix.libc().geteuid()) {
                    throw new MappedFileRefusedException(
                            name,
                            Reason.NOT_OWNED,
                            "refusing to grow file " + name
                                    + " from " + size + " to " + minSize + " bytes: it is owned by uid " + opened.uid()
                                    + ", not by this process's user (uid "
                                    + Posix.libc().geteuid() + ")");
                }
                size = grow(fd, name, minSize);
            }
            if (size == 0) {
                throw new SharedMemoryBoundsException(name, "file " + name + " is empty: there is nothing to map");
            }
            MappedRange range = map(fd, size, readonly, name, "file " + name);
            MappedFile mapped = new MappedFile(file, fd, range, readonly, created, follow);
            done = true;
            return mapped;
        } finally {
            if (!done) {
                Posix.libc().close(fd);
                if (created) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // the original failure is what the caller needs to see
                    }
                }
            }
        }
    }

    /** The path of the file (absolute). */
    public Path path() {
        return path;
    }

    @Override
    String describe() {
        return "file " + path;
    }

    @Override
    FileStat lookup() throws IOException {
        return FileStat.of(path, followLinks);
    }

    private static FileStat stat(Path file, boolean follow, String name) {
        try {
            return FileStat.of(file, follow);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SharedMemoryAccessException(
                    name,
                    Posix.EACCES,
                    "cannot look at file " + name + ": permission denied on a directory of the path");
        } catch (IOException e) {
            throw new SharedMemoryException(name, "cannot look at file " + name + ": " + e.getMessage());
        }
    }

    private static FileStat statOf(int fd, String name) {
        try {
            return FileStat.of(fd);
        } catch (IOException e) {
            throw new SharedMemoryException(name, "cannot check the opened file " + name + ": " + e.getMessage());
        }
    }

    private static void checkKind(String name, FileStat stat, boolean follow) {
        if (stat.symlink() && !follow) {
            throw new MappedFileRefusedException(
                    name,
                    Reason.SYMLINK,
                    "refusing to map " + name + ": it is a symbolic"
                            + " link, and a link could make this process write to a file it should not touch (allow "
                            + "links explicitly with FOLLOW_LINKS)");
        }
        if (!stat.regular()) {
            throw new MappedFileRefusedException(
                    name,
                    Reason.NOT_REGULAR,
                    "refusing to map " + name + ": it is " + stat.typeName() + ", not a regular file");
        }
    }

    private static void checkFileSystem(Path file, boolean exists, String name) {
        Path probe = exists ? file : file.getParent();
        if (probe == null) {
            return;
        }
        String type;
        try {
            type = Files.getFileStore(probe).type();
        } catch (IOException e) {
            return; // a missing directory is reported by open with its errno
        }
        if (PSEUDO_FILE_SYSTEMS.contains(type)) {
            throw new MappedFileRefusedException(
                    name,
                    Reason.PSEUDO_FILE_SYSTEM,
                    "refusing to map " + name + ": it is on" + " a " + type
                            + " file system, whose files are kernel interfaces, not memory");
        }
    }

    /** Grows the file to {@code minSize} bytes under an exclusive lock, unless a peer already did; never shrinks. */
    private static long grow(int fd, String name, long minSize) {
        boolean locked = Posix.libc().flock(fd, Posix.LOCK_EX) == 0;
        try {
            long size = Posix.sizeOf(fd);
            if (size < 0) {
                throw failure("read the size of", name, Posix.errno(), true);
            }
            if (size < minSize) {
                if (Posix.LINUX) {
                    int err = Posix.libc().posix_fallocate(fd, size, minSize - size);
                    if (err != 0) {
                        throw failure("grow (from " + size + " to " + minSize + " bytes)", name, err, true);
                    }
                } else if (Posix.libc().ftruncate(fd, minSize) != 0) {
                    throw failure("grow (from " + size + " to " + minSize + " bytes)", name, Posix.errno(), true);
                }
                size = minSize;
            }
            return size;
        } finally {
            if (locked) {
                Posix.libc().flock(fd, Posix.LOCK_UN);
            }
        }
    }

    private static SharedMemoryException failure(String action, String name, int errno, boolean follow) {
        String message = "cannot " + action + " file " + name + ": " + Posix.strerror(errno) + " (errno " + errno + ")";
        if (errno == Posix.ELOOP && !follow) {
            return new MappedFileRefusedException(
                    name,
                    Reason.SYMLINK,
                    message + "; it is a symbolic link, which is"
                            + " refused unless following links is allowed explicitly (FOLLOW_LINKS)");
        }
        if (errno == Posix.ENXIO || errno == Posix.EISDIR) {
            return new MappedFileRefusedException(name, Reason.NOT_REGULAR, message + "; it is not a regular file");
        }
        if (errno == Posix.ENOENT) {
            return new SharedMemoryNotFoundException(
                    name, errno, message + "; the file or a directory of its path does not exist");
        }
        if (errno == Posix.EACCES || errno == Posix.EPERM) {
            return new SharedMemoryAccessException(name, errno, message);
        }
        return new SharedMemoryException(name, errno, message);
    }
}
