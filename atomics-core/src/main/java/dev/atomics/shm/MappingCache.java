package dev.atomics.shm;

import com.sun.jna.Pointer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ranges this process has mapped, by the object behind them, so that opening an object that is still mapped
 * reuses that range instead of adding one. Without it, a program that opens and closes an object in a loop leaves
 * one range per round mapped until the garbage collector finds the buffers that hold them: thousands of entries
 * in the process's map table (whose default limit on Linux is 65,530).
 *
 * <p>Reuse is only ever of a range that still has a holder: {@link MappedRange#tryHold()} refuses one whose last
 * hold is gone, which is then being unmapped and gets replaced. So an address handed out here is mapped for as
 * long as the new holder holds it, and an operation still running on an older holder of the same range keeps
 * landing on the same object: the guarantee of {@link SharedMapping}'s lifetimes is unchanged.
 *
 * <p>A range is the object's pages exactly when the object is the same file (device and inode: a live mapping keeps
 * the inode from being reused), the range has the same length, and the same protection. This class owns the
 * <em>map</em> half of a range's life; the <em>unmap</em> half (hold counting, the cleaner) is
 * {@link MappedRange}'s, so a strategy that unmaps at close (a shared arena on Java 22+) can replace that class
 * and keep this lookup.
 */
final class MappingCache {

    /** What makes two mappings the same pages. */
    record Key(long device, long inode, long length, boolean readonly) {}

    private static final ConcurrentHashMap<Key, MappedRange> RANGES = new ConcurrentHashMap<>();

    private MappingCache() {}

    /**
     * A hold on a range of the whole object behind {@code fd} ({@code length} bytes from offset 0): the live one
     * of that object if there is one, else a new mapping.
     *
     * @throws SharedMemoryException naming {@code what} if the system refuses
     */
    static MappedRange hold(int fd, FileStat stat, long length, boolean readonly, String name, String what) {
        Key key = new Key(stat.device(), stat.inode(), length, readonly);
        MappedRange[] held = new MappedRange[1];
        RANGES.compute(key, (k, live) -> {
            if (live != null && live.tryHold()) {
                held[0] = live;
                return live;
            }
            long address = map(fd, length, readonly, name, what);
            held[0] = new MappedRange(address, length, k, FaultGuard.register(address, length, fd, readonly), what);
            return held[0];
        });
        return held[0];
    }

    /** Forgets {@code range} (just unmapped) unless a newer range of its object replaced it already. */
    static void forget(MappedRange range) {
        if (range.key != null) {
            RANGES.remove(range.key, range);
        }
    }

    /**
     * The live range holding {@code length} bytes at {@code address}, or {@code null}. Scans the ranges: for
     * creating views, never on an operation's path.
     */
    static MappedRange rangeOf(long address, long length) {
        for (MappedRange r : RANGES.values()) {
            if (address >= r.address && length <= r.length && address - r.address <= r.length - length) {
                return r;
            }
        }
        return null;
    }

    /** Number of ranges that can be reused (for tests). */
    static int size() {
        return RANGES.size();
    }

    private static long map(int fd, long size, boolean readonly, String name, String what) {
        int prot = readonly ? Posix.PROT_READ : Posix.PROT_READ | Posix.PROT_WRITE;
        Pointer p = Posix.libc().mmap(null, size, prot, Posix.MAP_SHARED, fd, 0);
        long address = Pointer.nativeValue(p);
        if (p == null || address == Posix.MAP_FAILED) {
            int errno = Posix.errno();
            throw new SharedMemoryException(
                    name,
                    errno,
                    "cannot map (" + size + " bytes) " + what + ": " + Posix.strerror(errno) + " (errno " + errno
                            + ")");
        }
        return address;
    }
}
