package dev.atomics.engine;

import dev.atomics.MemoryOrder;

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
 * <p>Each method takes the object itself ({@link Target}) and reads its {@code ops} field once. Every method
 * also translates the JVM's report of a faulting memory access (an {@link InternalError}, e.g.
 * after a peer shrank a shared object) into {@link dev.atomics.MemoryFaultException}; a handler costs nothing
 * until it runs.
 */
public final class Dispatch {

    private Dispatch() {
    }

    public static long load(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.load(t, order);
            }
            return ops.load(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void store(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.store(t, value, order);
                return;
            }
            ops.store(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long exchange(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.exchange(t, value, order);
            }
            return ops.exchange(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long cmpxchgWeak(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.cmpxchgWeak(t, expected, desired, succ, fail);
            }
            return ops.cmpxchgWeak(t, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long cmpxchgStrong(Target t, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.cmpxchgStrong(t, expected, desired, succ, fail);
            }
            return ops.cmpxchgStrong(t, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static boolean bitTest(Target t, int offset, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitTest(t, offset, order);
            }
            return ops.bitTest(t, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static boolean bitCompl(Target t, int offset, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitCompl(t, offset, order);
            }
            return ops.bitCompl(t, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static boolean bitSet(Target t, int offset, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitSet(t, offset, order);
            }
            return ops.bitSet(t, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static boolean bitReset(Target t, int offset, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bitReset(t, offset, order);
            }
            return ops.bitReset(t, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void or(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.or(t, value, order);
                return;
            }
            ops.or(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void xor(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.xor(t, value, order);
                return;
            }
            ops.xor(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void and(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.and(t, value, order);
                return;
            }
            ops.and(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void not(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.not(t, order);
                return;
            }
            ops.not(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchOr(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchOr(t, value, order);
            }
            return ops.fetchOr(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchXor(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchXor(t, value, order);
            }
            return ops.fetchXor(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchAnd(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchAnd(t, value, order);
            }
            return ops.fetchAnd(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchNot(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchNot(t, order);
            }
            return ops.fetchNot(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void add(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.add(t, value, order);
                return;
            }
            ops.add(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void sub(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.sub(t, value, order);
                return;
            }
            ops.sub(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void inc(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.inc(t, order);
                return;
            }
            ops.inc(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void dec(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.dec(t, order);
                return;
            }
            ops.dec(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static void neg(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.neg(t, order);
                return;
            }
            ops.neg(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchAdd(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchAdd(t, value, order);
            }
            return ops.fetchAdd(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchSub(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchSub(t, value, order);
            }
            return ops.fetchSub(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchInc(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchInc(t, order);
            }
            return ops.fetchInc(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchDec(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchDec(t, order);
            }
            return ops.fetchDec(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long fetchNeg(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.fetchNeg(t, order);
            }
            return ops.fetchNeg(t, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }
}
