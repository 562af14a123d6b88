package dev.atomics.redis;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.testing.RedisServer;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis example of README.md without Spring, line for line (on the test server instead of localhost:6379). */
class ReadmeExampleTest {

    @Test
    void theExampleWithoutSpringDoesWhatTheReadmeSays() {
        RedisServer server = RedisServer.shared();
        server.call("DEL", "myapp:orders");
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server.host(), server.port());
        factory.afterPropertiesSet();
        factory.start();
        try (RedisAtomics redis = RedisAtomics.create(factory, Duration.ofMillis(500))) {
            AtomicInt orders = redis.atomic("myapp:orders", 8, AtomicType.INT);
            long mine = orders.fetchInc();
            AtomicBytes flags = redis.readonlyAtomic("myapp:features", 4, AtomicType.BYTES);

            assertThat(mine).isZero();
            assertThat(server.call("GET", "myapp:orders")).isEqualTo("1");
            assertThat(flags.readonly()).isTrue();
            assertThat(flags.load()).containsExactly(0, 0, 0, 0);
            assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(500));
        } finally {
            factory.destroy();
        }
    }
}
