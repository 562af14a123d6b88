package dev.atomics.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Acquire loads of 1 to 8 bytes on a buffer, for {@link SharedMapping#load}. Every one is a single load
 * instruction that the JVM guards (a fault becomes an {@link InternalError}), in compiled and interpreted code.
 */
final class MonitorLoads {

    private static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private MonitorLoads() {
    }

    /** The zero-extended value of the {@code width} bytes at the start of {@code b}. */
    static long load(ByteBuffer b, int width) {
        switch (width) {
            case 1: {
                byte v = b.get(0); // a byte load never tears; the fence gives it acquire ordering
                VarHandle.acquireFence();
                return v & 0xffL;
            }
            case 2:
                return (short) SHORTS.getAcquire(b, 0) & 0xffffL;
            case 4:
                return (int) INTS.getAcquire(b, 0) & 0xffff_ffffL;
            default:
                return (long) LONGS.getAcquire(b, 0);
        }
    }
}
