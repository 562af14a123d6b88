package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.Int128;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

/**
 * The {@code zookeeper} kind: {@code atomics.cluster} entries with {@code zookeeper}, atomics on znodes
 * (atomics-zookeeper), agreed by the ensemble's quorum. All of them use one {@link ZookeeperAtomics}, through the
 * application's {@link CuratorFramework} bean when it has one (Spring Cloud Zookeeper's), else a client of
 * {@code atomics.zookeeper.connect-string}. Under {@code on-missing: create-at-startup} (the default) an absent znode
 * is created holding {@code initial-value} (default zero) when the application first reaches the ensemble (at
 * startup, or later if the ensemble was down then), with a warning; under {@code fail} it never is. After that
 * first contact a missing znode is an error an operator must look at: operations never recreate it. A
 * {@code readonly} entry never writes, so never creates its znode.
 */
public final class ZookeeperKind implements SourceKind<AtomicsProperties.Cluster> {

    private static final Log log = LogFactory.getLog(ZookeeperKind.class);

    private final @Nullable CuratorFramework application;
    private final AtomicsProperties.Zookeeper properties;
    /** Per entry name: the value an absent znode is created with, or null (on-missing fail). */
    private final Map<String, @Nullable BigInteger> initials = new LinkedHashMap<>();

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
        initials.put(basics.name(), initial(basics, entry));
        if (entry.getWait() != null) { // Redis-only keys are refused, never ignored
            throw new AtomicsConfigurationException(
                    basics.prefix() + ".wait",
                    "(set)",
                    "wait applies to redis entries only: a ZooKeeper write is acknowledged by a quorum",
                    "Remove wait from this zookeeper entry.");
        }
        return basics.onKey(path, entry.isReadonly());
    }

    /**
     * The value an absent znode is created with (on-missing create-at-startup), or {@code null} for on-missing
     * fail: never created by the application.
     */
    private static @Nullable BigInteger initial(ResolvedAtomic b, AtomicsProperties.Cluster entry) {
        OnMissing policy = OnMissing.of(b, entry.getOnMissing());
        if (policy == OnMissing.RECREATE) {
            throw new AtomicsConfigurationException(
                    b.prefix() + ".on-missing",
                    entry.getOnMissing(),
                    "atomics on znodes never read a missing znode as zero or recreate it behind an operation",
                    "Use create-at-startup (default: created once, at first contact) or fail.");
        }
        String text = entry.getInitialValue();
        boolean hasInitial = text != null && !text.isBlank();
        // a readonly atomic never writes, so never creates: create-at-startup acts as fail (as on Redis)
        if (policy == OnMissing.FAIL || entry.isReadonly()) {
            if (hasInitial) {
                throw new AtomicsConfigurationException(
                        b.prefix() + ".initial-value",
                        text,
                        entry.isReadonly()
                                ? "a readonly atomic never creates its znode, so it has no initial value"
                                : "an initial value needs on-missing create-at-startup: on-missing fail never creates",
                        entry.isReadonly()
                                ? "Remove initial-value, or readonly."
                                : "Remove initial-value, or on-missing to create absent znodes with it.");
            }
            return null;
        }
        if (!hasInitial) {
            return BigInteger.ZERO;
        }
        try {
            if (b.type() == AtomicType.BYTES) {
                byte[] memory = AtomicValues.parseBytes(text, b.width());
                byte[] bigEndian = new byte[memory.length];
                for (int i = 0; i < memory.length; i++) {
                    bigEndian[i] = memory[memory.length - 1 - i];
                }
                return new BigInteger(1, bigEndian); // the integer whose little-endian image the bytes are
            }
            boolean signed = b.type().signed();
            Int128 v = AtomicValues.parseInt128(text, b.width(), signed);
            return signed ? v.toBigInteger() : v.toUnsignedBigInteger();
        } catch (IllegalArgumentException e) {
            throw b.badInitialValue(text, e);
        }
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
            AtomicType<?, ?, ?> type = b.type().forWidth(b.width()); // int, width 16: int128
            Atomic atomic = b.readonly()
                    ? client.readonlyAtomic(b.target(), b.width(), type)
                    : client.atomic(b.target(), b.width(), type);
            atomics.add((ZookeeperAtomic) atomic);
            startup.entry(new AtomicsEntry(
                    b.name(),
                    b.type(),
                    atomic,
                    new AtomicSource.OnServer("zookeeper", "znode", b.target(), client.ensemble())));
        }
        Map<String, BigInteger> creates = new LinkedHashMap<>();
        for (ResolvedAtomic b : specs) {
            BigInteger initial = initials.get(b.name());
            if (initial != null) {
                creates.put(b.name(), initial);
            }
        }
        Backend backend =
                new Backend(client, specs.stream().map(ResolvedAtomic::name).toList(), atomics, creates);
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
        /**
         * The atomics (on-missing create-at-startup) whose znode this application has not yet checked and, if
         * absent, created, with the value to create it with.
         */
        private final Map<String, BigInteger> unchecked;

        private volatile boolean closed;

        Backend(
                ZookeeperAtomics client,
                List<String> names,
                List<ZookeeperAtomic> atomics,
                Map<String, BigInteger> creates) {
            this.client = client;
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                this.atomics.put(names.get(i), atomics.get(i));
            }
            this.unchecked = new LinkedHashMap<>(creates);
        }

        /**
         * Creates the absent znodes once the ensemble is reachable: waits up to {@code waitMillis} for it now (at
         * startup; 0 later, when reads retry it).
         */
        synchronized void createAbsent(long waitMillis) {
            try {
                // at startup, whether or not there is a znode to create: the application starts with its session
                // (health UP at once) when the ensemble answers within the wait
                if (waitMillis > 0 && !client.client().blockUntilConnected((int) waitMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (unchecked.isEmpty()) {
                return;
            }
            for (var it = unchecked.entrySet().iterator(); it.hasNext(); ) {
                var create = it.next();
                String name = create.getKey();
                ZookeeperAtomic atomic = atomics.get(name);
                try {
                    if (atomic.createIfAbsent(create.getValue())) {
                        log.warn("Created znode " + atomic.path() + " of atomic '" + name + "' holding its initial"
                                + " value on " + client.ensemble()
                                + ": it did not exist (first start, or the ensemble lost it)");
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
