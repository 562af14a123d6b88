package dev.atomics.shm;

import com.sun.jna.Pointer;
import dev.atomics.AtomicType;
import dev.atomics.AtomicView;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.memory.MemoryRegion;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * <h2>Lifetimes: nothing ever touches unmapped memory</h2>
 * <ul>
 *   <li>Every view (context not yet closed or released) and every {@link SharedAtomic} on this mapping is a
 *       <em>user</em> ({@link #openViews()}). {@link #close()} <b>refuses</b> with
 *       {@link SharedMemoryBusyException}, naming the users, while any is open; it never waits. A user whose
 *       view and context became unreachable without being closed stops counting once the garbage collector
 *       finds it.</li>
 *   <li>{@link #close()} does not unmap at once: it replaces the shared pages, at the same addresses, with private
 *       anonymous memory. A slice buffer kept after close (or a thread racing with close) then reads and writes
 *       harmless private memory that no other process sees, never unmapped memory and never the shared
 *       object. The address range is unmapped by a {@link Cleaner} once this object and every buffer obtained
 *       from it are unreachable; if nothing is left, at once.</li>
 *   <li>A {@code SharedMemory} that is never closed is unmapped the same way once it, its buffers and its
 *       views are unreachable.</li>
 *   <li>{@link #close()} is idempotent; {@link #slice}, {@link #atomicView} and the factories of
 *       {@link SharedAtomics} throw {@link SharedMemoryClosedException} after it. {@link #unlink()} still
 *       works.</li>
 * </ul>
 * <p>On Linux, created and grown objects get their pages at once ({@code posix_fallocate}): a full /dev/shm
 * fails {@link #create} with "No space left on device" instead of a later write faulting with SIGBUS. (Memory
 * of an object that another process shrinks or never allocated stays outside this library's control, as with
 * any shared mapping.) The file descriptor is closed right after mapping, so an open {@code SharedMemory} holds no descriptor.
 * All methods are thread-safe.
 */
public final class SharedMemory implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "atomics-shared-memory-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** Default mode of created objects: read and write for the owner only. */
    public static final int DEFAULT_MODE = 0600;

    private final String name;
    private final String posixName;
    private final long size;
    private final boolean readonly;
    private final Mapping mapping;
    private final Users users = new Users();
    private final Cleaner.Cleanable cleanable;
    private final Object lock = new Object();
    private boolean closed; // guarded by lock
    private volatile boolean created; // set by the factory that returns this object

    private SharedMemory(String name, String posixName, long address, long size, boolean readonly) {
        this.name = name;
        this.posixName = posixName;
        this.size = size;
        this.readonly = readonly;
        this.mapping = new Mapping(posixName, address, size);
        Mapping m = mapping;
        this.cleanable = CLEANER.register(this, m::drop);
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
            SharedMemory m = map(name, posix, fd, size, false);
            m.created = true;
            done = true;
            return m;
        } finally {
            Posix.libc().close(fd);
            if (!done) {
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
        try {
            long size = Posix.sizeOf(fd);
            if (size < 0) {
                throw failure("read the size of", name, posix, Posix.errno());
            }
            if (size == 0) {
                throw new SharedMemoryException(name, "cannot " + action + " shared memory " + describe(name, posix)
                        + ": it is empty (size 0); its creator has not set its size yet");
            }
            return map(name, posix, fd, size, readonly);
        } finally {
            Posix.libc().close(fd);
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
            SharedMemory m = map(name, posix, fd, size, false);
            m.created = created;
            done = true;
            return m;
        } finally {
            Posix.libc().close(fd);
            if (!done && created) {
                Posix.shm().shm_unlink(posix);
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
    public String name() {
        return name;
    }

    /** The POSIX name, with its leading '/': {@code "/myapp-counters"}. */
    public String posixName() {
        return posixName;
    }

    /** The size of the mapping in bytes: the object's size when it was mapped. */
    public long size() {
        return size;
    }

    /** Whether the mapping is read-only. */
    public boolean readonly() {
        return readonly;
    }

    /**
     * Whether the factory call that returned this object created the shared-memory object: always for
     * {@link #create}, never for {@link #open}, and for {@link #openOrCreate} only if no object had the name
     * (growing an existing object does not count). Lets a caller that fails later remove exactly what it created.
     */
    public boolean created() {
        return created;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * The number of live users: views whose context is neither closed nor released (nor unreachable), and
     * {@link SharedAtomic}s not yet closed.
     */
    public int openViews() {
        return users.count();
    }

    /** Descriptions of the live users, oldest first (what {@link SharedMemoryBusyException} names). */
    public List<String> users() {
        return users.list();
    }

    // ---------------------------------------------------------------------------------------------
    // Slices and views
    // ---------------------------------------------------------------------------------------------

    /**
     * A direct buffer in native byte order on {@code length} bytes at {@code offset} of the mapping (read-only
     * if the mapping is). The buffer keeps the address range mapped for as long as it is reachable; after
     * {@link #close()} it no longer shows the shared object (see the class description).
     *
     * @throws SharedMemoryBoundsException if the range is not inside the mapping
     * @throws SharedMemoryClosedException if this shared memory is closed
     */
    public ByteBuffer slice(long offset, int length) {
        synchronized (lock) {
            checkOpen("take a slice");
            checkBounds(offset, length, "a slice of " + length + " bytes");
            ByteBuffer b = trackedBuffer(offset, length);
            return (readonly ? b.asReadOnlyBuffer() : b).order(ByteOrder.nativeOrder());
        }
    }

    /**
     * A context for an atomic view on {@code width} bytes at {@code offset}, served by the default engine.
     * The view counts as a user of this shared memory until its context is closed or released.
     *
     * @throws SharedMemoryBoundsException if the range is not inside the mapping
     * @throws SharedMemoryClosedException if this shared memory is closed
     * @throws dev.atomics.AlignmentException if {@code offset} is not aligned for the width
     * @throws UnsupportedWidthException if no engine supports the width
     */
    public <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(long offset, int width,
                                                                                AtomicType<?, V, C> type) {
        return atomicView(offset, width, type, Engine.AUTO);
    }

    /** Like {@link #atomicView(long, int, AtomicType)}, served by the given engine. */
    public <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(long offset, int width,
                                                                                AtomicType<?, V, C> type, Engine engine) {
        return atomicView(offset, width, type, engine, null);
    }

    /** The view factory; {@code user} describes the user for busy messages (null: the view itself). */
    <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(long offset, int width, AtomicType<?, V, C> type,
                                                                         Engine engine, String user) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(engine, "engine");
        synchronized (lock) {
            checkOpen("create an atomic view");
            if (width <= 0) {
                throw new UnsupportedWidthException("width must be positive: " + width + " (atomic view on shared memory "
                        + describe(name, posixName) + ")");
            }
            checkBounds(offset, width, "an atomic of width " + width);
            ByteBuffer buffer = trackedBuffer(offset, width);
            String description = user != null ? user : viewName(type) + " at offset " + offset + ", width " + width;
            long id = users.add(description);
            Runnable release = users.remover(id);
            MemoryRegion region = MemoryRegion.of(readonly ? buffer.asReadOnlyBuffer() : buffer, this,
                    "shared memory " + posixName + " at offset " + offset, release);
            // The view holds the region: once it is unreachable nobody can use the view, so it no longer counts.
            CLEANER.register(region, release);
            return Atomics.atomicView(region, type, engine);
        }
    }

    private static String viewName(AtomicType<?, ?, ?> type) {
        switch (type.name()) {
            case "int": return "AtomicIntView";
            case "uint": return "AtomicUintView";
            case "bytes": return "AtomicBytesView";
            case "integral": return "AtomicIntegralView";
            default: return "AtomicView";
        }
    }

    /** A fresh direct buffer on the range that holds the mapping until the buffer (and its slices) die. */
    private ByteBuffer trackedBuffer(long offset, int length) {
        ByteBuffer b = new Pointer(mapping.address + offset).getByteBuffer(0, length);
        mapping.hold();
        Mapping m = mapping;
        CLEANER.register(b, m::drop);
        Reference.reachabilityFence(this);
        return b;
    }

    // ---------------------------------------------------------------------------------------------
    // Close and unlink
    // ---------------------------------------------------------------------------------------------

    /**
     * Closes this mapping, or refuses while it has users. Closing twice does nothing. Does not unlink the
     * object. See the class description for what happens to buffers still referenced.
     *
     * @throws SharedMemoryBusyException if views or shared atomics on this mapping are still open
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            List<String> open = users.list();
            if (!open.isEmpty()) {
                throw new SharedMemoryBusyException(name, open, "cannot close shared memory " + describe(name, posixName)
                        + ": " + open.size() + " open user" + (open.size() == 1 ? "" : "s") + " still use" + (open.size() == 1 ? "s" : "")
                        + " the mapping: " + String.join("; ", open) + ". Close their contexts (or shared atomics) first.");
            }
            closed = true;
            mapping.detach();
            cleanable.clean();
        }
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
    public String toString() {
        synchronized (lock) {
            return "SharedMemory(name=" + name + ", posixName=" + posixName + ", size=" + size + ", readonly=" + readonly
                    + ", openViews=" + users.count() + (closed ? ", closed" : "") + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    private void checkOpen(String action) {
        if (closed) {
            throw new SharedMemoryClosedException(name, "cannot " + action + ": shared memory " + describe(name, posixName)
                    + " is closed");
        }
    }

    private void checkBounds(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new SharedMemoryBoundsException(name, what + " at offset " + offset + " is outside shared memory "
                    + describe(name, posixName) + " of size " + size
                    + (offset < 0 || length < 0 ? " (negative offset or length)" : " (it would end at " + (offset + length) + ")"));
        }
    }

    static String describe(String name, String posix) {
        return name != null && name.equals(posix) ? "'" + posix + "'" : "'" + name + "' (" + posix + ")";
    }

    private static void checkSize(String name, String posix, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size of shared memory " + describe(name, posix) + " must be positive: " + size);
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

    private static SharedMemory map(String name, String posix, int fd, long size, boolean readonly) {
        int prot = readonly ? Posix.PROT_READ : Posix.PROT_READ | Posix.PROT_WRITE;
        Pointer p = Posix.libc().mmap(null, size, prot, Posix.MAP_SHARED, fd, 0);
        long address = Pointer.nativeValue(p);
        if (p == null || address == Posix.MAP_FAILED) {
            throw failure("map (" + size + " bytes)", name, posix, Posix.errno());
        }
        Mapping.LIVE.incrementAndGet();
        return new SharedMemory(name, posix, address, size, readonly);
    }

    static SharedMemoryException failure(String action, String name, String posix, int errno) {
        String message = "cannot " + action + " shared memory " + describe(name, posix) + ": " + Posix.strerror(errno)
                + " (errno " + errno + ")";
        if (errno == Posix.ENOENT) {
            return new SharedMemoryNotFoundException(name, errno, message
                    + "; no object has this name (create it first, or use openOrCreate)");
        }
        if (errno == Posix.EEXIST) {
            return new SharedMemoryExistsException(name, errno, message
                    + "; an object of this name already exists (open it, or unlink it first)");
        }
        if (errno == Posix.EACCES || errno == Posix.EPERM) {
            return new SharedMemoryAccessException(name, errno, message);
        }
        if (errno == Posix.ENAMETOOLONG) {
            return new SharedMemoryNameException(name, errno, message);
        }
        return new SharedMemoryException(name, errno, message);
    }

    /** The address range's state (for tests: it does not keep this object reachable). */
    Mapping mapping() {
        return mapping;
    }

    /** Number of mappings made by this class that are not yet unmapped (for tests). */
    static long liveMappings() {
        return Mapping.LIVE.get();
    }

    /**
     * The address range and who holds it: the {@code SharedMemory} and every buffer handed out. Holds nothing
     * that refers back to them, so their cleaners can run; the last {@link #drop()} unmaps.
     */
    static final class Mapping {
        static final AtomicLong LIVE = new AtomicLong();

        final String posixName;
        final long address;
        final long length;
        private final AtomicLong holds = new AtomicLong(1);
        private boolean detached; // guarded by this
        private boolean unmapped; // guarded by this

        Mapping(String posixName, long address, long length) {
            this.posixName = posixName;
            this.address = address;
            this.length = length;
        }

        void hold() {
            holds.incrementAndGet();
        }

        void drop() {
            if (holds.decrementAndGet() == 0) {
                unmap();
            }
        }

        /**
         * Replaces the shared pages with private anonymous memory at the same addresses if buffers still hold
         * the range, so that they never see (or write) the shared object again and never fault. If the system
         * refuses, the shared mapping simply stays until the last holder drops it.
         */
        synchronized void detach() {
            if (detached || unmapped || holds.get() <= 1) {
                return;
            }
            Pointer p = Posix.libc().mmap(new Pointer(address), length, Posix.PROT_READ | Posix.PROT_WRITE,
                    Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS | Posix.MAP_FIXED, -1, 0);
            detached = p != null && Pointer.nativeValue(p) == address;
        }

        synchronized boolean detached() {
            return detached;
        }

        synchronized boolean unmapped() {
            return unmapped;
        }

        long holds() {
            return holds.get();
        }

        private synchronized void unmap() {
            if (!unmapped) {
                unmapped = true;
                Posix.libc().munmap(new Pointer(address), length);
                LIVE.decrementAndGet();
            }
        }
    }

    /** The live users: id to description, oldest first. */
    private static final class Users {
        private final ConcurrentSkipListMap<Long, String> live = new ConcurrentSkipListMap<>();
        private final AtomicLong ids = new AtomicLong();

        long add(String description) {
            long id = ids.incrementAndGet();
            live.put(id, description);
            return id;
        }

        /** An idempotent action removing the user; refers to this map only. */
        Runnable remover(long id) {
            ConcurrentSkipListMap<Long, String> map = live;
            return () -> map.remove(id);
        }

        int count() {
            return live.size();
        }

        List<String> list() {
            return new ArrayList<>(live.values());
        }
    }
}
