package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One map of {@code atomics.*} ({@link #INSTANCES}, {@link #SHARED}, {@link #CLUSTER}): its property prefix, the
 * class its entries bind to, and the properties ({@link #selectors()}) by which an entry names what it is in, and so
 * its {@link SourceKind}. Exactly one of them must be set in a map that has any.
 *
 * @param prefix       e.g. {@code atomics.shared}
 * @param entryType    the class of its entries
 * @param entries      its entries in the bound properties
 * @param memory       whether its atomics are on memory (with an engine), rather than served by a server
 * @param selectors    the properties naming what an entry is in, each with its value in an entry
 * @param noun         what an entry is, for messages: {@code shared atomic}
 * @param nothingToUse what it lacks without any selector, for messages: {@code there is no memory to view}
 * @param nothingFix   how to fix an entry without any selector, given its prefix
 * @param needs        what a selector's kind needs when it is not available (a library, a bean), by selector
 */
public record EntryMap<E extends AtomicsProperties.Entry>(
        String prefix,
        Class<E> entryType,
        Function<AtomicsProperties, Map<String, E>> entries,
        boolean memory,
        Map<String, Function<E, String>> selectors,
        String noun,
        String nothingToUse,
        Function<String, String> nothingFix,
        Map<String, Requirement> needs) {

    /** What a kind needs that the application lacks, for the failure report. */
    record Requirement(String problem, String action) {}

    static final EntryMap<AtomicsProperties.Instance> INSTANCES = new EntryMap<>(
            "atomics.instances",
            AtomicsProperties.Instance.class,
            AtomicsProperties::getInstances,
            true,
            Map.of(),
            "instance",
            "",
            p -> "",
            Map.of());

    static final EntryMap<AtomicsProperties.Shared> SHARED = new EntryMap<>(
            "atomics.shared",
            AtomicsProperties.Shared.class,
            AtomicsProperties::getShared,
            true,
            ordered("shm", AtomicsProperties.Shared::getShm, "file", AtomicsProperties.Shared::getFile),
            "shared atomic",
            "there is no memory to view",
            p -> "Set " + p + ".shm to a shared-memory name or " + p + ".file to a file path, or move the entry to"
                    + " atomics.instances for memory owned by this process.",
            Map.of());

    static final EntryMap<AtomicsProperties.Cluster> CLUSTER = new EntryMap<>(
            "atomics.cluster",
            AtomicsProperties.Cluster.class,
            AtomicsProperties::getCluster,
            false,
            ordered("redis", AtomicsProperties.Cluster::getRedis, "zookeeper", AtomicsProperties.Cluster::getZookeeper),
            "cluster atomic",
            "there is no key to keep it in",
            p -> "Set " + p + ".redis to the Redis key of the atomic, e.g. myapp:counter, or " + p + ".zookeeper to"
                    + " its znode, e.g. /myapp/counter, or move the entry to"
                    + " atomics.instances or atomics.shared for an atomic of this machine.",
            Map.of(
                    "redis",
                    new Requirement(
                            "atomics on Redis need Spring Data Redis with Lettuce (Spring Boot's default"
                                    + " Redis client) and a RedisConnectionFactory bean, and this application has none",
                            "Add the dependency org.springframework.boot:spring-boot-starter-data-redis and configure "
                                    + "the connection with spring.data.redis.* (host, port, ...), or move the entry to"
                                    + " atomics.instances or atomics.shared."),
                    "zookeeper",
                    new Requirement(
                            "atomics on ZooKeeper need atomics-zookeeper and either a"
                                    + " CuratorFramework bean or atomics.zookeeper.connect-string, and this "
                                    + "application has neither",
                            "Add the dependency dev.atomics:atomics-zookeeper and set atomics.zookeeper.connect-string "
                                    + "(e.g. zk1:2181,zk2:2181,zk3:2181), or move the entry to atomics.instances or"
                                    + " atomics.shared.")));

    /** Every map, in the order their entries are registered: instances, shared views, cluster atomics. */
    public static final List<EntryMap<?>> ALL = List.of(INSTANCES, SHARED, CLUSTER);

    private static <E> Map<String, Function<E, String>> ordered(
            String a, Function<E, String> first, String b, Function<E, String> second) {
        Map<String, Function<E, String>> map = new LinkedHashMap<>();
        map.put(a, first);
        if (b != null) {
            map.put(b, second);
        }
        return map;
    }

    /** The selectors {@code entry} sets (not blank), in declaration order, with their values. */
    Map<String, String> targets(E entry) {
        Map<String, String> set = new LinkedHashMap<>();
        selectors.forEach((name, value) -> {
            String v = value.apply(entry);
            if (v != null && !v.isBlank()) {
                set.put(name, v);
            }
        });
        return set;
    }
}
