package dev.atomics.engine;

import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;

/**
 * How objects call their {@link Ops}: the JVM engine's two classes are tested for first, by identity, and
 * called directly; anything else (patomic, restricted, released ops) through the interface.
 *
 * <p>Why: every object calls its ops from the same few call sites (in {@code AbstractIntegral}). A program
 * that uses more than two {@code Ops} classes (4- and 8-byte JVM objects, a patomic object, a readonly view)
 * makes those sites megamorphic, and the JIT then compiles a real interface call there: nothing is inlined,
 * the memory order is no longer a constant, and a JVM-engine {@code fetchAdd} costs about twice as much
 * (see {@code OursWidth8Mixed} in the benchmarks). The identity tests here are what the JIT's own
 * monomorphic guard would be, and each branch is a statically bound call the JIT always inlines, whatever
 * else the program uses.
 *
 * <p>Every method also translates the JVM's report of a faulting memory access (an {@link InternalError}, e.g.
 * after a peer shrank a shared object) into {@link dev.atomics.MemoryFaultException}; a handler costs nothing
 * until it runs.
 */
public final class Dispatch {

    private Dispatch() {
    }

    public static long load(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.load(m, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.load(m, order);
            }
            return ops.load(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void store(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.store(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.store(m, value, order);
                return;
            }
            ops.store(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long exchange(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.exchange(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.exchange(m, value, order);
            }
            return ops.exchange(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long cmpxchgWeak(Ops ops, MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.cmpxchgWeak(m, expected, desired, succ, fail);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.cmpxchgWeak(m, expected, desired, succ, fail);
            }
            return ops.cmpxchgWeak(m, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long cmpxchgStrong(Ops ops, MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.cmpxchgStrong(m, expected, desired, succ, fail);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.cmpxchgStrong(m, expected, desired, succ, fail);
            }
            return ops.cmpxchgStrong(m, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitTest(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.bitTest(m, offset, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.bitTest(m, offset, order);
            }
            return ops.bitTest(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitCompl(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.bitCompl(m, offset, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.bitCompl(m, offset, order);
            }
            return ops.bitCompl(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitSet(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.bitSet(m, offset, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.bitSet(m, offset, order);
            }
            return ops.bitSet(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitReset(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.bitReset(m, offset, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.bitReset(m, offset, order);
            }
            return ops.bitReset(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void or(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.or(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.or(m, value, order);
                return;
            }
            ops.or(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void xor(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.xor(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.xor(m, value, order);
                return;
            }
            ops.xor(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void and(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.and(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.and(m, value, order);
                return;
            }
            ops.and(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void not(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.not(m, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.not(m, order);
                return;
            }
            ops.not(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchOr(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchOr(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchOr(m, value, order);
            }
            return ops.fetchOr(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchXor(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchXor(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchXor(m, value, order);
            }
            return ops.fetchXor(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchAnd(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchAnd(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchAnd(m, value, order);
            }
            return ops.fetchAnd(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchNot(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchNot(m, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchNot(m, order);
            }
            return ops.fetchNot(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void add(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.add(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.add(m, value, order);
                return;
            }
            ops.add(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void sub(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.sub(m, value, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.sub(m, value, order);
                return;
            }
            ops.sub(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void inc(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.inc(m, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.inc(m, order);
                return;
            }
            ops.inc(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void dec(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.dec(m, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.dec(m, order);
                return;
            }
            ops.dec(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void neg(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                JvmLongOps.INSTANCE.neg(m, order);
                return;
            }
            if (ops == JvmIntOps.INSTANCE) {
                JvmIntOps.INSTANCE.neg(m, order);
                return;
            }
            ops.neg(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchAdd(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchAdd(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchAdd(m, value, order);
            }
            return ops.fetchAdd(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchSub(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchSub(m, value, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchSub(m, value, order);
            }
            return ops.fetchSub(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchInc(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchInc(m, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchInc(m, order);
            }
            return ops.fetchInc(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchDec(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchDec(m, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchDec(m, order);
            }
            return ops.fetchDec(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchNeg(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmLongOps.INSTANCE) {
                return JvmLongOps.INSTANCE.fetchNeg(m, order);
            }
            if (ops == JvmIntOps.INSTANCE) {
                return JvmIntOps.INSTANCE.fetchNeg(m, order);
            }
            return ops.fetchNeg(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }
}
