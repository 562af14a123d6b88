package dev.atomics.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Helpers shared by the benchmark states. */
final class Memory8 {

    /**
     * JVM options of every fork. The same for every subject so that figures compare; Agrona 2.x reaches
     * {@code jdk.internal.misc.Unsafe}, which Java 17 only grants with these.
     */
    static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    static final String ADD_OPENS = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    /**
     * JNA and FFM load native code: Java 24+ warns in every fork without this (the jar's Enable-Native-Access
     * manifest entry serves only {@code java -jar}; JMH starts its forks with {@code -cp}). Java 17 accepts it.
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";

    private Memory8() {}

    /**
     * {@code size} zeroed bytes of direct memory aligned to a cache line (so that no other data shares it),
     * in native byte order.
     */
    static ByteBuffer alignedDirect(int size) {
        ByteBuffer raw = ByteBuffer.allocateDirect(size + 128);
        return raw.alignedSlice(64).limit(size).slice().order(ByteOrder.nativeOrder());
    }
}
