package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.web.AtomicsProblemDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * {@link AtomicsProblemDetails}, the library's exceptions as RFC 9457 problems for the application's controllers, when
 * {@code atomics.web.problem-details=true} in a web application.
 */
@AutoConfiguration(after = AtomicsAutoConfiguration.class)
@ConditionalOnClass(ProblemDetail.class)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "atomics.web", name = "problem-details", havingValue = "true")
public final class AtomicsWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AtomicsProblemDetails atomicsProblemDetails() {
        return new AtomicsProblemDetails();
    }
}
