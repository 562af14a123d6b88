package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.CCompiler;
import dev.atomics.testing.Patomic;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes (JVMs on either engine, and a C program) increment one counter in a memory-mapped
 * file at the same time; no increment is lost, and each side reads the other's values.
 */
class MappedFileProcessesTest {

    private static final int PER_PROCESS = 20_000;

    @TempDir
    Path dir;

    private Path counterFile() throws IOException {
        Path file = dir.resolve("counter.bin");
        Files.write(file, new byte[64]);
        return file;
    }

    private static Process startJvm(Path file, int offset, int width, String engine, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MappedFileIncrementer.class.getName(),
                        file.toString(),
                        Integer.toString(offset),
                        Integer.toString(width),
                        Integer.toString(PER_PROCESS),
                        engine,
                        mode)
                .redirectErrorStream(true)
                .start();
    }

    private static String finish(Process p) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static long read(Path file, int offset, int width) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
            try (AtomicIntViewContext ctx = Atomics.atomicView(map.slice(offset, width), AtomicType.INT)) {
                return ctx.open().load();
            }
        }
    }

    @Test
    void jvmProcessesOnBothEnginesShareOneCounterExactly() throws Exception {
        Patomic.assume();
        Path file = counterFile();
        List<Process> ps = new ArrayList<>();
        ps.add(startJvm(file, 8, 8, "jvm", "inc"));
        ps.add(startJvm(file, 8, 8, "patomic", "inc"));
        ps.add(startJvm(file, 8, 8, "jvm", "cas"));
        ps.add(startJvm(file, 8, 8, "patomic", "cas"));
        List<String> outputs = new ArrayList<>();
        for (Process p : ps) {
            outputs.add(finish(p));
        }
        assertThat(outputs).anyMatch(o -> o.contains("engine=JVM")).anyMatch(o -> o.contains("engine=PATOMIC"));
        assertThat(read(file, 8, 8)).isEqualTo(4L * PER_PROCESS);
    }

    @Test
    void narrowCountersAreSharedThroughPatomicToo() throws Exception {
        Patomic.assume();
        Path file = counterFile();
        Process a = startJvm(file, 2, 2, "auto", "inc");
        Process b = startJvm(file, 2, 2, "patomic", "cas");
        finish(a);
        finish(b);
        assertThat(read(file, 2, 2)).as("2-byte counter wraps modulo 2^16").isEqualTo((short) (2 * PER_PROCESS));
    }

    @Test
    void aCProgramAndJvmsIncrementTogetherAndReadEachOther() throws Exception {
        Patomic.assume();
        Path exe = CCompiler.compile(
                CCompiler.testSource("mapped_counter.c"), CCompiler.outputDir().resolve("mapped_counter"));
        Path file = counterFile();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
            try (AtomicUintViewContext probe = Atomics.atomicView(map.slice(16, 8), AtomicType.UINT)) {
                probe.open().store(0x0102030405060708L);
            }
            Process jvm1 = startJvm(file, 8, 8, "jvm", "inc");
            Process jvm2 = startJvm(file, 8, 8, "patomic", "inc");
            Process c = new ProcessBuilder(exe.toString(), file.toString(), "8", Integer.toString(PER_PROCESS), "16")
                    .redirectErrorStream(true)
                    .start();
            String cOut = finish(c);
            finish(jvm1);
            finish(jvm2);
            assertThat(cOut).contains("probe=0102030405060708").contains("done=" + PER_PROCESS);
            try (AtomicUintViewContext fromC = Atomics.atomicView(map.slice(24, 8), AtomicType.UINT)) {
                assertThat(fromC.open().load()).isEqualTo(0x1122334455667788L);
            }
            assertThat(map.order(ByteOrder.nativeOrder()).getLong(8)).isEqualTo(3L * PER_PROCESS);
        }
    }

    /**
     * Six counters of 1 and 2 bytes packed into two 4-byte words, each incremented by its own process: JVMs
     * on the JVM engine (a compare-and-exchange loop on the whole word) by {@code inc} and by a
     * {@code cmpxchgWeak} loop, C programs with 1- and 2-byte C11 atomics, and a JVM on patomic where it loads.
     * Every counter ends exactly right: no process's word-wide write lost a neighbour's increment.
     */
    @Test
    void neighbouringNarrowCountersInOneWordAcrossProcessesLoseNothing() throws Exception {
        Path exe = CCompiler.compile(
                CCompiler.testSource("narrow_counter.c"), CCompiler.outputDir().resolve("narrow_counter"));
        Path file = counterFile();
        List<Process> ps = new ArrayList<>();
        ps.add(startJvm(file, 8, 1, "jvm", "inc"));
        ps.add(startC(exe, file, 9, 1));
        ps.add(startJvm(file, 10, 2, "jvm", "cas"));
        ps.add(startJvm(file, 12, 2, "jvm", "inc"));
        ps.add(startC(exe, file, 14, 1));
        boolean patomic = Patomic.available();
        if (patomic) {
            ps.add(startJvm(file, 15, 1, "patomic", "inc"));
        }
        for (Process p : ps) {
            finish(p);
        }
        assertThat(read(file, 8, 1)).isEqualTo((byte) PER_PROCESS);
        assertThat(read(file, 9, 1)).isEqualTo((byte) PER_PROCESS);
        assertThat(read(file, 10, 2)).isEqualTo((short) PER_PROCESS);
        assertThat(read(file, 12, 2)).isEqualTo((short) PER_PROCESS);
        assertThat(read(file, 14, 1)).isEqualTo((byte) PER_PROCESS);
        assertThat(read(file, 15, 1)).isEqualTo(patomic ? (byte) PER_PROCESS : 0);
    }

    private static Process startC(Path exe, Path file, int offset, int width) throws IOException {
        return new ProcessBuilder(
                        exe.toString(),
                        file.toString(),
                        Integer.toString(offset),
                        Integer.toString(width),
                        Integer.toString(PER_PROCESS))
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void theCompilerHelperReportsFailures() {
        assertThat(CCompiler.findCompiler())
                .as("a C compiler is needed for the interop tests")
                .isPresent();
        assertThat(Duration.ofSeconds(1)).isPositive();
    }
}
