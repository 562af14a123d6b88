package dev.atomics.nativelib;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * JNA direct mapping of the call bridge ({@code libatomics_bridge}): each method takes a function pointer
 * from a patomic explicit ops table and calls it, so that one Java operation costs exactly one direct
 * native call with primitive arguments and no allocation.
 *
 * <p>Values travel as {@code long}: truncated to the width on the way in, zero-extended on the way out.
 * {@code fn} and {@code obj} are native addresses. Each JNA argument costs about 10 ns, so the small ones
 * travel packed in one {@code mode} int (see {@link #mode}): the width (or a bit offset) in bits 0-7, the
 * memory order in bits 8-15 and a compare-and-exchange's failure order in bits 16-23.
 */
public final class Bridge {

    static {
        Native.register(Bridge.class, NativeLibrary.getInstance(NativeLibraries.bridgePath().toString()));
    }

    private Bridge() {
    }

    /** Forces the bridge to load (and fail early with a clear message if it cannot). */
    static void init() {
        // the static initializer does the work
    }

    /** Packs a width (or bit offset), a memory order and a failure order into a {@code mode} argument. */
    public static int mode(int widthOrOffset, int order, int failOrder) {
        return widthOrOffset | (order << 8) | (failOrder << 16);
    }

    public static native long atomics_bridge_load(long fn, long obj, int mode);

    public static native void atomics_bridge_store(long fn, long obj, long value, int mode);

    public static native long atomics_bridge_exchange(long fn, long obj, long value, int mode);

    /** Returns the witnessed value; success iff it equals {@code expected} (spurious weak failures are retried in C). */
    public static native long atomics_bridge_cmpxchg(long fn, long obj, long expected, long desired, int mode);

    /** {@code mode}: the bit offset and the order. */
    public static native int atomics_bridge_bit(long fn, long obj, int mode);

    public static native long atomics_bridge_fetch(long fn, long obj, long arg, int mode);

    public static native long atomics_bridge_fetch_noarg(long fn, long obj, int mode);

    public static native void atomics_bridge_void(long fn, long obj, long arg, int mode);

    public static native void atomics_bridge_void_noarg(long fn, long obj, int mode);

    public static native int atomics_bridge_create_explicit(long createFn, long width, long out);

    /** Does nothing: the cost floor of any JNA direct call, for benchmarks. */
    public static native void atomics_bridge_noop(long ignored);

    public static native int atomics_bridge_explicit_table_size();
}
