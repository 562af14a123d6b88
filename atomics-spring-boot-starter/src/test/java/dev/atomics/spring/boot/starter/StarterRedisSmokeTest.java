package dev.atomics.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.redis.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter plus spring-boot-starter-data-redis and one YAML entry: an application gets an {@code AtomicInt} that
 * counts in Redis, for every instance of it.
 */
@SpringBootTest(properties = {"atomics.cluster.orders.redis=smoke:orders", "atomics.cluster.orders.type=int"})
class StarterRedisSmokeTest {

    @SpringBootApplication
    static class App {}

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        RedisServer server = RedisServer.shared();
        registry.add("spring.data.redis.host", server::host);
        registry.add("spring.data.redis.port", server::port);
    }

    @Autowired
    @Qualifier("orders")
    AtomicInt orders;

    @Test
    void injectsAnAtomicOnARedisKey() {
        orders.store(41);
        assertThat(orders.fetchInc()).isEqualTo(41);
        assertThat(RedisServer.shared().call("GET", "smoke:orders")).isEqualTo("42");
    }
}
