package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.Locale;
import java.util.Map;

/**
 * Registers one bean per configured atomic, named by its key ({@code atomics.instances.requests} becomes the
 * bean {@code requests}) and typed by its atomic type, so that {@code @Qualifier("requests") AtomicInt} injects
 * it (for {@code atomics.shared} the bean is a view, e.g. an {@code AtomicIntView}, which is an
 * {@code AtomicInt}). Each bean is the registry's object for that name: the registry creates, checks and closes them all.
 *
 * <p>Bean definitions are needed before any bean exists, so this reads the names and types straight from the
 * {@link Environment} with a {@link Binder}; a type that is not int, uint or bytes registers a plain
 * {@link Atomic} bean, and the registry then stops startup with the real error.
 */
final class AtomicsBeanRegistrar implements BeanRegistrar {

    @Override
    public void register(BeanRegistry registry, Environment env) {
        Binder binder = Binder.get(env);
        Map<String, AtomicsProperties.Instance> instances = binder
                .bind("atomics.instances", Bindable.mapOf(String.class, AtomicsProperties.Instance.class))
                .orElse(Map.of());
        instances.forEach((name, instance) ->
                register(registry, name, atomicType(instance.getType()), "atomics.instances." + name));
        binder.bind("atomics.shared", Bindable.mapOf(String.class, AtomicsProperties.Shared.class))
                .ifBound(shared -> shared.forEach((name, entry) -> {
                    // A name used twice gets one bean: the registry then stops startup, naming both entries.
                    if (!instances.containsKey(name)) {
                        register(registry, name, atomicType(entry.getType()), "atomics.shared." + name);
                    }
                }));
    }

    private static <A extends Atomic> void register(BeanRegistry registry, String name, Class<A> type, String property) {
        registry.registerBean(name, type, spec -> spec
                .description("atomic configured by " + property)
                .supplier(context -> context.bean(AtomicsRegistry.class).get(name, type)));
    }

    private static Class<? extends Atomic> atomicType(String type) {
        switch (normalize(type)) {
            case "int": return AtomicInt.class;
            case "uint": return AtomicUint.class;
            case "bytes": return AtomicBytes.class;
            default: return Atomic.class;
        }
    }

    private static String normalize(String type) {
        return type == null ? "int" : type.trim().toLowerCase(Locale.ROOT);
    }
}
