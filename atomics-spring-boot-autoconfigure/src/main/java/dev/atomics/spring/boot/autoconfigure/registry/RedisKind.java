package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;

import dev.atomics.Atomic;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.BackendHealth;

import org.springframework.data.redis.connection.RedisConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code redis} kind: {@code atomics.cluster} entries with {@code redis}, atomics on Redis keys (atomics-redis),
 * shared by every instance of the application. All of them use one {@link RedisAtomics}, made from the application's
 * {@link RedisConnectionFactory} (Boot's {@code spring.data.redis.*}) when the registry is built: that connects
 * nothing, so the application starts while Redis is down, and its atomics are unavailable until Redis answers.
 * Nothing is created at startup (a missing key reads as zero), so a failed startup has nothing to undo.
 */
public final class RedisKind implements SourceKind<AtomicsProperties.Cluster> {

    private final RedisConnectionFactory connectionFactory;
    private final Duration timeout;

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
        return basics.onKey(entry.getRedis().trim(), entry.isReadonly());
    }

    @Override
    public void open(List<ResolvedAtomic> specs, Startup startup) {
        ResolvedAtomic first = specs.get(0);
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new AtomicsConfigurationException("atomics.redis.timeout", timeout, "the timeout is not positive",
                    "Use a positive duration, e.g. 500ms or 2s, or remove it to use spring.data.redis.timeout.");
        }
        RedisAtomics client;
        try {
            client = RedisAtomics.create(connectionFactory, timeout);
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(first.prefix() + ".redis", first.target(), e.getMessage(),
                    "Use Lettuce, the default client of spring-boot-starter-data-redis (spring.data.redis.client-type=lettuce),"
                            + " or move the entry to atomics.instances or atomics.shared.", e);
        }
        List<RedisAtomic> atomics = new ArrayList<>();
        for (ResolvedAtomic b : specs) {
            Atomic atomic = b.readonly() ? client.readonlyAtomic(b.target(), b.width(), b.type())
                    : client.atomic(b.target(), b.width(), b.type());
            atomics.add((RedisAtomic) atomic);
            startup.entry(new AtomicsEntry(b.name(), b.type(), atomic, new RedisKey(b.target(), client.server())));
        }
        startup.backend(new Backend(client, specs.stream().map(ResolvedAtomic::name).toList(), atomics), null);
    }

    /**
     * A Redis key, on the server {@code server}.
     *
     * @param key    the key
     * @param server where the server is, e.g. {@code localhost:6379}
     */
    record RedisKey(String key, String server) implements AtomicSource {
        @Override
        public String kind() {
            return "redis";
        }

        @Override
        public String description() {
            return "redis key " + key + " on " + server;
        }

        @Override
        public String target() {
            return key;
        }
    }

    /**
     * The one connection of all {@code atomics.cluster} atomics: it reads them all in one round trip ({@code MGET},
     * within the timeout), and its health is {@code DOWN} when one of them could not be read (the server is down, does
     * not answer, or a key holds a value that is not one of its atomic).
     */
    static final class Backend implements AtomicsBackend {

        private final RedisAtomics client;
        private final List<String> names;
        private final Map<String, RedisAtomic> atomics = new LinkedHashMap<>();
        private volatile boolean closed;

        Backend(RedisAtomics client, List<String> names, List<RedisAtomic> atomics) {
            this.client = client;
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
                    readings.add(AtomicReading.unavailable(entry.name(), "the atomics registry is closed: its Redis connection is closed"));
                }
                return readings;
            }
            List<RedisAtomics.Load> loads = client.loadAll(entries.stream().map(e -> atomics.get(e.name())).toList());
            for (int i = 0; i < entries.size(); i++) {
                AtomicsEntry entry = entries.get(i);
                RedisAtomics.Load load = loads.get(i);
                if (load.failure() != null) {
                    readings.add(AtomicReading.unavailable(entry.name(), load.failure().getMessage()));
                } else {
                    readings.add(AtomicValues.ofLoaded(entry.name(), entry.type(), entry.atomic().width(),
                            load.value()));
                }
            }
            return readings;
        }

        /** Listed under {@code redis}, by server. */
        @Override
        public BackendHealth health(List<AtomicReading> readings) {
            List<String> lost = readings.stream().filter(r -> !r.available()).map(AtomicReading::name).toList();
            String problem = readings.stream().filter(r -> !r.available()).map(AtomicReading::problem).findFirst().orElse(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "redis");
            m.put("server", client.server());
            m.put("timeout", client.timeout().toString());
            m.put("atomics", names);
            m.put("status", lost.isEmpty() ? "UP" : "DOWN");
            if (!lost.isEmpty()) {
                m.put("unavailable", lost);
                m.put("problem", problem);
            }
            return new BackendHealth("redis", client.server(), lost.isEmpty(), m, lost,
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
