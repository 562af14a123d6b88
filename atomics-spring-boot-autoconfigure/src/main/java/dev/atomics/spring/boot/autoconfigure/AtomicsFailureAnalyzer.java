package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns an {@link AtomicsConfigurationException} anywhere in a startup failure's causes into Boot's
 * "APPLICATION FAILED TO START" report: a one-line description naming the property, its value and the
 * problem, and the action that fixes it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AtomicsFailureAnalyzer extends AbstractFailureAnalyzer<AtomicsConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AtomicsConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
