package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.AtomicUint128;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.registry.AtomicsRegistryFactory;
import dev.atomics.spring.boot.autoconfigure.registry.EntryMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

/**
 * Registers one bean per configured atomic, typed by its atomic type and named by its property prefix
 * ({@code atomics.instances.requests}), with the qualifier {@code requests}: {@code @Qualifier("requests") AtomicInt}
 * injects it, and an application bean named {@code requests} (a {@code @Service class Requests}) coexists with it.
 * Code that looks an atomic up by name asks the {@link AtomicsRegistry} ({@code registry.get("requests")}). Each bean
 * is the registry's object for that name: the registry creates, checks and closes them all.
 *
 * <p>Bean definitions are needed before any bean exists, so the names and types come straight from the
 * {@link Environment}, and an unknown key, an invalid or duplicate name or an unknown type stops startup with the
 * failure report before any bean is registered.
 *
 * <p>Public, with a public constructor, for Spring AOT only: an AOT-processed application calls bean registrars again
 * at run time, from generated code in the application's package, so that the atomics are those of the run-time
 * configuration. The qualifiers are added by a bean factory post-processor that this registrar registers too, since
 * a {@link BeanRegistry} cannot express them; being the registrar's, it also runs again at run time.
 */
public final class AtomicsBeanRegistrar implements BeanRegistrar {

    /** The bean name of the post-processor adding the qualifiers: dotted, like the atomics' own. */
    static final String QUALIFIERS = "atomics.qualifiers";

    /** The registrar {@link AtomicsAutoConfiguration} imports (and AOT-generated code creates at run time). */
    public AtomicsBeanRegistrar() {}

    /** The bean name of the atomic declared by {@code property}, e.g. {@code atomics.instances.requests}. */
    public static String beanName(String property) {
        return property;
    }

    /** Registers one bean per atomic that {@code env} configures, each supplied by the {@link AtomicsRegistry}. */
    @Override
    public void register(BeanRegistry registry, Environment env) {
        AtomicsKeys.check(env);
        Binder binder = Binder.get(env);
        Map<String, Map<String, ? extends AtomicsProperties.Entry>> maps = new LinkedHashMap<>();
        for (EntryMap<?> map : EntryMap.ALL) {
            maps.put(
                    map.prefix(),
                    binder.bind(map.prefix(), Bindable.mapOf(String.class, map.entryType()))
                            .orElse(Map.of()));
        }
        Map<String, Set<String>> names = new LinkedHashMap<>();
        maps.forEach((prefix, entries) -> names.put(prefix, entries.keySet()));
        AtomicsRegistryFactory.checkNames(names);
        Map<String, String> qualifiers = new LinkedHashMap<>();
        maps.forEach((prefix, entries) -> entries.forEach((name, entry) -> {
            String property = prefix + "." + name;
            AtomicType<?, ?, ?> type = AtomicsRegistryFactory.type(property, entry.getType());
            boolean wide = entry.getWidth() != null && entry.getWidth() == 16;
            Class<? extends Atomic> beanType = type == AtomicType.UINT
                    ? (wide ? AtomicUint128.class : AtomicUint.class)
                    : type == AtomicType.BYTES ? AtomicBytes.class : wide ? AtomicInt128.class : AtomicInt.class;
            register(registry, beanName(property), name, beanType, "atomic configured by " + property);
            qualifiers.put(beanName(property), name);
        }));
        registry.registerBean(
                QUALIFIERS,
                Qualifiers.class,
                spec -> spec.infrastructure().supplier(context -> new Qualifiers(qualifiers)));
    }

    private static <A extends Atomic> void register(
            BeanRegistry registry, String beanName, String name, Class<A> type, String description) {
        registry.registerBean(
                beanName,
                type,
                spec -> spec.description(description)
                        .supplier(context -> context.bean(AtomicsRegistry.class).get(name, type)));
    }

    /** Gives each atomic's bean definition the qualifier of its name, before any bean is resolved. */
    static final class Qualifiers implements BeanFactoryPostProcessor {

        private final Map<String, String> qualifiers;

        Qualifiers(Map<String, String> qualifiers) {
            this.qualifiers = Map.copyOf(qualifiers);
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
                // Spring AOT refuses qualifiers on a bean registrar's definitions; at run time this runs again
                return;
            }
            qualifiers.forEach((beanName, name) -> {
                BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
                ((AbstractBeanDefinition) definition)
                        .addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            });
        }
    }
}
