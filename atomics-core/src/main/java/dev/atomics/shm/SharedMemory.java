package dev.atomics.shm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A named POSIX shared-memory object ({@code shm_open}) mapped into this process: memory that other
 * processes (JVMs, C programs, Python's {@code multiprocessing.shared_memory}) map by the same name.
 *
 * <h2>Names</h2>
 * A name is one path component with an optional leading {@code '/'}: {@code "myapp-counters"} and
 * {@code "/myapp-counters"} are the same object, whose POSIX name ({@link #posixName()}) is
 * {@code "/myapp-counters"}. Peers use the same object like this:
 * <ul>
 *   <li>C: {@code int fd = shm_open("/myapp-counters", O_RDWR, 0);} then {@code mmap(..., MAP_SHARED, fd, 0)}
 *       (link with {@code -lrt} on glibc older than 2.34);</li>
 *   <li>Python: {@code multiprocessing.shared_memory.SharedMemory(name="myapp-counters")} (Python adds the
 *       leading {@code '/'} itself, so give it the name without one);</li>
 *   <li>Linux shell: the object is the file {@code /dev/shm/myapp-counters} ({@code ls -l /dev/shm}).</li>
 * </ul>
 * A name may not be empty, {@code "."} or {@code ".."}, contain {@code '/'} after the leading one or NUL, or be
 * longer than {@link #maxNameLength()} UTF-8 bytes (255 on Linux, 30 on macOS).
 *
 * <h2>Creating, opening, removing</h2>
 * {@link #create(String, long)} makes a new zero-filled object (exclusively: it fails if the name exists) with
 * mode {@code 0600}, or the mode given (set exactly, whatever the umask); {@link #open(String)} maps an
 * existing object and learns its size; {@link #openOrCreate(String, long)} does either and grows a smaller
 * object. An object lives until it is unlinked ({@link #unlink(String)}) and every process has unmapped it:
 * closing a mapping does not remove the object.
 *
 * <h2>Slices and atomics</h2>
 * {@link #slice(long, int)} gives a direct buffer on a range of the mapping; {@link #atomicView} gives an atomic
 * view context on a range, checked against the size and the alignment the width needs (offsets count from the
 * page-aligned start of the mapping, so an offset that is a multiple of the width is aligned). Values are in
 * native byte order, as C and Python peers on the same machine read them. {@link SharedAtomics} makes
 * atomics that live in shared memory and handles that let another process attach to them.
 *
 * <h2>Lifetimes and what peers can do</h2>
 * As for every {@link SharedMapping}: {@link #close()} refuses while views or shared atomics use the mapping,
 * the pages stay mapped (and shared) until nothing can reach them, and {@link #status()} tells whether a peer
 * shrank the object, unlinked it or created a new object under the name. On Linux, created and grown objects
 * get their pages at once ({@code posix_fallocate}): a full /dev/shm fails {@link #create} with "No space left
 * on device" instead of a later write faulting with SIGBUS. The mapping keeps one descriptor of the object open
 * (close-on-exec) until it is closed, for {@link #status()}.
 * All methods are thread-safe.
 */
public final class SharedMemory extends SharedMapping {

    /** Default mode of created objects: read and write for the owner only. */
    public static final int DEFAULT_MODE = 0600;

    private final String posixName;

    private SharedMemory(String name, String posixName, int fd, MappedRange range, boolean readonly, boolean created) {
        super(name, fd, range, readonly, created);
        this.posixName = posixName;
    }

    // ---------------------------------------------------------------------------------------------
    // Factories
    // ---------------------------------------------------------------------------------------------

    /**
     * Creates a new object of {@code size} zero bytes with mode {@code 0600} and maps it read-write.
     *
     * @throws SharedMemoryExistsException   if an object of that name exists
     * @throws SharedMemoryNameException     if the name is invalid or too long
     * @throws SharedMemoryAccessException   if the system refuses (EACCES)
     * @throws IllegalArgumentException      if {@code size} is not positive
     */
    public static SharedMemory create(String name, long size) {
        return create(name, size, DEFAULT_MODE);
    }

    /**
     * Like {@link #create(String, long)} with a permission mode, e.g. {@code 0660} to share with the group.
     * The mode is set exactly ({@code fchmod}), not filtered by the umask.
     */
    public static SharedMemory create(String name, long size, int mode) {
        String posix = posixName(name);
        checkSize(name, posix, size);
        checkMode(name, posix, mode);
        int fd = shmOpen(name, posix, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, mode, "create");
        boolean done = false;
        try {
            if (Posix.libc().fchmod(fd, mode) != 0) {
                throw failure("set the mode of", name, posix, Posix.errno());
            }
            if (Posix.libc().ftruncate(fd, size) != 0) {
                throw failure("set the size (" + size + " bytes) of", name, posix, Posix.errno());
            }
            reserve(name, posix, fd, 0, size);
            SharedMemory m = map(name, posix, fd, size, false, true);
            done = true;
            return m;
        } finally {
            if (!done) {
                Posix.libc().close(fd);
                Posix.shm().shm_unlink(posix);
            }
        }
    }

    /**
     * Opens and maps an existing object read-write; its size is the object's current size.
     *
     * @throws SharedMemoryNotFoundException if no object has that name
     * @throws SharedMemoryAccessException   if the caller may not open it read-write
     * @throws SharedMemoryException         if the object is empty (its creator has not set its size yet)
     */
    public static SharedMemory open(String name) {
        return open(name, false);
    }

    /**
     * Opens and maps an existing object, read-only ({@code O_RDONLY}, {@code PROT_READ}) if {@code readonly}:
     * slices are read-only buffers and atomic views refuse modifying operations.
     */
    public static SharedMemory open(String name, boolean readonly) {
        String posix = posixName(name);
        String action = readonly ? "open (read-only)" : "open";
        int fd = shmOpen(name, posix, readonly ? Posix.O_RDONLY : Posix.O_RDWR, 0, action);
        boolean done = false;
        try {
            long size = Posix.sizeOf(fd);
            if (size < 0) {
                throw failure("read the size of", name, posix, Posix.errno());
            }
            if (size == 0) {
                throw new SharedMemoryException(
                        name,
                        "cannot " + action + " shared memory " + describe(name, posix)
                                + ": it is empty (size 0); its creator has not set its size yet");
            }
            SharedMemory m = map(name, posix, fd, size, readonly, false);
            done = true;
            return m;
        } finally {
            if (!done) {
                Posix.libc().close(fd);
            }
        }
    }

    /**
     * Opens the object, creating it (zero-filled, mode {@code 0600}) if it does not exist, and grows it to
     * {@code minSize} bytes if it is smaller (it never shrinks). The size check and growth run under an
     * advisory lock where the platform supports one, so concurrent callers never shrink each other's objects.
     * On macOS an existing object cannot be resized: growing it fails with the system's error.
     */
    public static SharedMemory openOrCreate(String name, long minSize) {
        return openOrCreate(name, minSize, DEFAULT_MODE);
    }

    /** Like {@link #openOrCreate(String, long)}; {@code mode} applies only if this call creates the object. */
    public static SharedMemory openOrCreate(String name, long minSize, int mode) {
        String posix = posixName(name);
        checkSize(name, posix, minSize);
        checkMode(name, posix, mode);
        int fd = -1;
        boolean created = false;
        for (int attempt = 0; fd < 0; attempt++) {
            fd = Posix.shm().shm_open(posix, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, mode);
            if (fd >= 0) {
                created = true;
                break;
            }
            int err = Posix.errno();
            if (err != Posix.EEXIST) {
                throw failure("create", name, posix, err);
            }
            fd = Posix.shm().shm_open(posix, Posix.O_RDWR, 0);
            if (fd < 0) {
                err = Posix.errno();
                if (err != Posix.ENOENT || attempt >= 100) {
                    throw failure("open", name, posix, err);
                }
                // unlinked between the two calls: try again
            }
        }
        boolean done = false;
        try {
            if (created && Posix.libc().fchmod(fd, mode) != 0) {
                throw failure("set the mode of", name, posix, Posix.errno());
            }
            boolean locked = Posix.libc().flock(fd, Posix.LOCK_EX) == 0;
            long size;
            try {
                size = Posix.sizeOf(fd);
                if (size < 0) {
                    throw failure("read the size of", name, posix, Posix.errno());
                }
                if (size < minSize) {
                    if (Posix.libc().ftruncate(fd, minSize) != 0) {
                        throw failure("grow (from " + size + " to " + minSize + " bytes)", name, posix, Posix.errno());
                    }
                    reserve(name, posix, fd, size, minSize - size);
                    size = minSize;
                }
            } finally {
                if (locked) {
                    Posix.libc().flock(fd, Posix.LOCK_UN);
                }
            }
            SharedMemory m = map(name, posix, fd, size, false, created);
            done = true;
            return m;
        } finally {
            if (!done) {
                Posix.libc().close(fd);
                if (created) {
                    Posix.shm().shm_unlink(posix);
                }
            }
        }
    }

    /**
     * Removes the name ({@code shm_unlink}). Processes that have the object mapped keep using it; it is freed
     * when the last one unmaps it. A new object of the same name is a different object.
     *
     * @throws SharedMemoryNotFoundException if no object has that name
     */
    public static void unlink(String name) {
        String posix = posixName(name);
        if (Posix.shm().shm_unlink(posix) != 0) {
            throw failure("unlink", name, posix, Posix.errno());
        }
    }

    /**
     * Whether an object of that name exists (also when this process may not open it).
     *
     * @throws SharedMemoryNameException if the name is invalid
     */
    public static boolean exists(String name) {
        String posix = posixName(name);
        int fd = Posix.shm().shm_open(posix, Posix.O_RDONLY, 0);
        if (fd >= 0) {
            Posix.libc().close(fd);
            return true;
        }
        int err = Posix.errno();
        if (err == Posix.ENOENT) {
            return false;
        }
        if (err == Posix.EACCES || err == Posix.EPERM) {
            return true;
        }
        throw failure("look up", name, posix, err);
    }

    /**
     * The POSIX name of {@code name}: {@code "/name"} for {@code "name"} or {@code "/name"}.
     *
     * @throws SharedMemoryNameException if the name is invalid or too long for the platform
     */
    public static String posixName(String name) {
        if (name == null) {
            throw new SharedMemoryNameException(null, "shared memory name is null");
        }
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String problem = null;
        if (bare.isEmpty()) {
            problem = "it is empty";
        } else if (bare.indexOf('/') >= 0) {
            problem = "it contains '/' after the optional leading one (a POSIX shared-memory name is a single"
                    + " path component, like \"/myapp-counters\")";
        } else if (bare.equals(".") || bare.equals("..")) {
            problem = "\".\" and \"..\" are not object names";
        } else if (bare.indexOf('\0') >= 0) {
            problem = "it contains a NUL character";
        } else {
            int bytes = bare.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > Posix.maxNameBytes()) {
                problem = "it is " + bytes + " bytes long (UTF-8, without the leading '/'); the limit on this platform"
                        + " is " + Posix.maxNameBytes();
            }
        }
        if (problem != null) {
            throw new SharedMemoryNameException(name, "invalid shared memory name '" + name + "': " + problem);
        }
        return "/" + bare;
    }

    /** The longest valid name on this platform, in UTF-8 bytes without the leading '/'. */
    public static int maxNameLength() {
        return Posix.maxNameBytes();
    }

    // ---------------------------------------------------------------------------------------------
    // Properties
    // ---------------------------------------------------------------------------------------------

    /** The name as given when this object was created or opened, e.g. {@code "myapp-counters"}. */
    @Override
    public String name() {
        return super.name();
    }

    /** The POSIX name, with its leading '/': {@code "/myapp-counters"}. */
    public String posixName() {
        return posixName;
    }

    /**
     * Unlinks this object's name (also after {@link #close()}); this mapping stays usable until closed.
     *
     * @throws SharedMemoryNotFoundException if the name is already gone
     */
    public void unlink() {
        unlink(posixName);
    }

    @Override
    String describe() {
        return "shared memory " + describe(name(), posixName);
    }

    @Override
    FileStat lookup() throws IOException {
        if (Posix.LINUX) {
            // glibc's shm_open names files of /dev/shm; a symbolic link there is not an object we mapped
            return FileStat.of(Path.of("/dev/shm" + posixName), false);
        }
        int fd = Posix.shm().shm_open(posixName, Posix.O_RDONLY, 0);
        if (fd < 0) {
            int errno = Posix.errno();
            if (errno == Posix.ENOENT) {
                return null;
            }
            throw new IOException(Posix.strerror(errno) + " (errno " + errno + ")");
        }
        try {
            return FileStat.of(fd);
        } finally {
            Posix.libc().close(fd);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    static String describe(String name, String posix) {
        return name != null && name.equals(posix) ? "'" + posix + "'" : "'" + name + "' (" + posix + ")";
    }

    private static void checkSize(String name, String posix, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException(
                    "size of shared memory " + describe(name, posix) + " must be positive: " + size);
        }
    }

    private static void checkMode(String name, String posix, int mode) {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("invalid mode 0" + Integer.toOctalString(mode) + " for shared memory "
                    + describe(name, posix) + ": use permission bits such as 0600 or 0660");
        }
    }

    private static int shmOpen(String name, String posix, int flags, int mode, String action) {
        int fd = Posix.shm().shm_open(posix, flags, mode);
        if (fd < 0) {
            throw failure(action, name, posix, Posix.errno());
        }
        return fd;
    }

    /**
     * On Linux, allocates the object's pages now ({@code posix_fallocate}), so that a full /dev/shm is an
     * exception here rather than a SIGBUS (which would kill the JVM) at the first write to a page later.
     */
    private static void reserve(String name, String posix, int fd, long offset, long length) {
        if (Posix.LINUX && length > 0) {
            int err = Posix.libc().posix_fallocate(fd, offset, length);
            if (err != 0) {
                throw failure("reserve " + length + " bytes for", name, posix, err);
            }
        }
    }

    private static SharedMemory map(String name, String posix, int fd, long size, boolean readonly, boolean created) {
        MappedRange range = map(fd, size, readonly, name, "shared memory " + describe(name, posix));
        return new SharedMemory(name, posix, fd, range, readonly, created);
    }

    static SharedMemoryException failure(String action, String name, String posix, int errno) {
        String message = "cannot " + action + " shared memory " + describe(name, posix) + ": " + Posix.strerror(errno)
                + " (errno " + errno + ")";
        if (errno == Posix.ENOENT) {
            return new SharedMemoryNotFoundException(
                    name, errno, message + "; no object has this name (create it first, or use openOrCreate)");
        }
        if (errno == Posix.EEXIST) {
            return new SharedMemoryExistsException(
                    name, errno, message + "; an object of this name already exists (open it, or unlink it first)");
        }
        if (errno == Posix.EACCES || errno == Posix.EPERM) {
            return new SharedMemoryAccessException(name, errno, message);
        }
        if (errno == Posix.ENAMETOOLONG) {
            return new SharedMemoryNameException(name, errno, message);
        }
        return new SharedMemoryException(name, errno, message);
    }
}
