package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomics;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.registry.AtomicsRegistryFactory;
import dev.atomics.spring.boot.autoconfigure.registry.SourceKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of named atomics: the {@link AtomicsRegistry} built from {@code atomics.*}, and one bean
 * per configured atomic, qualified by its key and typed by its atomic type ({@code AtomicInt}, {@code AtomicUint},
 * {@code AtomicBytes}; for {@code atomics.shared} the beans are views, for {@code atomics.cluster} atomics on Redis
 * keys, whose source kind {@link AtomicsRedisAutoConfiguration} contributes).
 *
 * <p>Nothing happens when {@code atomics.enabled=false}. An application that defines its own
 * {@link AtomicsRegistry} bean replaces the one built from properties; the per-name beans then come from its
 * registry.
 *
 * <p>In an AOT-processed application the conditions are evaluated at build time; the atomics themselves (the
 * per-name beans, registered by {@link AtomicsBeanRegistrar}, and the registry) come from the run-time configuration.
 */
@AutoConfiguration
@ConditionalOnClass(Atomics.class)
@ConditionalOnProperty(prefix = "atomics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AtomicsProperties.class)
@Import(AtomicsBeanRegistrar.class)
@ImportRuntimeHints(AtomicsRuntimeHints.class)
public final class AtomicsAutoConfiguration {

    /**
     * The registry, created eagerly even in a lazily initialized context, so that configuration errors stop
     * startup and shared mappings are open before the application runs. Closed with the context: views
     * first, then mappings. If building it fails, what this startup created is removed again; once built, nothing
     * is ever removed (see {@link AtomicsRegistryFactory}).
     */
    @Bean(destroyMethod = "close")
    @Lazy(false)
    @ConditionalOnMissingBean
    AtomicsRegistry atomicsRegistry(AtomicsProperties properties, ObjectProvider<SourceKind<?>> optionalKinds) {
        return AtomicsRegistryFactory.create(
                properties, optionalKinds.orderedStream().toList());
    }
}
