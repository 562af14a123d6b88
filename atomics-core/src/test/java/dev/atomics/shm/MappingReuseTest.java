package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.mapsOf;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Engine;
import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening and closing an object in a loop must not pile up mappings of it until the garbage collector runs:
 * reopening an object that is still mapped reuses that mapping.
 */
@ExtendWith(ShmCleanup.class)
class MappingReuseTest {

    private static final int CYCLES = 20_000;

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"JVM", "PATOMIC"})
    void twentyThousandOpenViewIncCloseCyclesLeaveAtMostTwoMappings(Engine engine) {
        Patomic.assumeServes(engine);
        assumeTrue(ShmTestSupport.isLinux(), "counts the entries of /proc/self/maps");
        String name = uniqueName();
        SharedMemory.create(name, 4096).close();
        int most = 0;
        for (int i = 0; i < CYCLES; i++) {
            SharedMemory shm = SharedMemory.open(name);
            AtomicIntViewContext ctx = shm.atomicView(8, 8, AtomicType.INT, engine);
            ctx.open().inc();
            ctx.close();
            shm.close();
            if (i % 97 == 0 || i == CYCLES - 1) {
                most = Math.max(most, mapsOf(name).size());
            }
        }
        try (SharedMemory check = SharedMemory.open(name, true)) {
            assertThat(check.load(8, 8)).as("every increment landed").isEqualTo(CYCLES);
        }
        System.out.printf(
                "MappingReuseTest %s, Java %s: %d cycles, most mappings of the object %d, left %d%n",
                engine, Runtime.version().feature(), CYCLES, most, mapsOf(name).size());
        assertThat(most)
                .as("most mappings of the object seen during %d cycles", CYCLES)
                .isLessThanOrEqualTo(2);
        assertThat(mapsOf(name).size())
                .as("mappings left after %d cycles", CYCLES)
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aReopenedObjectStillMappedSharesTheRangeAndADifferentSizeOrModeDoesNot() {
        String name = uniqueName();
        SharedMemory a = SharedMemory.create(name, 4096);
        ByteBuffer kept = a.slice(0, 8);
        a.close();
        try (SharedMemory b = SharedMemory.open(name);
                SharedMemory ro = SharedMemory.open(name, true)) {
            assertThat(b.range()).as("still held by a slice: reused").isSameAs(a.range());
            assertThat(ro.range())
                    .as("read-only is another protection: its own range")
                    .isNotSameAs(b.range());
            kept.putLong(0, 42);
            assertThat(ro.load(0, 8)).isEqualTo(42);
        }
        assertThat(a.range().unmapped()).as("the slice still holds it").isFalse();
        try (SharedMemory grown = SharedMemory.openOrCreate(name, 8192)) {
            assertThat(grown.range()).as("a larger object: a new range").isNotSameAs(a.range());
            assertThat(grown.load(0, 8)).isEqualTo(42);
        }
        kept = null;
        assertThat(ShmTestSupport.gcUntil(() -> a.range().unmapped())).isTrue();
        try (SharedMemory c = SharedMemory.open(name)) {
            assertThat(c.range()).as("the old range is gone: a new one").isNotSameAs(a.range());
            assertThat(c.range().unmapped()).isFalse();
        }
    }
}
