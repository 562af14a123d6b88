package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicInt;
import dev.atomics.shm.SharedMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The documented cross-process run, automated: the app is up with its shared counter in shared memory; the C
 * client, built by the same script a user runs, adds to the counter from another process; the app's
 * {@code /actuator/atomics/jobs-done} rises by exactly what the program added.
 */
class CrossProcessTest extends AbstractSampleAppTest {

    static Path client;

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    /** Builds src/main/c/jobs_client.c with scripts/build-client.sh into target/test-clients/. */
    @BeforeAll
    static void buildClient() throws Exception {
        Path module = Files.isRegularFile(Path.of("scripts/build-client.sh")) ? Path.of("") : Path.of("sample-app");
        Path script = module.resolve("scripts/build-client.sh").toAbsolutePath();
        assertThat(script).as("the build script").isRegularFile();
        client = module.resolve("target/test-clients/jobs_client").toAbsolutePath();
        Result built = run(List.of("bash", script.toString(), client.toString()), 120);
        assertThat(built.exitCode())
                .as("building the C client needs a C compiler (cc, gcc or clang): %s", built)
                .isZero();
        assertThat(client).isExecutable();
    }

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out after %d s: %s", timeoutSeconds, command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    long endpointValue() {
        return Long.parseLong(
                getJson("/actuator/atomics/jobs-done").get("value").asString());
    }

    @Test
    void theCounterRisesByExactlyWhatTheCProgramAdded() throws Exception {
        long before = endpointValue();
        Result result = run(List.of(client.toString(), "-n", "250000", SHM), 120);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output()).contains("added 250000");

        assertThat(endpointValue()).isEqualTo(before + 250_000);
        assertThat(getJson("/api/jobs").get("jobsDone").asLong()).isEqualTo(before + 250_000);
        assertThat(jobsDone.load()).isEqualTo(before + 250_000);
    }

    @Test
    void noIncrementIsLostWhenTwoCProgramsAndTheAppCountAtOnce() throws Exception {
        long before = endpointValue();
        int perProcess = 300_000;
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(client.toString(), "-q", "-n", Integer.toString(perProcess), "/" + SHM)
                    .redirectErrorStream(true)
                    .start());
        }
        int fromTheApp = 0;
        while (processes.stream().anyMatch(Process::isAlive) || fromTheApp < 20) {
            assertThat(post("/api/jobs").status()).isEqualTo(200);
            fromTheApp++;
            for (int k = 0; k < 1000; k++) {
                jobsDone.inc();
            }
            fromTheApp += 1000;
        }
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
        }
        assertThat(endpointValue()).isEqualTo(before + 2L * perProcess + fromTheApp);
    }

    /**
     * The stdlib-only Python one-liner of docs/interop.md reads the same counter, and thanks to its
     * {@code resource_tracker.unregister} leaves the object in place when it exits. Runs where python3 is installed.
     */
    @Test
    void pythonsOneLinerReadsTheCounterAndLeavesTheObjectInPlace() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        jobsDone.store(987_654_321_012L);
        String oneLiner = "import struct; from multiprocessing import resource_tracker as rt;"
                + " from multiprocessing.shared_memory import SharedMemory as S; s = S(name=\"" + SHM + "\");"
                + " rt.unregister(s._name, \"shared_memory\"); print(struct.unpack_from(\"=q\", s.buf, 0)[0])";
        Result result = run(List.of("python3", "-c", oneLiner), 60);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output().strip()).isEqualTo("987654321012");
        Thread.sleep(500); // the resource tracker would unlink right after the interpreter exits
        assertThat(SharedMemory.exists(SHM))
                .as("the object survives the Python process")
                .isTrue();
        assertThat(get("/actuator/health")
                        .json()
                        .at("/components/atomics/status")
                        .asString())
                .isEqualTo("UP");
        jobsDone.store(0);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    @Test
    void theClientRefusesAMissingObjectAndTellsToStartTheApp() throws Exception {
        String missing = SHM + "-none";
        assertThat(SharedMemory.exists(missing)).isFalse();
        Result result = run(List.of(client.toString(), "-n", "1", missing), 30);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("start the sample app first");
        assertThat(SharedMemory.exists(missing))
                .as("the client never creates the object")
                .isFalse();
    }

    @Test
    void theClientRemovesAnObjectWithDashU() throws Exception {
        String scratch = SHM + "-u";
        SharedMemory.create(scratch, 8).close();
        try {
            Result result = run(List.of(client.toString(), "-u", scratch), 30);
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(SharedMemory.exists(scratch)).isFalse();
        } finally {
            if (SharedMemory.exists(scratch)) {
                SharedMemory.unlink(scratch);
            }
        }
    }
}
