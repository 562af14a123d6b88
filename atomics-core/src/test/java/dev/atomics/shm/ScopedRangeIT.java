package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.mapsOf;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUintView;
import dev.atomics.AtomicUintViewContext;
import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.testing.Patomic;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When a mapping's range goes: on Java 22+ (the multi-release jar's {@link RangeMemory}: a shared arena), closing
 * the JVM-engine views and the mapping unmaps the range at once, without the garbage collector; on Java 17, and for
 * patomic-engine views everywhere (native code gets the raw address, which no arena guards), the range stays until
 * the views are unreachable. Failsafe runs it on the packaged jar (a classes directory is not multi-release).
 */
@ExtendWith(ShmCleanup.class)
class ScopedRangeIT {

    private static boolean scoped() {
        return Runtime.version().feature() >= 22 && FaultGuard.enabled();
    }

    @Test
    void theJarsRangeMemoryIsScopedExactlyFromJava22() {
        assertThat(RangeMemory.SCOPED)
                .as("RangeMemory.SCOPED on Java %d", Runtime.version().feature())
                .isEqualTo(Runtime.version().feature() >= 22);
    }

    @Test
    void closingJvmEngineViewsAndTheMappingUnmapsAtOnceOnJava22() {
        assumeTrue(ShmTestSupport.isLinux(), "reads /proc/self/maps");
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 4096);
        AtomicIntViewContext wide = shm.atomicView(8, 8, AtomicType.INT, Engine.JVM);
        AtomicUintViewContext narrow = shm.atomicView(17, 1, AtomicType.UINT, Engine.AUTO);
        wide.open().add(41);
        narrow.open().inc();
        wide.close();
        narrow.close();
        shm.close();
        MappedRange range = shm.range();
        if (scoped()) {
            assertThat(range.unmapped())
                    .as("unmapped at close, the views still reachable")
                    .isTrue();
            assertThat(mapsOf(name)).as("mappings of the object").isEmpty();
        } else {
            assertThat(range.unmapped())
                    .as("held by the reachable views until the garbage collector")
                    .isFalse();
        }
        try (SharedMemory check = SharedMemory.open(name, true)) {
            assertThat(check.load(8, 8)).isEqualTo(41);
            assertThat(check.load(17, 1)).as("the 1-byte view's word").isEqualTo(1);
            assertThat(check.load(16, 1)).as("its neighbour").isZero();
        }
        assertThat(wide).isNotNull(); // reachable up to here
        assertThat(narrow).isNotNull();
    }

    /** A 1- or 2-byte view at the end of an object of odd size: its aligned word reaches past the object. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aNarrowViewAtTheEndOfAnOddSizedObjectWorks(int width) {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 4097 + width - 1)) {
            AtomicUintViewContext ctx = shm.atomicView(4096, width, AtomicType.UINT, Engine.JVM);
            AtomicUintView last = ctx.open();
            last.inc();
            last.add(2);
            assertThat(last.load()).isEqualTo(3);
            ctx.close();
            assertThat(shm.load(4096, width)).isEqualTo(3);
        }
    }

    @Test
    void aPatomicViewKeepsItsRangeUntilUnreachable() {
        Patomic.assumeServes(Engine.PATOMIC);
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 4096);
        AtomicIntViewContext ctx = shm.atomicView(8, 8, AtomicType.INT, Engine.PATOMIC);
        ctx.open().inc();
        ctx.close();
        shm.close();
        MappedRange range = shm.range();
        assertThat(range.unmapped())
                .as("native code takes the raw address: the view holds the range")
                .isFalse();
        ctx = null;
        assertThat(ShmTestSupport.gcUntil(range::unmapped))
                .as("unmapped once the view is unreachable")
                .isTrue();
    }

    /**
     * JVM-engine views of the mapping (on Java 22+ their loads read the arena's segment, {@code SegmentLoads}) read
     * what another view wrote, at every width and offset in a word, signed and unsigned, in every load order, and
     * through a read-only mapping too. Seeded; the seed is in the failure message.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void jvmEngineViewsLoadWhatWasStoredAtEveryWidth(int width) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String name = uniqueName();
        List<MemoryOrder> orders = List.of(MemoryOrder.RELAXED, MemoryOrder.ACQUIRE, MemoryOrder.SEQ_CST);
        try (SharedMemory shm = SharedMemory.create(name, 4096);
                SharedMemory readonly = SharedMemory.open(name, true)) {
            for (int round = 0; round < 200; round++) {
                long offset = 64 + width * random.nextInt(8);
                long bits = round < 4 ? new long[] {0, -1, 1L << (8 * width - 1), 1}[round] : random.nextLong();
                try (AtomicIntViewContext writer = shm.atomicView(offset, width, AtomicType.INT, Engine.JVM);
                        AtomicIntViewContext signed = shm.atomicView(offset, width, AtomicType.INT, Engine.JVM);
                        AtomicUintViewContext unsigned =
                                readonly.atomicView(offset, width, AtomicType.UINT, Engine.JVM)) {
                    long value = width == 8 ? bits : bits << (64 - 8 * width) >> (64 - 8 * width);
                    writer.open().store(value);
                    MemoryOrder order = orders.get(round % orders.size());
                    String what = "width " + width + ", offset " + offset + ", " + order + ", seed " + seed;
                    assertThat(signed.open().load(order)).as(what).isEqualTo(value);
                    long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
                    assertThat(unsigned.open().load(order))
                            .as(what + " (unsigned, read-only)")
                            .isEqualTo(value & mask);
                    assertThat(shm.load(offset, width))
                            .as(what + " (the mapping)")
                            .isEqualTo(value & mask);
                }
            }
        }
    }
}
