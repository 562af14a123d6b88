package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.beans.PropertyDescriptor;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses unknown keys under {@code atomics.*}, stricter than Boot on purpose: a typo inside an entry
 * ({@code initial-valu: 5}) would silently change the atomic, and a typo in a section ({@code atomics.instanses}) would
 * drop it. Known keys are the properties of {@link AtomicsProperties} (its entries' keys are those of its entry
 * classes) and the core's own system properties in the same namespace ({@link #CORE_KEYS}). Relaxed forms
 * ({@code initialValue}) are the same key. Environment variables and JVM system properties are not checked
 * ({@link #processWide}).
 */
public final class AtomicsKeys {

    /** The core's documented system properties under {@code atomics.}, which the starter never refuses. */
    static final Set<String> CORE_KEYS = Set.of("atomics.engine", "atomics.patomic.library", "atomics.native.binding");

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("atomics");

    /** The keys of each map's entries, by map. */
    private static final Map<String, Set<String>> ENTRY_KEYS = Map.of(
            "instances", keys(AtomicsProperties.Instance.class),
            "shared", keys(AtomicsProperties.Shared.class),
            "cluster", keys(AtomicsProperties.Cluster.class));

    /** Every other known key, relative to {@code atomics.}. */
    private static final Set<String> KEYS = otherKeys();

    private AtomicsKeys() {}

    /**
     * @throws AtomicsConfigurationException naming the first unknown key and the nearest known one
     */
    static void check(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable && !processWide(source)) {
                iterable.stream().filter(ROOT::isAncestorOf).sorted().forEach(name -> check(name, source));
            }
        }
    }

    /**
     * Whether {@code source} is the process's environment variables or JVM system properties, which are not
     * checked: the environment holds other tools' variables ({@code ATOMICS_NATIVE_CROSS} of this project's own
     * build reads as {@code atomics.native.cross}), and the core reads its own {@code -Datomics.*} properties.
     */
    private static boolean processWide(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof PropertySource<?> p
                && (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(p.getName())
                        || StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(p.getName()));
    }

    private static void check(ConfigurationPropertyName name, ConfigurationPropertySource source) {
        String section = name.getElement(1, ConfigurationPropertyName.Form.DASHED);
        Set<String> sections = new TreeSet<>(ENTRY_KEYS.keySet());
        KEYS.forEach(k -> sections.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
        if (!contains(sections, section)) {
            refuse(name, source, "atomics.", section, sections, "a section of the atomics starter or core");
        }
        String map = ENTRY_KEYS.keySet().stream()
                .filter(m -> uniform(m).equals(uniform(section)))
                .findFirst()
                .orElse(null);
        if (map == null) {
            String key = rest(name, 1);
            if (!contains(KEYS, key)) {
                refuse(name, source, "atomics.", key, KEYS, "a key of the atomics starter or core");
            }
            return;
        }
        Set<String> keys = ENTRY_KEYS.get(map);
        String prefix = "atomics." + map + "."
                + (name.getNumberOfElements() > 2
                        ? name.getElement(2, ConfigurationPropertyName.Form.ORIGINAL) + "."
                        : "");
        String key = name.getNumberOfElements() > 3 ? rest(name, 3) : "";
        if (!contains(keys, key)) {
            refuse(name, source, prefix, key, keys, "a key of an atomics." + map + " entry");
        }
    }

    private static void refuse(
            ConfigurationPropertyName name,
            ConfigurationPropertySource source,
            String prefix,
            String key,
            Set<String> known,
            String what) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        String nearest = nearest(key, known);
        throw new AtomicsConfigurationException(
                prefix + key,
                property == null ? null : property.getValue(),
                "unknown key '" + key + "': it is not " + what + " (the nearest is '" + nearest + "')",
                "Rename it to " + prefix + nearest + ", or remove it. Known keys here: " + String.join(", ", known)
                        + ".");
    }

    private static String rest(ConfigurationPropertyName name, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < name.getNumberOfElements(); i++) {
            b.append(i == from ? "" : ".").append(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
        }
        return b.toString();
    }

    private static boolean contains(Set<String> keys, String key) {
        String u = uniform(key);
        return keys.stream().anyMatch(k -> uniform(k).equals(u));
    }

    /** Relaxed binding's view of a key: case and dashes do not matter. */
    private static String uniform(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The known key closest to {@code key} by edit distance (ties: the alphabetically first). */
    static String nearest(String key, Set<String> candidates) {
        return candidates.stream()
                .sorted()
                .min(Comparator.comparingInt(c -> distance(uniform(key), uniform(c))))
                .orElseThrow();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** The bean properties of {@code type}, in kebab case; those of a nested group (a Redis entry's wait) too. */
    private static Set<String> keys(Class<?> type) {
        Set<String> keys = new TreeSet<>();
        for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(type)) {
            if (p.getReadMethod() != null && !p.getName().equals("class")) {
                keys.add(kebab(p.getName()));
                if (p.getPropertyType() == AtomicsProperties.Wait.class) {
                    keys(AtomicsProperties.Wait.class).forEach(k -> keys.add(kebab(p.getName()) + "." + k));
                }
            }
        }
        return keys;
    }

    /** Leaves and nested groups of {@link AtomicsProperties} (not its maps), relative to {@code atomics.}. */
    private static Set<String> otherKeys() {
        Set<String> keys = new TreeSet<>();
        Map<String, Class<?>> groups = new TreeMap<>();
        for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(AtomicsProperties.class)) {
            Class<?> type = p.getPropertyType();
            if (p.getName().equals("class") || Map.class.isAssignableFrom(type)) {
                continue;
            }
            if (BeanUtils.isSimpleProperty(type)) {
                keys.add(kebab(p.getName()));
            } else {
                groups.put(kebab(p.getName()), type);
            }
        }
        groups.forEach((group, type) -> keys(type).forEach(k -> keys.add(group + "." + k)));
        for (String core : CORE_KEYS) {
            keys.add(core.substring("atomics.".length()));
        }
        return keys;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
