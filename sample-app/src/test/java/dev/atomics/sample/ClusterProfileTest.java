package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.redis.testing.RedisServer;
import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "cluster" profile: two instances of the app, on two ports, take order numbers from one counter on a key of a
 * real redis-server, and the dashboard of either shows it.
 */
class ClusterProfileTest {

    static final String SHM = "atomics-cluster-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterAll
    static void removeSharedMemory() {
        try {
            SharedMemory.unlink(SHM);
        } catch (SharedMemoryNotFoundException e) {
            // already gone
        }
    }

    static ConfigurableApplicationContext start(RedisServer redis, String key) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("cluster")
                .run(
                        "--server.port=0",
                        "--spring.data.redis.host=" + redis.host(),
                        "--spring.data.redis.port=" + redis.port(),
                        "--atomics.cluster.orders.redis=" + key,
                        "--atomics.shared.jobs-done.shm=" + SHM);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static JsonNode call(String method, int port, String path) throws IOException, InterruptedException {
        return call(method, port, path, 200);
    }

    static JsonNode call(String method, int port, String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void twoInstancesCountIntoOneCounterOnRedisAndTheDashboardShowsIt() throws Exception {
        String key = "sample:orders:" + System.nanoTime();
        try (RedisServer redis = RedisServer.start();
                ConfigurableApplicationContext first = start(redis, key);
                ConfigurableApplicationContext second = start(redis, key)) {
            List<Integer> ports = List.of(port(first), port(second));
            Set<String> instances = new HashSet<>();
            for (int n = 1; n <= 10; n++) {
                JsonNode order = call("POST", ports.get(n % 2), "/api/orders");
                assertThat(order.get("order").asLong())
                        .as("order numbers are consecutive across both instances")
                        .isEqualTo(n);
                assertThat(order.get("key").asString()).isEqualTo(key);
                instances.add(order.get("instance").asString());
            }
            assertThat(instances).hasSize(2);
            for (int port : ports) {
                assertThat(call("GET", port, "/api/orders").get("orders").asLong())
                        .isEqualTo(10);
            }
            assertThat(redis.call("GET", key)).as("redis-cli GET shows it").isEqualTo("10");

            JsonNode orders = call("GET", ports.get(0), "/actuator/atomics/orders");
            assertThat(orders.get("value").asString()).isEqualTo("10");
            assertThat(orders.get("engine").asString()).isEqualTo("redis");
            assertThat(orders.at("/source/kind").asString()).isEqualTo("redis");
            assertThat(orders.at("/source/target").asString()).isEqualTo(key);
            JsonNode health = call("GET", ports.get(1), "/actuator/health");
            assertThat(health.at("/components/atomics/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/atomics/details/redis").isObject())
                    .isTrue();
            assertThat(health.at("/components/redis/status").asString()).isEqualTo("UP");

            try (Chromium chromium = Chromium.start()) {
                WebDriver browser = chromium.browser();
                browser.get("http://localhost:" + ports.get(1) + "/");
                new WebDriverWait(browser, Chromium.PATIENCE, Duration.ofMillis(100))
                        .withMessage("orders shows 10")
                        .until(d -> !d.findElements(By.cssSelector("td[data-value-of='orders']"))
                                        .isEmpty()
                                && "10"
                                        .equals(d.findElement(By.cssSelector("td[data-value-of='orders']"))
                                                .getText()));
                WebElement row = browser.findElement(By.cssSelector("tr[data-atomic='orders']"));
                assertThat(row.getText()).contains("redis key " + key);
                assertThat(browser.findElement(By.id("chart-name")).getText()).isEqualTo("orders");
                assertThat(browser.findElement(By.cssSelector("button[data-needs='orders']"))
                                .isDisplayed())
                        .isTrue();
                call("POST", ports.get(0), "/api/orders"); // counted by the other instance, shown here
                new WebDriverWait(browser, Chromium.PATIENCE, Duration.ofMillis(100))
                        .withMessage("orders shows 11")
                        .until(d -> "11"
                                .equals(d.findElement(By.cssSelector("td[data-value-of='orders']"))
                                        .getText()));
            }

            redis.call("DEL", key); // a vanished key (expired, deleted, lost by Redis) is reported, not reset to 0
            JsonNode vanished = call("POST", ports.get(1), "/api/orders", 409);
            assertThat(vanished.get("detail").asString()).contains(key).contains("does not exist");
            assertThat(redis.call("EXISTS", key)).isEqualTo("0");
            redis.call("SET", key, "11"); // the operator recreates it

            redis.kill(); // what docs/reference-redis.md says happens when Redis goes away
            JsonNode failed = call("POST", ports.get(0), "/api/orders", 503);
            assertThat(failed.get("outcomeUnknown").asBoolean()).isFalse();
            assertThat(failed.get("detail").asString()).contains(key);
            assertThat(call("GET", ports.get(0), "/actuator/atomics/orders")
                            .get("status")
                            .asString())
                    .isEqualTo("unavailable");
            assertThat(call("GET", ports.get(0), "/actuator/health", 503)
                            .at("/components/atomics/status")
                            .asString())
                    .isEqualTo("DOWN");
        }
    }
}
