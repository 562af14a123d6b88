package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An atomic that {@code atomics.instances}, {@code atomics.shared} or {@code atomics.cluster} declares, as its bean
 * definition needs it:
 * the name (the bean name), the property prefix that declares it and its type (the bean type).
 *
 * <p>Bean definitions are registered before any bean exists, so {@link #read} binds the entries straight from the
 * {@link Environment}, and checks what the definitions depend on: valid names, used once, and known types. A bad
 * entry thus stops startup with the failure report before any bean is registered or created and before anything
 * is mapped, whichever bean asks for an atomic first and however it is injected (by type and qualifier, by name).
 *
 * @param property the prefix of the entry, e.g. {@code atomics.instances.requests}
 */
record ConfiguredAtomic(String name, String property, AtomicType<?, ?, ?> type) {

    /** How the description of an atomic's bean definition starts; the property prefix follows. */
    static final String DESCRIPTION = "atomic configured by ";

    /**
     * The configured atomics, instances first, in configuration order.
     *
     * @throws dev.atomics.spring.boot.AtomicsConfigurationException for an unknown key, an invalid or duplicate name or an
     *                                                               unknown type
     */
    static List<ConfiguredAtomic> read(Environment env) {
        AtomicsKeys.check(env);
        Binder binder = Binder.get(env);
        Map<String, Map<String, ? extends AtomicsProperties.Entry>> maps = new LinkedHashMap<>();
        for (EntryMap<?> map : EntryMap.ALL) {
            maps.put(map.prefix(), bind(binder, map));
        }
        Map<String, Set<String>> names = new LinkedHashMap<>();
        maps.forEach((prefix, entries) -> names.put(prefix, entries.keySet()));
        AtomicsRegistryFactory.checkNames(names);
        List<ConfiguredAtomic> atomics = new ArrayList<>();
        maps.forEach((prefix, entries) -> entries.forEach((name, entry) -> atomics.add(of(prefix, name, entry.getType()))));
        return atomics;
    }

    private static <E extends AtomicsProperties.Entry> Map<String, E> bind(Binder binder, EntryMap<E> map) {
        return binder.bind(map.prefix(), Bindable.mapOf(String.class, map.entryType())).orElse(Map.of());
    }

    private static ConfiguredAtomic of(String map, String name, String type) {
        String property = map + "." + name;
        return new ConfiguredAtomic(name, property, AtomicsRegistryFactory.type(property, type));
    }

    /** The type of the bean: what {@code @Qualifier("name") AtomicInt} and the like inject. */
    Class<? extends Atomic> beanType() {
        if (type == AtomicType.UINT) {
            return AtomicUint.class;
        }
        return type == AtomicType.BYTES ? AtomicBytes.class : AtomicInt.class;
    }

    /** The description of the bean definition, by which {@link #declaredBy} recognizes it. */
    String description() {
        return DESCRIPTION + property;
    }

    /** The property prefix of the atomic whose bean {@code definition} is, or null if it is another bean. */
    static String declaredBy(BeanDefinition definition) {
        String description = definition == null ? null : definition.getDescription();
        return description != null && description.startsWith(DESCRIPTION) ? description.substring(DESCRIPTION.length()) : null;
    }
}
