package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static dev.atomics.MemoryOrder.*;

/**
 * 8-byte operations as {@link VarHandle} access modes on the region's direct buffer. The JIT compiles each
 * to the same lock-free instruction patomic uses ({@code lock xadd}, {@code lock cmpxchg}, ...), so these
 * and native code may act on one location together.
 *
 * <p>Order mapping: {@code RELAXED} loads and stores are opaque; read-modify-writes take the
 * acquire/release/volatile mode at least as strong as the order asked for (Java has no relaxed RMW modes).
 * Negation has no access mode and is a compare-and-exchange loop.
 */
final class JvmLongOps implements Ops {

    static final JvmLongOps INSTANCE = new JvmLongOps();
    private static final VarHandle VH = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private JvmLongOps() {
    }

    @Override
    public Engine engine() {
        return Engine.JVM;
    }

    @Override
    public long load(MemoryRegion m, MemoryOrder o) {
        if (o == SEQ_CST) {
            return (long) VH.getVolatile(m.buffer(), 0);
        }
        return o == ACQUIRE ? (long) VH.getAcquire(m.buffer(), 0) : (long) VH.getOpaque(m.buffer(), 0);
    }

    @Override
    public void store(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST) {
            VH.setVolatile(m.buffer(), 0, v);
        } else if (o == RELEASE) {
            VH.setRelease(m.buffer(), 0, v);
        } else {
            VH.setOpaque(m.buffer(), 0, v);
        }
    }

    @Override
    public long exchange(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) VH.getAndSet(m.buffer(), 0, v);
        }
        return o == RELEASE ? (long) VH.getAndSetRelease(m.buffer(), 0, v) : (long) VH.getAndSetAcquire(m.buffer(), 0, v);
    }

    @Override
    public long cmpxchgStrong(MemoryRegion m, long e, long d, MemoryOrder s, MemoryOrder f) {
        if (JvmOrders.casVolatile(s, f)) {
            return (long) VH.compareAndExchange(m.buffer(), 0, e, d);
        }
        return s == RELEASE ? (long) VH.compareAndExchangeRelease(m.buffer(), 0, e, d)
                : (long) VH.compareAndExchangeAcquire(m.buffer(), 0, e, d);
    }

    @Override
    public long cmpxchgWeak(MemoryRegion m, long e, long d, MemoryOrder s, MemoryOrder f) {
        boolean done;
        if (JvmOrders.casVolatile(s, f)) {
            done = VH.weakCompareAndSet(m.buffer(), 0, e, d);
        } else {
            done = s == RELEASE ? VH.weakCompareAndSetRelease(m.buffer(), 0, e, d)
                    : VH.weakCompareAndSetAcquire(m.buffer(), 0, e, d);
        }
        // A weak CAS reports no witness; on failure a strong one supplies it (and may succeed instead).
        return done ? e : cmpxchgStrong(m, e, d, s, f);
    }

    @Override
    public boolean bitTest(MemoryRegion m, int offset, MemoryOrder o) {
        return (load(m, o) & (1L << offset)) != 0;
    }

    @Override
    public boolean bitCompl(MemoryRegion m, int offset, MemoryOrder o) {
        long mask = 1L << offset;
        return (fetchXor(m, mask, o) & mask) != 0;
    }

    @Override
    public boolean bitSet(MemoryRegion m, int offset, MemoryOrder o) {
        long mask = 1L << offset;
        return (fetchOr(m, mask, o) & mask) != 0;
    }

    @Override
    public boolean bitReset(MemoryRegion m, int offset, MemoryOrder o) {
        long mask = 1L << offset;
        return (fetchAnd(m, ~mask, o) & mask) != 0;
    }

    @Override
    public void or(MemoryRegion m, long v, MemoryOrder o) {
        fetchOr(m, v, o);
    }

    @Override
    public void xor(MemoryRegion m, long v, MemoryOrder o) {
        fetchXor(m, v, o);
    }

    @Override
    public void and(MemoryRegion m, long v, MemoryOrder o) {
        fetchAnd(m, v, o);
    }

    @Override
    public void not(MemoryRegion m, MemoryOrder o) {
        fetchXor(m, -1L, o);
    }

    @Override
    public long fetchOr(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) VH.getAndBitwiseOr(m.buffer(), 0, v);
        }
        return o == RELEASE ? (long) VH.getAndBitwiseOrRelease(m.buffer(), 0, v)
                : (long) VH.getAndBitwiseOrAcquire(m.buffer(), 0, v);
    }

    @Override
    public long fetchXor(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) VH.getAndBitwiseXor(m.buffer(), 0, v);
        }
        return o == RELEASE ? (long) VH.getAndBitwiseXorRelease(m.buffer(), 0, v)
                : (long) VH.getAndBitwiseXorAcquire(m.buffer(), 0, v);
    }

    @Override
    public long fetchAnd(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) VH.getAndBitwiseAnd(m.buffer(), 0, v);
        }
        return o == RELEASE ? (long) VH.getAndBitwiseAndRelease(m.buffer(), 0, v)
                : (long) VH.getAndBitwiseAndAcquire(m.buffer(), 0, v);
    }

    @Override
    public long fetchNot(MemoryRegion m, MemoryOrder o) {
        return fetchXor(m, -1L, o);
    }

    @Override
    public void add(MemoryRegion m, long v, MemoryOrder o) {
        fetchAdd(m, v, o);
    }

    @Override
    public void sub(MemoryRegion m, long v, MemoryOrder o) {
        fetchAdd(m, -v, o);
    }

    @Override
    public void inc(MemoryRegion m, MemoryOrder o) {
        fetchAdd(m, 1L, o);
    }

    @Override
    public void dec(MemoryRegion m, MemoryOrder o) {
        fetchAdd(m, -1L, o);
    }

    @Override
    public void neg(MemoryRegion m, MemoryOrder o) {
        fetchNeg(m, o);
    }

    @Override
    public long fetchAdd(MemoryRegion m, long v, MemoryOrder o) {
        if (o == SEQ_CST || o == ACQ_REL) {
            return (long) VH.getAndAdd(m.buffer(), 0, v);
        }
        return o == RELEASE ? (long) VH.getAndAddRelease(m.buffer(), 0, v) : (long) VH.getAndAddAcquire(m.buffer(), 0, v);
    }

    @Override
    public long fetchSub(MemoryRegion m, long v, MemoryOrder o) {
        return fetchAdd(m, -v, o);
    }

    @Override
    public long fetchInc(MemoryRegion m, MemoryOrder o) {
        return fetchAdd(m, 1L, o);
    }

    @Override
    public long fetchDec(MemoryRegion m, MemoryOrder o) {
        return fetchAdd(m, -1L, o);
    }

    @Override
    public long fetchNeg(MemoryRegion m, MemoryOrder o) {
        long seen = (long) VH.getVolatile(m.buffer(), 0);
        while (true) {
            long witness = cmpxchgStrong(m, seen, -seen, o, MemoryOrder.failOrderFor(o));
            if (witness == seen) {
                return seen;
            }
            seen = witness;
        }
    }
}
