package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample with {@code atomics.engine=jvm} (as with {@code -Datomics.engine=jvm}): every atomic, the 1-byte
 * {@code level} and the 4-byte bytes {@code flags} included, is served by the JVM engine, and the API works.
 */
@TestPropertySource(properties = "atomics.engine=jvm")
class JvmEngineTest extends AbstractSampleAppTest {

    @Test
    void everyAtomicIsServedByTheJvmEngine() {
        JsonNode atomics = getJson("/actuator/atomics").get("atomics");
        for (String name : ActuatorTest.ALL) {
            assertThat(atomics.get(name).get("engine").asString()).as(name).isEqualTo("jvm");
        }
    }

    @Test
    void theEndpointAndHealthReportTheEngineTheStarterUses() {
        // the Spring property wins over the JVM's default (the system property, unset here: auto)
        assertThat(getJson("/actuator/atomics")
                        .at("/nativeLibrary/defaultEngine")
                        .asString())
                .isEqualTo("jvm");
        // health shows what each atomic was resolved to, and the JVM engine loads no native library
        JsonNode health = getJson("/actuator/health").at("/components/atomics/details");
        assertThat(health.at("/engines/jvm").size()).isEqualTo(ActuatorTest.ALL.length);
        assertThat(health.at("/engines/patomic").isMissingNode()).isTrue();
        assertThat(health.at("/nativeLibrary").asString()).startsWith("not loaded");
        assertThat(getJson("/actuator/atomics").at("/nativeLibrary/loaded").asBoolean())
                .isFalse();
    }

    @Test
    void theApiWorksOnIt() {
        long level = getJson("/api/level").get("level").asLong();
        assertThat(post("/api/level/cas?expected=" + level + "&desired=" + (level + 1))
                        .status())
                .isEqualTo(200);
        assertThat(post("/api/level/cas?expected=" + level + "&desired=7").status())
                .isEqualTo(409);
        assertThat(put("/api/flags/9").status()).isEqualTo(200);
        assertThat(getJson("/api/flags").get("bits").toString()).contains("9");
        assertThat(delete("/api/flags/9").status()).isEqualTo(200);
    }
}
