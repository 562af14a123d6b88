package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;

/**
 * The operations of one engine for one width, stateless and shared by every object of that width.
 *
 * <p>Values are bit patterns in the low {@code width} bytes of a {@code long}. On return they are
 * sign-extended from the width (what a VarHandle of that width gives for free), so a signed object uses them
 * as they are and an unsigned one masks them once; on input the bits above the width are ignored. Arguments
 * have been validated by the caller: memory orders fit, bit offsets are in range, the region is large enough.
 */
public interface Ops {

    /** The engine that performs these operations: {@link Engine#PATOMIC} or {@link Engine#JVM}. */
    Engine engine();

    long load(MemoryRegion m, MemoryOrder order);

    void store(MemoryRegion m, long value, MemoryOrder order);

    long exchange(MemoryRegion m, long value, MemoryOrder order);

    /** Returns the witnessed value; the exchange happened iff it equals {@code expected} in the low width bytes. */
    long cmpxchgWeak(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail);

    /** Returns the witnessed value; the exchange happened iff it equals {@code expected} in the low width bytes. */
    long cmpxchgStrong(MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail);

    boolean bitTest(MemoryRegion m, int offset, MemoryOrder order);

    boolean bitCompl(MemoryRegion m, int offset, MemoryOrder order);

    boolean bitSet(MemoryRegion m, int offset, MemoryOrder order);

    boolean bitReset(MemoryRegion m, int offset, MemoryOrder order);

    void or(MemoryRegion m, long value, MemoryOrder order);

    void xor(MemoryRegion m, long value, MemoryOrder order);

    void and(MemoryRegion m, long value, MemoryOrder order);

    void not(MemoryRegion m, MemoryOrder order);

    long fetchOr(MemoryRegion m, long value, MemoryOrder order);

    long fetchXor(MemoryRegion m, long value, MemoryOrder order);

    long fetchAnd(MemoryRegion m, long value, MemoryOrder order);

    long fetchNot(MemoryRegion m, MemoryOrder order);

    void add(MemoryRegion m, long value, MemoryOrder order);

    void sub(MemoryRegion m, long value, MemoryOrder order);

    void inc(MemoryRegion m, MemoryOrder order);

    void dec(MemoryRegion m, MemoryOrder order);

    void neg(MemoryRegion m, MemoryOrder order);

    long fetchAdd(MemoryRegion m, long value, MemoryOrder order);

    long fetchSub(MemoryRegion m, long value, MemoryOrder order);

    long fetchInc(MemoryRegion m, MemoryOrder order);

    long fetchDec(MemoryRegion m, MemoryOrder order);

    long fetchNeg(MemoryRegion m, MemoryOrder order);
}
