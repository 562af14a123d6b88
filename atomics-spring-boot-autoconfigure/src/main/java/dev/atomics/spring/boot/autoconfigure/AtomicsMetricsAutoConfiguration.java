package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer gauges for the configured atomics: {@code atomics.value}, tagged name, type and source (see
 * {@link AtomicsMetrics}). Off with {@code atomics.metrics.enabled=false}.
 */
@AutoConfiguration(after = AtomicsAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean({ MeterRegistry.class, AtomicsRegistry.class })
@ConditionalOnProperty(prefix = "atomics.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class AtomicsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AtomicsMetrics atomicsMetrics(AtomicsRegistry registry) {
        return new AtomicsMetrics(registry);
    }
}
