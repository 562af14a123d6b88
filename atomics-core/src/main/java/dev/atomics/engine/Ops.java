package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;

/**
 * The operations of one engine for one width, stateless and shared by every object of that width.
 *
 * <p>Values are bit patterns in the low {@code width} bytes of a {@code long}. On return they are
 * sign-extended from the width (what a VarHandle of that width gives for free), so a signed object uses them
 * as they are and an unsigned one masks them once; on input the bits above the width are ignored. Arguments
 * have been validated by the caller: memory orders fit, bit offsets are in range. The {@link Target} is the
 * atomic object itself.
 */
public interface Ops {

    /** The engine that performs these operations: {@link Engine#PATOMIC} or {@link Engine#JVM}. */
    Engine engine();

    long load(Target t, MemoryOrder order);

    void store(Target t, long value, MemoryOrder order);

    long exchange(Target t, long value, MemoryOrder order);

    /** Returns the witnessed value; the exchange happened iff it equals {@code expected} in the low width bytes. */
    long cmpxchgWeak(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail);

    /** Returns the witnessed value; the exchange happened iff it equals {@code expected} in the low width bytes. */
    long cmpxchgStrong(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail);

    boolean bitTest(Target t, int offset, MemoryOrder order);

    boolean bitCompl(Target t, int offset, MemoryOrder order);

    boolean bitSet(Target t, int offset, MemoryOrder order);

    boolean bitReset(Target t, int offset, MemoryOrder order);

    void or(Target t, long value, MemoryOrder order);

    void xor(Target t, long value, MemoryOrder order);

    void and(Target t, long value, MemoryOrder order);

    void not(Target t, MemoryOrder order);

    long fetchOr(Target t, long value, MemoryOrder order);

    long fetchXor(Target t, long value, MemoryOrder order);

    long fetchAnd(Target t, long value, MemoryOrder order);

    long fetchNot(Target t, MemoryOrder order);

    void add(Target t, long value, MemoryOrder order);

    void sub(Target t, long value, MemoryOrder order);

    void inc(Target t, MemoryOrder order);

    void dec(Target t, MemoryOrder order);

    void neg(Target t, MemoryOrder order);

    long fetchAdd(Target t, long value, MemoryOrder order);

    long fetchSub(Target t, long value, MemoryOrder order);

    long fetchInc(Target t, MemoryOrder order);

    long fetchDec(Target t, MemoryOrder order);

    long fetchNeg(Target t, MemoryOrder order);
}
