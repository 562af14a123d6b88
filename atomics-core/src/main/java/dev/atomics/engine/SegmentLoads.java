package dev.atomics.engine;

import dev.atomics.MemoryOrder;
import dev.atomics.memory.MemoryRegion;

/**
 * Loads of the JVM engine through a {@code MemorySegment} var handle, for the views of shared memory whose buffers
 * are slices of a shared arena's segment (Java 22+): there a load through the segment's own var handle costs less
 * than the same load through its buffer (JDK 25, an 8-byte volatile load: 1.25 ns against 1.84), while a buffer
 * without a session (owned objects) is faster as it is (0.99 against 1.21), and read-modify-writes cost the same
 * both ways. This is the Java 17 class: there are no such views, {@link #of} answers {@code null} and nothing else is
 * called; the Java 22+ class of the multi-release jar does the work. Not API.
 */
public final class SegmentLoads {

    private SegmentLoads() {}

    /**
     * The segment a JVM-engine load of {@code region} reads (its word at width 1), for a region whose buffers are
     * slices of a shared arena's segment; {@code null}: load through the engine.
     */
    public static Object of(MemoryRegion region) {
        return null;
    }

    /** What {@link Ops#load} of the JVM engine answers for {@code t}, read through {@code segment}. */
    public static long load(Object segment, Target t, MemoryOrder o) {
        throw new IllegalStateException("segment loads need Java 22+ and the multi-release jar");
    }
}
