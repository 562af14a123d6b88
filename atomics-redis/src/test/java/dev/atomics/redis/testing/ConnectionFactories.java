package dev.atomics.redis.testing;

import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Spring Data Redis connection factories on a test server, configured as Boot would from spring.data.redis.*. */
public final class ConnectionFactories {

    private ConnectionFactories() {}

    /** A started factory for {@code server} with the command timeout {@code timeout}; destroy it after use. */
    public static LettuceConnectionFactory lettuce(RedisServer server, Duration timeout) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), server.port()),
                LettuceClientConfiguration.builder().commandTimeout(timeout).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
