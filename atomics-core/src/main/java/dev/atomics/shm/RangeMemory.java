package dev.atomics.shm;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * How a mapped range's memory is handed out and given back. This is the Java 17 class: buffers on the raw address,
 * which know nothing of the range's life, so a range is unmapped only once every buffer on it is unreachable
 * ({@link MappedRange}). The Java 22+ class of the multi-release jar hands views buffers of a shared arena's
 * segment instead, whose close stops every access first, so that a closed view's hold can go at once.
 */
final class RangeMemory {

    /**
     * Whether {@link #viewBuffer} and {@link #viewWord} are scoped to the range's life: an access after
     * {@link #unmap()} began throws {@link IllegalStateException} instead of touching the address. Never on 17.
     * Not a compile-time constant: classes compiled against this one must read the Java 22+ class's value.
     */
    static final boolean SCOPED = scoped();

    private static boolean scoped() {
        return false;
    }

    private final long address;
    private final long length;

    RangeMemory(long address, long length) {
        this.address = address;
        this.length = length;
    }

    /** {@code length} bytes at {@code offset}, for a slice (held until unreachable). */
    ByteBuffer buffer(long offset, int length) {
        return new Pointer(address + offset).getByteBuffer(0, length);
    }

    /** {@code length} bytes at {@code offset}, for an atomic view. */
    ByteBuffer viewBuffer(long offset, int length) {
        return buffer(offset, length);
    }

    /** The aligned 4-byte word around {@code offset}, for a view of 1 or 2 bytes; null: the view makes its own. */
    ByteBuffer viewWord(long offset) {
        return null;
    }

    /** Stops the scoped buffers before {@link #unmap()}: nothing to do on Java 17. */
    void close() {}

    /** Unmaps the range. */
    void unmap() {
        Posix.libc().munmap(new Pointer(address), length);
    }
}
