package dev.atomics.shm;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.AtomicView;
import dev.atomics.AtomicViewContext;
import dev.atomics.Engine;
import java.util.Objects;

/**
 * Factories for atomics that live in named shared memory, and for attaching to them from another process by
 * {@link SharedAtomicHandle}:
 *
 * <pre>{@code
 * // process 1
 * try (SharedAtomic<AtomicInt> counter = SharedAtomics.create("myapp-counter", 8, AtomicType.INT)) {
 *     String handle = counter.handle().toString();          // "shm:/myapp-counter@0:8:int"
 *     // ... start process 2 with the handle ...
 *     counter.get().inc();
 * }
 * // process 2
 * try (SharedAtomic<AtomicInt> counter = SharedAtomicHandle.parse(handle).attach(AtomicType.INT)) {
 *     counter.get().inc();
 * }
 * }</pre>
 *
 * Types are {@link AtomicType#INT}, {@link AtomicType#UINT} and {@link AtomicType#BYTES}; widths are those the
 * engines support (1, 2, 4 and 8 everywhere; 16 with the patomic engine where the CPU has a 16-byte compare-and-swap).
 * Offsets must be multiples of the width: use {@link #alignUp}.
 * See {@link SharedAtomic} for lifetimes.
 */
public final class SharedAtomics {

    private SharedAtomics() {}

    /**
     * A new object of {@code width} bytes (exclusive create, zero-filled, mode 0600) holding one atomic at offset
     * 0, in a mapping the returned shared atomic owns.
     *
     * @throws SharedMemoryExistsException if an object of that name exists
     */
    public static <A extends Atomic> SharedAtomic<A> create(String name, int width, AtomicType<A, ?, ?> type) {
        SharedAtomicHandle handle = SharedAtomicHandle.of(name, 0, width, type);
        SharedMemory memory = SharedMemory.create(name, width);
        try {
            return owning(memory, handle, type, Engine.AUTO);
        } catch (RuntimeException e) {
            memory.unlink(); // created here, for an atomic that cannot exist: leave nothing behind
            throw e;
        }
    }

    /**
     * The atomic at {@code offset} of the named object, which is created (zero-filled, mode 0600) if missing and
     * grown if smaller than {@code offset + width}, in a mapping the returned shared atomic owns. Several
     * processes calling this with the same arguments share one atomic.
     */
    public static <A extends Atomic> SharedAtomic<A> openOrCreate(
            String name, long offset, int width, AtomicType<A, ?, ?> type) {
        SharedAtomicHandle handle = SharedAtomicHandle.of(name, offset, width, type);
        SharedMemory memory = SharedMemory.openOrCreate(name, offset + width);
        return owning(memory, handle, type, Engine.AUTO);
    }

    /**
     * The atomic at {@code offset} in a mapping the caller has; it counts as a user of that mapping until
     * closed, and closing it leaves the mapping open.
     */
    public static <A extends Atomic> SharedAtomic<A> in(
            SharedMemory memory, long offset, int width, AtomicType<A, ?, ?> type) {
        return in(memory, offset, width, type, Engine.AUTO);
    }

    /** Like {@link #in(SharedMemory, long, int, AtomicType)}, served by the given engine. */
    public static <A extends Atomic> SharedAtomic<A> in(
            SharedMemory memory, long offset, int width, AtomicType<A, ?, ?> type, Engine engine) {
        Objects.requireNonNull(memory, "memory");
        SharedAtomicHandle handle = SharedAtomicHandle.of(memory.posixName(), offset, width, type);
        return make(memory, false, handle, type, engine);
    }

    /** Attaches to the atomic a handle describes, as the handle's type, mapping the object anew (owned). */
    public static SharedAtomic<? extends Atomic> attach(SharedAtomicHandle handle) {
        Objects.requireNonNull(handle, "handle");
        return attach(handle, handle.atomicType(), Engine.AUTO);
    }

    /** Parses a handle string ({@code shm:/name@offset:width:type}) and attaches to it. */
    public static SharedAtomic<? extends Atomic> attach(String handle) {
        return attach(SharedAtomicHandle.parse(handle));
    }

    /**
     * Attaches to the atomic a handle describes, mapping the object anew in a mapping the returned shared atomic
     * owns.
     *
     * @throws IllegalArgumentException      if {@code expected} is not the handle's type
     * @throws SharedMemoryNotFoundException if the object does not exist
     * @throws SharedMemoryBoundsException   if the object is too small for the handle
     */
    public static <A extends Atomic> SharedAtomic<A> attach(SharedAtomicHandle handle, AtomicType<A, ?, ?> expected) {
        return attach(handle, expected, Engine.AUTO);
    }

    /** Like {@link #attach(SharedAtomicHandle, AtomicType)}, served by the given engine. */
    public static <A extends Atomic> SharedAtomic<A> attach(
            SharedAtomicHandle handle, AtomicType<A, ?, ?> expected, Engine engine) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(engine, "engine"); // before anything is mapped
        if (!expected.forWidth(1).name().equals(handle.type())) {
            throw new IllegalArgumentException(
                    "shared atomic " + handle + " is of type " + handle.type() + ", not " + expected.name());
        }
        SharedMemory memory = SharedMemory.open(handle.name());
        return owning(memory, handle, expected, engine);
    }

    /** The smallest multiple of {@code width} (a power of two) that is at least {@code offset}. */
    public static long alignUp(long offset, int width) {
        if (width <= 0 || Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("width must be a power of two: " + width);
        }
        return (offset + width - 1) & -(long) width;
    }

    private static <A extends Atomic> SharedAtomic<A> owning(
            SharedMemory memory, SharedAtomicHandle handle, AtomicType<A, ?, ?> type, Engine engine) {
        try {
            return make(memory, true, handle, type, engine);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <A extends Atomic, V extends AtomicView, C extends AtomicViewContext<V>> SharedAtomic<A> make(
            SharedMemory memory, boolean owns, SharedAtomicHandle handle, AtomicType<A, V, C> type, Engine engine) {
        C context = memory.atomicView(handle.offset(), handle.width(), type, engine, "SharedAtomic " + handle);
        V view = context.open();
        // Every view type extends the owning type of its kind (AtomicIntView extends AtomicInt, ...).
        return new SharedAtomic<>(memory, owns, context, (A) view, handle);
    }
}
