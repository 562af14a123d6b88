package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.autoconfigure.registry.RedisKind;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Atomics on Redis keys ({@code atomics.cluster.*} entries with {@code redis}), when atomics-redis, Spring Data
 * Redis and Lettuce are on the classpath and the application has a {@link RedisConnectionFactory} (Boot's, from
 * {@code spring.data.redis.*}, or its own): a {@link RedisKind} for {@link AtomicsAutoConfiguration}'s registry.
 * Without it, a {@code redis} entry stops startup with a report saying what to add.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(
        name = {
            "dev.atomics.redis.RedisAtomics",
            "org.springframework.data.redis.connection.RedisConnectionFactory",
            "io.lettuce.core.RedisClient"
        })
@ConditionalOnBean(type = "org.springframework.data.redis.connection.RedisConnectionFactory")
@ConditionalOnProperty(prefix = "atomics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AtomicsProperties.class)
public final class AtomicsRedisAutoConfiguration {

    @Bean
    RedisKind atomicsRedisSourceKind(RedisConnectionFactory connectionFactory, AtomicsProperties properties) {
        return new RedisKind(connectionFactory, properties.getRedis().getTimeout());
    }

    /** The counter {@code atomics.redis.keys.created}: keys created under {@code on-missing: create-at-startup}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static final class KeysCreatedMetrics {

        @Bean
        io.micrometer.core.instrument.binder.MeterBinder atomicsRedisKeysCreated(RedisKind kind) {
            return registry -> io.micrometer.core.instrument.FunctionCounter.builder(
                            "atomics.redis.keys.created", kind, RedisKind::keysCreated)
                    .description("Redis keys of atomics that were missing and created with their initial value"
                            + " (on-missing: create-at-startup): data Redis may have lost")
                    .register(registry);
        }
    }
}
