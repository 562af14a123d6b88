package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeLibraryException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds the {@link AtomicsRegistry} from {@link AtomicsProperties}: checks every entry first (so that a bad
 * entry fails startup before anything is created, mapped or connected), then lets each {@link SourceKind} open its
 * entries: the instances, each shared object or file once for all the entries on it, one Redis connection.
 *
 * <p>The factory knows no kind: an entry's map and the property it sets (e.g. {@code shm}) say which kind it is,
 * the map validates what every entry of it has (name, type, width, engine), the kind the rest.
 *
 * <p>Building is all or nothing: if anything fails before the registry is returned, everything opened is closed
 * again, and everything that this call created (shared-memory objects, files and directories) is removed (objects
 * and files that existed before stay, even if this call grew them). Once the registry is returned it owns the
 * backends, and closing it never removes anything, also when the application context fails to start later: from
 * then on the application's beans and other processes may already be using the memory. The one exception is test
 * isolation ({@code atomics.test.isolate}, {@link Isolation}): the objects and files then have names of the context's
 * own, nobody else uses them, and closing removes what the startup created, the way a failed startup would.
 */
public final class AtomicsRegistryFactory {

    static final String INSTANCES = EntryMap.INSTANCES.prefix();
    static final String SHARED = EntryMap.SHARED.prefix();
    static final String CLUSTER = EntryMap.CLUSTER.prefix();

    /** Names become qualifiers, URL path segments and tag values. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private static final Log logger = LogFactory.getLog(AtomicsRegistryFactory.class);

    /** How much of a configured value error messages quote. */
    private static final int QUOTE = 100;

    private AtomicsRegistryFactory() {}

    public static AtomicsRegistry create(AtomicsProperties properties) {
        return create(properties, List.of());
    }

    /**
     * @param optionalKinds the kinds that need beans of their own, if the application has them (redis)
     */
    public static AtomicsRegistry create(AtomicsProperties properties, List<? extends SourceKind<?>> optionalKinds) {
        if (properties.getPatomicLibrary() != null
                && !properties.getPatomicLibrary().isBlank()) {
            NativeLibrarySelector.select(properties.getPatomicLibrary());
        }
        Engine defaultEngine = engine("atomics.engine", properties.getEngine(), Engine.AUTO);
        Isolation isolation = properties.getTest().isIsolate() ? Isolation.create() : null;
        if (isolation != null) {
            logger.info("atomics.test.isolate: " + isolation + "; what this context creates is removed when it closes");
        }
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (EntryMap<?> map : EntryMap.ALL) {
            names.put(map.prefix(), map.entries().apply(properties).keySet());
        }
        checkNames(names);

        List<SourceKind<?>> kinds =
                new ArrayList<>(List.of(new InstanceKind(), new ShmKind(isolation), new FileKind(isolation)));
        kinds.addAll(optionalKinds);
        // every entry is validated before anything is opened
        Map<SourceKind<?>, List<ResolvedAtomic>> specs = new IdentityHashMap<>();
        List<String> order = new ArrayList<>();
        for (EntryMap<?> map : EntryMap.ALL) {
            validate(map, properties, defaultEngine, kinds, specs, order);
        }

        Startup startup = new Startup(defaultEngine, isolation != null);
        try {
            for (SourceKind<?> kind : kinds) {
                List<ResolvedAtomic> own = specs.get(kind);
                if (own != null) {
                    kind.open(own, startup);
                }
            }
            return startup.registry(order);
        } catch (RuntimeException | Error e) {
            startup.rollBack(e);
            throw e;
        }
    }

    private static <E extends AtomicsProperties.Entry> void validate(
            EntryMap<E> map,
            AtomicsProperties properties,
            Engine defaultEngine,
            List<SourceKind<?>> kinds,
            Map<SourceKind<?>, List<ResolvedAtomic>> specs,
            List<String> order) {
        map.entries().apply(properties).forEach((name, entry) -> {
            String prefix = map.prefix() + "." + name;
            ResolvedAtomic basics =
                    map.memory() ? memoryBasics(name, prefix, entry, defaultEngine) : serverBasics(name, prefix, entry);
            counter(prefix, basics.type(), entry.getMeter());
            SourceKind<E> kind = kindOf(map, prefix, entry, kinds);
            specs.computeIfAbsent(kind, k -> new ArrayList<>()).add(kind.validate(basics, entry));
            order.add(name);
        });
    }

    /** The kind of {@code entry}: the one whose selector it sets (exactly one), or the map's only kind. */
    @SuppressWarnings("unchecked")
    private static <E extends AtomicsProperties.Entry> SourceKind<E> kindOf(
            EntryMap<E> map, String prefix, E entry, List<SourceKind<?>> kinds) {
        String selector = null;
        if (!map.selectors().isEmpty()) {
            Map<String, String> set = map.targets(entry);
            List<String> selectors = List.copyOf(map.selectors().keySet());
            if (set.size() > 1) {
                List<String> both = List.copyOf(set.keySet());
                throw new AtomicsConfigurationException(
                        prefix + "." + both.get(0),
                        set.get(both.get(0)),
                        "both '" + both.get(0)
                                + "' and '" + both.get(1) + "' (" + AtomicValues.abbreviate(set.get(both.get(1)), QUOTE)
                                + ") are set, but a " + map.noun() + " lives in exactly one of them",
                        "Remove " + prefix + "." + both.get(0) + " or " + prefix + "." + both.get(1) + ".");
            }
            if (set.isEmpty()) {
                String none = selectors.size() == 1
                        ? "'" + selectors.get(0) + "' is not set"
                        : "neither '" + String.join("' nor '", selectors) + "' is set";
                throw new AtomicsConfigurationException(
                        prefix + "." + selectors.get(0),
                        null,
                        none + ", so " + map.nothingToUse(),
                        map.nothingFix().apply(prefix));
            }
            selector = set.keySet().iterator().next();
        }
        for (SourceKind<?> kind : kinds) {
            if (kind.map() == map && Objects.equals(kind.selector(), selector)) {
                return (SourceKind<E>) kind;
            }
        }
        EntryMap.Requirement needs = map.needs().get(selector);
        String value = map.targets(entry).get(selector);
        throw new AtomicsConfigurationException(
                prefix + "." + selector,
                value,
                needs == null ? "no source kind serves '" + selector + "' entries" : needs.problem(),
                needs == null ? "Remove the entry." : needs.action());
    }

    // ---------------------------------------------------------------------------------------------
    // Checks of what every entry has
    // ---------------------------------------------------------------------------------------------

    /**
     * Checks the keys of every map ({@code atomics.instances}, {@code atomics.shared}, {@code atomics.cluster}):
     * valid names, none used twice.
     *
     * @param names the keys of each map, by its prefix, in the maps' order
     */
    public static void checkNames(Map<String, Set<String>> names) {
        Map<String, String> seen = new LinkedHashMap<>();
        names.forEach((map, keys) -> {
            for (String name : keys) {
                checkName(map, name);
                String other = seen.putIfAbsent(name, map);
                if (other != null) {
                    throw new AtomicsConfigurationException(
                            map + "." + name,
                            name,
                            "the name is also used by " + other
                                    + "." + name
                                    + ", and every atomic needs its own name (its qualifier, and its key in the"
                                    + " registry)",
                            "Rename one of the two entries.");
                }
            }
        });
    }

    private static void checkName(String map, String name) {
        if (!NAME.matcher(name).matches()) {
            String quoted = AtomicValues.abbreviate(name, QUOTE); // an invalid name may be of any length
            throw new AtomicsConfigurationException(
                    map + "." + quoted,
                    name,
                    "'" + quoted + "' is not a valid atomic name:"
                            + " names are qualifiers, URL path segments of /actuator/atomics and metric tags, so they "
                            + "start with a letter or digit and contain only letters, digits, '-' and '_' (at most 100 "
                            + "characters)",
                    "Rename the entry, e.g. to '" + suggestName(name) + "'.");
        }
    }

    private static String suggestName(String name) {
        String s =
                name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[-_]+", "").replaceAll("-+$", "");
        if (s.isEmpty()) {
            s = "counter";
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Engine engine(String property, String value, Engine fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Engine.parse(value);
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(property, value, "unknown engine", "Use auto, patomic or jvm.");
        }
    }

    /** The type named by {@code value}, the {@code type} property of the entry {@code prefix}. */
    public static AtomicType<?, ?, ?> type(String prefix, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "int":
                return AtomicType.INT;
            case "uint":
                return AtomicType.UINT;
            case "bytes":
                return AtomicType.BYTES;
            default:
                throw new AtomicsConfigurationException(
                        prefix + ".type",
                        value,
                        "unknown atomic type",
                        "Use int (signed integer), uint (unsigned integer) or bytes (raw bytes).");
        }
    }

    /**
     * Whether the entry {@code prefix} of {@code type} says {@code meter: counter}.
     *
     * @throws AtomicsConfigurationException for a meter other than gauge and counter, or a counter of bytes
     */
    static boolean counter(String prefix, AtomicType<?, ?, ?> type, String meter) {
        String m = meter == null ? "" : meter.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "":
            case "gauge":
                return false;
            case "counter":
                if (!type.isIntegral()) {
                    throw new AtomicsConfigurationException(
                            prefix + ".meter",
                            meter,
                            "a bytes atomic has no meter: it" + " holds bytes, not a number",
                            "Remove " + prefix + ".meter, or use type int or uint.");
                }
                return true;
            default:
                throw new AtomicsConfigurationException(
                        prefix + ".meter",
                        meter,
                        "unknown meter",
                        "Use gauge (atomics.value, the default: a value that goes up and down) or counter"
                                + " (atomics.count: a value that only grows, such as requests or jobs done).");
        }
    }

    /** Type, engine and width of an atomic on memory: the core decides which widths an engine serves. */
    private static ResolvedAtomic memoryBasics(
            String name, String prefix, AtomicsProperties.Entry entry, Engine defaultEngine) {
        AtomicType<?, ?, ?> type = type(prefix, entry.getType());
        Engine engine = engine(prefix + ".engine", ((AtomicsProperties.MemoryEntry) entry).getEngine(), defaultEngine);
        return ResolvedAtomic.of(name, prefix, type, width(prefix, type, entry.getWidth(), engine), engine);
    }

    /** Type and width of an atomic a server keeps: widths 1, 2, 4, 8 and 16 (each kind refuses what it lacks). */
    private static ResolvedAtomic serverBasics(String name, String prefix, AtomicsProperties.Entry entry) {
        AtomicType<?, ?, ?> type = type(prefix, entry.getType());
        Integer width = entry.getWidth();
        if (width == null) {
            width = defaultWidth(prefix, type);
        } else if (width != 1 && width != 2 && width != 4 && width != 8 && width != 16) {
            throw new AtomicsConfigurationException(
                    prefix + ".width",
                    width,
                    "unsupported width: a cluster atomic has 1, 2, 4, 8 or 16 bytes",
                    "Use a width of 1, 2, 4, 8 or 16 (16: zookeeper only).");
        }
        return ResolvedAtomic.of(name, prefix, type, width, null);
    }

    private static int defaultWidth(String prefix, AtomicType<?, ?, ?> type) {
        if (type.isIntegral()) {
            return 8;
        }
        throw new AtomicsConfigurationException(
                prefix + ".width",
                null,
                "a bytes atomic has no default width",
                "Set " + prefix + ".width to its size in bytes, e.g. 4 or 8.");
    }

    private static int width(String prefix, AtomicType<?, ?, ?> type, Integer width, Engine engine) {
        if (width == null) {
            return defaultWidth(prefix, type);
        }
        // The core decides which widths exist and which engine serves them (one place for that rule): a trial
        // object answers without touching shared memory.
        try {
            if (type == AtomicType.BYTES) {
                Atomics.atomic(width, AtomicType.BYTES, engine);
            } else {
                Atomics.atomic(width, AtomicType.INT.forWidth(width), engine);
            }
        } catch (UnsupportedWidthException e) {
            throw unsupportedWidth(prefix, width, e);
        } catch (NativeLibraryException e) {
            throw new AtomicsConfigurationException(
                    prefix + ".engine",
                    engine.name().toLowerCase(Locale.ROOT),
                    "an atomic of width " + width + " needs the patomic library, which cannot be loaded: "
                            + e.getMessage(),
                    "Point atomics.patomic-library at a libpatomic built for this platform, or use the jvm engine"
                            + " (engine auto or jvm), which serves widths 1, 2, 4 and 8 without a native library.",
                    e);
        }
        return width;
    }

    static AtomicsConfigurationException unsupportedWidth(String prefix, int width, UnsupportedWidthException e) {
        return new AtomicsConfigurationException(
                prefix + ".width",
                width,
                "unsupported width: " + e.getMessage(),
                "Use a width the engine supports, or choose another engine with " + prefix
                        + ".engine (or atomics.engine).",
                e);
    }
}
