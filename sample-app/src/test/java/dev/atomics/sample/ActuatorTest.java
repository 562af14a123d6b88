package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** What the starter exposes for the sample: /actuator/atomics, /actuator/health, Prometheus and metrics. */
class ActuatorTest extends AbstractSampleAppTest {

    static final String[] ALL = {"requests", "level", "flags", "sequence", "jobs-done"};

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    /** The atomics of an /actuator/atomics answer by name, in configuration order. */
    static Map<String, JsonNode> byName(JsonNode answer) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        answer.get("atomics").properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @Test
    void listsEveryConfiguredAtomic() {
        JsonNode answer = getJson("/actuator/atomics");
        Map<String, JsonNode> atomics = byName(answer);
        assertThat(atomics.keySet()).containsExactly(ALL);
        // every atomic of the sample is on the JVM engine (auto at widths 1 to 8): the native library is not loaded
        assertThat(answer.at("/nativeLibrary/loaded").asBoolean()).isFalse();
        assertThat(atomics.get("requests").get("type").asString()).isEqualToIgnoringCase("int");
        assertThat(atomics.get("level").get("type").asString()).isEqualToIgnoringCase("uint");
        assertThat(atomics.get("flags").get("type").asString()).isEqualToIgnoringCase("bytes");
        assertThat(atomics.get("jobs-done").get("type").asString()).isEqualToIgnoringCase("int");
    }

    @Test
    void showsOneOwningAtomic() {
        JsonNode level = getJson("/actuator/atomics/level");
        assertThat(level.get("name").asString()).isEqualTo("level");
        assertThat(level.get("type").asString()).isEqualToIgnoringCase("uint");
        assertThat(level.get("width").asInt()).isEqualTo(1);
        assertThat(level.get("signed").asBoolean()).isFalse();
        assertThat(level.get("readonly").asBoolean()).isFalse();
        assertThat(level.get("value").isString())
                .as("integral values are decimal strings")
                .isTrue();
        assertThat(level.get("value").asString()).isEqualTo("3");
        assertThat(level.get("opsSupported")).isNotEmpty();
        assertThat(level.at("/source/kind").asString()).isEqualTo("instance");
    }

    @Test
    void showsABytesAtomicAsHex() {
        JsonNode flags = getJson("/actuator/atomics/flags");
        assertThat(flags.get("width").asInt()).isEqualTo(4);
        assertThat(flags.get("value").asString()).matches("[0-9a-f]{8}");
    }

    @Test
    void showsTheSharedViewWithItsSharedMemoryObject() {
        jobsDone.store(1234567890123L);
        JsonNode jobs = getJson("/actuator/atomics/jobs-done");
        assertThat(jobs.get("value").asString()).isEqualTo("1234567890123");
        assertThat(jobs.get("width").asInt()).isEqualTo(8);
        assertThat(jobs.get("signed").asBoolean()).isTrue();
        assertThat(jobs.at("/source/kind").asString()).isEqualTo("shm");
        assertThat(jobs.at("/source/target").asString()).isEqualTo(SHM);
        assertThat(jobs.at("/source/offset").asLong()).isZero();
        jobsDone.store(0);
    }

    @Test
    void anUnknownAtomicIsNotFound() {
        assertThat(get("/actuator/atomics/no-such-atomic").status()).isEqualTo(404);
    }

    @Test
    void theWriteOperationIsOffByDefault() {
        // the sample does not set management.endpoint.atomics.access=unrestricted: no write operation is mapped
        Response write = send("POST", "/actuator/atomics/requests");
        assertThat(write.status()).as("%s", write).isIn(404, 405);
    }

    @Test
    void healthIsUpWithTheAtomicsIndicator() {
        JsonNode health = getJson("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/atomics/status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusScrapesAGaugeOrACounterPerIntegralAtomic() {
        jobsDone.store(77);
        Response scrape = get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        List<String> lines = scrape.body().lines().toList();
        // gauges: atomics that go up and down
        assertThat(lines.stream().filter(l -> l.startsWith("atomics_value{")))
                .anySatisfy(l -> assertThat(l)
                        .contains("name=\"level\"")
                        .contains("type=\"uint\"")
                        .endsWith(" 3.0"))
                .anySatisfy(l -> assertThat(l).contains("name=\"sequence\""))
                .noneSatisfy(l -> assertThat(l).contains("name=\"requests\""))
                .noneSatisfy(l -> assertThat(l).contains("name=\"flags\""));
        // counters (meter: counter in application.yml): requests and jobs-done only grow
        assertThat(lines.stream().filter(l -> l.startsWith("atomics_count_total{")))
                .anySatisfy(l -> assertThat(l)
                        .contains("name=\"jobs-done\"")
                        .contains("source=\"shm\"")
                        .endsWith(" 77.0"))
                .anySatisfy(l -> assertThat(l).contains("name=\"requests\"").contains("source=\"instance\""))
                .hasSize(2);
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).startsWith("# TYPE atomics_count").endsWith(" counter"));
        jobsDone.store(0);
    }

    @Test
    void metricsEndpointKnowsTheGauge() {
        JsonNode gauge = getJson("/actuator/metrics/atomics.value?tag=name:level");
        assertThat(gauge.get("measurements").get(0).get("value").asDouble()).isEqualTo(3.0);
    }
}
