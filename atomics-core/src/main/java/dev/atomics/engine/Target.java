package dev.atomics.engine;

import dev.atomics.memory.MemoryRegion;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * What an operation acts on: one atomic object, as its engine sees it. The atomic classes extend this, so that
 * everything the JVM engine needs (the buffer over the object's bytes, for 1 and 2 bytes the containing word
 * and where the object sits in it) is in the object itself, one load from it.
 *
 * <p>Why not through the {@link MemoryRegion}: a locked instruction waits for every load before it, and the
 * loads that find the memory depend on one another (object, then buffer, then address). Each level of that
 * chain is a few cycles the CPU cannot overlap with the instruction, on every operation; here the chain is as
 * short as for a bare {@code VarHandle} on a buffer field. The region stays the owner of the memory.
 */
public abstract class Target {

    /** The memory, and what keeps it alive. */
    protected final MemoryRegion memory;
    /** The engine's ops; a view switches to ops that throw once its context closes. */
    protected Ops ops;

    /** The object's width in bytes. */
    final int size;
    /** Whether the object's values are signed: operations that compare values read them so. */
    final boolean signed;
    /** The object's address, for native code. */
    final long address;
    /** A buffer over exactly the object's bytes. */
    final ByteBuffer buffer;
    /** For 1 and 2 bytes: the aligned 4-byte word holding the object (see {@link MemoryRegion#word()}). */
    final ByteBuffer word;
    /** Where the object's bits start in {@link #word}, and which they are. */
    final int wordShift, wordMask;
    /** Whether the object's bits are the top of {@link #word}: an addition's carry then falls off the word. */
    final boolean wordTop;
    /** Whether the rest of {@link #word} is padding of the object's own memory, always 0 (owned objects). */
    final boolean wordPrivate;

    protected Target(MemoryRegion memory, Ops ops, boolean signed) {
        this.memory = memory;
        this.ops = ops;
        this.signed = signed;
        this.size = memory.size();
        this.address = memory.address();
        this.buffer = memory.buffer();
        this.word = memory.word();
        this.wordShift = memory.wordShift();
        this.wordMask = memory.wordMask();
        this.wordTop = word != null && wordShift + 8 * size == 32;
        this.wordPrivate = memory.wordPrivate();
    }

    /**
     * Keeps this object, and so its region and the memory's owner, reachable up to this point of the caller's
     * code: native code that uses the address must not outlive the memory.
     */
    final void keepAlive() {
        Reference.reachabilityFence(this);
    }
}
