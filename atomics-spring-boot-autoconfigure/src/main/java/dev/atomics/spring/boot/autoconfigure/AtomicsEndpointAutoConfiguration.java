package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code atomics} actuator endpoint, when the actuator is present and the endpoint is available (its access
 * is not {@code none} and it is exposed, e.g. {@code management.endpoints.web.exposure.include=atomics}).
 */
@AutoConfiguration(after = AtomicsAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(AtomicsRegistry.class)
public final class AtomicsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(AtomicsEndpoint.class)
    AtomicsEndpoint atomicsEndpoint(AtomicsRegistry registry) {
        return new AtomicsEndpoint(registry);
    }
}
