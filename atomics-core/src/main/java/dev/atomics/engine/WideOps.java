package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;

/**
 * The operations of 16-byte objects, whose values cross to native code by address: the caller writes operands to
 * the calling thread's {@link Scratch} and reads results from it, so that an operation allocates nothing.
 *
 * <p>Slots: an operand in {@link Scratch#A}; a compare-and-exchange's expected value in {@code A} (the witness
 * is written there on failure) and its desired value in {@link Scratch#B}; a result in {@link Scratch#R}. Arguments
 * have been validated by the caller, as for {@link Ops}. The operations without a value (bit operations but the
 * test, {@code not}, {@code inc}, {@code dec}, {@code neg}) have the signatures of {@link Ops}.
 */
public interface WideOps {

    /** The engine that performs these operations: {@link Engine#PATOMIC}. */
    Engine engine();

    /** Reads the value into {@code R}. */
    void load(Target t, Scratch s, MemoryOrder order);

    /** Writes {@code A}. */
    void store(Target t, Scratch s, MemoryOrder order);

    /** Writes {@code A}, the previous value into {@code R}. */
    void exchange(Target t, Scratch s, MemoryOrder order);

    /** Whether the value equalled {@code A} and now is {@code B}; if not, {@code A} holds the value seen. */
    boolean cmpxchgWeak(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail);

    /** Like {@link #cmpxchgWeak}, never failing spuriously. */
    boolean cmpxchgStrong(Target t, Scratch s, MemoryOrder succ, MemoryOrder fail);

    /** {@code s} is there for an engine that reads the bit through a read into {@code R}. */
    boolean bitTest(Target t, Scratch s, int offset, MemoryOrder order);

    boolean bitCompl(Target t, int offset, MemoryOrder order);

    boolean bitSet(Target t, int offset, MemoryOrder order);

    boolean bitReset(Target t, int offset, MemoryOrder order);

    /** ORs {@code A} in. */
    void or(Target t, Scratch s, MemoryOrder order);

    void xor(Target t, Scratch s, MemoryOrder order);

    void and(Target t, Scratch s, MemoryOrder order);

    void not(Target t, MemoryOrder order);

    /** ORs {@code A} in, the previous value into {@code R}. */
    void fetchOr(Target t, Scratch s, MemoryOrder order);

    void fetchXor(Target t, Scratch s, MemoryOrder order);

    void fetchAnd(Target t, Scratch s, MemoryOrder order);

    /** Complements the value, the previous value into {@code R}. */
    void fetchNot(Target t, Scratch s, MemoryOrder order);

    /** Adds {@code A}. */
    void add(Target t, Scratch s, MemoryOrder order);

    void sub(Target t, Scratch s, MemoryOrder order);

    void inc(Target t, MemoryOrder order);

    void dec(Target t, MemoryOrder order);

    void neg(Target t, MemoryOrder order);

    /** Adds {@code A}, the previous value into {@code R}. */
    void fetchAdd(Target t, Scratch s, MemoryOrder order);

    void fetchSub(Target t, Scratch s, MemoryOrder order);

    /** The previous value into {@code R}. */
    void fetchInc(Target t, Scratch s, MemoryOrder order);

    void fetchDec(Target t, Scratch s, MemoryOrder order);

    void fetchNeg(Target t, Scratch s, MemoryOrder order);
}
