package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Engine;
import dev.atomics.ViewContextException;
import dev.atomics.testing.Patomic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A view's context, then its shared memory, closing while threads hammer {@code fetchAdd} on the view: every
 * increment that returned normally must be in the shared object as another mapping of it sees it, and every
 * other one must have thrown {@link ViewContextException}. Nothing may crash or land in other memory.
 */
@ExtendWith(ShmCleanup.class)
class ViewCloseRaceTest {

    private static final long SEED = Long.getLong("atomics.test.seed", 0x5eed_c1a5eL);

    @ParameterizedTest(name = "{0} engine, {1} threads, {2} rounds")
    @CsvSource({"JVM, 1, 200", "PATOMIC, 1, 200", "JVM, 16, 30", "PATOMIC, 16, 30"})
    void incrementsThatReturnedAreAllInTheSharedObject(Engine engine, int threads, int rounds) throws Exception {
        Patomic.assumeServes(engine);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < rounds; round++) {
            long delayNanos = random.nextLong(200_000);
            String name = uniqueName();
            SharedMemory shm = SharedMemory.create(name, 64);
            try (SharedMemory peer = SharedMemory.open(name)) {
                AtomicIntViewContext ctx = shm.atomicView(8, 8, AtomicType.INT, engine);
                long returned = hammerWhileClosing(ctx, shm, threads, delayNanos);
                assertThat(peer.slice(8, 8).getLong(0))
                        .as(
                                "round %d (seed %d, close after %d ns): increments that returned normally",
                                round, SEED, delayNanos)
                        .isEqualTo(returned);
            }
            SharedMemory.unlink(name);
        }
    }

    /** Runs the hammering threads, closes the context then the mapping after the delay, and counts the returns. */
    private static long hammerWhileClosing(AtomicIntViewContext ctx, SharedMemory shm, int threads, long delayNanos)
            throws InterruptedException {
        AtomicIntView view = ctx.open();
        AtomicLong returned = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long mine = 0;
                started.countDown();
                try {
                    while (true) {
                        view.fetchAdd(1);
                        mine++;
                    }
                } catch (ViewContextException closed) {
                    // the way out: this increment did not happen
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    returned.addAndGet(mine);
                }
            });
            t.start();
            workers.add(t);
        }
        started.await();
        long until = System.nanoTime() + delayNanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        ctx.close();
        shm.close(); // no user is left, so it closes while threads may still be inside an operation
        for (Thread t : workers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        return returned.get();
    }
}
