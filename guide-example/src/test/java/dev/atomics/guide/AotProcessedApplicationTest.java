package dev.atomics.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.jayway.jsonpath.DocumentContext;
import dev.atomics.shm.SharedMemory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The guide's application, AOT-processed by this module's build ({@code process-aot}), started in a JVM of its own with
 * {@code -Dspring.aot.enabled=true}: its atomics, the endpoint, the gauges and step 3's endpoint work, and atomics and
 * properties given only at run time are honoured (the starter's bean registrar runs again at run time). The run uses
 * test isolation, so it also shows that a normal shutdown (SIGTERM) of an isolated application removes its object.
 */
class AotProcessedApplicationTest {

    @Test
    void theAotProcessedApplicationServesItsAtomicsEndpointAndMeters() throws Exception {
        assertThat(getClass()
                        .getClassLoader()
                        .getResource("dev/atomics/guide/GuideApplication__ApplicationContextInitializer.class"))
                .as("process-aot ran in this module's build")
                .isNotNull();
        int port = freePort();
        Path log = Files.createTempFile("guide-aot-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dspring.aot.enabled=true",
                "-cp",
                classPath(),
                GuideApplication.class.getName(),
                "--server.port=" + port,
                "--atomics.test.isolate=true",
                // an atomic the build-time configuration did not have
                "--atomics.instances.late.type=uint",
                "--atomics.instances.late.initial-value=7",
                "--atomics.instances.late.meter=counter"));
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String shm;
        try {
            Http http = new Http(port);
            awaitUp(app, http, log);
            assertThat(Files.readString(log))
                    .contains("Starting AOT-processed GuideApplication")
                    // Java 24+ warns about JNA's System.load unless native access is enabled, as the guide says
                    .doesNotContain("WARNING: A restricted method");

            DocumentContext json = http.get("/actuator/atomics").json();
            Map<String, Object> atomics = json.read("$.atomics");
            assertThat(atomics).containsOnlyKeys("requests", "level", "flags", "jobs-done", "late");
            assertThat(json.read("$.atomics.level.value", String.class)).isEqualTo("3");
            assertThat(json.read("$.atomics.late.value", String.class)).isEqualTo("7");
            shm = json.read("$.atomics.jobs-done.source.target", String.class);
            assertThat(shm).startsWith("guide-jobs-test-");
            assertThat(SharedMemory.exists(shm)).isTrue();

            // the controller gets its atomic bean, registered at run time
            assertThat(http.post("/api/level/cas?expected=3&desired=4").body()).isEqualTo("4");
            assertThat(http.get("/actuator/atomics/level").json().read("$.value", String.class))
                    .isEqualTo("4");
            List<String> scrape =
                    http.get("/actuator/prometheus").body().lines().toList();
            assertThat(scrape)
                    .contains(
                            "atomics_value{name=\"level\",source=\"instance\",type=\"uint\"} 4.0",
                            "atomics_count_total{name=\"late\",source=\"instance\",type=\"uint\"} 7.0");
            assertThat(http.get("/actuator/health/atomics").json().read("$.status", String.class))
                    .isEqualTo("UP");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
                fail("the application did not stop within 30 s:\n" + Files.readString(log));
            }
        }
        assertThat(SharedMemory.exists(shm))
                .as("removed when the isolated application stopped:\n%s", Files.readString(log))
                .isFalse();
        Files.deleteIfExists(log);
    }

    private static void awaitUp(Process app, Http http, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("the application exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("the application did not start within 90 s:\n" + Files.readString(log));
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
