package dev.atomics.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.shm.SharedMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With {@code atomics.engine=jvm} (and with {@code auto}, which is jvm at widths 1 to 8) the patomic library and the
 * call
 * bridge are never extracted nor loaded, also when health and the endpoint look at the atomics: a JVM of its own
 * ({@code -verbose:class}) never loads the classes that load them. (A shared entry may load the project's own
 * fault-guard library, which the issue allows: it is not patomic.)
 */
class JvmEngineLoadsNoNativeLibraryTest {

    /** What loads patomic and the call bridge. (Shared memory may load the project's own fault-guard library.) */
    private static final String PATOMIC = "dev.atomics.nativelib.PatomicLibrary ";

    private static final String BRIDGE = "dev.atomics.nativelib.Bridge ";

    @Test
    void withTheJvmEngineNoNativeLibraryIsLoaded() throws Exception {
        String shm = "atomics-test-jvm-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        try {
            String out = run(
                    "--atomics.engine=jvm",
                    "--atomics.instances.counter.type=int",
                    "--atomics.instances.level.type=uint",
                    "--atomics.instances.level.width=1",
                    "--atomics.instances.flags.type=bytes",
                    "--atomics.instances.flags.width=4",
                    "--atomics.shared.jobs.shm=" + shm,
                    "--atomics.shared.jobs.create=true");
            assertThat(out)
                    .contains("write 200", "done", "not loaded: no atomic uses the patomic engine")
                    .doesNotContain(PATOMIC)
                    .doesNotContain(BRIDGE);
        } finally {
            if (SharedMemory.exists(shm)) {
                SharedMemory.unlink(shm);
            }
        }
    }

    @Test
    void aPatomicAtomicLoadsIt() throws Exception {
        // the check above sees loading when it happens
        String out = run("--atomics.instances.counter.type=int", "--atomics.instances.counter.engine=patomic");
        assertThat(out).contains("write 200", "done").contains(PATOMIC).contains(BRIDGE);
    }

    private static String run(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("atomics-jvm-engine-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                JvmEngineApp.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
