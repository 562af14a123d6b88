package dev.atomics.engine;

import static dev.atomics.MemoryOrder.ACQUIRE;
import static dev.atomics.MemoryOrder.SEQ_CST;

import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * Loads of the JVM engine through a {@link MemorySegment} var handle, for the views of shared memory whose buffers
 * are slices of a shared arena's segment: a load through the segment's own var handle costs less than the same load
 * through its buffer (JDK 25, an 8-byte volatile load: 1.25 ns against 1.84). The segment has the buffer's scope, so
 * an access after the arena closed throws {@link IllegalStateException} as the buffer's would. This is the Java 22+
 * class of the multi-release jar. Not API.
 */
public final class SegmentLoads {

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();

    private SegmentLoads() {}

    /**
     * The segment a JVM-engine load of {@code region} reads: the object's bytes, or at width 1 the aligned word
     * around them (as {@link JvmOps} reads it). The caller answers for the buffers being scoped slices.
     */
    public static Object of(MemoryRegion region) {
        ByteBuffer b = region.size() == 1 ? region.word() : region.buffer();
        return b == null || !b.isDirect() ? null : MemorySegment.ofBuffer(b);
    }

    /** What {@link Ops#load} of the JVM engine answers for {@code t} (sign-extended), read through {@code segment}. */
    public static long load(Object segment, Target t, MemoryOrder o) {
        MemorySegment s = (MemorySegment) segment;
        int w = t.size;
        if (w == 8) {
            return o == SEQ_CST
                    ? (long) LONG.getVolatile(s, 0L)
                    : o == ACQUIRE ? (long) LONG.getAcquire(s, 0L) : (long) LONG.getOpaque(s, 0L);
        }
        if (w == 4) {
            return load4(s, o);
        }
        if (w == 2) {
            return o == SEQ_CST
                    ? (short) SHORT.getVolatile(s, 0L)
                    : o == ACQUIRE ? (short) SHORT.getAcquire(s, 0L) : (short) SHORT.getOpaque(s, 0L);
        }
        return (byte) (load4(s, o) >> t.wordShift);
    }

    private static int load4(MemorySegment s, MemoryOrder o) {
        return o == SEQ_CST
                ? (int) INT.getVolatile(s, 0L)
                : o == ACQUIRE ? (int) INT.getAcquire(s, 0L) : (int) INT.getOpaque(s, 0L);
    }
}
