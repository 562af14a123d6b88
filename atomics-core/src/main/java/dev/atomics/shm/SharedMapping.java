package dev.atomics.shm;

import com.sun.jna.Pointer;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128View;
import dev.atomics.AtomicView;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.MemoryOrder;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.engine.Engines;
import dev.atomics.memory.MemoryRegion;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory that other processes map too, mapped into this process: a named POSIX shared-memory object
 * ({@link SharedMemory}) or a file ({@link MappedFile}). What both have in common lives here: slices, atomic
 * views, the users that keep a mapping from closing, the check against the object behind it, and lifetimes.
 *
 * <h2>Lifetimes: nothing ever touches unmapped memory, nothing lands in the wrong memory</h2>
 * <ul>
 *   <li>Every view (context not yet closed or released) and every {@link SharedAtomic} on the mapping is a
 *       <em>user</em> ({@link #openViews()}). {@link #close()} <b>refuses</b> with {@link SharedMemoryBusyException},
 *       naming the users, while any is open; it never waits. A user whose view and context became unreachable
 *       without being closed stops counting once the garbage collector finds it.</li>
 *   <li>{@link #close()} gives up this object's hold on the address range; the range stays mapped, and shared
 *       with the other processes, until every buffer and view on it is unreachable too, and is then unmapped
 *       by a {@link Cleaner} (at once if nothing else holds it). So an operation that was already running when
 *       its view or this mapping closed completes on the shared object: it neither faults nor lands anywhere
 *       else. A slice kept after close still reads and writes the object, like a kept
 *       {@link java.nio.MappedByteBuffer}.</li>
 *   <li>A mapping that is never closed is unmapped the same way once it, its buffers and its views are
 *       unreachable.</li>
 *   <li>Opening an object that this process still has mapped (same object, size and protection), e.g. because
 *       buffers of a closed mapping are not yet collected, shares that address range instead of mapping the object
 *       again: opening and closing in a loop keeps one range of the object mapped, not one per round.</li>
 *   <li>{@link #close()} is idempotent; {@link #slice}, {@link #atomicView} and the factories of
 *       {@link SharedAtomics} throw {@link SharedMemoryClosedException} after it.</li>
 * </ul>
 *
 * <h2>What other processes can do to the memory</h2>
 * The mapping keeps a descriptor of its object open so that {@link #status()} can compare it with the object
 * the name refers to now: another process may shrink the object or re-create it in place (touching pages past
 * its end raises SIGBUS: with the {@link FaultGuard} on, the default, every operation of an atomic on the
 * mapping then throws {@link dev.atomics.MemoryFaultException} instead of crashing, and works again once the
 * object is large enough; slices are not checked), remove its name, or create a new object under the name. Call {@link
 * #status()} before touching memory you do not trust, and read it with
 * {@link #load(long, int)}, as the Spring Boot starter does before every read of its own.
 *
 * <p>All methods are thread-safe.
 */
public abstract sealed class SharedMapping implements AutoCloseable permits SharedMemory, MappedFile {

    private final String name;
    private final long size;
    private final boolean readonly;
    private final boolean created;
    private final MappedRange range;
    private final Resources resources;
    private final Users users = new Users();
    /** The readers of {@link #load128}, by offset. */
    private final Map<Long, AtomicUint128View> wideReaders = new ConcurrentHashMap<>();

    private final Cleaner.Cleanable cleanable;
    private final Object lock = new Object();
    private boolean closed; // guarded by lock

    /** Takes over {@code fd} and one hold on {@code range} (from {@link #map}). */
    SharedMapping(String name, int fd, MappedRange range, boolean readonly, boolean created) {
        this.name = name;
        this.size = range.length;
        this.readonly = readonly;
        this.created = created;
        this.range = range;
        this.resources = new Resources(fd, range);
        this.cleanable = MappedRange.CLEANER.register(this, resources::release);
    }

    /**
     * One hold on a shared mapping of {@code size} bytes of {@code fd}, read-only if {@code readonly}: the range
     * this process already has of the same object if it is still mapped ({@link MappingCache}), else a new one.
     *
     * @throws SharedMemoryException naming {@code what} if the system refuses
     */
    static MappedRange map(int fd, long size, boolean readonly, String name, String what) {
        FileStat stat;
        try {
            stat = FileStat.of(fd);
        } catch (IOException e) {
            throw new SharedMemoryException(
                    name, "cannot map " + what + ": cannot tell which object it is: " + e.getMessage());
        }
        return MappingCache.hold(fd, stat, size, readonly, name, what);
    }

    // ---------------------------------------------------------------------------------------------
    // What the object is
    // ---------------------------------------------------------------------------------------------

    /** The name as given when this mapping was made: a shared-memory name, or a file's path. */
    public String name() {
        return name;
    }

    /** The size of the mapping in bytes: the object's size when it was mapped. */
    public long size() {
        return size;
    }

    /** Whether the mapping is read-only. */
    public boolean readonly() {
        return readonly;
    }

    /** Whether the call that made this mapping created the object (rather than opening an existing one). */
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

    /** The object in words for messages, e.g. {@code shared memory '/counters'} or {@code file /var/lib/x}. */
    abstract String describe();

    /** The object the name refers to now, or {@code null} if the name no longer exists. */
    abstract FileStat lookup() throws IOException;

    // ---------------------------------------------------------------------------------------------
    // The check against the object behind the mapping
    // ---------------------------------------------------------------------------------------------

    /**
     * Compares the mapping with its object as the system sees it now: the mapped object's current size (from
     * the descriptor this mapping keeps open), and whether the name still refers to that object (same device
     * and inode). Costs a few system calls; nothing here is on an operation's path.
     */
    public MappingStatus status() {
        synchronized (lock) {
            if (closed) {
                return new MappingStatus(MappingStatus.State.CLOSED, -1, describe() + " is closed");
            }
            FileStat mapped;
            try {
                mapped = FileStat.of(resources.fd);
            } catch (IOException e) {
                return new MappingStatus(
                        MappingStatus.State.UNKNOWN, -1, describe() + " cannot be checked: " + e.getMessage());
            }
            FileStat named;
            try {
                named = lookup();
            } catch (IOException e) {
                return new MappingStatus(
                        MappingStatus.State.UNKNOWN,
                        mapped.size(),
                        describe() + " cannot be looked up by name: " + e.getMessage());
            }
            String nameProblem = named == null
                    ? "its name was removed: this process still sees the old object, but"
                            + " other processes opening the name get a different one"
                    : !named.sameFile(mapped)
                            ? "its name now refers to a different object: this process still sees"
                                    + " the old one, which other processes no longer share"
                            : null;
            if (mapped.size() < size) {
                return new MappingStatus(
                        MappingStatus.State.SHRUNK,
                        mapped.size(),
                        describe() + " shrank from " + size
                                + " to " + mapped.size() + " bytes: touching memory past byte " + mapped.size()
                                + " would raise"
                                + " SIGBUS" + (nameProblem == null ? "" : "; also, " + nameProblem));
            }
            if (nameProblem != null) {
                return new MappingStatus(
                        named == null ? MappingStatus.State.REMOVED : MappingStatus.State.REPLACED,
                        mapped.size(),
                        describe() + ": " + nameProblem);
            }
            return new MappingStatus(MappingStatus.State.OK, mapped.size(), "");
        }
    }

    /**
     * Reads the {@code width} (1, 2, 4 or 8) bytes at {@code offset} with acquire ordering, through the JVM and
     * never through native code, for monitoring memory that another process might shrink: call
     * {@link #status()} first and read only what it {@linkplain MappingStatus#covers covers}. Should the object
     * shrink between the two, the read ends in a Java exception ({@link dev.atomics.MemoryFaultException}, or
     * the JVM's {@link InternalError} delivered just after), not in a crash: the JVM guards plain and acquire
     * loads, unlike read-modify-write instructions and native code.
     *
     * <p>For width 16 use {@link #load128(long)}.
     *
     * @return the bytes as a native-order integer in the low {@code width} bytes (zero-extended)
     * @throws SharedMemoryBoundsException if the bytes are not inside the mapping or not naturally aligned
     * @throws SharedMemoryClosedException if this mapping is closed
     */
    public long load(long offset, int width) {
        synchronized (lock) {
            checkOpen("read");
            checkBounds(offset, width, "a read of " + width + " bytes");
            if ((width != 1 && width != 2 && width != 4 && width != 8) || offset % width != 0) {
                throw new SharedMemoryBoundsException(
                        name,
                        "a read of " + width + " bytes at offset " + offset + " of "
                                + describe() + " must have width 1, 2, 4 or 8 and be aligned to it"
                                + (width == 16 ? " (read 16 bytes with load128)" : ""));
            }
            ByteBuffer b =
                    new Pointer(range.address + offset).getByteBuffer(0, width).order(ByteOrder.nativeOrder());
            try {
                long g = FaultGuard.enterAny(range.guardIndex);
                long v = MonitorLoads.load(b, width);
                FaultGuard.exitAny(range.guardIndex, g, describe());
                return v;
            } catch (InternalError e) {
                throw new dev.atomics.MemoryFaultException(
                        "reading " + width + " bytes at offset " + offset + " of " + describe()
                                + " faulted: the object no longer has that page (" + e.getMessage() + ")",
                        e);
            } finally {
                Reference.reachabilityFence(this);
            }
        }
    }

    /**
     * Reads the 16 bytes at {@code offset} (a multiple of 16) for monitoring: one atomic 16-byte load of the bundled
     * native library (x86-64: {@code movdqa} on CPUs with AVX; aarch64: {@code ldp} with FEAT_LSE2), checked by the
     * {@link FaultGuard} like every operation on the mapping, so a page a peer took away ends in
     * {@link dev.atomics.MemoryFaultException}, not a crash. A monitor never writes: where the CPU has no atomic
     * 16-byte load (reading with a compare-and-swap would write), or the native library is unavailable, this
     * refuses rather than return a value that might combine the halves of two values.
     *
     * @return the 16 bytes as a native-order 128-bit integer
     * @throws SharedMemoryBoundsException if the bytes are not inside the mapping or not 16-byte aligned
     * @throws SharedMemoryClosedException if this mapping is closed
     * @throws UnsupportedWidthException   if this CPU has no atomic 16-byte load
     * @throws dev.atomics.NativeLibraryException if the native library cannot be loaded
     */
    public Int128 load128(long offset) {
        AtomicUint128View reader;
        synchronized (lock) {
            checkOpen("read");
            checkBounds(offset, 16, "a read of 16 bytes");
            if (offset % 16 != 0) {
                throw new SharedMemoryBoundsException(
                        name,
                        "a read of 16 bytes at offset " + offset + " of " + describe() + " must be aligned to 16");
            }
            reader = wideReaders.computeIfAbsent(offset, this::wideReader);
        }
        try {
            return reader.load(MemoryOrder.ACQUIRE);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * A read-only 16-byte atomic on the patomic engine at {@code offset}, for {@link #load128}: not a user of this
     * mapping (it only reads, and holds the range like a slice), refused where the CPU has no atomic 16-byte load.
     */
    private AtomicUint128View wideReader(long offset) {
        ByteBuffer bytes = range.buffer(offset, 16).asReadOnlyBuffer();
        MemoryRegion region = MemoryRegion.of(bytes, this, describe() + " at offset " + offset, () -> {});
        return Atomics.atomicView(region, AtomicType.UINT128, Engine.PATOMIC).open();
    }

    // ---------------------------------------------------------------------------------------------
    // Slices and views
    // ---------------------------------------------------------------------------------------------

    /**
     * A direct buffer in native byte order on {@code length} bytes at {@code offset} of the mapping (read-only
     * if the mapping is). The buffer keeps the address range mapped, and shared, for as long as it is reachable.
     *
     * @throws SharedMemoryBoundsException if the range is not inside the mapping
     * @throws SharedMemoryClosedException if this mapping is closed
     */
    public ByteBuffer slice(long offset, int length) {
        synchronized (lock) {
            checkOpen("take a slice");
            checkBounds(offset, length, "a slice of " + length + " bytes");
            ByteBuffer b = range.buffer(offset, length);
            Reference.reachabilityFence(this);
            return (readonly ? b.asReadOnlyBuffer() : b).order(ByteOrder.nativeOrder());
        }
    }

    /**
     * A context for an atomic view on {@code width} bytes at {@code offset}, served by the default engine.
     * The view counts as a user of this mapping until its context is closed or released.
     *
     * @throws SharedMemoryBoundsException if the range is not inside the mapping
     * @throws SharedMemoryClosedException if this mapping is closed
     * @throws dev.atomics.AlignmentException if {@code offset} is not aligned for the width
     * @throws UnsupportedWidthException if no engine supports the width
     */
    public <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            long offset, int width, AtomicType<?, V, C> type) {
        return atomicView(offset, width, type, Engine.AUTO);
    }

    /** Like {@link #atomicView(long, int, AtomicType)}, served by the given engine. */
    public <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            long offset, int width, AtomicType<?, V, C> type, Engine engine) {
        return atomicView(offset, width, type, engine, null);
    }

    /** The view factory; {@code user} describes the user for busy messages (null: the view itself). */
    <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            long offset, int width, AtomicType<?, V, C> type, Engine engine, String user) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(engine, "engine");
        synchronized (lock) {
            checkOpen("create an atomic view");
            if (width <= 0) {
                throw new UnsupportedWidthException(
                        "width must be positive: " + width + " (atomic view on " + describe() + ")");
            }
            checkBounds(offset, width, "an atomic of width " + width);
            ByteBuffer buffer = range.viewBuffer(offset, width);
            String description = user != null ? user : viewName(type) + " at offset " + offset + ", width " + width;
            long id = users.add(description);
            Runnable removeUser = users.remover(id);
            MappedRange.ViewHold hold = range.viewHold();
            // Where every access of the view is scoped to the range's life (Java 22+, JVM engine, guarded: the guard's
            // ops turn the closed arena's exception into ViewContextException), closing the view gives up its hold at
            // once, so open-view-close loops unmap as they go; elsewhere the hold goes with the garbage collector.
            boolean dropAtClose = RangeMemory.SCOPED
                    && servedByJvmEngine(width, engine)
                    && range.guardIndex != FaultGuard.UNGUARDED
                    && FaultGuard.enabled();
            Runnable release = dropAtClose
                    ? () -> {
                        removeUser.run();
                        hold.drop();
                    }
                    : removeUser;
            MemoryRegion region = MemoryRegion.of(
                    readonly ? buffer.asReadOnlyBuffer() : buffer,
                    dropAtClose ? range.viewWord(offset) : null,
                    this,
                    describe() + " at offset " + offset,
                    release);
            // The view holds the region: once it is unreachable nobody can use the view, so it no longer counts, and
            // its hold on the range goes.
            MappedRange.CLEANER.register(region, release);
            MappedRange.CLEANER.register(region, hold);
            try {
                return Atomics.atomicView(region, type, engine);
            } catch (RuntimeException | Error e) {
                release.run();
                throw e;
            }
        }
    }

    /** Whether {@code Engines.bind} serves a view of {@code width} asked for {@code engine} by the JVM engine. */
    private static boolean servedByJvmEngine(int width, Engine engine) {
        Engine e = engine == Engine.AUTO ? Engines.defaultEngine() : engine;
        return Engines.jvmSupports(width) && (e == Engine.JVM || e == Engine.AUTO);
    }

    private static String viewName(AtomicType<?, ?, ?> type) {
        switch (type.name()) {
            case "int":
                return "AtomicIntView";
            case "uint":
                return "AtomicUintView";
            case "int128":
                return "AtomicInt128View";
            case "uint128":
                return "AtomicUint128View";
            case "bytes":
                return "AtomicBytesView";
            case "integral":
                return "AtomicIntegralView";
            default:
                return "AtomicView";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Close
    // ---------------------------------------------------------------------------------------------

    /**
     * Closes this mapping, or refuses while it has users. Closing twice does nothing. Never removes the object
     * (other processes expect it to outlive this one). See the class description for what happens to buffers
     * still referenced.
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
                throw new SharedMemoryBusyException(
                        name,
                        open,
                        "cannot close " + describe() + ": " + open.size()
                                + " open user" + (open.size() == 1 ? "" : "s") + " still use"
                                + (open.size() == 1 ? "s" : "")
                                + " the mapping: " + String.join("; ", open)
                                + ". Close their contexts (or shared atomics) first.");
            }
            closed = true;
            wideReaders.clear(); // their buffers hold the range: let it go with the garbage collector
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return getClass().getSimpleName() + "(" + describe() + ", size=" + size + ", readonly=" + readonly
                    + ", openViews=" + users.count() + (closed ? ", closed" : "") + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    private void checkOpen(String action) {
        if (closed) {
            throw new SharedMemoryClosedException(name, "cannot " + action + ": " + describe() + " is closed");
        }
    }

    private void checkBounds(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new SharedMemoryBoundsException(
                    name,
                    what + " at offset " + offset + " is outside " + describe()
                            + " of size " + size
                            + (offset < 0 || length < 0
                                    ? " (negative offset or length)"
                                    : " (it would end at " + (offset + length) + ")"));
        }
    }

    /** The address range (for tests: it does not keep this object reachable). */
    MappedRange range() {
        return range;
    }

    /** Number of ranges mapped and not yet unmapped (for tests). */
    static long liveMappings() {
        return MappedRange.LIVE.get();
    }

    /**
     * What the mapping object itself holds: the descriptor (for {@link #status()}) and one hold on the range.
     * Released once, by {@link #close()} or by the cleaner when the mapping becomes unreachable.
     */
    private static final class Resources {
        final int fd;
        private final MappedRange range;
        private boolean released; // guarded by this

        Resources(int fd, MappedRange range) {
            this.fd = fd;
            this.range = range;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                Posix.libc().close(fd);
                range.drop();
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
