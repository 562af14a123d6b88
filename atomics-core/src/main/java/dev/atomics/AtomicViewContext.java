package dev.atomics;

/**
 * Guards a view on external memory: {@link #open()} hands out the view, {@link #close()} ends it for good.
 * Use it with try-with-resources, the Java counterpart of Python's {@code with}:
 *
 * <pre>{@code
 * try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT)) {
 *     AtomicIntView counter = ctx.open();
 *     counter.inc();
 * } // the view is dead here: new operations on it throw
 * }</pre>
 *
 * <p>The memory must stay valid until the context is closed or released, and, for memory you free yourself,
 * until every operation other threads started before that has returned. The contract:
 * <ul>
 *   <li>{@link #open()} works once; opening again, or after {@link #release()} or {@link #close()}, throws
 *       {@link ViewContextException};</li>
 *   <li>{@link #release()} while open throws; otherwise it may be called any number of times;</li>
 *   <li>{@link #close()} may be called at any time, any number of times: it releases the context and kills
 *       the view, after which every use of the view throws and none touches the memory.</li>
 * </ul>
 * Memory sources that count their users (such as named shared memory) are told when the context
 * releases, so they can refuse to unmap memory a live view still uses.
 *
 * <p>What {@link #close()} guarantees to other threads: it does not wait for operations they already started.
 * An operation that started before (or races with) the close completes on the memory; one that starts after
 * the closing thread's close is visible to it (through any happens-before edge, such as a {@code join} or a
 * volatile flag) throws and touches nothing. So:
 * <ul>
 *   <li>memory of this library's sources ({@link dev.atomics.shm.SharedMemory}, {@link dev.atomics.shm.MappedFile})
 *       stays mapped until nothing can reach it: a racing operation lands in the shared object, never elsewhere;</li>
 *   <li>a JNA {@link com.sun.jna.Memory} or direct buffer is kept reachable by the view, so the garbage
 *       collector never frees it under an operation;</li>
 *   <li>memory you free explicitly (e.g. {@code Memory.close()}) may be freed only once every thread that used the
 *       view has finished its operations, for example after joining those threads.</li>
 * </ul>
 *
 * @param <V> the view type
 */
public class AtomicViewContext<V extends AtomicView> implements AutoCloseable {

    private enum State {
        READY,
        OPEN,
        RELEASED
    }

    private final V view;
    private final AbstractAtomic impl;
    private State state = State.READY;

    AtomicViewContext(V view) {
        this.view = view;
        this.impl = (AbstractAtomic) view;
    }

    /**
     * Opens the context and returns its view.
     *
     * @throws ViewContextException if the context was already opened, or released
     */
    public synchronized V open() {
        if (state == State.OPEN) {
            throw new ViewContextException("cannot open the context of " + impl.typeName() + " twice");
        }
        if (state == State.RELEASED) {
            throw new ViewContextException(
                    "cannot open the context of " + impl.typeName() + " after it was released or closed");
        }
        state = State.OPEN;
        return view;
    }

    /**
     * Releases the memory without having opened the context (or after closing it).
     *
     * @throws ViewContextException if the context is open: close it instead
     */
    public synchronized void release() {
        if (state == State.OPEN) {
            throw new ViewContextException(
                    "cannot release the context of " + impl.typeName() + " while it is open; close() it instead");
        }
        releaseNow();
    }

    /** Closes the context: the view dies and the memory is released. Idempotent; allowed in any state. */
    @Override
    public synchronized void close() {
        releaseNow();
    }

    private void releaseNow() {
        if (state != State.RELEASED) {
            state = State.RELEASED;
            impl.kill();
        }
    }

    /** Whether {@link #open()} has been called and the context not closed yet. */
    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether the context has been released or closed. */
    public synchronized boolean isReleased() {
        return state == State.RELEASED;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + impl.typeName() + ", width=" + impl.width + ", state="
                + state.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
