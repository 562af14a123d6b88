package dev.atomics.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Volatile (sequentially consistent) loads of 1 to 8 bytes on a buffer, for {@link SharedMapping#load}. Every one
 * is a single load instruction that the JVM guards (a fault becomes an {@link InternalError}), in compiled and
 * interpreted code.
 *
 * <p>Why volatile rather than acquire: the writers are other processes and native code, outside the Java memory
 * model, so nothing an acquire load reads synchronizes with anything; the JIT may then reuse an earlier acquire
 * load of the same address for a later one (seen when 16-byte reads were two rounds of 8-byte loads: the second
 * read of the high half returned the first one's value while the low half in between had moved on). Volatile loads
 * are never merged, and on x86 and ARM cost what acquire loads cost.
 */
final class MonitorLoads {

    private static final VarHandle SHORTS =
            MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private MonitorLoads() {}

    /** The zero-extended value of the {@code width} bytes at the start of {@code b}. */
    static long load(ByteBuffer b, int width) {
        switch (width) {
            case 1: {
                VarHandle.fullFence(); // the JVM has no volatile byte view of a buffer: fences around a plain load
                byte v = b.get(0);
                VarHandle.acquireFence();
                return v & 0xffL;
            }
            case 2:
                return (short) SHORTS.getVolatile(b, 0) & 0xffffL;
            case 4:
                return (int) INTS.getVolatile(b, 0) & 0xffff_ffffL;
            default:
                return (long) LONGS.getVolatile(b, 0);
        }
    }
}
