package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.OperandRangeException;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.redis.RedisAtomicsException;
import dev.atomics.redis.RedisKeyOptions;
import dev.atomics.redis.RedisMissingKeyPolicy;
import dev.atomics.redis.RedisUnavailableException;
import dev.atomics.redis.RedisWait;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.BackendHealth;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code redis} kind: {@code atomics.cluster} entries with {@code redis}, atomics on Redis keys (atomics-redis),
 * shared by every instance of the application. All of them use one {@link RedisAtomics}, made from the application's
 * {@link RedisConnectionFactory} (Boot's {@code spring.data.redis.*}) when the registry is built: that connects
 * nothing but the keys of {@code on-missing: create-at-startup} entries, so the application starts while Redis is down,
 * and its atomics are unavailable until Redis answers (their keys are then created at the first contact). A created
 * key is a WARN log naming it, a health detail ({@code created}) and the counter {@code atomics.redis.keys.created}.
 * A failed startup does not delete created keys: other instances may already use them.
 */
public final class RedisKind implements SourceKind<AtomicsProperties.Cluster> {

    private static final Log LOG = LogFactory.getLog(RedisKind.class);

    private final RedisConnectionFactory connectionFactory;
    private final Duration timeout;
    /** The options of each entry, by name, from {@link #validate} to {@link #open}. */
    private final Map<String, RedisKeyOptions> options = new ConcurrentHashMap<>();
    /** Keys created under create-at-startup, with when: the health detail. */
    private final Map<String, String> created = new ConcurrentHashMap<>();

    private final AtomicLong createdCount = new AtomicLong();

    /** {@code timeout}: {@code atomics.redis.timeout}, or {@code null} for the connection's command timeout. */
    public RedisKind(RedisConnectionFactory connectionFactory, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public EntryMap<AtomicsProperties.Cluster> map() {
        return EntryMap.CLUSTER;
    }

    @Override
    public String selector() {
        return "redis";
    }

    @Override
    public ResolvedAtomic validate(ResolvedAtomic basics, AtomicsProperties.Cluster entry) {
        if (basics.width() > 8) {
            throw new AtomicsConfigurationException(
                    basics.prefix() + ".width",
                    basics.width(),
                    "unsupported width: an atomic on a Redis key has 1, 2, 4 or 8 bytes",
                    "Use a width of 1, 2, 4 or 8, or a zookeeper entry for 16 bytes.");
        }
        options.put(basics.name(), options(basics, entry));
        return basics.onKey(entry.getRedis().trim(), entry.isReadonly());
    }

    /** How many keys this application created under create-at-startup (the counter atomics.redis.keys.created). */
    public long keysCreated() {
        return createdCount.get();
    }

    private static RedisKeyOptions options(ResolvedAtomic b, AtomicsProperties.Cluster entry) {
        RedisKeyOptions o = RedisKeyOptions.defaults().onMissing(policy(b, entry.getOnMissing()));
        String initial = entry.getInitialValue();
        if (initial != null && !initial.isBlank()) {
            try {
                o = b.type() == AtomicType.BYTES
                        ? o.initialValue(AtomicValues.parseBytes(initial, b.width()))
                        : o.initialValue(AtomicValues.parseIntegral(initial, b.width(), b.type() == AtomicType.INT));
            } catch (IllegalArgumentException e) {
                throw b.badInitialValue(initial, e);
            }
        }
        AtomicsProperties.Wait wait = entry.getWait();
        if (wait != null) {
            try {
                o = o.waitFor(new RedisWait(wait.getReplicas(), wait.getTimeout()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new AtomicsConfigurationException(
                        b.prefix() + ".wait",
                        wait.getReplicas() + " replicas, " + wait.getTimeout(),
                        String.valueOf(e.getMessage()),
                        "Use replicas of at least 1 and a timeout of at least 1ms, e.g."
                                + " { replicas: 1, timeout: 100ms }.",
                        e);
            }
        }
        return o;
    }

    private static RedisMissingKeyPolicy policy(ResolvedAtomic b, String value) {
        return switch (OnMissing.of(b, value)) {
            case CREATE_AT_STARTUP -> RedisMissingKeyPolicy.CREATE_AT_STARTUP;
            case FAIL -> RedisMissingKeyPolicy.FAIL;
            case RECREATE -> RedisMissingKeyPolicy.RECREATE;
        };
    }

    @Override
    public void open(List<ResolvedAtomic> specs, Startup startup) {
        ResolvedAtomic first = specs.get(0);
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new AtomicsConfigurationException(
                    "atomics.redis.timeout",
                    timeout,
                    "the timeout is not positive",
                    "Use a positive duration, e.g. 500ms or 2s, or remove it to use spring.data.redis.timeout.");
        }
        RedisAtomics client;
        try {
            client = RedisAtomics.create(connectionFactory, timeout);
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(
                    first.prefix() + ".redis",
                    first.target(),
                    e.getMessage(),
                    "Use Lettuce, the default client of spring-boot-starter-data-redis "
                            + "(spring.data.redis.client-type=lettuce),"
                            + " or move the entry to atomics.instances or atomics.shared.",
                    e);
        }
        client.keyListener((atomic, value) -> {
            created.put(atomic.key(), "created with " + value + " at " + Instant.now());
            createdCount.incrementAndGet();
            LOG.warn("Redis key '" + atomic.key() + "' on " + atomic.server() + " was missing: created with its"
                    + " initial value " + value + " (on-missing: create-at-startup). If it held data before, Redis lost"
                    + " that data (a restart without persistence, FLUSHALL, an expiry, a failover to an empty"
                    + " replica).");
        });
        List<RedisAtomic> atomics = new ArrayList<>();
        for (ResolvedAtomic b : specs) {
            RedisKeyOptions o = options.getOrDefault(b.name(), RedisKeyOptions.defaults());
            Atomic atomic;
            try {
                atomic = b.readonly()
                        ? client.readonlyAtomic(b.target(), b.width(), b.type(), o)
                        : client.atomic(b.target(), b.width(), b.type(), o);
            } catch (OperandRangeException | IllegalArgumentException e) {
                throw new AtomicsConfigurationException(
                        b.prefix() + ".initial-value",
                        o,
                        e.getMessage(),
                        "Use a value of the atomic's type and width.",
                        e);
            }
            atomics.add((RedisAtomic) atomic);
            startup.entry(new AtomicsEntry(
                    b.name(),
                    b.type(),
                    atomic,
                    new AtomicSource.OnServer("redis", "redis key", b.target(), client.server())));
        }
        // the first contact: create absent keys now if Redis answers; if it does not, the first read or operation does
        for (RedisAtomic atomic : atomics) {
            try {
                client.ensureKey(atomic);
            } catch (RedisUnavailableException e) {
                break; // Redis down: the application starts anyway, health DOWN until it answers
            } catch (RedisAtomicsException e) {
                // a foreign or unreadable key: reported by health and by every operation, not at startup
            }
        }
        startup.backend(
                new Backend(client, specs.stream().map(ResolvedAtomic::name).toList(), atomics, created), null);
    }

    /**
     * The one connection of all {@code atomics.cluster} atomics: it reads them all in one round trip (a script, one per
     * hash slot on a Cluster, within the timeout), and its health is {@code DOWN} when one of them could not be read
     * (the server is down, does not answer, a key holds another type or a value that is not one of its atomic, or a
     * key is missing), naming the atomic and its key.
     */
    static final class Backend implements AtomicsBackend {

        private final RedisAtomics client;
        private final List<String> names;
        private final Map<String, RedisAtomic> atomics = new LinkedHashMap<>();
        private final Map<String, String> created;
        private volatile boolean closed;

        Backend(RedisAtomics client, List<String> names, List<RedisAtomic> atomics, Map<String, String> created) {
            this.client = client;
            this.created = created;
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                this.atomics.put(names.get(i), atomics.get(i));
            }
        }

        @Override
        public String kind() {
            return "redis";
        }

        @Override
        public String target() {
            return client.server();
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
                    readings.add(AtomicReading.unavailable(
                            entry.name(), "the atomics registry is closed: its Redis connection is closed"));
                }
                return readings;
            }
            List<RedisAtomics.Load> loads = client.loadAll(
                    entries.stream().map(e -> atomics.get(e.name())).toList());
            for (int i = 0; i < entries.size(); i++) {
                AtomicsEntry entry = entries.get(i);
                RedisAtomics.Load load = loads.get(i);
                if (load.failure() != null) {
                    readings.add(AtomicReading.unavailable(
                            entry.name(), load.failure().getMessage()));
                } else {
                    readings.add(AtomicValues.ofLoaded(
                            entry.name(), entry.type(), entry.atomic().width(), load.value()));
                }
            }
            return readings;
        }

        /** Listed under {@code redis}, by server. */
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "redis");
            m.put("server", client.server());
            m.put("timeout", client.timeout().toString());
            m.put("atomics", names);
            m.put("status", lost.isEmpty() ? "UP" : "DOWN");
            if (!created.isEmpty()) {
                m.put("created", new java.util.TreeMap<>(created)); // keys that were missing: data Redis lost?
            }
            if (!lost.isEmpty()) {
                m.put("unavailable", lost);
                m.put("problem", problem);
            }
            return new BackendHealth(
                    "redis",
                    client.server(),
                    lost.isEmpty(),
                    m,
                    lost,
                    lost.isEmpty() ? null : "atomics " + lost + " unavailable: " + problem);
        }

        @Override
        public void close() {
            closed = true;
            client.close();
        }

        @Override
        public String toString() {
            return "RedisBackend(" + client.server() + ", atomics " + names + ")";
        }
    }
}
