package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.finish;
import static dev.atomics.shm.ShmTestSupport.startPeer;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.MemoryFaultException;
import dev.atomics.testing.Patomic;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault guard on one shrink and regrow: operations on the vanished page throw {@link MemoryFaultException}
 * (never crash, never succeed), read-modify-writes too (which kill the JVM without the guard), on a view of the
 * mapping and on a view a caller made on a slice of it; once the object is large again the atomics work on it.
 */
@ExtendWith(ShmCleanup.class)
class FaultGuardTest {

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"JVM", "PATOMIC"})
    void opsOnAVanishedPageThrowTypedAndWorkAgainOnceTheObjectIsBack(Engine engine) {
        Patomic.assumeServes(engine);
        assumeTrue(FaultGuard.enabled(), () -> "the guard is off: " + FaultGuard.unavailableReason());
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 8192);
                AtomicIntViewContext own = shm.atomicView(4096, 8, AtomicType.INT, engine);
                AtomicIntViewContext onSlice = Atomics.atomicView(shm.slice(4104, 8), AtomicType.INT, engine)) {
            AtomicIntView a = own.open();
            AtomicIntView b = onSlice.open();
            a.store(5);
            b.store(6);
            finish(startPeer("truncate", "/" + name, "4096"));

            for (AtomicIntView v : new AtomicIntView[] {a, b}) {
                assertThatThrownBy(v::inc)
                        .isInstanceOf(MemoryFaultException.class)
                        .hasMessageContaining("outcome is unknown")
                        .hasMessageContaining("/" + name);
                assertThatThrownBy(() -> v.compareAndSet(0, 1))
                        .isInstanceOf(MemoryFaultException.class)
                        .hasMessageContaining("still smaller");
                assertThatThrownBy(v::load).isInstanceOf(MemoryFaultException.class);
            }
            assertThatThrownBy(() -> shm.load(4096, 8)).isInstanceOf(MemoryFaultException.class);
            assertThat(FaultGuard.faults(shm.range().guardIndex))
                    .as("faults recovered")
                    .isPositive();

            finish(startPeer("truncate", "/" + name, "8192")); // back, zero-filled
            assertThatThrownBy(a::load)
                    .as("the first operation after the object is back maps it again")
                    .isInstanceOf(MemoryFaultException.class)
                    .hasMessageContaining("later operations work");
            a.add(40);
            b.add(2);
            assertThat(a.load()).isEqualTo(40);
            assertThat(shm.load(4104, 8)).isEqualTo(2);
            try (SharedMemory other = SharedMemory.open(name, true)) {
                assertThat(other.range()).as("read-only: its own mapping").isNotSameAs(shm.range());
                assertThat(other.load(4096, 8)).as("what another mapping sees").isEqualTo(40);
            }
        }
    }
}
