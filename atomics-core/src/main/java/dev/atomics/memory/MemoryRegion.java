package dev.atomics.memory;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.util.Objects;

/**
 * A run of native memory that one atomic object operates on: its address, size and writability, a direct
 * {@link ByteBuffer} over exactly those bytes (for the JVM engine's VarHandles), for 1 and 2 bytes a second
 * buffer over the aligned 4-byte word that holds them (where the JVM engine does its read-modify-writes), and
 * whatever keeps the memory alive.
 *
 * <p>Everything an operation needs is computed here once, at construction. Memory is never heap memory:
 * the garbage collector moves heap arrays, and no other process can see them.
 */
public final class MemoryRegion {

    private final long address;
    private final int size;
    private final boolean readonly;
    private final ByteBuffer buffer;
    private final Object owner;
    private final String description;
    private final Runnable onRelease;
    private final ByteBuffer word;
    private final int wordShift;
    private final int wordMask;
    private final boolean wordPrivate;

    private MemoryRegion(
            long address,
            int size,
            boolean readonly,
            ByteBuffer buffer,
            Object owner,
            String description,
            Runnable onRelease) {
        this(address, size, readonly, buffer, owner, description, onRelease, false);
    }

    private MemoryRegion(
            long address,
            int size,
            boolean readonly,
            ByteBuffer buffer,
            Object owner,
            String description,
            Runnable onRelease,
            boolean wordPrivate) {
        this(address, size, readonly, buffer, null, owner, description, onRelease, wordPrivate);
    }

    /** {@code wordBuffer}: the 4 bytes at {@code address & ~3} as the owner hands them out, or null (made here). */
    private MemoryRegion(
            long address,
            int size,
            boolean readonly,
            ByteBuffer buffer,
            ByteBuffer wordBuffer,
            Object owner,
            String description,
            Runnable onRelease,
            boolean wordPrivate) {
        this.address = address;
        this.size = size;
        this.readonly = readonly;
        this.buffer = buffer.order(ByteOrder.nativeOrder());
        this.owner = owner;
        this.description = description;
        this.onRelease = onRelease;
        int inWord = (int) (address & 3);
        if ((size == 1 || size == 2) && inWord + size <= 4) {
            // The aligned word around the object. It may reach past the object's own buffer (a 1-byte view at
            // offset 5 of a mapping has the word 4..7), but never past its page: pages are multiples of 4 bytes
            // and aligned, so the word is mapped, with the same protection, whenever the object is. The buffer
            // is made once, here; it holds no reference to the memory, which the owner keeps alive as for
            // the object's own buffer.
            ByteBuffer w = wordBuffer != null ? wordBuffer : new Pointer(address & ~3L).getByteBuffer(0, 4);
            this.word = readonly ? w.asReadOnlyBuffer() : w;
            int lowBit = 8 * (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? inWord : 4 - size - inWord);
            this.wordShift = lowBit;
            this.wordMask = (size == 1 ? 0xFF : 0xFFFF) << lowBit;
            this.wordPrivate = wordPrivate;
        } else {
            // wider objects, or a misaligned 2-byte one (which no engine accepts)
            this.word = null;
            this.wordShift = 0;
            this.wordMask = 0;
            this.wordPrivate = false;
        }
    }

    /**
     * Fresh zeroed memory of {@code size} bytes aligned to {@code alignment} (1- and 2-byte objects: to their
     * size, in the top bytes of a word aligned to {@code alignment}), owned by the returned region and freed by
     * the JDK's cleaner once the region is unreachable.
     */
    public static MemoryRegion allocate(int size, int alignment) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        // At least 4 bytes from the aligned start, so that the word holding a 1- or 2-byte object is ours too;
        // such an object goes to the top bytes of that word, where the JVM engine adds with one instruction.
        ByteBuffer raw = ByteBuffer.allocateDirect(Math.max(size, 4) + alignment);
        int at = size <= 2 && alignment >= 4 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 4 - size : 0;
        ByteBuffer aligned =
                raw.alignedSlice(alignment).position(at).limit(at + size).slice();
        return new MemoryRegion(addressOf(aligned), size, false, aligned, aligned, "owned", null, alignment >= 4);
    }

    /**
     * The remaining bytes of a direct buffer (a slice, a {@link MappedByteBuffer}, a read-only buffer, which
     * gives a readonly region).
     *
     * @throws IllegalArgumentException if the buffer is a heap buffer or has no remaining bytes
     */
    public static MemoryRegion of(ByteBuffer buffer) {
        return of(buffer, buffer instanceof MappedByteBuffer ? "mapped ByteBuffer" : "direct ByteBuffer", null);
    }

    /**
     * Like {@link #of(ByteBuffer)}, with a description for messages and a hook run once when the atomic
     * object on this region is released (used by memory sources that count their users).
     */
    public static MemoryRegion of(ByteBuffer buffer, String description, Runnable onRelease) {
        return of(buffer, buffer, description, onRelease);
    }

    /**
     * Like {@link #of(ByteBuffer, String, Runnable)}, with an explicit owner that the region keeps reachable for
     * as long as an atomic object uses it (e.g. the shared-memory mapping whose cleaner unmaps the memory).
     */
    public static MemoryRegion of(ByteBuffer buffer, Object owner, String description, Runnable onRelease) {
        Objects.requireNonNull(buffer, "buffer");
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a heap ByteBuffer cannot back an atomic: the garbage collector moves it"
                    + " and no other process can see it; use ByteBuffer.allocateDirect, FileChannel.map or "
                    + "shared memory");
        }
        if (!buffer.hasRemaining()) {
            throw new IllegalArgumentException("the buffer has no remaining bytes (position " + buffer.position()
                    + ", limit " + buffer.limit() + "): the atomic's width is the number of remaining bytes");
        }
        ByteBuffer slice = buffer.slice();
        long base = addressOf(slice);
        return new MemoryRegion(base, slice.remaining(), slice.isReadOnly(), slice, owner, description, onRelease);
    }

    /**
     * Like {@link #of(ByteBuffer, Object, String, Runnable)}, for an owner whose buffers carry a lifetime of their
     * own (a Java 22+ shared arena's segment): {@code word} is the owner's buffer on the 4 bytes from {@code
     * address & ~3} of the buffer's first byte, used (if the width is 1 or 2) instead of one made from the raw
     * address, so that every access of the JVM engine goes through the owner's buffers. Not API.
     */
    public static MemoryRegion of(
            ByteBuffer buffer, ByteBuffer word, Object owner, String description, Runnable onRelease) {
        MemoryRegion r = of(buffer, owner, description, onRelease);
        if (r.word == null || word == null) {
            return r;
        }
        if (addressOf(word) != (r.address & ~3L) || word.capacity() != 4) {
            throw new IllegalArgumentException("the word buffer is not the 4 bytes around the object");
        }
        return new MemoryRegion(r.address, r.size, r.readonly, r.buffer, word, owner, description, onRelease, false);
    }

    /**
     * {@code length} bytes at a JNA pointer. The caller keeps the memory valid until the atomic object on it
     * is released; a JNA {@link com.sun.jna.Memory} is kept reachable by the region.
     */
    public static MemoryRegion of(Pointer pointer, long length, boolean readonly) {
        Objects.requireNonNull(pointer, "pointer");
        if (length <= 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length must be in 1.." + Integer.MAX_VALUE + ": " + length);
        }
        if (Pointer.nativeValue(pointer) == 0) {
            throw new IllegalArgumentException("the pointer is NULL");
        }
        ByteBuffer buffer = pointer.getByteBuffer(0, length);
        return new MemoryRegion(
                Pointer.nativeValue(pointer),
                (int) length,
                readonly,
                readonly ? buffer.asReadOnlyBuffer() : buffer,
                pointer,
                "JNA Pointer",
                null);
    }

    private static long addressOf(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** The address of the first byte. */
    public long address() {
        return address;
    }

    /** The number of bytes. */
    public int size() {
        return size;
    }

    /** What keeps the memory alive (e.g. the shared mapping a view was made on), or {@code null}. */
    public Object owner() {
        return owner;
    }

    /** Whether writes are refused. */
    public boolean readonly() {
        return readonly;
    }

    /** A direct buffer in native byte order spanning exactly this region (shares its memory). */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * For a region of 1 or 2 bytes, a direct buffer over the aligned 4-byte word that contains it (readonly if
     * the region is); {@code null} for other sizes. Its other bytes may belong to other objects, even to other
     * processes: write it only with a compare-and-exchange that expects what they hold.
     */
    public ByteBuffer word() {
        return word;
    }

    /**
     * Whether the other bytes of {@link #word()} are this region's own padding, which nothing ever writes (true
     * for owned memory): they then always hold 0, and a compare-and-exchange of the word needs no read first.
     */
    public boolean wordPrivate() {
        return wordPrivate;
    }

    /** Where the region's bits start in {@link #word()} read as a native-order {@code int}. */
    public int wordShift() {
        return wordShift;
    }

    /** The region's bits in {@link #word()} read as a native-order {@code int}. */
    public int wordMask() {
        return wordMask;
    }

    /** Where the memory comes from, for messages and diagnostics (e.g. {@code owned}, {@code mapped ByteBuffer}). */
    public String description() {
        return description;
    }

    /**
     * Keeps this region, and so its buffer and owner, reachable up to this point of the caller's code: whatever
     * unmaps or frees the memory when they become unreachable cannot run while native code uses the address.
     */
    public void keepAlive() {
        Reference.reachabilityFence(this);
    }

    /** Runs the release hook, if any; the owner of the region calls this once when it stops using it. */
    public void release() {
        if (onRelease != null) {
            onRelease.run();
        }
    }
}
