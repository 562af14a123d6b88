package dev.atomics.nativelib;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.atomics.NativeLibraryException;

/**
 * JNA direct mapping of the call bridge ({@code libatomics_bridge}), the binding on Java 17 to 21 (and on 22+ when
 * {@value NativeBinding#PROPERTY} asks for it): each method takes a function pointer from a patomic explicit ops
 * table and calls it, so that one Java operation costs exactly one direct native call with primitive arguments
 * and no allocation. Callers go through {@link Bridge}, which picks the binding; the methods are documented there.
 *
 * <p>Values travel as {@code long}: truncated to the width on the way in, zero-extended on the way out (widths 1,
 * 2, 4 and 8); the {@code _ref} entry points take them by address instead ({@code width} bytes in native order in
 * buffers the caller owns, the only way for width 16). Each JNA argument costs about 10 ns, so nothing that is known
 * in advance travels with the call (see the operation descriptors in {@link Bridge}).
 */
public final class JnaBridge {

    /** Why the bridge could not be registered, or {@code null}; a class initializer cannot be retried. */
    private static final Throwable FAILURE;

    static {
        Throwable failure = null;
        try {
            Native.register(
                    JnaBridge.class,
                    NativeLibrary.getInstance(NativeLibraries.bridgePath().toString()));
        } catch (RuntimeException | LinkageError e) {
            // Kept rather than thrown: a failed class initialization would turn every later use into a
            // NoClassDefFoundError that no longer says why.
            failure = e;
        }
        FAILURE = failure;
    }

    private JnaBridge() {}

    /** Loads the bridge, or throws saying why it cannot be loaded. */
    static void init() {
        if (FAILURE instanceof NativeLibraryException e) {
            throw new NativeLibraryException(e.getMessage(), e);
        }
        if (FAILURE != null) {
            throw new NativeLibraryException(
                    "cannot load the call bridge (" + NativeLibraries.BRIDGE + "): " + FAILURE, FAILURE);
        }
    }

    public static native long atomics_bridge_load(long op, long obj);

    public static native void atomics_bridge_store(long op, long obj, long value);

    public static native long atomics_bridge_exchange(long op, long obj, long value);

    public static native long atomics_bridge_cmpxchg(long op, long obj, long expected, long desired);

    public static native int atomics_bridge_bit(long op, long obj, int offset);

    public static native long atomics_bridge_fetch(long op, long obj, long arg);

    public static native long atomics_bridge_fetch_noarg(long op, long obj);

    public static native void atomics_bridge_void(long op, long obj, long arg);

    public static native void atomics_bridge_void_noarg(long op, long obj);

    public static native void atomics_bridge_load_ref(long op, long obj, long ret);

    public static native void atomics_bridge_store_ref(long op, long obj, long desired);

    public static native void atomics_bridge_exchange_ref(long op, long obj, long desired, long ret);

    public static native int atomics_bridge_cmpxchg_ref(long op, long obj, long expected, long desired);

    public static native void atomics_bridge_fetch_ref(long op, long obj, long arg, long ret);

    public static native void atomics_bridge_fetch_noarg_ref(long op, long obj, long ret);

    public static native void atomics_bridge_void_ref(long op, long obj, long arg);

    public static native int atomics_bridge_cas16(
            long op, long obj, long expLow, long expHigh, long desLow, long desHigh);

    public static native int atomics_bridge_cmpxchg16(
            long op, long obj, long expLow, long expHigh, long desLow, long desHigh, long witness);

    public static native void atomics_bridge_store16(long op, long obj, long low, long high);

    public static native void atomics_bridge_void16(long op, long obj, long low, long high);

    public static native int atomics_bridge_op_size();

    public static native int atomics_bridge_create_explicit(long createFn, long width, long out);

    public static native void atomics_bridge_noop(long ignored);

    public static native int atomics_bridge_explicit_table_size();
}
