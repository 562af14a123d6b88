package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.Patomic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's two-thread example: no increment is lost, by inc or by a cmpxchgWeak loop. */
class ThreadsTest {

    private static final int TOTAL = 200_000;

    @ParameterizedTest(name = "width {0}, {1}")
    @CsvSource({"8,JVM", "8,PATOMIC", "4,JVM", "4,PATOMIC", "2,JVM", "1,JVM"})
    void twoThreadsIncrementingLoseNothing(int width, Engine engine) throws InterruptedException {
        Patomic.assumeServes(engine);
        AtomicUint a = Atomics.atomic(width, AtomicType.UINT, engine);
        run(() -> {
            for (int i = 0; i < TOTAL / 2; i++) {
                a.inc();
            }
        });
        assertThat(a.load()).isEqualTo(width == 8 ? TOTAL : TOTAL & ((1L << (8 * width)) - 1));
    }

    @ParameterizedTest(name = "width {0}, {1}")
    @CsvSource({"8,JVM", "8,PATOMIC", "4,JVM", "2,PATOMIC", "1,PATOMIC", "2,JVM", "1,JVM"})
    void cmpxchgWeakLoopsLoseNothing(int width, Engine engine) throws InterruptedException {
        Patomic.assumeServes(engine);
        AtomicUint a = Atomics.atomic(width, AtomicType.UINT, engine);
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        run(() -> {
            for (int i = 0; i < TOTAL / 2; i++) {
                CmpxchgResult r = new CmpxchgResult(false, a.load());
                while (!r.success()) {
                    r = a.cmpxchgWeak(r.expected(), (r.expected() + 1) & mask);
                }
            }
        });
        assertThat(a.load()).isEqualTo(TOTAL & mask);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JVM", "PATOMIC"})
    void bitsSetByManyThreadsAreAllSeen(Engine engine) throws InterruptedException {
        Patomic.assumeServes(engine);
        AtomicBytes flags = Atomics.atomic(8, AtomicType.BYTES, engine);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 16;
            threads.add(new Thread(() -> {
                for (int b = base; b < base + 16; b++) {
                    assertThat(flags.bitSet(b)).isFalse();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(flags.load()).containsOnly((byte) 0xFF);
    }

    @ParameterizedTest(name = "width {0}")
    @CsvSource({"1", "2", "4", "8"})
    void bothEnginesOnOneLocationLoseNothing(int width) throws InterruptedException {
        Patomic.assume();
        java.nio.ByteBuffer shared =
                java.nio.ByteBuffer.allocateDirect(16).alignedSlice(8).slice(0, width);
        try (AtomicIntViewContext jvmCtx = Atomics.atomicView(shared, AtomicType.INT, Engine.JVM);
                AtomicIntViewContext patomicCtx = Atomics.atomicView(shared, AtomicType.INT, Engine.PATOMIC)) {
            AtomicIntView viaJvm = jvmCtx.open();
            AtomicIntView viaPatomic = patomicCtx.open();
            assertThat(viaJvm.engine()).isEqualTo(Engine.JVM);
            assertThat(viaPatomic.engine()).isEqualTo(Engine.PATOMIC);
            Thread t1 = new Thread(() -> {
                for (int i = 0; i < TOTAL / 2; i++) {
                    viaJvm.inc();
                }
            });
            Thread t2 = new Thread(() -> {
                for (int i = 0; i < TOTAL / 2; i++) {
                    viaPatomic.fetchAdd(1);
                }
            });
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            long expected = (long) (int) TOTAL << (64 - 8 * width) >> (64 - 8 * width);
            assertThat(viaJvm.load()).isEqualTo(expected);
            assertThat(viaPatomic.load()).isEqualTo(expected);
        }
    }

    /**
     * Width 16: two threads add across the 2^64 boundary of the halves, by {@code inc}, by {@code fetchAdd128} and
     * by a {@code compareAndExchange128} loop; every increment lands, with its carry into the high half.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"inc", "fetchAdd", "casLoop"})
    void twoThreadsOnA16ByteCounterLoseNothing(String how) throws InterruptedException {
        Patomic.assume();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Atomics.nativeInfo().widths().contains(16), "no width 16 here");
        AtomicUint128 a = Atomics.atomic(16, AtomicType.UINT128);
        Int128 start = Int128.ofUnsigned(-1L - TOTAL / 4); // crosses 2^64 halfway
        a.store(start);
        run(() -> {
            for (int i = 0; i < TOTAL / 2; i++) {
                switch (how) {
                    case "inc" -> a.inc();
                    case "fetchAdd" -> a.fetchAdd(Int128.ONE);
                    default -> {
                        Int128 e = a.load();
                        Int128 w;
                        while (!(w = a.compareAndExchange(e, e.add(Int128.ONE))).equals(e)) {
                            e = w;
                        }
                    }
                }
            }
        });
        assertThat(a.load()).isEqualTo(start.add(Int128.valueOf(TOTAL)));
        assertThat(a.load().high()).isEqualTo(1);
    }

    private static void run(Runnable body) throws InterruptedException {
        Thread t1 = new Thread(body);
        Thread t2 = new Thread(body);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
