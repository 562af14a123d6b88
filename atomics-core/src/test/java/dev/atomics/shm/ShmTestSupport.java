package dev.atomics.shm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import dev.atomics.testing.CCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Names, cleanup and sub-processes for the shared-memory tests. Every object is named
 * {@code atomics-test-<pid>-<n>}, remembered, and unlinked by {@link #cleanup()}; {@link #assertNothingLeft()}
 * checks that /dev/shm holds no object with this JVM's prefix.
 */
final class ShmTestSupport {

    static final String PREFIX = "atomics-test-" + ProcessHandle.current().pid() + "-";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();
    private static volatile Path peer;

    private ShmTestSupport() {}

    /** A fresh unique name (without leading '/'), remembered for cleanup. */
    static String uniqueName() {
        String name = PREFIX + COUNTER.incrementAndGet();
        CREATED.add(name);
        return name;
    }

    /** Kills every sub-process still running (SIGKILL), then unlinks every remembered name that still exists. */
    static void cleanup() {
        for (Process p : STARTED) {
            if (p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        STARTED.clear();
        for (String name : CREATED) {
            try {
                SharedMemory.unlink(name);
            } catch (SharedMemoryNotFoundException ignored) {
                // already gone
            }
        }
        CREATED.clear();
    }

    /** On Linux: /dev/shm holds nothing with this JVM's prefix. */
    static void assertNothingLeft() {
        Path dir = Path.of("/dev/shm");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX))
                    .toList();
            assertThat(left).as("shared-memory objects left in /dev/shm").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLinux() {
        return Platform.isLinux();
    }

    /** Lines of /proc/self/maps that map /dev/shm/<name> (Linux). */
    static List<String> mapsOf(String name) {
        try {
            String suffix = "/dev/shm/" + name;
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.endsWith(suffix) || l.endsWith(suffix + " (deleted)"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs System.gc() until the condition holds or 10 s pass; returns whether it held. */
    static boolean gcUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    // ---------------------------------------------------------------------------------------------
    // Sub-processes
    // ---------------------------------------------------------------------------------------------

    /** The C peer (src/test/c/shm_peer.c), compiled once per test run. */
    static synchronized Path peer() {
        if (peer == null) {
            List<String> libs = new ArrayList<>();
            if (isLinux()) {
                libs.add("-lrt");
            }
            peer = CCompiler.compile(
                    CCompiler.testSource("shm_peer.c"),
                    CCompiler.outputDir().resolve("shm_peer"),
                    libs.toArray(String[]::new));
        }
        return peer;
    }

    /** Starts the C peer with arguments (stderr merged into stdout). */
    static Process startPeer(String... args) {
        List<String> command = new ArrayList<>();
        command.add(peer().toAbsolutePath().toString());
        command.addAll(List.of(args));
        return start(command);
    }

    /** Starts a JVM running {@link ShmWorker} with the test classpath. */
    static Process startWorker(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("--enable-native-access=ALL-UNNAMED"); // JNA, quietly on Java 24+ (accepted since 17)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        command.add(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
        command.add(ShmWorker.class.getName());
        command.addAll(List.of(args));
        return start(command);
    }

    private static Process start(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            STARTED.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for a process to exit (at most 60 s) and returns its output; fails unless the exit code is 0. */
    static String finish(Process p) {
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(
                        "process did not finish: " + p.info().commandLine().orElse("?") + "\n" + out);
            }
            assertThat(p.exitValue())
                    .as("exit code of %s, output:%n%s", p.info().commandLine().orElse("?"), out)
                    .isZero();
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Reads the output byte by byte (nothing is buffered past the line, so {@link #finish} sees the rest) until
     * a line equals {@code line}; fails with the output if the process ends first. Bounded by the tests' timeouts.
     */
    static void awaitLine(Process p, String line) {
        InputStream in = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        StringBuilder current = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                seen.append((char) b);
                if (b == '\n') {
                    if (current.toString().trim().equals(line)) {
                        return;
                    }
                    current.setLength(0);
                } else {
                    current.append((char) b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("process never printed '" + line + "'; output:\n" + seen);
    }
}
