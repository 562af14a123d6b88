package dev.atomics.nativelib;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.atomics.NativeLibraryException;

/**
 * JNA direct mapping of the call bridge ({@code libatomics_bridge}): each method takes a function pointer
 * from a patomic explicit ops table and calls it, so that one Java operation costs exactly one direct
 * native call with primitive arguments and no allocation.
 *
 * <p>Values travel as {@code long}: truncated to the width on the way in, zero-extended on the way out (widths 1,
 * 2, 4 and 8); the {@code _ref} entry points take them by address instead ({@code width} bytes in native order in
 * buffers the caller owns, the only way for width 16). {@code op} is the address of an operation descriptor (function pointer, width, memory orders) that the
 * patomic engine prepares once per width, and {@code obj} the object's address: each JNA argument costs
 * about 10 ns, so nothing that is known in advance travels with the call.
 */
public final class Bridge {

    /** Why the bridge could not be registered, or {@code null}; a class initializer cannot be retried. */
    private static final Throwable FAILURE;

    static {
        Throwable failure = null;
        try {
            Native.register(Bridge.class, NativeLibrary.getInstance(NativeLibraries.bridgePath().toString()));
        } catch (RuntimeException | LinkageError e) {
            // Kept rather than thrown: a failed class initialization would turn every later use into a
            // NoClassDefFoundError that no longer says why.
            failure = e;
        }
        FAILURE = failure;
    }

    private Bridge() {
    }

    /** Loads the bridge, or throws saying why it cannot be loaded. */
    static void init() {
        if (FAILURE instanceof NativeLibraryException e) {
            throw new NativeLibraryException(e.getMessage(), e);
        }
        if (FAILURE != null) {
            throw new NativeLibraryException("cannot load the call bridge (" + NativeLibraries.BRIDGE + "): " + FAILURE, FAILURE);
        }
    }

    /** The size of the bridge's operation descriptor: {@code {int64 fn; int32 width, order, fail, reserved}}. */
    public static final int OP_SIZE = 24;

    public static native long atomics_bridge_load(long op, long obj);

    public static native void atomics_bridge_store(long op, long obj, long value);

    public static native long atomics_bridge_exchange(long op, long obj, long value);

    /** Returns the witnessed value; success iff it equals {@code expected} (spurious weak failures are retried in C). */
    public static native long atomics_bridge_cmpxchg(long op, long obj, long expected, long desired);

    public static native int atomics_bridge_bit(long op, long obj, int offset);

    public static native long atomics_bridge_fetch(long op, long obj, long arg);

    public static native long atomics_bridge_fetch_noarg(long op, long obj);

    public static native void atomics_bridge_void(long op, long obj, long arg);

    public static native void atomics_bridge_void_noarg(long op, long obj);

    // Values by address: each of desired, expected, arg, ret is the address of a native buffer of the descriptor's
    // width (16 for width 16) that the caller owns; no alignment needed, no overlap with the object.

    /** Writes the value to {@code ret}. */
    public static native void atomics_bridge_load_ref(long op, long obj, long ret);

    public static native void atomics_bridge_store_ref(long op, long obj, long desired);

    /** Stores {@code desired}, writes the previous value to {@code ret}. */
    public static native void atomics_bridge_exchange_ref(long op, long obj, long desired, long ret);

    /**
     * Returns 1 if the object held {@code expected} and now holds {@code desired}; else 0, and {@code expected} holds
     * the value witnessed (spurious weak failures are retried in C).
     */
    public static native int atomics_bridge_cmpxchg_ref(long op, long obj, long expected, long desired);

    /** fetch_or, fetch_xor, fetch_and, fetch_add, fetch_sub: applies {@code arg}, writes the old value to {@code ret}. */
    public static native void atomics_bridge_fetch_ref(long op, long obj, long arg, long ret);

    /** fetch_not, fetch_inc, fetch_dec, fetch_neg: writes the old value to {@code ret}. */
    public static native void atomics_bridge_fetch_noarg_ref(long op, long obj, long ret);

    /** or, xor, and, add, sub: applies {@code arg}. */
    public static native void atomics_bridge_void_ref(long op, long obj, long arg);

    /** {@code sizeof} the operation descriptor, to check {@link #OP_SIZE}. */
    public static native int atomics_bridge_op_size();

    public static native int atomics_bridge_create_explicit(long createFn, long width, long out);

    /** Does nothing: the cost floor of any JNA direct call, for benchmarks. */
    public static native void atomics_bridge_noop(long ignored);

    public static native int atomics_bridge_explicit_table_size();
}
