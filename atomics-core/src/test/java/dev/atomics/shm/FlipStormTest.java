package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.awaitLine;
import static dev.atomics.shm.ShmTestSupport.finish;
import static dev.atomics.shm.ShmTestSupport.startPeer;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.AtomicUint128;
import dev.atomics.AtomicViewContext;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.MemoryFaultException;
import dev.atomics.testing.Patomic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A peer re-creating the object in place in a loop ({@code ftruncate(fd, 0); ftruncate(fd, size)}, same inode)
 * while threads run operations on it: the JVM must stay up, every operation must complete or throw
 * {@link MemoryFaultException}, and once the peer stops the atomic must be coherent with the object both ways
 * (1,000 increments from here read exactly by a C process, 1,000 from it read exactly here). Without the guard
 * this kills the JVM within a second. Long: runs in the {@code storms} profile only.
 */
@Tag("storm")
@ExtendWith(ShmCleanup.class)
class FlipStormTest {

    private static final long SEED = Long.getLong("atomics.test.seed", 0xf11b_5707L);
    private static final long STORM_MILLIS = Long.getLong("atomics.test.stormMillis", 7_000);
    private static final int SIZE = 4096;
    private static final int OFFSET = 64;

    @ParameterizedTest(name = "{0} engine, width {1}")
    @CsvSource({"JVM, 1", "JVM, 8", "PATOMIC, 1", "PATOMIC, 8", "PATOMIC, 16"})
    void theJvmLivesEveryOpCompletesOrThrowsTypedAndTheAtomicIsCoherentAfterwards(Engine engine, int width)
            throws Exception {
        Patomic.assumeServes(engine);
        assumeTrue(ShmTestSupport.isLinux(), "the storm uses Linux shared memory");
        assertThat(FaultGuard.enabled())
                .as("the guard (%s)", FaultGuard.unavailableReason())
                .isTrue();
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, SIZE);
                AtomicViewContext<?> ctx = shm.atomicView(OFFSET, width, AtomicType.UINT.forWidth(width), engine)) {
            Counter view = new Counter(ctx.open());
            long faultsBefore = FaultGuard.faults(shm.range().guardIndex);
            long repairsBefore = FaultGuard.repairs(shm.range().guardIndex);

            Process flipper = startPeer("flip", "/" + name, Integer.toString(SIZE), Long.toString(STORM_MILLIS));
            awaitLine(flipper, "flipping");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong completed = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SplittableRandom random = new SplittableRandom(SEED + i);
                Thread t = new Thread(() -> hammer(view, shm, width, random, stop, completed, failed, unexpected));
                t.start();
                threads.add(t);
            }
            String flips = finish(flipper);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(unexpected.get())
                    .as("only MemoryFaultException may end an operation (seed %d)", SEED)
                    .isNull();
            long faults = FaultGuard.faults(shm.range().guardIndex) - faultsBefore;
            long repairs = FaultGuard.repairs(shm.range().guardIndex) - repairsBefore;

            // once the object is stable: the first operation may still find the mapping broken (and repair it)
            settle(view);
            long mask = width >= 8 ? -1L : (1L << (8 * width)) - 1;
            SharedAtomicHandle handle = SharedAtomicHandle.of(name, OFFSET, width, AtomicType.UINT);
            long base = low(view);
            for (int i = 0; i < 1_000; i++) {
                view.inc();
            }
            assertThat(Long.parseUnsignedLong(finish(startPeer("read", handle.toString()))) & mask)
                    .as("what a C process reads after 1,000 increments here")
                    .isEqualTo((base + 1_000) & mask);
            finish(startPeer(width == 16 ? "inc16" : "inc", handle.toString(), "1000"));
            assertThat(low(view) & mask)
                    .as("what this process reads after 1,000 increments by a C process")
                    .isEqualTo((base + 2_000) & mask);
            assertThat(view.high()).as("the high half never moved").isZero();

            System.out.printf(
                    "FlipStormTest %s width %d, Java %d: %s in %d ms, %d faults recovered, %d re-maps,"
                            + " %d ops completed, %d ops failed with MemoryFaultException, coherent after the storm"
                            + " (1,000 + 1,000 exact)%n",
                    engine,
                    width,
                    Runtime.version().feature(),
                    flips,
                    STORM_MILLIS,
                    faults,
                    repairs,
                    completed.get(),
                    failed.get());
            assertThat(failed.get()).as("the storm reached the operations").isPositive();
        }
    }

    private static void hammer(
            Counter view,
            SharedMemory shm,
            int width,
            SplittableRandom random,
            AtomicBoolean stop,
            AtomicLong completed,
            AtomicLong failed,
            AtomicReference<Throwable> unexpected) {
        long ok = 0;
        long typed = 0;
        try {
            while (!stop.get()) {
                try {
                    switch (random.nextInt(6)) {
                        case 0 -> view.inc();
                        case 1 -> view.fetchAdd(3);
                        case 2 -> view.compareAndSet(random.nextInt(100));
                        case 3 -> view.low();
                        case 4 -> view.store(random.nextInt(100));
                        default -> {
                            if (width == 16) {
                                shm.load128(OFFSET);
                            } else {
                                shm.load(OFFSET, width);
                            }
                        }
                    }
                    ok++;
                } catch (MemoryFaultException e) {
                    typed++;
                }
            }
        } catch (Throwable e) {
            unexpected.compareAndSet(null, e);
        } finally {
            completed.addAndGet(ok);
            failed.addAndGet(typed);
        }
    }

    private static void settle(Counter view) {
        for (int i = 0; ; i++) {
            try {
                view.low();
                return;
            } catch (MemoryFaultException e) {
                assertThat(i)
                        .as("the stable object is usable again after a repair")
                        .isLessThan(3);
            }
        }
    }

    private static long low(Counter view) {
        return view.low();
    }

    /** The operations the storm runs, on an unsigned atomic of 1 to 8 bytes or of 16. */
    private record Counter(dev.atomics.Atomic atomic) {
        void inc() {
            if (atomic instanceof AtomicUint128 a) {
                a.inc();
            } else {
                ((AtomicUint) atomic).inc();
            }
        }

        void fetchAdd(long v) {
            if (atomic instanceof AtomicUint128 a) {
                a.fetchAdd(Int128.ofUnsigned(v));
            } else {
                ((AtomicUint) atomic).fetchAdd(v);
            }
        }

        void compareAndSet(long v) {
            if (atomic instanceof AtomicUint128 a) {
                a.compareAndSet(a.load(), Int128.ofUnsigned(v));
            } else {
                AtomicUint u = (AtomicUint) atomic;
                u.compareAndSet(u.load(), v);
            }
        }

        void store(long v) {
            if (atomic instanceof AtomicUint128 a) {
                a.store(Int128.ofUnsigned(v));
            } else {
                ((AtomicUint) atomic).store(v);
            }
        }

        long low() {
            return atomic instanceof AtomicUint128 a ? a.load().low() : ((AtomicUint) atomic).load();
        }

        long high() {
            return atomic instanceof AtomicUint128 a ? a.load().high() : 0;
        }
    }
}
