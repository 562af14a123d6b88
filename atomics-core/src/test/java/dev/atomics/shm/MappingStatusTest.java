package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.finish;
import static dev.atomics.shm.ShmTestSupport.startPeer;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128View;
import dev.atomics.AtomicViewContext;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.MemoryFaultException;
import dev.atomics.shm.MappingStatus.State;
import dev.atomics.testing.Patomic;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SharedMapping#status()} against what a C peer does to the object: shrink it, unlink it, put a new object
 * under its name; and what the JVM engine does when it touches a page the peer took away.
 */
@ExtendWith(ShmCleanup.class)
class MappingStatusTest {

    @Test
    void aFreshMappingIsOk() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            MappingStatus status = shm.status();
            assertThat(status.state()).isEqualTo(State.OK);
            assertThat(status.ok()).isTrue();
            assertThat(status.size()).isEqualTo(64);
            assertThat(status.problem()).isEmpty();
            assertThat(status.covers(56, 8)).isTrue();
        }
    }

    @Test
    void aPeerShrinkingTheObjectIsSeenAndOnlyTheBytesPastItsEndAreUncovered() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 8192)) {
            finish(startPeer("truncate", "/" + name, "16"));
            MappingStatus status = shm.status();
            assertThat(status.state()).isEqualTo(State.SHRUNK);
            assertThat(status.size()).isEqualTo(16);
            assertThat(status.problem())
                    .contains("/" + name)
                    .contains("shrank from 8192 to 16 bytes")
                    .contains("SIGBUS");
            assertThat(status.covers(8, 8)).as("still inside the object").isTrue();
            assertThat(status.covers(16, 8)).as("past its end").isFalse();
            assertThat(status.ok()).isFalse();
        }
    }

    @Test
    void aPeerUnlinkingTheObjectIsSeen() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            SharedMemory.unlink(name);
            MappingStatus status = shm.status();
            assertThat(status.state()).isEqualTo(State.REMOVED);
            assertThat(status.problem()).contains("its name was removed");
            assertThat(status.covers(0, 8))
                    .as("safe to touch, but no longer shared")
                    .isFalse();
        }
    }

    @Test
    void aPeerPuttingANewObjectUnderTheNameIsSeenAndTheCountersWouldSplit() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64);
                AtomicIntViewContext ctx = shm.atomicView(0, 8, AtomicType.INT)) {
            AtomicIntView counter = ctx.open();
            counter.add(2);
            finish(startPeer("replace", "/" + name, "64", "1000"));
            MappingStatus status = shm.status();
            assertThat(status.state()).isEqualTo(State.REPLACED);
            assertThat(status.problem()).contains("its name now refers to a different object");
            assertThat(status.size()).as("the old object kept its size").isEqualTo(64);
            assertThat(counter.load())
                    .as("this mapping still sees the old object")
                    .isEqualTo(2);
            assertThat(finish(startPeer("read", "shm:/" + name + "@0:8:int"))).isEqualTo("1000");
        }
    }

    @Test
    void aReplacementThatIsAlsoSmallerIsReportedAsShrunkFirst() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 8192)) {
            finish(startPeer("truncate", "/" + name, "8"));
            finish(startPeer("replace", "/" + name, "64", "1"));
            MappingStatus status = shm.status();
            assertThat(status.state()).isEqualTo(State.SHRUNK);
            assertThat(status.problem()).contains("shrank").contains("different object");
        }
    }

    @Test
    void aClosedMappingSaysSo() {
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 64);
        shm.close();
        assertThat(shm.status().state()).isEqualTo(State.CLOSED);
        assertThat(shm.status().covers(0, 8)).isFalse();
    }

    @Test
    void loadsOfAVanishedPageEndInAJavaExceptionAndTheJvmLives() throws Exception {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 8192);
                AtomicIntViewContext ctx = shm.atomicView(4096, 8, AtomicType.INT, Engine.JVM)) {
            AtomicIntView counter = ctx.open();
            counter.store(7);
            assertThat(shm.load(4096, 8)).isEqualTo(7);
            finish(startPeer("truncate", "/" + name, "0"));
            assertThat(shm.status().covers(4096, 8))
                    .as("what the starter checks before it reads")
                    .isFalse();

            assertThat(faultOf(() -> shm.load(4096, 8)))
                    .satisfiesAnyOf(
                            e -> assertThat(e)
                                    .isInstanceOf(MemoryFaultException.class)
                                    .hasMessageContaining("/" + name),
                            e -> assertThat(e)
                                    .isInstanceOf(InternalError.class)
                                    .hasMessageContaining("a fault occurred"));
            assertThat(faultOf(counter::load))
                    .satisfiesAnyOf(
                            e -> assertThat(e)
                                    .isInstanceOf(MemoryFaultException.class)
                                    .hasMessageContaining("/" + name)
                                    .hasMessageContaining(
                                            FaultGuard.enabled()
                                                    ? "was not the shared object"
                                                    : "can no longer be accessed"),
                            e -> assertThat(e)
                                    .isInstanceOf(InternalError.class)
                                    .hasMessageContaining("a fault occurred"));
        }
    }

    /**
     * What ends a thread that loads forever: the JVM raises a fault asynchronously, at its next safepoint check,
     * which may be inside the load (translated) or anywhere after it in the thread's code (the raw InternalError).
     */
    private static Throwable faultOf(Runnable load) throws InterruptedException {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    load.run();
                }
            } catch (Throwable e) {
                seen.set(e);
            }
        });
        t.setUncaughtExceptionHandler((thread, e) -> seen.set(e));
        t.start();
        t.join();
        return seen.get();
    }

    @Test
    void monitorLoadsReadEveryWidthZeroExtendedAndCheckTheirArguments() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            shm.slice(0, 16).putLong(0, -1L).putLong(8, 0x0102030405060708L);
            assertThat(shm.load(0, 1)).isEqualTo(0xffL);
            assertThat(shm.load(0, 2)).isEqualTo(0xffffL);
            assertThat(shm.load(0, 4)).isEqualTo(0xffff_ffffL);
            assertThat(shm.load(0, 8)).isEqualTo(-1L);
            assertThat(shm.load(8, 8)).isEqualTo(0x0102030405060708L);
            assertThatThrownBy(() -> shm.load(60, 8)).isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.load(4, 8))
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("aligned");
            assertThatThrownBy(() -> shm.load(0, 3)).isInstanceOf(SharedMemoryBoundsException.class);
        }
    }

    @Test
    void monitorLoadsOf16BytesReadAtomicallyAndCheckTheirArguments() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
            shm.slice(16, 16).putLong(little ? 0 : 8, 0x0102030405060708L).putLong(little ? 8 : 0, -2L);
            if (Patomic.available()) {
                assertThat(shm.load128(16)).isEqualTo(new Int128(-2L, 0x0102030405060708L));
            } else {
                assertThatThrownBy(() -> shm.load128(16))
                        .as("without the native library: unavailable, never torn")
                        .isInstanceOf(dev.atomics.NativeLibraryException.class);
            }
            assertThatThrownBy(() -> shm.load128(8))
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("aligned to 16");
            assertThatThrownBy(() -> shm.load128(64)).isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.load(16, 16))
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("load128");
        }
    }

    @Test
    void a16ByteMonitorLoadWorksWhileTheValueChangesAndIsExactOnceItRests() throws Exception {
        dev.atomics.NativeInfo info = dev.atomics.Atomics.nativeInfo();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                info.available() && info.widths().contains(16), "needs width 16 from the patomic library on this CPU");
        String name = uniqueName();
        Int128 step = new Int128(0, -1L); // 2^64 - 1: every step changes both halves
        int steps = 100_000;
        try (SharedMemory shm = SharedMemory.create(name, 64);
                AtomicViewContext<AtomicUint128View> ctx = shm.atomicView(16, 16, AtomicType.UINT128, Engine.PATOMIC)) {
            AtomicUint128View value = ctx.open();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < steps; i++) {
                    value.add(step);
                }
                done.set(true);
            });
            writer.start();
            long reads = 0;
            while (!done.get()) {
                Int128 seen = shm.load128(16);
                assertThat(Long.compareUnsigned(seen.high(), steps))
                        .as("read %d: %s", reads, seen)
                        .isLessThanOrEqualTo(0);
                reads++;
            }
            writer.join();
            assertThat(shm.load128(16)).isEqualTo(new Int128(steps - 1, -steps)).isEqualTo(value.load());
        }
    }
}
