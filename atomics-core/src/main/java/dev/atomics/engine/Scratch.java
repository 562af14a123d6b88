package dev.atomics.engine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native buffers for the values of 16-byte operations, which cross the bridge by address: slot
 * {@link #A} (the operand, the desired value, or a compare-and-exchange's expected value, where the witness comes
 * back), slot {@link #B} (a compare-and-exchange's desired value) and slot {@link #R} (a result). Each slot holds a
 * native-order 128-bit integer.
 *
 * <p>Per thread rather than per object, because an object is used by many threads at once; allocated once per
 * thread (48 bytes of native memory, freed by the garbage collector with the thread), so an operation allocates
 * nothing. Written and read through a direct buffer, whose accesses the JIT compiles to plain loads and stores
 * (JNA's {@code Pointer.setLong} would be a JNI call each). A thread uses its buffers for one operation at a time:
 * no operation calls back into another.
 */
public final class Scratch {

    /** The first operand's slot. */
    public static final int A = 0;
    /** The second operand's slot. */
    public static final int B = 16;
    /** The result's slot. */
    public static final int R = 32;

    private static final int SIZE = 48;
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** Where the low and high 8 bytes of a native 128-bit integer lie in its slot. */
    private static final int LOW = LITTLE ? 0 : 8;

    private static final int HIGH = LITTLE ? 8 : 0;
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private final ByteBuffer buffer;
    private final long address;

    private Scratch() {
        buffer = ByteBuffer.allocateDirect(SIZE + 16).alignedSlice(16).order(ByteOrder.nativeOrder());
        address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    /** This thread's buffers. */
    public static Scratch get() {
        return LOCAL.get();
    }

    /** The native address of a slot. */
    long address(int slot) {
        return address + slot;
    }

    /** Writes the 128-bit integer {@code (high, low)} to a slot. */
    public void put(int slot, long high, long low) {
        buffer.putLong(slot + LOW, low);
        buffer.putLong(slot + HIGH, high);
    }

    /** Writes 16 bytes, a memory image, to a slot. */
    public void put(int slot, byte[] bytes) {
        buffer.put(slot, bytes, 0, 16);
    }

    /** The upper 64 bits of the integer in a slot. */
    public long high(int slot) {
        return buffer.getLong(slot + HIGH);
    }

    /** The lower 64 bits of the integer in a slot. */
    public long low(int slot) {
        return buffer.getLong(slot + LOW);
    }

    /** A fresh copy of the 16 bytes in a slot. */
    public byte[] bytes(int slot) {
        byte[] b = new byte[16];
        buffer.get(slot, b);
        return b;
    }

    /** Keeps the buffers reachable up to this point: native code wrote or read them by address. */
    void keepAlive() {
        Reference.reachabilityFence(this);
    }
}
