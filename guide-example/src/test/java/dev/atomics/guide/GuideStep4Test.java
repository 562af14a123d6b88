package dev.atomics.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import dev.atomics.spring.boot.test.IsolatedAtomics;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide's application (this module: its dependencies, YAML and controller) does what step 4 says it does, and
 * step 3's endpoint works. The shared-memory object is the test context's own ({@link IsolatedAtomics}), so neither
 * a running sample app nor another test JVM shares it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@IsolatedAtomics
class GuideStep4Test {

    /** Step 4, as the README says it. */
    private static final String STEP_4 = Readme.read()
            .section("## A 5-minute guide")
            .from("**4. Look at them**")
            .paragraph()
            .replaceAll("\\s+", " ");

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void actuatorAtomicsListsEveryAtomicWithTypeWidthSourceAndValue() throws Exception {
        assertThat(STEP_4)
                .contains("`curl localhost:8080/actuator/atomics` lists every atomic with its type, width, source and "
                        + "value");
        Http.Response r = http().get("/actuator/atomics");
        assertThat(r.status()).isEqualTo(200);
        DocumentContext json = r.json();
        Map<String, Map<String, Object>> atomics = json.read("$.atomics");
        assertThat(atomics).containsOnlyKeys("requests", "level", "flags", "jobs-done");
        atomics.forEach((name, atomic) -> assertThat(atomic)
                .as(name)
                .containsKeys("type", "width", "source", "value")
                .doesNotContainEntry("value", null)
                .doesNotContainEntry("width", null));
        // integral values are decimal strings, bytes are hex
        assertThat(json.read("$.atomics.requests.value", Object.class)).isEqualTo("0");
        assertThat(json.read("$.atomics.flags.value", String.class)).isEqualTo("00000000");
        assertThat(json.read("$.atomics.jobs-done.source.kind", String.class)).isEqualTo("shm");
        assertThat(json.read("$.atomics.jobs-done.source.target", String.class)).startsWith("guide-jobs-test-");
    }

    @Test
    void actuatorAtomicsLevelShowsOne() throws Exception {
        assertThat(STEP_4).contains("`/actuator/atomics/level` shows one");
        Http.Response r = http().get("/actuator/atomics/level");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().read("$.name", String.class)).isEqualTo("level");
        assertThat(r.json().read("$.type", String.class)).isEqualTo("uint");
        assertThat(r.json().read("$.width", Integer.class)).isEqualTo(1);
        assertThat(r.json().read("$.value", String.class)).isEqualTo("3");
        assertThat(r.json().read("$.source.kind", String.class)).isEqualTo("instance");
    }

    @Test
    void healthHasAnAtomicsComponentNamingTheEngineOfEachAtomic() throws Exception {
        assertThat(STEP_4).contains("`/actuator/health` has an `atomics` component naming the engine of each atomic");
        Http.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().read("$.components.atomics.status", String.class))
                .isEqualTo("UP");
        // every atomic of the guide is on the JVM engine (auto at widths 1 to 8), which needs no native library
        assertThat(health.json().read("$.components.atomics.details.engines.jvm", List.class))
                .hasSize(4);
        assertThat(health.json().read("$.components.atomics.details.nativeLibrary", String.class))
                .startsWith("not loaded");
        // and the component on its own (show-details: always, from step 2)
        Http.Response atomics = http().get("/actuator/health/atomics");
        assertThat(atomics.status()).isEqualTo(200);
        assertThat(atomics.json().read("$.status", String.class)).isEqualTo("UP");
        assertThat(atomics.json().read("$.details.atomics", Integer.class)).isEqualTo(4);
    }

    @Test
    void prometheusHasTheLevelGauge() throws Exception {
        Matcher sample = Pattern.compile("`/actuator/prometheus` has `([^`]+)`").matcher(STEP_4);
        assertThat(sample.find())
                .as("step 4 names a Prometheus sample: %s", STEP_4)
                .isTrue();
        assertThat(sample.group(1)).isEqualTo("atomics_value{name=\"level\",source=\"instance\",type=\"uint\"} 3.0");
        Http.Response r = http().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().lines()).contains(sample.group(1));
    }

    @Test
    void step3sCompareAndSetEndpoint() throws Exception {
        Http.Response ok = http().post("/api/level/cas?expected=3&desired=4");
        assertThat(ok).extracting(Http.Response::status, Http.Response::body).containsExactly(200, "4");
        Http.Response conflict = http().post("/api/level/cas?expected=3&desired=5");
        assertThat(conflict)
                .extracting(Http.Response::status, Http.Response::body)
                .containsExactly(409, "level is 4");
        assertThat(http().post("/api/level/cas?expected=4&desired=3").status())
                .isEqualTo(200); // as the other tests expect
    }
}
