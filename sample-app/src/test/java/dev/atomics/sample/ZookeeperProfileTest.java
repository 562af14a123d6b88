package dev.atomics.sample;

import static dev.atomics.sample.ClusterProfileTest.call;
import static dev.atomics.sample.ClusterProfileTest.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryNotFoundException;
import dev.atomics.zookeeper.testing.ZookeeperServer;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The "zookeeper" profile: two instances of the app, on two ports, take order numbers from one counter on a znode
 * of a real ZooKeeper server, exactly.
 */
class ZookeeperProfileTest {

    static final String SHM = "atomics-zk-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @AfterAll
    static void removeSharedMemory() {
        try {
            SharedMemory.unlink(SHM);
        } catch (SharedMemoryNotFoundException e) {
            // already gone
        }
    }

    static ConfigurableApplicationContext start(String ensemble, String path) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("zookeeper")
                .run(
                        "--server.port=0",
                        "--atomics.zookeeper.connect-string=" + ensemble,
                        "--atomics.cluster.orders.zookeeper=" + path,
                        "--atomics.shared.jobs-done.shm=" + SHM);
    }

    @Test
    void twoInstancesCountIntoOneCounterOnAZnode() throws Exception {
        String ensemble = ZookeeperServer.shared().getConnectString();
        String path = "/sample/orders-" + System.nanoTime();
        try (CuratorFramework plain = ZookeeperServer.client(ensemble);
                ConfigurableApplicationContext first = start(ensemble, path);
                ConfigurableApplicationContext second = start(ensemble, path)) {
            List<Integer> ports = List.of(port(first), port(second));
            Set<String> instances = new HashSet<>();
            for (int n = 1; n <= 10; n++) {
                JsonNode order = call("POST", ports.get(n % 2), "/api/orders");
                assertThat(order.get("order").asLong())
                        .as("order numbers are consecutive across both instances")
                        .isEqualTo(n);
                assertThat(order.get("znode").asString()).isEqualTo(path);
                instances.add(order.get("instance").asString());
            }
            assertThat(instances).hasSize(2);
            for (int port : ports) {
                assertThat(call("GET", port, "/api/orders").get("orders").asLong())
                        .isEqualTo(10);
            }
            assertThat(plain.getData().forPath(path))
                    .isEqualTo(ByteBuffer.allocate(8).putLong(10).array());

            JsonNode orders = call("GET", ports.get(0), "/actuator/atomics/orders");
            assertThat(orders.get("value").asString()).isEqualTo("10");
            assertThat(orders.get("engine").asString()).isEqualTo("zookeeper");
            assertThat(orders.at("/source/kind").asString()).isEqualTo("zookeeper");
            JsonNode health = call("GET", ports.get(1), "/actuator/health");
            assertThat(health.at("/components/atomics/status").asString()).isEqualTo("UP");

            plain.setData().forPath(path, new byte[] {1, 2, 3}); // foreign content: 409, never overwritten
            JsonNode refused = call("POST", ports.get(0), "/api/orders", 409);
            assertThat(refused.get("detail").asString()).contains(path).contains("3 bytes");
            assertThat(plain.getData().forPath(path)).containsExactly(1, 2, 3);
            assertThat(call("GET", ports.get(0), "/actuator/health", 503)
                            .at("/components/atomics/status")
                            .asString())
                    .isEqualTo("DOWN");
        }
    }
}
