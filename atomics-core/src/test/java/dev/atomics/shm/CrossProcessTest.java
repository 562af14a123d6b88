package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.finish;
import static dev.atomics.shm.ShmTestSupport.startPeer;
import static dev.atomics.shm.ShmTestSupport.startWorker;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.AtomicUint128;
import dev.atomics.Atomics;
import dev.atomics.Int128;
import dev.atomics.testing.CCompiler;
import dev.atomics.testing.Patomic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One shared atomic, several processes: JVMs ({@link ShmWorker}) and C programs ({@code src/test/c/shm_peer.c},
 * C11 atomics on a {@code shm_open} mapping; {@code lock cmpxchg16b} for 16 bytes) increment together, and
 * processes killed with SIGKILL leave no torn value.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ShmCleanup.class)
class CrossProcessTest {

    private static final int PER_JVM = 20_000;
    private static final int PER_C = 50_000;
    private static final int PER_JVM16 = 20_000;
    private static final int PER_C16 = 50_000;

    @BeforeAll
    static void needsACompiler() {
        assumeThat(CCompiler.available()).as("a C compiler").isTrue();
        ShmTestSupport.peer();
    }

    @Test
    void jvmProcessesIncrementOneCounterExactly() {
        String name = uniqueName();
        try (SharedAtomic<AtomicInt> counter = SharedAtomics.openOrCreate(name, 0, 8, AtomicType.INT);
                SharedAtomic<AtomicInt> go = SharedAtomics.openOrCreate(name, 8, 8, AtomicType.INT)) {
            String handle = counter.handle().toString();
            List<Process> workers = new ArrayList<>();
            String patomic = Patomic.available() ? "patomic" : "jvm"; // the run without native libraries has only jvm
            for (String engine : List.of("jvm", patomic, "auto", patomic)) {
                workers.add(startWorker(
                        "inc",
                        handle,
                        Integer.toString(PER_JVM),
                        engine,
                        go.handle().toString()));
            }
            for (Process w : workers) {
                ShmTestSupport.awaitLine(w, "ready");
            }
            go.get().store(1);
            AtomicInt c = counter.get();
            for (int i = 0; i < PER_JVM; i++) {
                c.inc();
            }
            for (Process w : workers) {
                assertThat(finish(w)).startsWith("done ");
            }
            assertThat(c.load()).isEqualTo(5L * PER_JVM);
        }
    }

    @Test
    void cProgramsAndJvmsIncrementTogetherExactly() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64);
                SharedAtomic<AtomicInt> counter = SharedAtomics.in(shm, 8, 8, AtomicType.INT);
                SharedAtomic<AtomicInt> go = SharedAtomics.in(shm, 32, 8, AtomicType.INT)) {
            String handle = counter.handle().toString();
            String start = go.handle().toString();
            List<Process> peers = new ArrayList<>();
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                workers.add(startWorker(
                        "inc",
                        handle,
                        Integer.toString(PER_JVM),
                        i == 0 || !Patomic.available() ? "jvm" : "patomic",
                        start));
                peers.add(startPeer("inc", handle, Integer.toString(PER_C), start));
            }
            for (Process p : peers) {
                ShmTestSupport.awaitLine(p, "ready");
            }
            for (Process w : workers) {
                ShmTestSupport.awaitLine(w, "ready");
            }
            go.get().store(1);
            AtomicInt c = counter.get();
            for (int i = 0; i < PER_JVM; i++) {
                c.inc();
            }
            for (Process p : peers) {
                assertThat(finish(p)).startsWith("done ");
            }
            for (Process w : workers) {
                assertThat(finish(w)).startsWith("done ");
            }
            assertThat(c.load()).isEqualTo(3L * PER_JVM + 2L * PER_C);
            assertThat(finish(startPeer("read", handle)))
                    .as("C reads the total")
                    .isEqualTo(Long.toString(c.load()));
            assertThat(shm.slice(0, 8).getLong(0)).as("neighbours untouched").isZero();
            assertThat(shm.slice(16, 8).getLong(0)).isZero();
        }
    }

    /** Width 16 where this JVM serves it, and where the C peer has its 16-byte compare-and-swap (x86-64). */
    private static void assume16() {
        assumeThat(Patomic.available()).as("the patomic library").isTrue();
        assumeThat(Atomics.nativeInfo().widths())
                .as("width 16 (a 16-byte compare-and-swap)")
                .contains(16);
        assumeThat(System.getProperty("os.arch")).as("the C peer's cmpxchg16b").isIn("amd64", "x86_64");
    }

    /**
     * Two JVMs, two C programs and this JVM add 1 with 16-byte compare-and-swap loops to one 16-byte counter that
     * starts below 2^64 and ends above it: the count is exact, every carry reached the high half, and the
     * neighbouring bytes are untouched.
     */
    @Test
    void cProgramsAndJvmsDo16ByteCompareAndSwapIncrementsExactly() {
        assume16();
        String name = uniqueName();
        long total = 3L * PER_JVM16 + 2L * PER_C16;
        Int128 start = Int128.ofUnsigned(-1L - total / 2);
        try (SharedMemory shm = SharedMemory.create(name, 64);
                SharedAtomic<AtomicUint128> counter = SharedAtomics.in(shm, 16, 16, AtomicType.UINT128);
                SharedAtomic<AtomicInt> go = SharedAtomics.in(shm, 48, 8, AtomicType.INT)) {
            AtomicUint128 c = counter.get();
            assertThat(c.engine()).isEqualTo(dev.atomics.Engine.PATOMIC);
            c.store(start);
            String handle = counter.handle().toString();
            String startLine = go.handle().toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(startWorker(
                        "inc16", handle, Integer.toString(PER_JVM16), i == 0 ? "auto" : "patomic", startLine));
                processes.add(startPeer("inc16", handle, Integer.toString(PER_C16), startLine));
            }
            for (Process p : processes) {
                ShmTestSupport.awaitLine(p, "ready");
            }
            go.get().store(1);
            for (int i = 0; i < PER_JVM16; i++) {
                Int128 e = c.load();
                Int128 seen;
                while (!(seen = c.compareAndExchange(e, e.add(Int128.ONE))).equals(e)) {
                    e = seen;
                }
            }
            for (Process p : processes) {
                assertThat(finish(p)).startsWith("done ");
            }
            Int128 end = start.add(Int128.valueOf(total));
            assertThat(c.load()).as("%s + %d", start.toUnsignedString(), total).isEqualTo(end);
            assertThat(end.high()).as("the count crossed 2^64").isEqualTo(1);
            assertThat(finish(startPeer("read", handle)))
                    .as("C reads the total")
                    .isEqualTo(end.toUnsignedString());
            assertThat(shm.slice(0, 16).getLong(0) | shm.slice(0, 16).getLong(8))
                    .as("neighbours untouched")
                    .isZero();
            assertThat(shm.slice(32, 16).getLong(0) | shm.slice(32, 16).getLong(8))
                    .isZero();
        }
    }

    /** 16-byte values go both ways whole: Java writes what C reads, C writes what Java reads, signed and unsigned. */
    @Test
    void javaAndCRead16ByteValuesTheOtherWrote() {
        assume16();
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 32);
                SharedAtomic<AtomicInt128> i = SharedAtomics.in(shm, 0, 16, AtomicType.INT128);
                SharedAtomic<AtomicUint128> u = SharedAtomics.in(shm, 16, 16, AtomicType.UINT128)) {
            i.get().store(Int128.MIN_VALUE);
            assertThat(finish(startPeer("read", i.handle().toString())))
                    .isEqualTo("-170141183460469231731687303715884105728");
            u.get().store(Int128.ALL_ONES);
            assertThat(finish(startPeer("read", u.handle().toString())))
                    .isEqualTo("340282366920938463463374607431768211455");
            u.get().store(new Int128(1, 0));
            assertThat(finish(startPeer("read", u.handle().toString()))).isEqualTo("18446744073709551616");
            assertThat(finish(startPeer("write", i.handle().toString(), "-5"))).isEqualTo("written");
            assertThat(i.get().load()).isEqualTo(Int128.valueOf(-5));
            assertThat(finish(startPeer("write", u.handle().toString(), "77"))).isEqualTo("written");
            assertThat(u.get().load()).isEqualTo(Int128.valueOf(77));
        }
    }

    @Test
    void javaAndCReadWhatTheOtherWrote() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            long[] values = {0x5A, 0x1234, 0x89ABCDEFL, 0x0123456789ABCDEFL};
            int slot = 0;
            for (int width : new int[] {1, 2, 4, 8}) {
                long offset = 8L * slot++;
                try (SharedAtomic<AtomicInt> i = SharedAtomics.in(shm, offset, width, AtomicType.INT);
                        SharedAtomic<AtomicUint> u = SharedAtomics.in(shm, offset + 32, width, AtomicType.UINT)) {
                    long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
                    long unsigned = values[slot - 1] & mask;
                    // Java writes, C reads
                    u.get().store(unsigned);
                    assertThat(finish(startPeer("read", u.handle().toString())))
                            .isEqualTo(Long.toUnsignedString(unsigned));
                    i.get().store(-5);
                    assertThat(finish(startPeer("read", i.handle().toString()))).isEqualTo("-5");
                    // C writes, Java reads
                    assertThat(finish(startPeer("write", i.handle().toString(), "-100")))
                            .isEqualTo("written");
                    assertThat(i.get().load()).isEqualTo(-100);
                    assertThat(finish(startPeer("write", u.handle().toString(), "77")))
                            .isEqualTo("written");
                    assertThat(u.get().load()).isEqualTo(77);
                }
            }
            // bytes: memory order is native order, as C sees it
            try (SharedAtomic<AtomicBytes> b = SharedAtomics.in(shm, 56, 8, AtomicType.BYTES)) {
                b.get().store(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
                String expected = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                        ? "1"
                        : Long.toUnsignedString(1L << 56);
                assertThat(finish(startPeer("read", b.handle().toString()))).isEqualTo(expected);
            }
        }
    }

    @Test
    void javaOpensAnObjectCreatedByC() {
        String name = uniqueName();
        assertThat(finish(startPeer("create", "/" + name, "4096"))).isEqualTo("created");
        SharedAtomicHandle h = SharedAtomicHandle.of(name, 4088, 8, AtomicType.INT);
        assertThat(finish(startPeer("write", h.toString(), "-9"))).isEqualTo("written");
        try (SharedMemory shm = SharedMemory.open(name)) {
            assertThat(shm.size()).isEqualTo(4096);
            assertThat(shm.slice(0, 4088).getLong(0)).isZero();
            try (SharedAtomic<AtomicInt> a = SharedAtomics.in(shm, 4088, 8, AtomicType.INT)) {
                assertThat(a.get().load()).isEqualTo(-9);
            }
        }
        try (SharedMemory grown = SharedMemory.openOrCreate(name, 8192)) {
            assertThat(finish(startPeer("size", "/" + name))).isEqualTo("8192");
        }
    }

    @Test
    void pythonSharedMemoryOfTheSameNameIsTheSameObject() throws Exception {
        assumeThat(pythonAvailable())
                .as("python3 with multiprocessing.shared_memory")
                .isTrue();
        String name = uniqueName();
        try (SharedAtomic<AtomicInt> a = SharedAtomics.create(name, 8, AtomicType.INT)) {
            a.get().store(-123456789012L);
            String script = String.join(
                    "\n",
                    "import struct, sys",
                    "from multiprocessing import shared_memory, resource_tracker",
                    "shm = shared_memory.SharedMemory(name=sys.argv[1])",
                    "resource_tracker.unregister(shm._name, 'shared_memory')  # attach only: do not unlink at exit",
                    "print(struct.unpack_from('=q', shm.buf, 0)[0])",
                    "struct.pack_into('=q', shm.buf, 0, 987654321)",
                    "shm.close()");
            Process p = new ProcessBuilder("python3", "-c", script, a.handle().bareName())
                    .redirectErrorStream(true)
                    .start();
            assertThat(finish(p)).isEqualTo("-123456789012");
            assertThat(a.get().load()).isEqualTo(987654321L);
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import multiprocessing.shared_memory")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Three JVMs and one C program loop {@code counter.inc(); mySlot.store(++mine)} until killed with SIGKILL.
     * Increments are single atomic instructions, so a kill can leave only whole increments: the counter equals
     * the sum of the slots plus at most one increment per killed process (done, but not yet counted in its slot).
     */
    @Test
    void processesKilledMidLoopLeaveNoTornValue() throws Exception {
        String name = uniqueName();
        int processes = 4;
        try (SharedMemory shm = SharedMemory.create(name, 8L * (1 + processes));
                SharedAtomic<AtomicInt> counter = SharedAtomics.in(shm, 0, 8, AtomicType.INT)) {
            List<Process> running = new ArrayList<>();
            List<SharedAtomicHandle> slots = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                SharedAtomicHandle slot = SharedAtomicHandle.of(name, 8L * (i + 1), 8, AtomicType.INT);
                slots.add(slot);
                running.add(
                        i == processes - 1
                                ? startPeer("fault", counter.handle().toString(), slot.toString())
                                : startWorker("fault", counter.handle().toString(), slot.toString()));
            }
            for (Process p : running) {
                ShmTestSupport.awaitLine(p, "ready");
            }
            AtomicInt c = counter.get();
            long before = c.load();
            Thread.sleep(200);
            assertThat(c.load()).as("all are incrementing").isGreaterThan(before);
            for (Process p : running) {
                p.destroyForcibly(); // SIGKILL
            }
            for (Process p : running) {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            }
            long total = c.load();
            long sum = 0;
            for (SharedAtomicHandle slot : slots) {
                long mine = shm.slice(slot.offset(), 8).getLong(0);
                assertThat(mine).as("every process made progress").isPositive();
                sum += mine;
            }
            assertThat(total - sum)
                    .as("counter %d vs sum of slots %d", total, sum)
                    .isBetween(0L, (long) processes);
            c.inc();
            assertThat(c.load()).as("the counter still works").isEqualTo(total + 1);
        }
    }
}
