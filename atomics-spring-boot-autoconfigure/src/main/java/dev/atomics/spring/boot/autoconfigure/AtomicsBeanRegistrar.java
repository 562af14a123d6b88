package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

/**
 * Registers one bean per configured atomic, named by its key ({@code atomics.instances.requests} becomes the
 * bean {@code requests}) and typed by its atomic type, so that {@code @Qualifier("requests") AtomicInt} injects
 * it (for {@code atomics.shared} the bean is a view, e.g. an {@code AtomicIntView}, which is an
 * {@code AtomicInt}). Each bean is the registry's object for that name: the registry creates, checks and closes them all.
 *
 * <p>Bean definitions are needed before any bean exists, so the names and types come straight from the
 * {@link Environment} ({@code ConfiguredAtomic.read}), which refuses an invalid name or an unknown type with
 * the failure report: no bean is registered for an atomic whose type is unknown. {@code AtomicsBeanNameCheck}
 * has already made sure that no other bean has the name.
 *
 * <p>Public, with a public constructor, for Spring AOT only: an AOT-processed application calls bean registrars again
 * at run time, from generated code in the application's package, so that the atomics are those of the run-time
 * configuration. Applications do not use it directly: {@link AtomicsAutoConfiguration} imports it.
 */
public final class AtomicsBeanRegistrar implements BeanRegistrar {

    /** The registrar {@link AtomicsAutoConfiguration} imports (and AOT-generated code creates at run time). */
    public AtomicsBeanRegistrar() {
    }

    /** Registers one bean per atomic that {@code env} configures, each supplied by the {@link AtomicsRegistry}. */
    @Override
    public void register(BeanRegistry registry, Environment env) {
        for (ConfiguredAtomic atomic : ConfiguredAtomic.read(env)) {
            // AtomicsBeanNameCheck has checked this, but under AOT at build time only: this runs again at run time
            String reserved = AtomicsBeanNameCheck.reserved(atomic.name());
            if (reserved != null) {
                throw AtomicsBeanNameCheck.collision(atomic.property(), atomic.name(), reserved);
            }
            register(registry, atomic.name(), atomic.beanType(), atomic.description());
        }
    }

    private static <A extends Atomic> void register(BeanRegistry registry, String name, Class<A> type, String description) {
        registry.registerBean(name, type, spec -> spec
                .description(description)
                .supplier(context -> context.bean(AtomicsRegistry.class).get(name, type)));
    }
}
