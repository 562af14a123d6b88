package dev.atomics.nativelib;

import dev.atomics.NativeLibraryException;

/**
 * The call bridge ({@code libatomics_bridge}), the engines' only way into native code: each method takes the
 * address of an operation descriptor and calls the patomic function pointer it holds, so that one Java operation
 * costs exactly one native call with primitive arguments and no allocation.
 *
 * <p>{@code op} is the address of an operation descriptor ({@value #OP_SIZE} bytes: {@code {int64 fn; int32
 * width, order, fail, reserved}}) that the patomic engine prepares once per width, and {@code obj} the object's
 * address. Values travel as {@code long}: truncated to the width on the way in, zero-extended on the way out
 * (widths 1, 2, 4 and 8); the {@code _ref} entry points take them by address instead ({@code width} bytes in native
 * order in buffers the caller owns, no alignment needed, no overlap with the object: the only way for width 16).
 *
 * <p>This is the Java 22+ class of the multi-release jar: it calls the bridge through FFM downcall handles
 * ({@link FfmBridge}, critical: no thread-state change), or through {@link JnaBridge} if {@value
 * NativeBinding#PROPERTY}{@code =jna}. The choice is a {@code static final} the JIT folds, so a call costs one
 * downcall.
 */
public final class Bridge {

    /** The size of the bridge's operation descriptor: {@code {int64 fn; int32 width, order, fail, reserved}}. */
    public static final int OP_SIZE = 24;

    /** Whether calls go through FFM; else through JNA. Constant, so each method compiles to one of its branches. */
    private static final boolean FFM;
    /** Why the binding cannot be used, or {@code null}; a class initializer cannot be retried. */
    private static final NativeLibraryException FAILURE;

    static {
        boolean ffm = false;
        NativeLibraryException failure = null;
        try {
            ffm = !NativeBinding.requested().equals(NativeBinding.JNA);
            if (ffm) {
                FfmBridge.init();
            }
        } catch (NativeLibraryException e) {
            failure = e;
        }
        FFM = ffm;
        FAILURE = failure;
    }

    private Bridge() {}

    /** Loads the bridge, or throws saying why it cannot be loaded. */
    static void init() {
        if (FAILURE != null) {
            throw new NativeLibraryException(FAILURE.getMessage(), FAILURE);
        }
        if (!FFM) {
            JnaBridge.init();
        }
    }

    /** The binding that serves the calls: {@value NativeBinding#FFM}, or {@value NativeBinding#JNA} if forced. */
    public static String binding() {
        return FFM ? NativeBinding.FFM : NativeBinding.JNA;
    }

    /**
     * Whether 16-byte values should cross in registers (the {@code *16} entry points) rather than through a buffer
     * (the {@code _ref} ones): on FFM, where an argument costs a register move, and a buffer its stores and a
     * thread-local lookup; not on JNA, which charges about 10 ns per argument. Constant, as {@link #binding()}.
     */
    public static boolean valuesInRegisters() {
        return FFM;
    }

    public static long atomics_bridge_load(long op, long obj) {
        if (FFM) {
            try {
                return (long) FfmBridge.LOAD.invokeExact(op, obj);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_load(op, obj);
    }

    public static void atomics_bridge_store(long op, long obj, long value) {
        if (FFM) {
            try {
                FfmBridge.STORE.invokeExact(op, obj, value);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_store(op, obj, value);
    }

    public static long atomics_bridge_exchange(long op, long obj, long value) {
        if (FFM) {
            try {
                return (long) FfmBridge.EXCHANGE.invokeExact(op, obj, value);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_exchange(op, obj, value);
    }

    /**
     * Returns the witnessed value; success iff it equals {@code expected} (spurious weak failures are retried in C).
     */
    public static long atomics_bridge_cmpxchg(long op, long obj, long expected, long desired) {
        if (FFM) {
            try {
                return (long) FfmBridge.CMPXCHG.invokeExact(op, obj, expected, desired);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_cmpxchg(op, obj, expected, desired);
    }

    /** test, test_compl, test_set, test_reset: returns the (old) bit, 0 or 1. */
    public static int atomics_bridge_bit(long op, long obj, int offset) {
        if (FFM) {
            try {
                return (int) FfmBridge.BIT.invokeExact(op, obj, offset);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_bit(op, obj, offset);
    }

    /** fetch_or, fetch_xor, fetch_and, fetch_add, fetch_sub: returns the old value. */
    public static long atomics_bridge_fetch(long op, long obj, long arg) {
        if (FFM) {
            try {
                return (long) FfmBridge.FETCH.invokeExact(op, obj, arg);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_fetch(op, obj, arg);
    }

    /** fetch_not, fetch_inc, fetch_dec, fetch_neg: returns the old value. */
    public static long atomics_bridge_fetch_noarg(long op, long obj) {
        if (FFM) {
            try {
                return (long) FfmBridge.FETCH_NOARG.invokeExact(op, obj);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_fetch_noarg(op, obj);
    }

    /** or, xor, and, add, sub. */
    public static void atomics_bridge_void(long op, long obj, long arg) {
        if (FFM) {
            try {
                FfmBridge.VOID.invokeExact(op, obj, arg);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_void(op, obj, arg);
    }

    /** not, inc, dec, neg (any width: no values). */
    public static void atomics_bridge_void_noarg(long op, long obj) {
        if (FFM) {
            try {
                FfmBridge.VOID_NOARG.invokeExact(op, obj);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_void_noarg(op, obj);
    }

    /** Writes the value to {@code ret}. */
    public static void atomics_bridge_load_ref(long op, long obj, long ret) {
        if (FFM) {
            try {
                FfmBridge.LOAD_REF.invokeExact(op, obj, ret);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_load_ref(op, obj, ret);
    }

    public static void atomics_bridge_store_ref(long op, long obj, long desired) {
        if (FFM) {
            try {
                FfmBridge.STORE_REF.invokeExact(op, obj, desired);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_store_ref(op, obj, desired);
    }

    /** Stores {@code desired}, writes the previous value to {@code ret}. */
    public static void atomics_bridge_exchange_ref(long op, long obj, long desired, long ret) {
        if (FFM) {
            try {
                FfmBridge.EXCHANGE_REF.invokeExact(op, obj, desired, ret);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_exchange_ref(op, obj, desired, ret);
    }

    /**
     * Returns 1 if the object held {@code expected} and now holds {@code desired}; else 0, and {@code expected} holds
     * the value witnessed (spurious weak failures are retried in C).
     */
    public static int atomics_bridge_cmpxchg_ref(long op, long obj, long expected, long desired) {
        if (FFM) {
            try {
                return (int) FfmBridge.CMPXCHG_REF.invokeExact(op, obj, expected, desired);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_cmpxchg_ref(op, obj, expected, desired);
    }

    /**
     * fetch_or, fetch_xor, fetch_and, fetch_add, fetch_sub: applies {@code arg}, writes the old value to {@code ret}.
     */
    public static void atomics_bridge_fetch_ref(long op, long obj, long arg, long ret) {
        if (FFM) {
            try {
                FfmBridge.FETCH_REF.invokeExact(op, obj, arg, ret);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_fetch_ref(op, obj, arg, ret);
    }

    /** fetch_not, fetch_inc, fetch_dec, fetch_neg: writes the old value to {@code ret}. */
    public static void atomics_bridge_fetch_noarg_ref(long op, long obj, long ret) {
        if (FFM) {
            try {
                FfmBridge.FETCH_NOARG_REF.invokeExact(op, obj, ret);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_fetch_noarg_ref(op, obj, ret);
    }

    /** or, xor, and, add, sub: applies {@code arg}. */
    public static void atomics_bridge_void_ref(long op, long obj, long arg) {
        if (FFM) {
            try {
                FfmBridge.VOID_REF.invokeExact(op, obj, arg);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_void_ref(op, obj, arg);
    }

    // Width 16 with values in registers, each as its low and high 64 bits: no buffer, so no per-thread scratch.

    /**
     * Compare-and-set at width 16: returns 1 if the object held {@code (expHigh, expLow)} and now holds
     * {@code (desHigh, desLow)}, else 0 (spurious weak failures are retried in C).
     */
    public static int atomics_bridge_cas16(long op, long obj, long expLow, long expHigh, long desLow, long desHigh) {
        if (FFM) {
            try {
                return (int) FfmBridge.CAS16.invokeExact(op, obj, expLow, expHigh, desLow, desHigh);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_cas16(op, obj, expLow, expHigh, desLow, desHigh);
    }

    /**
     * Compare-and-exchange at width 16: returns 1 if the object held {@code (expHigh, expLow)} and now holds
     * {@code (desHigh, desLow)}; else 0, and the value witnessed goes to {@code witness} (16 bytes, native order).
     * A success writes nothing there (spurious weak failures are retried in C).
     */
    public static int atomics_bridge_cmpxchg16(
            long op, long obj, long expLow, long expHigh, long desLow, long desHigh, long witness) {
        if (FFM) {
            try {
                return (int) FfmBridge.CMPXCHG16.invokeExact(op, obj, expLow, expHigh, desLow, desHigh, witness);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_cmpxchg16(op, obj, expLow, expHigh, desLow, desHigh, witness);
    }

    /** Stores {@code (high, low)} at width 16. */
    public static void atomics_bridge_store16(long op, long obj, long low, long high) {
        if (FFM) {
            try {
                FfmBridge.STORE16.invokeExact(op, obj, low, high);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_store16(op, obj, low, high);
    }

    /** or, xor, and, add, sub at width 16: applies {@code (high, low)}. */
    public static void atomics_bridge_void16(long op, long obj, long low, long high) {
        if (FFM) {
            try {
                FfmBridge.VOID16.invokeExact(op, obj, low, high);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_void16(op, obj, low, high);
    }

    /** {@code sizeof} the operation descriptor, to check {@link #OP_SIZE}. */
    public static int atomics_bridge_op_size() {
        if (FFM) {
            try {
                return (int) FfmBridge.OP_SIZE.invokeExact();
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_op_size();
    }

    /**
     * Calls {@code createFn} (a library's {@code patomic_create_explicit}) for {@code width} with all options, kinds
     * and ids, copies the table to {@code out} and returns its size.
     */
    public static int atomics_bridge_create_explicit(long createFn, long width, long out) {
        if (FFM) {
            try {
                return (int) FfmBridge.CREATE_EXPLICIT.invokeExact(createFn, width, out);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_create_explicit(createFn, width, out);
    }

    /** Does nothing: the cost floor of any call, for benchmarks. */
    public static void atomics_bridge_noop(long ignored) {
        if (FFM) {
            try {
                FfmBridge.NOOP.invokeExact(ignored);
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
            return;
        }
        JnaBridge.atomics_bridge_noop(ignored);
    }

    /** {@code sizeof(patomic_explicit_t)}. */
    public static int atomics_bridge_explicit_table_size() {
        if (FFM) {
            try {
                return (int) FfmBridge.EXPLICIT_TABLE_SIZE.invokeExact();
            } catch (Throwable t) {
                throw FfmBridge.unexpected(t);
            }
        }
        return JnaBridge.atomics_bridge_explicit_table_size();
    }
}
