package dev.atomics.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server with {@code management.endpoint.atomics.access=unrestricted}: the write operation over HTTP.
 * {@code spring.web.error.include-message=always} lets the 400 responses carry the endpoint's message (Boot hides
 * exception messages from error responses by default).
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.atomics.access=unrestricted", "spring.web.error.include-message=always"})
class AtomicsActuatorWriteIntegrationTest {

    static final ItSupport IT = new ItSupport("it-write");

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
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    @Autowired
    @Qualifier("flags")
    AtomicBytes flags;

    @Test
    void storeAddSubAndCmpxchg() throws Exception {
        Http http = new Http(port);
        Http.Response store = http.post("/actuator/atomics/jobs-done", "{\"operation\":\"store\",\"value\":\"40\"}");
        assertThat(store.status()).isEqualTo(200);
        assertThat(store.json().read("$.value", String.class)).isEqualTo("40");
        Http.Response add = http.post("/actuator/atomics/jobs-done", "{\"operation\":\"add\",\"value\":\"3\"}");
        assertThat(add.json().read("$.previous", String.class)).isEqualTo("40");
        assertThat(add.json().read("$.value", String.class)).isEqualTo("43");
        Http.Response sub = http.post("/actuator/atomics/jobs-done", "{\"operation\":\"sub\",\"value\":1}");
        assertThat(sub.json().read("$.value", String.class)).isEqualTo("42");
        Http.Response failed = http.post(
                "/actuator/atomics/jobs-done", "{\"operation\":\"cmpxchg\",\"expected\":\"0\",\"desired\":\"1\"}");
        assertThat(failed.json().read("$.success", Boolean.class)).isFalse();
        assertThat(failed.json().read("$.previous", String.class)).isEqualTo("42");
        Http.Response swapped = http.post(
                "/actuator/atomics/jobs-done",
                "{\"operation\":\"cmpxchg\",\"expected\":\"42\",\"desired\":\"9223372036854775807\"}");
        assertThat(swapped.json().read("$.success", Boolean.class)).isTrue();
        assertThat(swapped.json().read("$.value", String.class)).isEqualTo("9223372036854775807");
        assertThat(jobsDone.load()).isEqualTo(Long.MAX_VALUE);
        // the other process sees what the endpoint wrote
        assertThat(Http.runPeer("shm", IT.shmName, "0", "1")).isEqualTo(Long.toString(Long.MIN_VALUE));

        Http.Response bytes =
                http.post("/actuator/atomics/flags", "{\"operation\":\"store\",\"value\":\"0xcafebabe\"}");
        assertThat(bytes.json().read("$.value", String.class)).isEqualTo("cafebabe");
        assertThat(flags.load()).containsExactly(0xca, 0xfe, 0xba, 0xbe);
    }

    @Test
    void badRequestsGet400AndUnknownAtomics404AsProblems() throws Exception {
        Http http = new Http(port);
        assertBadRequest(
                http.post("/actuator/atomics/jobs-seen", "{\"operation\":\"add\",\"value\":\"1\"}"),
                "atomic 'jobs-seen' is readonly");
        assertBadRequest(
                http.post("/actuator/atomics/level", "{\"operation\":\"store\",\"value\":\"256\"}"),
                "does not fit uint of width 1");
        assertBadRequest(
                http.post("/actuator/atomics/level", "{\"operation\":\"store\",\"value\":\"three\"}"),
                "'three' is not an integer");
        assertBadRequest(
                http.post("/actuator/atomics/level", "{\"operation\":\"mul\",\"value\":\"3\"}"),
                "unknown operation 'mul'");
        assertProblem(
                http.post("/actuator/atomics/nope", "{\"operation\":\"store\",\"value\":\"1\"}"),
                404,
                "no atomic named 'nope'");
        assertThat(http.post("/actuator/atomics/level", "{\"value\":\"1\"}").status())
                .isEqualTo(400);
        assertProblem(http.get("/actuator/atomics/nope"), 404, "no atomic named 'nope'");
    }

    @Test
    void aMillionDigitOperandGets400WithAShortMessage() throws Exception {
        Http http = new Http(port);
        String huge = "7".repeat(1_000_000);
        Http.Response response =
                http.post("/actuator/atomics/jobs-done", "{\"operation\":\"add\",\"value\":\"" + huge + "\"}");
        assertBadRequest(response, "'77777777777777777777…' is 1000000 characters long; an integer has at most 64");
        assertThat(response.body()).hasSizeLessThan(1000);
        Http.Response name =
                http.post("/actuator/atomics/" + "n".repeat(5000), "{\"operation\":\"store\",\"value\":\"1\"}");
        assertProblem(name, 404, "no atomic named 'nnnnnnnnnnnnnnnnnnnn…'");
        assertThat(name.json().read("$.detail", String.class))
                .doesNotContain("n".repeat(21))
                .hasSizeLessThan(250);
    }

    private static void assertBadRequest(Http.Response response, String message) {
        assertProblem(response, 400, message);
    }

    /** An RFC 9457 body with the status and a detail containing {@code message}. */
    private static void assertProblem(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().read("$.status", Integer.class)).isEqualTo(status);
        assertThat(response.json().read("$.type", String.class)).isEqualTo("about:blank");
        assertThat(response.json().read("$.detail", String.class)).contains(message);
    }
}
