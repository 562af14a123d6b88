package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.UnsupportedWidthException;

/**
 * One engine: how it runs each {@link Op.Shape} on an object ({@link Target}). An engine implements shapes, not
 * operations; each method receives the {@link Op} from the table, runs it by the engine's own instruction or
 * native function where it has one, and otherwise by {@link #update}, the one compare-and-exchange loop over
 * {@link Op#apply}.
 *
 * <p>Widths 1 to 8 pass values as {@code long}s: operands need only their low {@code 8 * width} bits, and
 * results come back sign-extended from the width (callers mask them for unsigned types). Width 16 passes values
 * through the calling thread's {@link Scratch}.
 *
 * <p>Every argument has been checked (order, operand range, bit offset) by the caller; an engine checks
 * nothing. Callers with a constant {@code Op} and order (every API method) let the JIT fold the dispatch on them.
 */
public interface Ops {

    /** Which engine this is. */
    Engine engine();

    /** {@link Op#LOAD}. */
    long load(Target t, MemoryOrder order);

    /** {@link Op#STORE}. */
    void store(Target t, long value, MemoryOrder order);

    /**
     * {@link Op#CMPXCHG_WEAK} or {@link Op#CMPXCHG_STRONG}; returns the value seen (equal to {@code expected} on
     * success).
     */
    long cmpxchg(Target t, Op op, long expected, long desired, MemoryOrder success, MemoryOrder failure);

    /**
     * A read-modify-write ({@link Op#isReadModifyWrite()}): returns the value held before (for the shapes that
     * return nothing, anything).
     */
    long rmw(Target t, Op op, long value, MemoryOrder order);

    /** A {@link Op.Shape#BIT} operation on bit {@code offset}; returns the bit's previous state. Every width. */
    boolean bit(Target t, Op op, int offset, MemoryOrder order);

    /** {@link Op#LOAD} of a 16-byte object into {@link Scratch#R}. */
    default void load(Target t, Scratch s, MemoryOrder order) {
        throw noWidth16();
    }

    /** {@link Op#STORE} of {@link Scratch#A} into a 16-byte object. */
    default void store(Target t, Scratch s, MemoryOrder order) {
        throw noWidth16();
    }

    /**
     * A compare-and-exchange of a 16-byte object, expecting {@link Scratch#A} and writing {@link Scratch#B};
     * on failure the value seen is in {@link Scratch#A}.
     */
    default boolean cmpxchg(Target t, Op op, Scratch s, MemoryOrder success, MemoryOrder failure) {
        throw noWidth16();
    }

    /**
     * A read-modify-write of a 16-byte object with operand {@link Scratch#A}; the value before goes to {@link
     * Scratch#R}.
     */
    default void rmw(Target t, Op op, Scratch s, MemoryOrder order) {
        throw noWidth16();
    }

    // Width 16 with the values in registers: what an engine whose calls take them that way runs without a buffer.
    // The defaults go through the calling thread's Scratch and the methods above, so a wrapper that overrides
    // only those (checks, guards) still sees every operation.

    /**
     * A compare-and-exchange of a 16-byte object, expecting {@code (expHigh, expLow)} and writing
     * {@code (desHigh, desLow)}. On failure, if {@code witness} is not {@code null}, the value seen goes to its
     * {@link Scratch#A}; a success writes nothing there, and a {@code null} witness asks for none (a
     * compare-and-set).
     */
    default boolean cmpxchg16(
            Target t,
            Op op,
            long expHigh,
            long expLow,
            long desHigh,
            long desLow,
            Scratch witness,
            MemoryOrder success,
            MemoryOrder failure) {
        Scratch s = witness != null ? witness : Scratch.get();
        s.put(Scratch.A, expHigh, expLow);
        s.put(Scratch.B, desHigh, desLow);
        return cmpxchg(t, op, s, success, failure);
    }

    /** {@link Op#STORE} of {@code (high, low)} into a 16-byte object. */
    default void store16(Target t, long high, long low, MemoryOrder order) {
        Scratch s = Scratch.get();
        s.put(Scratch.A, high, low);
        store(t, s, order);
    }

    /** A read-modify-write of {@link Op.Shape#VOID} (no result) on a 16-byte object, operand {@code (high, low)}. */
    default void void16(Target t, Op op, long high, long low, MemoryOrder order) {
        Scratch s = Scratch.get();
        s.put(Scratch.A, high, low);
        rmw(t, op, s, order);
    }

    private UnsupportedWidthException noWidth16() {
        return new UnsupportedWidthException(
                "the " + engine().name().toLowerCase(java.util.Locale.ROOT) + " engine serves no 16-byte objects");
    }

    /**
     * The fallback of every read-modify-write an engine has no instruction for: a compare-and-exchange loop over
     * {@link Op#apply}. The first load is only a guess (the compare-and-exchange checks it), and a failed one is
     * retried, so only the success side needs {@code order}.
     */
    static long update(Ops ops, Target t, Op op, long v, MemoryOrder order) {
        long seen = ops.load(t, MemoryOrder.RELAXED);
        while (true) {
            long desired = op.apply(seen, v, t.size, t.signed);
            long witness = ops.cmpxchg(t, Op.CMPXCHG_STRONG, seen, desired, order, MemoryOrder.RELAXED);
            if (witness == seen) {
                return seen;
            }
            seen = witness;
        }
    }
}
