package dev.atomics.shm;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An address range mapped with {@code MAP_SHARED} and who holds it: the {@link SharedMapping} that mapped it
 * (until closed) and every buffer handed out on it. The last {@link #drop()} unmaps.
 *
 * <p>The range stays the shared object's pages until nothing can reach it, as the JDK does for
 * {@link java.nio.MappedByteBuffer}: an operation that already passed its checks when a view or the mapping
 * was closed completes on the shared object, never on other memory, and never faults on an unmapped
 * address. Holds nothing that refers back to its holders, so their cleaners can run.
 */
final class MappedRange {

    /** Unmaps ranges and closes descriptors of objects that became unreachable. */
    static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "atomics-shared-memory-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** Number of ranges mapped by this class and not yet unmapped (for tests). */
    static final AtomicLong LIVE = new AtomicLong();

    final long address;
    final long length;
    /** Where {@link MappingCache} finds this range (null: not reusable). */
    final MappingCache.Key key;
    /** The range's generation in {@link FaultGuard}'s table, or {@link FaultGuard#UNGUARDED}. */
    final int guardIndex;
    /** The object in words, e.g. {@code shared memory '/counters'}. */
    final String what;
    /** How the range's memory is handed out and unmapped (on Java 22+: through a shared arena). */
    private final RangeMemory memory;

    private final AtomicLong holds = new AtomicLong(1);
    private boolean unmapped; // guarded by this

    /** A range with one hold, that of whoever mapped it. */
    MappedRange(long address, long length, MappingCache.Key key, int guardIndex, String what) {
        this.address = address;
        this.length = length;
        this.key = key;
        this.guardIndex = guardIndex;
        this.what = what;
        this.memory = new RangeMemory(address, length);
        LIVE.incrementAndGet();
    }

    /**
     * Takes one more hold, unless the last one is already gone (the range is then being unmapped: map anew).
     *
     * @return whether the caller now holds the range
     */
    boolean tryHold() {
        for (long h = holds.get(); h > 0; h = holds.get()) {
            if (holds.compareAndSet(h, h + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new direct buffer on {@code length} bytes at {@code offset} that holds the range until the buffer (and
     * every slice or duplicate of it, which reference it) becomes unreachable.
     */
    ByteBuffer buffer(long offset, int length) {
        ByteBuffer b = memory.buffer(offset, length);
        holds.incrementAndGet();
        CLEANER.register(b, this::drop);
        return b;
    }

    /**
     * One more hold, given up by {@link ViewHold#drop()} (once, whoever calls it first): an atomic view's, which
     * its context drops at close where the view's accesses are scoped ({@link RangeMemory#SCOPED}, Java 22+), and
     * the garbage collector otherwise.
     */
    ViewHold viewHold() {
        holds.incrementAndGet();
        return new ViewHold(this);
    }

    /**
     * The buffer of an atomic view on {@code length} bytes at {@code offset} (hold the range with {@link #viewHold}).
     */
    ByteBuffer viewBuffer(long offset, int length) {
        return memory.viewBuffer(offset, length);
    }

    /** The 4-byte word around {@code offset} for a 1- or 2-byte view, or null (the view makes its own). */
    ByteBuffer viewWord(long offset) {
        return memory.viewWord(offset);
    }

    /** A view's hold on a range: dropped once. Refers to the range only, so cleaners may hold it. */
    static final class ViewHold implements Runnable {
        private final MappedRange range;
        private final AtomicBoolean dropped = new AtomicBoolean();

        private ViewHold(MappedRange range) {
            this.range = range;
        }

        /** Gives up the hold, if not yet given up. */
        void drop() {
            if (dropped.compareAndSet(false, true)) {
                range.drop();
            }
        }

        @Override
        public void run() {
            drop();
        }
    }

    /** Gives up one hold; the last unmaps the range. */
    void drop() {
        if (holds.decrementAndGet() == 0) {
            unmap();
        }
    }

    long holds() {
        return holds.get();
    }

    synchronized boolean unmapped() {
        return unmapped;
    }

    private synchronized void unmap() {
        if (!unmapped) {
            unmapped = true;
            MappingCache.forget(this);
            memory.close(); // Java 22+: from here no scoped access (a JVM-engine view's) is running or can start
            FaultGuard.unregister(guardIndex); // before munmap: a fault at this address then is not ours to recover
            memory.unmap();
            LIVE.decrementAndGet();
        }
    }
}
