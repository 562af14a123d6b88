package dev.atomics.engine;

import dev.atomics.MemoryOrder;
import dev.atomics.Op;

/**
 * How objects call their {@link Ops}: the JVM engine's one instance ({@link JvmOps}, every width) is tested for
 * first, by identity, and called directly; anything else (patomic, refusing ops) through the interface. One
 * method per {@link dev.atomics.Op.Shape}, not per operation: the op travels as a constant argument.
 *
 * <p>Why: every object calls its ops from the same few call sites (in the atomic classes). A program that uses more
 * than two {@code Ops} classes (JVM objects, a patomic
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

    private Dispatch() {}

    /**
     * A refusing engine's delegate if it allows {@code op} (else it throws), any other engine itself. Unwrapping
     * here, before the identity test, keeps one call site of the JVM engine per method: a refusing wrapper's own
     * call to its delegate would inline the JVM engine a second time, and a method compiled that big is no
     * longer inlined into its callers (C2's {@code InlineSmallCode}), which costs a call and the constant order.
     */
    private static Ops admitted(Ops ops, Op op) {
        return ops instanceof RefusingOps refusing ? refusing.admit(op) : ops;
    }

    public static long load(Target t, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, Op.LOAD);
            }
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
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, Op.STORE);
            }
            if (ops == JvmOps.INSTANCE) {
                JvmOps.INSTANCE.store(t, value, order);
                return;
            }
            ops.store(t, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long cmpxchg(Target t, Op op, long expected, long desired, MemoryOrder succ, MemoryOrder fail) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.cmpxchg(t, op, expected, desired, succ, fail);
            }
            return ops.cmpxchg(t, op, expected, desired, succ, fail);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    /** Any read-modify-write; the API uses it for those the JVM engine has no access mode for (neg, max, ...). */
    public static long rmw(Target t, Op op, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.rmw(t, op, value, order);
            }
            return ops.rmw(t, op, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    // The read-modify-writes the JVM engine has an access mode for, one method each: the API maps its op to
    // one of these, so that a program's hot call site inlines only that mode (a single shared rmw method would
    // be compiled with every mode inlined, too big for the JIT to inline it again). Other engines get the op.

    /** An addition: {@code addend} for the JVM engine (+v, -v, 1 or -1), {@code op} and {@code operand} for others. */
    public static long getAndAdd(Target t, Op op, long operand, long addend, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.fetchAdd(t, addend, order);
            }
            return ops.rmw(t, op, operand, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long getAndOr(Target t, Op op, long operand, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.fetchOr(t, operand, order);
            }
            return ops.rmw(t, op, operand, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long getAndAnd(Target t, Op op, long operand, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.fetchAnd(t, operand, order);
            }
            return ops.rmw(t, op, operand, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    /** An exclusive or: {@code mask} for the JVM engine (the operand, or -1 for a not), {@code op} for others. */
    public static long getAndXor(Target t, Op op, long operand, long mask, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.fetchXor(t, mask, order);
            }
            return ops.rmw(t, op, operand, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static long exchange(Target t, long value, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, Op.EXCHANGE);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.exchange(t, value, order);
            }
            return ops.rmw(t, Op.EXCHANGE, value, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    public static boolean bit(Target t, Op op, int offset, MemoryOrder order) {
        Ops ops = t.ops;
        try {
            if (ops != JvmOps.INSTANCE) {
                ops = admitted(ops, op);
            }
            if (ops == JvmOps.INSTANCE) {
                return JvmOps.INSTANCE.bit(t, op, offset, order);
            }
            return ops.bit(t, op, offset, order);
        } catch (InternalError e) {
            throw Faults.translate(e, t.memory);
        }
    }

    // Width 16: native engines only, so no JVM fast path and no InternalError to translate.

    public static void load(Target t, Scratch s, MemoryOrder order) {
        t.ops.load(t, s, order);
    }

    public static void store(Target t, Scratch s, MemoryOrder order) {
        t.ops.store(t, s, order);
    }

    public static boolean cmpxchg(Target t, Op op, Scratch s, MemoryOrder succ, MemoryOrder fail) {
        return t.ops.cmpxchg(t, op, s, succ, fail);
    }

    public static void rmw(Target t, Op op, Scratch s, MemoryOrder order) {
        t.ops.rmw(t, op, s, order);
    }
}
