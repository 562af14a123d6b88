package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.registry.EntryMap;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for the configured atomics: an {@code atomics.value} gauge each, or an {@code atomics.count}
 * counter for entries with {@code meter: counter}, tagged name, type and source (see {@link AtomicsMetrics}). Off with
 * {@code atomics.metrics.enabled=false}.
 */
@AutoConfiguration(
        after = AtomicsAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, MeterBinder.class})
@ConditionalOnBean({MeterRegistry.class, AtomicsRegistry.class})
@ConditionalOnProperty(prefix = "atomics.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class AtomicsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AtomicsMetrics atomicsMetrics(AtomicsRegistry registry, AtomicsProperties properties) {
        return new AtomicsMetrics(registry, counters(properties));
    }

    /** The entries that say {@code meter: counter} (the registry's factory has checked every meter). */
    static Set<String> counters(AtomicsProperties properties) {
        Set<String> counters = new LinkedHashSet<>();
        for (EntryMap<?> map : EntryMap.ALL) {
            map.entries().apply(properties).forEach((name, entry) -> {
                if (entry.getMeter() != null
                        && entry.getMeter().trim().toLowerCase(Locale.ROOT).equals("counter")) {
                    counters.add(name);
                }
            });
        }
        return counters;
    }
}
