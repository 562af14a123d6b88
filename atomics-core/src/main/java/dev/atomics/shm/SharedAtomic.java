package dev.atomics.shm;

import dev.atomics.Atomic;
import dev.atomics.AtomicViewContext;

/**
 * An atomic whose memory is in a named shared-memory object: {@link #get()} is an {@link dev.atomics.AtomicInt},
 * {@link dev.atomics.AtomicUint} or {@link dev.atomics.AtomicBytes} with every operation of its type, and
 * {@link #handle()} tells another process where to find it. Made by {@link SharedAtomics}.
 *
 * <h2>Lifetime</h2>
 * A shared atomic is {@link AutoCloseable} and counts as one user of its {@link SharedMemory} (see
 * {@link SharedMemory#openViews()}) until closed:
 * <ul>
 *   <li>{@link #close()} ends the atomic (later operations on it throw {@link dev.atomics.ViewContextException}
 *       and touch no memory) and stops counting as a user. If the shared atomic owns its mapping (it was made
 *       by {@link SharedAtomics#create}, {@link SharedAtomics#openOrCreate} or {@link SharedAtomics#attach},
 *       which map the object themselves), close also closes that mapping. Closing twice does nothing. Closing
 *       never unlinks the object.</li>
 *   <li>If neither the shared atomic nor its atomic is reachable any more, the garbage collector does the
 *       same: it stops counting as a user, and an owned mapping is unmapped. Holding only {@link #get()} keeps
 *       the mapping alive, like any owning atomic keeps its memory.</li>
 * </ul>
 *
 * @param <A> the atomic's type: {@code AtomicInt}, {@code AtomicUint} or {@code AtomicBytes}
 */
public final class SharedAtomic<A extends Atomic> implements AutoCloseable {

    private final SharedMemory memory;
    private final boolean ownsMemory;
    private final AtomicViewContext<?> context;
    private final A atomic;
    private final SharedAtomicHandle handle;
    private boolean closed; // guarded by this

    SharedAtomic(
            SharedMemory memory,
            boolean ownsMemory,
            AtomicViewContext<?> context,
            A atomic,
            SharedAtomicHandle handle) {
        this.memory = memory;
        this.ownsMemory = ownsMemory;
        this.context = context;
        this.atomic = atomic;
        this.handle = handle;
    }

    /**
     * The atomic, usable until {@link #close()}.
     *
     * @throws SharedMemoryClosedException if this shared atomic is closed
     */
    public synchronized A get() {
        if (closed) {
            throw new SharedMemoryClosedException(memory.name(), "shared atomic " + handle + " is closed");
        }
        return atomic;
    }

    /** Where the atomic lives, for another process to {@link SharedAtomicHandle#attach() attach}. */
    public SharedAtomicHandle handle() {
        return handle;
    }

    /** The mapping the atomic is in. */
    public SharedMemory memory() {
        return memory;
    }

    /** Whether {@link #close()} also closes {@link #memory()} (true when this shared atomic mapped it itself). */
    public boolean ownsMemory() {
        return ownsMemory;
    }

    /** Whether {@link #close()} has been called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Ends the atomic and, if it owns its mapping, closes the mapping. Idempotent.
     *
     * @throws SharedMemoryBusyException if this owns its mapping and other views made on {@link #memory()} are
     *                                   still open (the atomic itself is closed all the same)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.close();
        if (ownsMemory) {
            memory.close();
        }
    }

    @Override
    public synchronized String toString() {
        return "SharedAtomic(" + handle + ", " + (closed ? "closed" : atomic.toString()) + ")";
    }
}
