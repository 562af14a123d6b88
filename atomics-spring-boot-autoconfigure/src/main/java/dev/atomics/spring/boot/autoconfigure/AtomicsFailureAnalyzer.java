package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsConfigurationException;

import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns an {@link AtomicsConfigurationException} anywhere in a startup failure's causes into Boot's
 * "APPLICATION FAILED TO START" report: a one-line description naming the property, its value and the
 * problem, and the action that fixes it.
 *
 * <p>It also reports a {@link BeanDefinitionOverrideException} between an atomic and another bean of the same
 * name as the atomics configuration error it is (see {@link AtomicsBeanNameCheck}); it runs before Boot's own
 * analyzers so that Boot's advice for that exception (enable bean overriding, which would make one of the two
 * beans vanish) is not given.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AtomicsFailureAnalyzer extends AbstractFailureAnalyzer<AtomicsConfigurationException> {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = super.analyze(failure);
        if (analysis != null) {
            return analysis;
        }
        AtomicsConfigurationException collision = AtomicsBeanNameCheck.collision(
                findCause(failure, BeanDefinitionOverrideException.class));
        return collision == null ? null : analyze(failure, collision);
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AtomicsConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
