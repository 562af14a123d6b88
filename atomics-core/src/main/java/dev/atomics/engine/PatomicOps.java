package dev.atomics.engine;

import static dev.atomics.engine.OpDescriptors.op;
import static dev.atomics.nativelib.Bridge.*;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.nativelib.Bridge;
import dev.atomics.nativelib.ExplicitOpsTable;

/**
 * The patomic engine at one width (1 to 8, or 16): each operation is one direct call into the bridge, which calls
 * the function in the table's slot for the operation ({@link Op#slot()}). An operation without a function there
 * (no slot in patomic's table, or none in this library) is {@link Ops#update}, over the table's
 * compare-and-exchange.
 *
 * <p>What a call needs besides the object and the values (function pointer, width, orders) is written once into
 * native descriptors ({@link OpDescriptors}); a call passes one's address, so the hot path allocates nothing and
 * JNA converts as few arguments as possible (it charges about 10 ns each). Width 16 passes its values by address,
 * in the calling thread's {@link Scratch}.
 *
 * <p>Where a 16-byte table has no load (the CPU has no single atomic 16-byte read: x86-64 without AVX, aarch64
 * without FEAT_LSE2), the load and the bit test are a strong compare-and-exchange of 0 with 0: it leaves the value
 * as it was but writes it, so {@link Engines} never binds them to read-only memory (the write would fault).
 */
final class PatomicOps implements Ops {

    /**
     * Whether 16-byte compare-and-exchange, store and the void read-modify-writes pass their values in registers
     * (the bridge's {@code *16} entry points: FFM) rather than through the thread's {@link Scratch} (JNA, which
     * charges per argument). Constant, so each method compiles to one form.
     */
    private static final boolean REGISTERS = Bridge.valuesInRegisters();

    /** 16 zero bytes, never written: the desired value of a 16-byte load by compare-and-exchange. */
    private static final Memory ZERO = zero();

    /** 64 - 8 * width: the bridge zero-extends results, and shifting left then right by this sign-extends them. */
    private final int ext;
    /** The descriptors; held for the life of the ops (and so of the JVM: ops are cached per width). */
    private final OpDescriptors descriptors;
    /** Whether the table has an atomic read (load and bit test); only width 16 may lack one. */
    private final boolean reads;

    private final long load, store, cmpxchgStrong;

    PatomicOps(ExplicitOpsTable t) {
        ext = t.width() >= 8 ? 0 : 64 - 8 * t.width();
        descriptors = new OpDescriptors(t);
        reads = t.function(Op.LOAD) != 0 && t.function(Op.BIT_TEST) != 0;
        load = descriptors.first(Op.LOAD);
        store = descriptors.first(Op.STORE);
        cmpxchgStrong = descriptors.first(Op.CMPXCHG_STRONG);
    }

    private static Memory zero() {
        Memory m = new Memory(16);
        m.clear();
        return m;
    }

    @Override
    public Engine engine() {
        return Engine.PATOMIC;
    }

    /** Whether loads and bit tests are atomic reads (rather than a compare-and-exchange, which writes). */
    boolean reads() {
        return reads;
    }

    /** Whether the table has a function for {@code op}. */
    boolean has(Op op) {
        return descriptors.first(op) != 0;
    }

    // Each method reads the address, makes the call, then fences the object so that its region's owner (and so
    // the memory) cannot be collected while native code still uses the address. Results are sign-extended (Ops).

    private long signed(long r) {
        return (r << ext) >> ext;
    }

    @Override
    public long load(Target t, MemoryOrder o) {
        long r = atomics_bridge_load(op(load, o), t.address);
        t.keepAlive();
        return signed(r);
    }

    @Override
    public void store(Target t, long v, MemoryOrder o) {
        atomics_bridge_store(op(store, o), t.address, v);
        t.keepAlive();
    }

    @Override
    public long cmpxchg(Target t, Op op, long e, long d, MemoryOrder s, MemoryOrder f) {
        long r = atomics_bridge_cmpxchg(op(descriptors.first(op), s, f), t.address, e, d);
        t.keepAlive();
        return signed(r);
    }

    @Override
    public long rmw(Target t, Op op, long v, MemoryOrder o) {
        long first = descriptors.first(op);
        if (first == 0) {
            return Ops.update(this, t, op, v, o);
        }
        long d = op(first, o);
        long r;
        switch (op.shape()) {
            case FETCH:
                r = op == Op.EXCHANGE
                        ? atomics_bridge_exchange(d, t.address, v)
                        : atomics_bridge_fetch(d, t.address, v);
                break;
            case FETCH_NOARG:
                r = atomics_bridge_fetch_noarg(d, t.address);
                break;
            case VOID:
                atomics_bridge_void(d, t.address, v);
                r = 0;
                break;
            default:
                atomics_bridge_void_noarg(d, t.address);
                r = 0;
                break;
        }
        t.keepAlive();
        return signed(r);
    }

    @Override
    public boolean bit(Target t, Op op, int offset, MemoryOrder o) {
        if (op == Op.BIT_TEST && !reads) {
            Scratch s = Scratch.get();
            readByCmpxchg(t, s, o);
            long half = offset < 64 ? s.low(Scratch.R) : s.high(Scratch.R);
            return (half >>> (offset & 63) & 1) != 0;
        }
        int r = atomics_bridge_bit(op(descriptors.first(op), o), t.address, offset);
        t.keepAlive();
        return r != 0;
    }

    // ---- width 16 ------------------------------------------------------------------------------------------

    @Override
    public void load(Target t, Scratch s, MemoryOrder o) {
        if (reads) {
            atomics_bridge_load_ref(op(load, o), t.address, s.address(Scratch.R));
        } else {
            readByCmpxchg(t, s, o);
        }
        t.keepAlive();
        s.keepAlive();
    }

    /** A load as a strong compare-and-exchange of 0 with 0, which writes (never bound to read-only memory). */
    private void readByCmpxchg(Target t, Scratch s, MemoryOrder o) {
        s.put(Scratch.R, 0, 0);
        atomics_bridge_cmpxchg_ref(op(cmpxchgStrong, o, o), t.address, s.address(Scratch.R), Pointer.nativeValue(ZERO));
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public void store(Target t, Scratch s, MemoryOrder o) {
        atomics_bridge_store_ref(op(store, o), t.address, s.address(Scratch.A));
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public boolean cmpxchg(Target t, Op op, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        int r = atomics_bridge_cmpxchg_ref(
                op(descriptors.first(op), succ, fail), t.address, s.address(Scratch.A), s.address(Scratch.B));
        t.keepAlive();
        s.keepAlive();
        return r != 0;
    }

    @Override
    public void rmw(Target t, Op op, Scratch s, MemoryOrder o) {
        long first = descriptors.first(op);
        if (first == 0) {
            update(t, op, s, o);
            return;
        }
        long d = op(first, o);
        switch (op.shape()) {
            case FETCH:
                if (op == Op.EXCHANGE) {
                    atomics_bridge_exchange_ref(d, t.address, s.address(Scratch.A), s.address(Scratch.R));
                } else {
                    atomics_bridge_fetch_ref(d, t.address, s.address(Scratch.A), s.address(Scratch.R));
                }
                break;
            case FETCH_NOARG:
                atomics_bridge_fetch_noarg_ref(d, t.address, s.address(Scratch.R));
                break;
            case VOID:
                atomics_bridge_void_ref(d, t.address, s.address(Scratch.A));
                break;
            default:
                atomics_bridge_void_noarg(d, t.address);
                break;
        }
        t.keepAlive();
        s.keepAlive();
    }

    @Override
    public boolean cmpxchg16(
            Target t,
            Op op,
            long expHigh,
            long expLow,
            long desHigh,
            long desLow,
            Scratch witness,
            MemoryOrder succ,
            MemoryOrder fail) {
        if (!REGISTERS) {
            return Ops.super.cmpxchg16(t, op, expHigh, expLow, desHigh, desLow, witness, succ, fail);
        }
        long d = op(descriptors.first(op), succ, fail);
        int r;
        if (witness == null) {
            r = atomics_bridge_cas16(d, t.address, expLow, expHigh, desLow, desHigh);
        } else {
            r = atomics_bridge_cmpxchg16(d, t.address, expLow, expHigh, desLow, desHigh, witness.address(Scratch.A));
            witness.keepAlive();
        }
        t.keepAlive();
        return r != 0;
    }

    @Override
    public void store16(Target t, long high, long low, MemoryOrder o) {
        if (!REGISTERS) {
            Ops.super.store16(t, high, low, o);
            return;
        }
        atomics_bridge_store16(op(store, o), t.address, low, high);
        t.keepAlive();
    }

    @Override
    public void void16(Target t, Op op, long high, long low, MemoryOrder o) {
        long first = descriptors.first(op);
        if (!REGISTERS || first == 0) {
            Ops.super.void16(t, op, high, low, o);
            return;
        }
        atomics_bridge_void16(op(first, o), t.address, low, high);
        t.keepAlive();
    }

    /** {@link Ops#update} at width 16, with the values on the Java side and A and B carrying each CAS. */
    private void update(Target t, Op op, Scratch s, MemoryOrder o) {
        Int128 operand = new Int128(s.high(Scratch.A), s.low(Scratch.A));
        load(t, s, MemoryOrder.RELAXED);
        Int128 seen = new Int128(s.high(Scratch.R), s.low(Scratch.R));
        while (true) {
            Int128 desired = op.apply(seen, operand, t.signed);
            s.put(Scratch.A, seen.high(), seen.low());
            s.put(Scratch.B, desired.high(), desired.low());
            if (cmpxchg(t, Op.CMPXCHG_STRONG, s, o, MemoryOrder.RELAXED)) {
                s.put(Scratch.R, seen.high(), seen.low());
                return;
            }
            seen = new Int128(s.high(Scratch.A), s.low(Scratch.A));
        }
    }
}
