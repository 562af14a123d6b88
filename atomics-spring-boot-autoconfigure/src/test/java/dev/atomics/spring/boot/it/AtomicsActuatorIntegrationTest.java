package dev.atomics.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import dev.atomics.AtomicInt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server with the default endpoint access: the JSON of {@code /actuator/atomics}, 404 for unknown names,
 * the write operation refused, gauges in {@code /actuator/metrics}, health, and values changed by another
 * process through shared memory and a mapped file.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AtomicsActuatorIntegrationTest {

    static final ItSupport IT = new ItSupport("it-read");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IT.register(registry);
    }

    @AfterAll
    static void cleanup() throws Exception {
        IT.cleanup();
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requests")
    AtomicInt requests;

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    @Autowired
    @Qualifier("jobs-seen")
    AtomicInt jobsSeen;

    private Http http() {
        return new Http(port);
    }

    @Test
    void listsInstancesAndSharedViews() throws Exception {
        Http.Response r = http().get("/actuator/atomics");
        assertThat(r.status()).isEqualTo(200);
        DocumentContext json = r.json();
        Map<String, Object> atomics = json.read("$.atomics");
        assertThat(atomics).containsOnlyKeys("requests", "level", "flags", "jobs-done", "jobs-seen", "file-counter");
        assertThat(json.read("$.atomics.requests.type", String.class)).isEqualTo("int");
        assertThat(json.read("$.atomics.requests.width", Integer.class)).isEqualTo(8);
        assertThat(json.read("$.atomics.requests.signed", Boolean.class)).isTrue();
        assertThat(json.read("$.atomics.requests.source.kind", String.class)).isEqualTo("instance");
        assertThat(json.read("$.atomics.level.value", String.class)).isEqualTo("3");
        assertThat(json.read("$.atomics.level.engine", String.class)).isEqualTo("patomic");
        assertThat(json.read("$.atomics.level.nativeLibrary", String.class)).startsWith("patomic ");
        assertThat(json.read("$.atomics.flags.value", String.class)).isEqualTo("00000000");
        assertThat(json.read("$.atomics.flags.opsSupported", List.class))
                .contains("load", "store")
                .doesNotContain("add");
        assertThat(json.read("$.atomics.jobs-done.source.kind", String.class)).isEqualTo("shm");
        assertThat(json.read("$.atomics.jobs-done.source.target", String.class)).isEqualTo(IT.shmName);
        assertThat(json.read("$.atomics.jobs-done.source.offset", Long.class)).isZero();
        assertThat(json.read("$.atomics.jobs-done.readonly", Boolean.class)).isFalse();
        assertThat(json.read("$.atomics.jobs-seen.readonly", Boolean.class)).isTrue();
        assertThat(json.read("$.atomics.file-counter.source.kind", String.class))
                .isEqualTo("file");
        assertThat(json.read("$.atomics.file-counter.source.target", String.class))
                .isEqualTo(IT.file.toString());
        assertThat(json.read("$.atomics.file-counter.source.offset", Long.class))
                .isEqualTo(8);
        assertThat(json.read("$.nativeLibrary.version", String.class)).isNotBlank();
    }

    @Test
    void showsOneAtomicAnd404ForUnknownNames() throws Exception {
        Http.Response r = http().get("/actuator/atomics/jobs-seen");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().read("$.name", String.class)).isEqualTo("jobs-seen");
        assertThat(r.json().read("$.source.description", String.class)).isEqualTo("shm " + IT.shmName + " at offset 0");
        assertThat(r.json().read("$.opsSupported", List.class)).containsExactly("load", "bit_test");
        assertThat(http().get("/actuator/atomics/nope").status()).isEqualTo(404);
    }

    @Test
    void writeOperationIsOffByDefault() throws Exception {
        long before = requests.load();
        Http.Response r = http().post("/actuator/atomics/requests", "{\"operation\":\"add\",\"value\":\"100\"}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(requests.load()).isEqualTo(before);
    }

    @Test
    void gaugesAreInTheMetricsEndpoint() throws Exception {
        Http.Response names = http().get("/actuator/metrics");
        assertThat(names.json().read("$.names", List.class)).contains("atomics.value");
        requests.store(1234);
        Http.Response r = http().get("/actuator/metrics/atomics.value?tag=name:requests");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().read("$.measurements[0].value", Double.class)).isEqualTo(1234.0);
        Http.Response all = http().get("/actuator/metrics/atomics.value");
        List<Map<String, Object>> tags = all.json().read("$.availableTags");
        assertThat(tags).extracting(t -> t.get("tag")).containsExactlyInAnyOrder("name", "type", "source");
        assertThat(all.json().read("$.availableTags[?(@.tag == 'name')].values[*]", List.class))
                .containsExactlyInAnyOrder("requests", "level", "jobs-done", "jobs-seen", "file-counter");
        Http.Response shm = http().get("/actuator/metrics/atomics.value?tag=source:shm&tag=name:jobs-done");
        assertThat(shm.status()).isEqualTo(200);
    }

    @Test
    void healthIsUpWithTheNativeLibrary() throws Exception {
        Http.Response r = http().get("/actuator/health");
        assertThat(r.json().read("$.components.atomics.status", String.class)).isEqualTo("UP");
        assertThat(r.json().read("$.components.atomics.details.nativeLibrary.version", String.class))
                .isNotBlank();
        assertThat(r.json().read("$.components.atomics.details.atomics", Integer.class))
                .isEqualTo(6);
    }

    @Test
    void anotherProcessChangesTheSharedMemoryCounter() throws Exception {
        long before =
                Long.parseLong(http().get("/actuator/atomics/jobs-done").json().read("$.value", String.class));
        String printed = Http.runPeer("shm", IT.shmName, "0", "7");
        assertThat(Long.parseLong(printed)).isEqualTo(before + 7);
        assertThat(http().get("/actuator/atomics/jobs-done").json().read("$.value", String.class))
                .isEqualTo(Long.toString(before + 7));
        // the readonly view of the same object shows it too, and so does the injected bean
        assertThat(http().get("/actuator/atomics/jobs-seen").json().read("$.value", String.class))
                .isEqualTo(Long.toString(before + 7));
        assertThat(jobsDone.load()).isEqualTo(before + 7);
        assertThat(jobsSeen.load()).isEqualTo(before + 7);
    }

    @Test
    void anotherProcessChangesTheMappedFileCounter() throws Exception {
        String printed = Http.runPeer("file", IT.file.toString(), "8", "-42");
        assertThat(printed).isEqualTo("-42");
        assertThat(http().get("/actuator/atomics/file-counter").json().read("$.value", String.class))
                .isEqualTo("-42");
    }
}
