package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app on a random port, with its shared counter in a shared-memory object of its own: a name unique
 * to this test run replaces {@code atomics-sample}, so a sample app running on the machine is not disturbed. After
 * each test class the object is removed (the context is closed right after, so nothing is left in /dev/shm).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class AbstractSampleAppTest {

    /** Short enough for macOS's 31-byte limit. */
    static final String SHM = "atomics-sample-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sharedMemoryName(DynamicPropertyRegistry registry) {
        registry.add("atomics.shared.jobs-done.shm", () -> SHM);
    }

    @AfterAll
    static void removeSharedMemory() {
        try {
            SharedMemory.unlink(SHM);
        } catch (SharedMemoryNotFoundException e) {
            // already gone
        }
        assertThat(SharedMemory.exists(SHM))
                .as("shared-memory object /%s removed", SHM)
                .isFalse();
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    /** A finished exchange: status, body, and the body as JSON (null if it is not JSON). */
    record Response(int status, String body, String contentType) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Response get(String path) {
        return send("GET", path);
    }

    Response post(String path) {
        return send("POST", path);
    }

    Response put(String path) {
        return send("PUT", path);
    }

    Response delete(String path) {
        return send("DELETE", path);
    }

    Response send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, */*")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path}, expecting 200 and JSON. */
    JsonNode getJson(String path) {
        Response response = get(path);
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }
}
