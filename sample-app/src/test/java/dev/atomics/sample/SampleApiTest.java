package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** Each REST endpoint of the sample, against the injected atomics it uses, and the shape of its errors. */
class SampleApiTest extends AbstractSampleAppTest {

    @Autowired
    @Qualifier("requests")
    AtomicInt requests;

    @Autowired
    @Qualifier("level")
    AtomicUint level;

    @Autowired
    @Qualifier("flags")
    AtomicBytes flags;

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    @Test
    void everyApiRequestIsCountedButActuatorRequestsAreNot() {
        long before = requests.load();
        assertThat(getJson("/api/requests").get("requests").asLong()).isEqualTo(before + 1);
        get("/api/level");
        post("/api/sequence");
        get("/actuator/atomics");
        get("/actuator/health");
        get("/");
        assertThat(requests.load()).isEqualTo(before + 3);
        assertThat(getJson("/api/requests").get("requests").asLong()).isEqualTo(before + 4);
    }

    @Test
    void requestsThatFailAreCountedToo() {
        long before = requests.load();
        assertThat(get("/api/sequence").status()).isEqualTo(405); // no handler for the method
        assertThat(get("/api/no-such-thing").status()).isEqualTo(404); // no handler at all
        assertThat(post("/api/level/cas?desired=2").status()).isEqualTo(400); // a missing parameter
        assertThat(put("/api/flags/99").status()).isEqualTo(400); // refused by the controller
        assertThat(get("/api").status()).isEqualTo(404);
        assertThat(requests.load()).isEqualTo(before + 5);
    }

    @Test
    void flagsAreSetTestedAndClearedBitByBit() {
        flags.store(new byte[4]);
        JsonNode initial = getJson("/api/flags");
        assertThat(initial.get("hex").asString()).isEqualTo("00000000");
        assertThat(initial.get("bits")).isEmpty();

        Response set = put("/api/flags/5");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("bit").asInt()).isEqualTo(5);
        assertThat(set.json().get("set").asBoolean()).isTrue();
        assertThat(set.json().get("previous").asBoolean()).isFalse();
        assertThat(flags.bitTest(5)).isTrue();

        Response again = put("/api/flags/5");
        assertThat(again.json().get("previous").asBoolean())
                .as("bitSet returns the previous state")
                .isTrue();

        put("/api/flags/31");
        JsonNode both = getJson("/api/flags");
        assertThat(ints(both.get("bits"))).containsExactly(5, 31);
        assertThat(flags.bitTest(31)).isTrue();

        assertThat(getJson("/api/flags/31").get("set").asBoolean()).isTrue();
        assertThat(getJson("/api/flags/30").get("set").asBoolean()).isFalse();

        Response cleared = delete("/api/flags/5");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("set").asBoolean()).isFalse();
        assertThat(cleared.json().get("previous").asBoolean()).isTrue();
        assertThat(flags.bitTest(5)).isFalse();
        assertThat(ints(getJson("/api/flags").get("bits"))).containsExactly(31);
        delete("/api/flags/31");
        assertThat(flags.load()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void aBitOutsideTheWordIsABadRequest() {
        Response tooHigh = put("/api/flags/32");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("bit must be in [0, 31]");
        assertThat(delete("/api/flags/-1").status()).isEqualTo(400);
        assertThat(get("/api/flags/99").status()).isEqualTo(400);
    }

    @Test
    void sequenceNumbersAreUniqueAndConsecutiveEvenUnderConcurrency() throws Exception {
        long first = post("/api/sequence").json().get("sequence").asLong();
        long second = post("/api/sequence").json().get("sequence").asLong();
        assertThat(second).isEqualTo(first + 1);

        int callers = 4;
        int perCaller = 25;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                futures.add(pool.submit(() -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < perCaller; i++) {
                        Response r = post("/api/sequence");
                        assertThat(r.status()).isEqualTo(200);
                        taken.add(r.json().get("sequence").asLong());
                    }
                    return taken;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(callers * perCaller);
            assertThat(all).allSatisfy(n -> assertThat(n).isBetween(second + 1, second + callers * perCaller));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void levelStartsAtItsConfiguredInitialValue() {
        // initial-value: 3 in application.yml; every test that changes the level puts 3 back
        assertThat(getJson("/api/level").get("level").asLong()).isEqualTo(3);
        assertThat(level.load()).isEqualTo(3);
        assertThat(level.width()).isEqualTo(1);
        assertThat(level.signed()).isFalse();
    }

    @Test
    void compareAndSetSucceedsWhenTheExpectedValueIsRight() {
        long current = level.load();
        long desired = (current + 1) % 256;
        Response ok = post("/api/level/cas?expected=" + current + "&desired=" + desired);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        JsonNode body = ok.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("current").asLong()).isEqualTo(desired);
        assertThat(level.load()).isEqualTo(desired);
        assertThat(getJson("/api/level").get("level").asLong()).isEqualTo(desired);
        level.store(3);
    }

    @Test
    void compareAndSetFailsWith409AndTheCurrentValueWhenTheExpectedValueIsWrong() {
        level.store(7);
        Response conflict = post("/api/level/cas?expected=3&desired=9");
        assertThat(conflict.status()).as("%s", conflict).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        JsonNode body = conflict.json();
        assertThat(body.get("status").asInt()).isEqualTo(409);
        assertThat(body.get("title").asString()).isEqualTo("Conflict");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("expected").asLong()).isEqualTo(3);
        assertThat(body.get("desired").asLong()).isEqualTo(9);
        assertThat(body.get("current").asLong()).isEqualTo(7);
        assertThat(body.get("detail").asString()).contains("level is 7, not 3");
        assertThat(level.load()).as("a failed CAS changes nothing").isEqualTo(7);

        // the 409 tells the caller what to expect next time
        Response retry = post("/api/level/cas?expected=" + body.get("current").asLong() + "&desired=9");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(level.load()).isEqualTo(9);
        level.store(3);
    }

    @Test
    void compareAndSetRejectsValuesThatDoNotFitTheLevel() {
        Response tooBig = post("/api/level/cas?expected=3&desired=256");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("desired must be in [0, 255]");
        assertThat(post("/api/level/cas?expected=-1&desired=2").status()).isEqualTo(400);
        assertThat(post("/api/level/cas?expected=abc&desired=2").status()).isEqualTo(400);
        assertThat(post("/api/level/cas?desired=2").status()).isEqualTo(400);
    }

    @Test
    void jobsReadsTheSharedCounterAndNamesItsSharedMemoryObject() {
        jobsDone.store(41);
        JsonNode jobs = getJson("/api/jobs");
        assertThat(jobs.get("jobsDone").asLong()).isEqualTo(41);
        assertThat(jobs.get("shm").asString()).isEqualTo(SHM);
        assertThat(jobs.get("offset").asLong()).isZero();

        Response done = post("/api/jobs");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("jobsDone").asLong()).isEqualTo(42);
        assertThat(jobsDone.load()).isEqualTo(42);
        jobsDone.store(0);
    }

    // ---- errors: one shape, RFC 9457 problem details, whether the controller or Spring MVC reports them ----------

    /** The response is {@code application/problem+json} with the status, its title, a detail, and the path. */
    private static JsonNode problem(Response response, int status, String title, String path) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isEqualTo(title);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).isEqualTo(path);
        assertThat(body.has("error"))
                .as("not Boot's default error JSON: %s", body)
                .isFalse();
        return body;
    }

    @Test
    void anUnsupportedMethodIsAProblemDetail() {
        JsonNode body = problem(get("/api/sequence"), 405, "Method Not Allowed", "/api/sequence");
        assertThat(body.get("detail").asString()).contains("GET");
    }

    @Test
    void aMissingParameterIsAProblemDetail() {
        JsonNode body = problem(post("/api/level/cas?desired=2"), 400, "Bad Request", "/api/level/cas");
        assertThat(body.get("detail").asString()).contains("expected");
    }

    @Test
    void aMalformedParameterIsAProblemDetail() {
        problem(post("/api/level/cas?expected=abc&desired=2"), 400, "Bad Request", "/api/level/cas");
        problem(get("/api/flags/x"), 400, "Bad Request", "/api/flags/x");
    }

    @Test
    void anUnknownPathIsAProblemDetail() {
        problem(get("/api/no-such-thing"), 404, "Not Found", "/api/no-such-thing");
    }

    @Test
    void aBadOperandIsAProblemDetail() {
        JsonNode body = problem(put("/api/flags/32"), 400, "Bad Request", "/api/flags/32");
        assertThat(body.get("detail").asString()).isEqualTo("bit must be in [0, 31], not 32");
        problem(post("/api/level/cas?expected=3&desired=256"), 400, "Bad Request", "/api/level/cas");
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }
}
