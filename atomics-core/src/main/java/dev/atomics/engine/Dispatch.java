package dev.atomics.engine;

import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;

/**
 * How objects call their {@link Ops}: the JVM engine's one instance ({@link JvmOps}, every width) is tested for
 * first, by identity, and called directly; anything else (patomic, restricted, released ops) through the
 * interface.
 *
 * <p>Why: every object calls its ops from the same few call sites (in {@code AbstractIntegral} and
 * {@code AbstractBytes}). A program that uses more than two {@code Ops} classes (JVM objects, a patomic
 * object, a readonly view) makes those sites megamorphic, and the JIT then compiles a real interface call
 * there: nothing is inlined, the memory order is no longer a constant, and a JVM-engine {@code fetchAdd} costs
 * about twice as much (see {@code OursWidth8Mixed} in the benchmarks). The identity test here is what the
 * JIT's own monomorphic guard would be, and the branch is a statically bound call the JIT always inlines,
 * whatever else the program uses. Since one class serves every width, each method has one test, and inside
 * {@code JvmOps} the width is a branch on a final field that a one-width program never leaves.
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
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.load(m, order);
            }
            return ops.load(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void store(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.store(m, value, order);
                return;
            }
            ops.store(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long exchange(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.exchange(m, value, order);
            }
            return ops.exchange(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long cmpxchgWeak(Ops ops, MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.cmpxchgWeak(m, expected, desired, succ, fail);
            }
            return ops.cmpxchgWeak(m, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long cmpxchgStrong(Ops ops, MemoryRegion m, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.cmpxchgStrong(m, expected, desired, succ, fail);
            }
            return ops.cmpxchgStrong(m, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitTest(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitTest(m, offset, order);
            }
            return ops.bitTest(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitCompl(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitCompl(m, offset, order);
            }
            return ops.bitCompl(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitSet(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitSet(m, offset, order);
            }
            return ops.bitSet(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static boolean bitReset(Ops ops, MemoryRegion m, int offset, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitReset(m, offset, order);
            }
            return ops.bitReset(m, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void or(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.or(m, value, order);
                return;
            }
            ops.or(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void xor(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.xor(m, value, order);
                return;
            }
            ops.xor(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void and(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.and(m, value, order);
                return;
            }
            ops.and(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void not(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.not(m, order);
                return;
            }
            ops.not(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchOr(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchOr(m, value, order);
            }
            return ops.fetchOr(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchXor(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchXor(m, value, order);
            }
            return ops.fetchXor(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchAnd(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchAnd(m, value, order);
            }
            return ops.fetchAnd(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchNot(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchNot(m, order);
            }
            return ops.fetchNot(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void add(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.add(m, value, order);
                return;
            }
            ops.add(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void sub(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.sub(m, value, order);
                return;
            }
            ops.sub(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void inc(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.inc(m, order);
                return;
            }
            ops.inc(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void dec(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.dec(m, order);
                return;
            }
            ops.dec(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static void neg(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.neg(m, order);
                return;
            }
            ops.neg(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchAdd(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchAdd(m, value, order);
            }
            return ops.fetchAdd(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchSub(Ops ops, MemoryRegion m, long value, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchSub(m, value, order);
            }
            return ops.fetchSub(m, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchInc(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchInc(m, order);
            }
            return ops.fetchInc(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchDec(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchDec(m, order);
            }
            return ops.fetchDec(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }

    public static long fetchNeg(Ops ops, MemoryRegion m, MemoryOrder order) {
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchNeg(m, order);
            }
            return ops.fetchNeg(m, order);
        } catch (InternalError e) {
            throw Faults.translate(e, m);
        }
    }
}
