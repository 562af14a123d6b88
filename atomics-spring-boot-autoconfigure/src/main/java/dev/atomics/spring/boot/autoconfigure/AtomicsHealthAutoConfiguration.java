package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code atomics} health indicator (bean {@code atomicsHealthIndicator}), unless
 * {@code management.health.atomics.enabled=false}.
 */
@AutoConfiguration(after = AtomicsAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(AtomicsRegistry.class)
@ConditionalOnEnabledHealthIndicator("atomics")
public final class AtomicsHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "atomicsHealthIndicator")
    AtomicsHealthIndicator atomicsHealthIndicator(AtomicsRegistry registry) {
        return new AtomicsHealthIndicator(registry);
    }
}
