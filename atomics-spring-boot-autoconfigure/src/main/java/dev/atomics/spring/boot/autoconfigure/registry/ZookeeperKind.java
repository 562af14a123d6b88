package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Atomic;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.BackendHealth;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import dev.atomics.zookeeper.ReadMode;
import dev.atomics.zookeeper.ZookeeperAtomic;
import dev.atomics.zookeeper.ZookeeperAtomics;
import dev.atomics.zookeeper.ZookeeperAtomicsException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

/**
 * The {@code zookeeper} kind: {@code atomics.cluster} entries with {@code zookeeper}, atomics on znodes
 * (atomics-zookeeper), agreed by the ensemble's quorum. All of them use one {@link ZookeeperAtomics}, through the
 * application's {@link CuratorFramework} bean when it has one (Spring Cloud Zookeeper's), else a client of
 * {@code atomics.zookeeper.connect-string}. An absent znode is created holding zero when the application first
 * reaches the ensemble (at startup, or later if the ensemble was down then), with a warning: after that, a
 * missing znode is an error an operator must look at (operations never recreate it).
 */
public final class ZookeeperKind implements SourceKind<AtomicsProperties.Cluster> {

    private static final Log log = LogFactory.getLog(ZookeeperKind.class);

    private final @Nullable CuratorFramework application;
    private final AtomicsProperties.Zookeeper properties;

    public ZookeeperKind(@Nullable CuratorFramework application, AtomicsProperties.Zookeeper properties) {
        this.application = application;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public EntryMap<AtomicsProperties.Cluster> map() {
        return EntryMap.CLUSTER;
    }

    @Override
    public String selector() {
        return "zookeeper";
    }

    @Override
    public ResolvedAtomic validate(ResolvedAtomic basics, AtomicsProperties.Cluster entry) {
        String path = entry.getZookeeper().trim();
        try {
            org.apache.zookeeper.common.PathUtils.validatePath(path);
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(
                    basics.prefix() + ".zookeeper",
                    path,
                    e.getMessage(),
                    "Use an absolute znode path such as /myapp/orders.");
        }
        // Redis-only keys are refused, never ignored: a znode entry behaves as create-at-startup at zero.
        if (!"create-at-startup".equals(entry.getOnMissing().trim())) {
            throw new AtomicsConfigurationException(
                    basics.prefix() + ".on-missing",
                    entry.getOnMissing(),
                    "atomics on znodes always create an absent znode at zero at first contact (create-at-startup)",
                    "Remove on-missing from this entry; create the znode yourself for any other starting value.");
        }
        if (entry.getInitialValue() != null || entry.getWait() != null) {
            String key = entry.getWait() != null ? "wait" : "initial-value";
            throw new AtomicsConfigurationException(
                    basics.prefix() + "." + key,
                    entry.getWait() != null ? "(set)" : entry.getInitialValue(),
                    key + " applies to redis entries only",
                    "Remove " + key + " from this zookeeper entry.");
        }
        if (entry.isReadonly()) {
            throw new AtomicsConfigurationException(
                    basics.prefix() + ".readonly",
                    true,
                    "atomics on znodes have no readonly form",
                    "Remove readonly; guard writes with ZooKeeper ACLs.");
        }
        return basics.onKey(path, false);
    }

    private ReadMode readMode() {
        String mode =
                properties.getReadMode() == null ? "" : properties.getReadMode().trim();
        try {
            return ReadMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(
                    "atomics.zookeeper.read-mode", mode, "no such read mode", "Use sequential or linearizable.");
        }
    }

    @Override
    public void open(List<ResolvedAtomic> specs, Startup startup) {
        ResolvedAtomic first = specs.get(0);
        ZookeeperAtomics.Settings settings = ZookeeperAtomics.Settings.DEFAULTS.withReadMode(readMode());
        ZookeeperAtomics client;
        if (application != null) {
            client = ZookeeperAtomics.create(application, settings);
        } else {
            String ensemble = properties.getConnectString();
            if (ensemble == null || ensemble.isBlank()) {
                throw new AtomicsConfigurationException(
                        first.prefix() + ".zookeeper",
                        first.target(),
                        "there is no CuratorFramework bean and atomics.zookeeper.connect-string is not set",
                        "Set atomics.zookeeper.connect-string to the ensemble, e.g. zk1:2181,zk2:2181,zk3:2181, or"
                                + " define a CuratorFramework bean.");
            }
            client = ZookeeperAtomics.connect(
                    ensemble.trim(), properties.getSessionTimeout(), properties.getConnectionTimeout(), settings);
        }
        List<ZookeeperAtomic> atomics = new ArrayList<>();
        for (ResolvedAtomic b : specs) {
            Atomic atomic = client.atomic(b.target(), b.width(), b.type());
            atomics.add((ZookeeperAtomic) atomic);
            startup.entry(new AtomicsEntry(
                    b.name(),
                    b.type(),
                    atomic,
                    new AtomicSource.OnServer("zookeeper", "znode", b.target(), client.ensemble())));
        }
        Backend backend =
                new Backend(client, specs.stream().map(ResolvedAtomic::name).toList(), atomics);
        backend.createAbsent(Math.min(properties.getConnectionTimeout().toMillis(), 5_000));
        startup.backend(backend, null);
    }

    /**
     * The one client of all {@code zookeeper} atomics: reads each with one {@code getData}, and is {@code DOWN} when
     * the session with the ensemble is lost (naming it) or an atomic could not be read (a missing znode, one of
     * another length).
     */
    static final class Backend implements AtomicsBackend {

        private final ZookeeperAtomics client;
        private final List<String> names;
        private final Map<String, ZookeeperAtomic> atomics = new LinkedHashMap<>();
        /** The atomics whose znode this application has not yet checked and, if absent, created. */
        private final Set<String> unchecked;

        private volatile boolean closed;

        Backend(ZookeeperAtomics client, List<String> names, List<ZookeeperAtomic> atomics) {
            this.client = client;
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                this.atomics.put(names.get(i), atomics.get(i));
            }
            this.unchecked = new LinkedHashSet<>(names);
        }

        /** Creates the absent znodes once the ensemble is reachable: waits up to {@code waitMillis} for it now. */
        synchronized void createAbsent(long waitMillis) {
            if (unchecked.isEmpty()) {
                return;
            }
            try {
                if (waitMillis > 0 && !client.client().blockUntilConnected((int) waitMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (var it = unchecked.iterator(); it.hasNext(); ) {
                String name = it.next();
                ZookeeperAtomic atomic = atomics.get(name);
                try {
                    if (atomic.createIfAbsent(BigInteger.ZERO)) {
                        log.warn("Created znode " + atomic.path() + " of atomic '" + name + "' holding 0 on "
                                + client.ensemble() + ": it did not exist (first start, or the ensemble lost it)");
                    }
                    it.remove();
                } catch (ZookeeperAtomicsException e) {
                    return; // the ensemble went away again: later
                }
            }
        }

        @Override
        public String kind() {
            return "zookeeper";
        }

        @Override
        public String target() {
            return client.ensemble();
        }

        @Override
        public List<String> atomics() {
            return names;
        }

        @Override
        public List<AtomicReading> read(List<AtomicsEntry> entries) {
            List<AtomicReading> readings = new ArrayList<>(entries.size());
            if (closed) {
                for (AtomicsEntry entry : entries) {
                    readings.add(AtomicReading.unavailable(entry.name(), "the atomics registry is closed"));
                }
                return readings;
            }
            createAbsent(0);
            boolean connected = client.connected();
            for (AtomicsEntry entry : entries) {
                readings.add(
                        connected
                                ? AtomicValues.read(entry.name(), entry.atomic())
                                : AtomicReading.unavailable(
                                        entry.name(), "no session with ZooKeeper at " + client.ensemble()));
            }
            return readings;
        }

        /** Listed under {@code zookeeper}, by ensemble. */
        @Override
        public BackendHealth health(List<AtomicReading> readings) {
            List<String> lost = readings.stream()
                    .filter(r -> !r.available())
                    .map(AtomicReading::name)
                    .toList();
            String problem = readings.stream()
                    .filter(r -> !r.available())
                    .map(AtomicReading::problem)
                    .findFirst()
                    .orElse(null);
            boolean session = client.connected();
            boolean up = session && lost.isEmpty();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "zookeeper");
            m.put("ensemble", client.ensemble());
            m.put("session", session ? "connected" : "lost");
            m.put("reads", client.settings().readMode().name().toLowerCase(Locale.ROOT));
            m.put("atomics", names);
            m.put("status", up ? "UP" : "DOWN");
            if (!lost.isEmpty()) {
                m.put("unavailable", lost);
                m.put("problem", problem);
            }
            String reason = !session
                    ? "no session with ZooKeeper ensemble " + client.ensemble()
                    : lost.isEmpty() ? null : "atomics " + lost + " unavailable: " + problem;
            return new BackendHealth("zookeeper", client.ensemble(), up, m, lost, reason);
        }

        @Override
        public void close() {
            closed = true;
            client.close();
        }

        @Override
        public String toString() {
            return "ZookeeperBackend(" + client.ensemble() + ", atomics " + names + ")";
        }
    }
}
