package dev.atomics.redis;

import dev.atomics.redis.testing.RedisClusterNodes;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The conformance kit's model tests of {@link RedisConformanceTest} (every method at every width and type) on a Redis
 * Cluster of 3 masters started here: keys spread over all of them, states set and checked through a cluster-aware
 * plain client. In the failover profile, so that the default suite needs no cluster.
 */
@Tag("failover")
class RedisClusterConformanceTest extends RedisConformanceTest {

    private static RedisClusterNodes cluster;
    private static RedisClusterClient client;

    @BeforeAll
    static void connect() {
        cluster = RedisClusterNodes.start(3);
        factory = cluster.factory(Duration.ofSeconds(10));
        redis = RedisAtomics.create(factory);
        client = RedisClusterClient.create(cluster.nodes().stream()
                .map(n -> RedisURI.create(n.host(), n.port()))
                .toList());
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        RedisAdvancedClusterCommands<String, String> c = connection.sync();
        plain = command -> switch (command[0]) {
            case "GET" -> c.get(command[1]);
            case "SET" -> c.set(command[1], command[2]);
            case "DEL" -> Long.toString(c.del(command[1]));
            default -> throw new IllegalArgumentException(command[0]);
        };
        plainClient = connection;
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        factory.destroy();
        try {
            plainClient.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        client.shutdown();
        cluster.close();
    }
}
