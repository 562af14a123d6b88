package dev.atomics.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import dev.atomics.AtomicInt;
import dev.atomics.engine.Engines;
import dev.atomics.shm.SharedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a hostile or careless peer process can do to shared memory under a running application, done by a real
 * Python process: shrink objects (every engine, widths 1, 2, 4 and 8; the atomics sit on the page that
 * disappears, where any touch would raise SIGBUS) and put a new object under a name. The application must stay
 * alive and its endpoint, Prometheus scrape and health must keep answering, showing the atomics concerned as
 * unavailable (no value, NaN, DOWN naming them) instead of reading them.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeerDamageIntegrationTest {

    private static final String PREFIX =
            "atomics-test-" + ProcessHandle.current().pid() + "-peer-";

    /** One shared atomic alone on its object, at offset 4096: the second page, gone once the object shrinks. */
    record Case(String name, String engine, int width) {
        String shm() {
            return PREFIX + name;
        }
    }

    static final List<Case> SHRUNK = cases();
    static final String SWAPPED = "swapped";
    static final String INTACT = "intact";

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int width : new int[] {1, 2, 4, 8}) {
            cases.add(new Case("patomic-" + width, "patomic", width));
            if (Engines.jvmSupports(width)) {
                cases.add(new Case("jvm-" + width, "jvm", width));
            }
        }
        return cases;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("management.endpoints.web.exposure.include", () -> "atomics,health,prometheus");
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add("management.endpoint.atomics.access", () -> "unrestricted");
        for (Case c : SHRUNK) {
            String p = "atomics.shared." + c.name();
            registry.add(p + ".shm", c::shm);
            registry.add(p + ".offset", () -> "4096");
            registry.add(p + ".width", () -> Integer.toString(c.width()));
            registry.add(p + ".engine", c::engine);
            registry.add(p + ".create", () -> "true");
        }
        for (String name : List.of(SWAPPED, INTACT)) {
            registry.add("atomics.shared." + name + ".shm", () -> PREFIX + name);
            registry.add("atomics.shared." + name + ".create", () -> "true");
        }
    }

    @AfterAll
    static void cleanup() {
        for (String name : names()) {
            if (SharedMemory.exists(PREFIX + name)) {
                SharedMemory.unlink(PREFIX + name);
            }
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(SHRUNK.stream().map(Case::name).toList());
        names.add(SWAPPED);
        names.add(INTACT);
        return names;
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(SWAPPED)
    AtomicInt swapped;

    @Autowired
    @Qualifier(INTACT)
    AtomicInt intact;

    @Test
    void objectsShrunkByAPeerAreShownUnavailableAndNeverRead() throws Exception {
        Http http = new Http(port);
        for (Case c : SHRUNK) {
            assertThat(http.post("/actuator/atomics/" + c.name(), "{\"operation\":\"add\",\"value\":\"5\"}")
                            .status())
                    .as(c.name())
                    .isEqualTo(200);
        }
        intact.store(42);

        python(
                "import os, sys\nfor name in sys.argv[1:]: os.truncate('/dev/shm/' + name, 0)",
                SHRUNK.stream().map(Case::shm).toArray(String[]::new));

        // the dashboard's poll: every atomic listed, the shrunk ones without a value
        Http.Response list = http.get("/actuator/atomics");
        assertThat(list.status()).isEqualTo(200);
        DocumentContext json = list.json();
        for (Case c : SHRUNK) {
            String at = "$.atomics['" + c.name() + "']";
            assertThat(json.read(at + ".status", String.class)).as(c.name()).isEqualTo("unavailable");
            assertThat(json.read(at + ".value", String.class)).as(c.name()).isNull();
            assertThat(json.read(at + ".problem", String.class))
                    .as(c.name())
                    .contains(c.shm())
                    .contains("shrank");
            assertThat(json.read(at + ".engine", String.class)).isEqualTo(c.engine());

            Http.Response one = http.get("/actuator/atomics/" + c.name());
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().read("$.status", String.class)).isEqualTo("unavailable");

            Http.Response write = http.post("/actuator/atomics/" + c.name(), "{\"operation\":\"add\",\"value\":\"1\"}");
            // a write would touch the missing page: 503, and no retry will bring the memory back
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(write.json().read("$.retryable", Boolean.class)).isFalse();
            assertThat(write.json().read("$.detail", String.class)).contains("unavailable");
        }
        assertThat(json.read("$.atomics.intact.status", String.class)).isEqualTo("available");
        assertThat(json.read("$.atomics.intact.value", String.class)).isEqualTo("42");

        Http.Response scrape = http.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        for (Case c : SHRUNK) {
            assertThat(scrape.body()).containsPattern("atomics_value\\{name=\"" + c.name() + "\"[^}]*} NaN");
        }
        assertThat(scrape.body()).containsPattern("atomics_value\\{name=\"intact\"[^}]*} 42.0");

        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().read("$.components.atomics.status", String.class))
                .isEqualTo("DOWN");
        String reason = health.json().read("$.components.atomics.details.reason", String.class);
        for (Case c : SHRUNK) {
            assertThat(reason).contains(c.name()).contains(c.shm());
        }
        Map<String, Object> mapping = health.json()
                .read("$.components.atomics.details.mappings['shm:"
                        + SHRUNK.get(0).shm() + "']");
        assertThat(mapping)
                .containsEntry("status", "DOWN")
                .containsEntry("state", "shrunk")
                .containsEntry("currentSize", 0);
    }

    @Test
    void anObjectReplacedByAPeerIsNoticedAndTheSplitShown() throws Exception {
        Http http = new Http(port);
        swapped.add(2);
        String path = "/dev/shm/" + PREFIX + SWAPPED;
        python(
                "import os, struct, sys\nos.unlink(sys.argv[1])\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT | "
                        + "os.O_EXCL, 0o600)\n"
                        + "os.write(fd, struct.pack('=q', 1000))\nos.close(fd)",
                path);

        Http.Response one = http.get("/actuator/atomics/" + SWAPPED);
        assertThat(one.json().read("$.status", String.class)).isEqualTo("unavailable");
        assertThat(one.json().read("$.problem", String.class)).contains("refers to a different object");
        assertThat(swapped.load()).as("the bean still works on the old object").isEqualTo(2);
        assertThat(python("import struct, sys\nprint(struct.unpack('=q', open(sys.argv[1], 'rb').read(8))[0])", path))
                .as("while everyone else sees the new one")
                .isEqualTo("1000");

        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().read("$.components.atomics.details.reason", String.class))
                .contains(SWAPPED)
                .contains("refers to a different object");
        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("atomics_value\\{name=\"swapped\"[^}]*} NaN");
    }

    /** Runs a Python 3 program with arguments and returns what it printed. */
    private static String python(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", program));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python: %s", out).isZero();
        return out;
    }
}
