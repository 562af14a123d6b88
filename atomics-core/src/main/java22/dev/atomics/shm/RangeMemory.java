package dev.atomics.shm;

import com.sun.jna.Pointer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * How a mapped range's memory is handed out and given back. This is the Java 22+ class of the multi-release jar:
 * atomic views get buffers of a segment in a shared {@link Arena} over the range, and {@link #unmap()} closes the
 * arena before it unmaps. Closing a shared arena handshakes every thread: one caught inside an access to the
 * segment gets an {@link IllegalStateException}, and every later access throws it too, so once the close returns
 * nothing can touch the address through these buffers, and the range can go at once: a closed JVM-engine view
 * need not wait for the garbage collector (see {@link MappedRange}). Slices, and the raw address the patomic
 * engine passes to native code, are not scoped; their holders keep the range mapped until they are unreachable,
 * as on Java 17. If the segment cannot be made (native access denied), everything is as on Java 17.
 */
final class RangeMemory {

    /**
     * Whether {@link #viewBuffer} and {@link #viewWord} are scoped to the range's life: an access after
     * {@link #unmap()} began throws {@link IllegalStateException} instead of touching the address.
     */
    static final boolean SCOPED = scopedSegments();

    private final long address;
    private final long length;
    /** The arena and its segment over the range; null where segments cannot be made. */
    private final Arena arena;

    private final MemorySegment segment;

    RangeMemory(long address, long length) {
        this.address = address;
        this.length = length;
        Arena a = null;
        MemorySegment s = null;
        if (SCOPED) {
            a = Arena.ofShared();
            // up to the next multiple of 4: the aligned word of a 1- or 2-byte view at the end of an object of
            // odd size lies partly past it, yet always within the last mapped page (mappings start on a page)
            s = MemorySegment.ofAddress(address).reinterpret((length + 3) & ~3L, a, null);
        }
        this.arena = a;
        this.segment = s;
    }

    /** Whether this JVM lets us make a segment of a foreign address (a restricted method). */
    private static boolean scopedSegments() {
        try {
            try (Arena a = Arena.ofShared()) {
                MemorySegment.ofAddress(8).reinterpret(8, a, null);
            }
            return true;
        } catch (IllegalCallerException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@code length} bytes at {@code offset}, for a slice (held until unreachable). */
    ByteBuffer buffer(long offset, int length) {
        return new Pointer(address + offset).getByteBuffer(0, length);
    }

    /** {@code length} bytes at {@code offset}, for an atomic view: scoped to the arena. */
    ByteBuffer viewBuffer(long offset, int length) {
        return segment == null
                ? buffer(offset, length)
                : segment.asSlice(offset, length).asByteBuffer();
    }

    /** The aligned 4-byte word around {@code offset}, for a view of 1 or 2 bytes: scoped to the arena. */
    ByteBuffer viewWord(long offset) {
        return segment == null ? null : segment.asSlice(offset & ~3L, 4).asByteBuffer();
    }

    /**
     * Stops the scoped buffers: closes the arena, which handshakes every thread (one inside an access to the
     * segment gets an {@link IllegalStateException}, as does every later access). The close fails while a downcall
     * holds the arena's segment; none of ours takes one (they pass raw addresses), but should one, the close is
     * retried until it returns.
     */
    void close() {
        if (arena == null) {
            return;
        }
        for (int tries = 0; ; tries++) {
            try {
                arena.close();
                return;
            } catch (IllegalStateException busy) {
                if (!arena.scope().isAlive()) {
                    return;
                }
                if (tries < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    /** Unmaps the range (after {@link #close()}). */
    void unmap() {
        Posix.libc().munmap(new Pointer(address), length);
    }
}
