package dev.atomics.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of named atomics: {@code atomics.*}.
 *
 * <pre>{@code
 * atomics:
 *   instances:
 *     requests: { type: int, width: 8 }
 *   shared:
 *     jobs-done: { shm: myapp-counters, offset: 0, type: int, width: 8, create: true }
 *   cluster:
 *     orders: { redis: "myapp:orders", type: int, width: 8 }
 * }</pre>
 */
@ConfigurationProperties(prefix = "atomics")
public class AtomicsProperties {

    /** Whether to create the configured atomics, their beans, gauges, endpoint and health indicator. */
    private boolean enabled = true;

    /**
     * An upstream libpatomic shared library to use instead of the one bundled in atomics-core. Sets the system
     * property 'atomics.patomic.library' before the first native use; fails at startup if this JVM already
     * loaded another patomic library.
     */
    private String patomicLibrary;

    /**
     * Default engine for every configured atomic: auto (the JVM engine, which serves widths 1, 2, 4 and 8, patomic for
     * 16;
     * the system property 'atomics.engine' may change what auto means), patomic or jvm. Wins over the system
     * property; the endpoint and the health indicator report it as 'defaultEngine'.
     */
    private String engine = "auto";

    /** Atomics owning their memory, one bean each, named by the key. */
    private Map<String, Instance> instances = new LinkedHashMap<>();

    /**
     * Views on memory shared with other processes (a POSIX shared-memory object or a mapped file), one bean each, named
     * by the key.
     */
    private Map<String, Shared> shared = new LinkedHashMap<>();

    /**
     * Atomics shared by every instance of the application, on every machine: on a Redis key (through Spring Data
     * Redis and Boot's spring.data.redis.* connection), one bean each, named by the key.
     */
    private Map<String, Cluster> cluster = new LinkedHashMap<>();

    private final Redis redis = new Redis();

    private final Zookeeper zookeeper = new Zookeeper();

    private final Metrics metrics = new Metrics();

    private final Test test = new Test();

    private final Web web = new Web();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPatomicLibrary() {
        return patomicLibrary;
    }

    public void setPatomicLibrary(String patomicLibrary) {
        this.patomicLibrary = patomicLibrary;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public Map<String, Instance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }

    public Map<String, Shared> getShared() {
        return shared;
    }

    public void setShared(Map<String, Shared> shared) {
        this.shared = shared;
    }

    public Map<String, Cluster> getCluster() {
        return cluster;
    }

    public void setCluster(Map<String, Cluster> cluster) {
        this.cluster = cluster;
    }

    public Redis getRedis() {
        return redis;
    }

    public Zookeeper getZookeeper() {
        return zookeeper;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Test getTest() {
        return test;
    }

    public Web getWeb() {
        return web;
    }

    /** What every configured atomic has. */
    public abstract static class Entry {

        /** Atomic type: int (signed), uint (unsigned) or bytes, case-insensitive. */
        private String type = "int";

        /**
         * Width in bytes: 1, 2, 4 or 8 for int and uint (default 8); required for bytes. 16 on memory (instances and
         * shared), served by the patomic engine where the CPU has a 16-byte compare-and-swap.
         */
        private Integer width;

        /**
         * The Micrometer meter of an int or uint atomic: 'gauge' ('atomics.value') or 'counter' ('atomics.count', a
         * FunctionCounter: 'atomics_count_total' in Prometheus), for values that only grow, such as requests or jobs
         * done.
         */
        private String meter = "gauge";

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Integer getWidth() {
            return width;
        }

        public void setWidth(Integer width) {
            this.width = width;
        }

        public String getMeter() {
            return meter;
        }

        public void setMeter(String meter) {
            this.meter = meter;
        }
    }

    /** What every atomic on memory has. */
    public abstract static class MemoryEntry extends Entry {

        /** Engine for this atomic (auto, patomic or jvm); defaults to 'atomics.engine'. */
        private String engine;

        public String getEngine() {
            return engine;
        }

        public void setEngine(String engine) {
            this.engine = engine;
        }
    }

    /** An atomic owning its memory. */
    public static class Instance extends MemoryEntry {

        /**
         * Value stored at startup: a decimal integer (or 0x hex) for int and uint, within the range of the width;
         * hex bytes of exactly 'width' bytes, in memory order, for bytes. Default zero.
         */
        private String initialValue;

        public String getInitialValue() {
            return initialValue;
        }

        public void setInitialValue(String initialValue) {
            this.initialValue = initialValue;
        }
    }

    /** A view on shared memory: exactly one of 'shm' and 'file'. */
    public static class Shared extends MemoryEntry {

        /** Name of a POSIX shared-memory object (as for shm_open, with or without the leading '/'). */
        private String shm;

        /** Path of a file to memory-map. */
        private String file;

        /** Byte offset of the atomic in the object or file; must be aligned to the width. */
        private long offset;

        /** Whether to create the object or file if it is missing, and extend it if it is too small. */
        private boolean create;

        /** Whether the view refuses modifying operations. */
        private boolean readonly;

        /**
         * Whether a 'file' whose last path component is a symbolic link may be mapped (the file it points to is
         * then used). Off by default: a planted link must not make the application write to another file.
         */
        private boolean followSymlinks;

        /**
         * Permission bits of the object or file if this application creates it: four octal digits in quotes, e.g.
         * "0660" to let the group open it too. Default "0600": only this user (and root). Set exactly (the umask does
         * not apply), and only on creation: an existing object keeps its mode. Entries on one object or file that set
         * it must agree.
         */
        private String mode;

        public String getShm() {
            return shm;
        }

        public void setShm(String shm) {
            this.shm = shm;
        }

        public String getFile() {
            return file;
        }

        public void setFile(String file) {
            this.file = file;
        }

        public long getOffset() {
            return offset;
        }

        public void setOffset(long offset) {
            this.offset = offset;
        }

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }

        public boolean isReadonly() {
            return readonly;
        }

        public void setReadonly(boolean readonly) {
            this.readonly = readonly;
        }

        public boolean isFollowSymlinks() {
            return followSymlinks;
        }

        public void setFollowSymlinks(boolean followSymlinks) {
            this.followSymlinks = followSymlinks;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }
    }

    /** An atomic shared by every instance of the application: on a Redis key. */
    public static class Cluster extends Entry {

        /**
         * The Redis key holding the value (e.g. 'myapp:orders'): decimal for int and uint, hex for bytes, readable by
         * any Redis client. Needs Spring Data Redis with Lettuce (spring-boot-starter-data-redis).
         */
        private String redis;

        /** Whether the atomic refuses modifying operations (it only loads and tests bits). */
        private boolean readonly;

        /**
         * The znode holding the value (e.g. '/myapp/orders'): width bytes, integers big-endian (a signed width-8 value
         * is Curator's DistributedAtomicLong format). Needs atomics-zookeeper and a CuratorFramework bean or
         * atomics.zookeeper.connect-string.
         */
        private String zookeeper;

        /**
         * What a missing key or znode means: 'create-at-startup' (default: the first contact with Redis or ZooKeeper
         * creates an absent one with initial-value, logged as a WARN; later a missing one fails), 'fail' (never
         * created) or, Redis only, 'recreate' (a missing key reads as zero and the next write creates it: the
         * behaviour before the check, opt-in).
         */
        private String onMissing = "create-at-startup";

        /**
         * The value a missing key or znode is created with under on-missing create-at-startup: decimal (or 0x hex)
         * for int and uint, width hex bytes for bytes; default zero.
         */
        private String initialValue;

        /** Durability: after each write, Redis WAIT for this many replicas, at most this long. */
        private Wait wait;

        public String getOnMissing() {
            return onMissing;
        }

        public void setOnMissing(String onMissing) {
            this.onMissing = onMissing;
        }

        public String getInitialValue() {
            return initialValue;
        }

        public void setInitialValue(String initialValue) {
            this.initialValue = initialValue;
        }

        public Wait getWait() {
            return wait;
        }

        public void setWait(Wait wait) {
            this.wait = wait;
        }

        public String getRedis() {
            return redis;
        }

        public void setRedis(String redis) {
            this.redis = redis;
        }

        public String getZookeeper() {
            return zookeeper;
        }

        public void setZookeeper(String zookeeper) {
            this.zookeeper = zookeeper;
        }

        public boolean isReadonly() {
            return readonly;
        }

        public void setReadonly(boolean readonly) {
            this.readonly = readonly;
        }
    }

    /** Durability of a Redis entry's writes: WAIT after each write. */
    public static class Wait {

        /** How many replicas must acknowledge each write (at least 1). */
        private int replicas = 1;

        /** How long to wait for them (at least 1ms); fewer in time fail with RedisNotReplicatedException. */
        private Duration timeout = Duration.ofMillis(100);

        public int getReplicas() {
            return replicas;
        }

        public void setReplicas(int replicas) {
            this.replicas = replicas;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Atomics on Redis keys. */
    public static class Redis {

        /**
         * How long an operation on a Redis atomic waits for its reply before it fails with a RedisTimeoutException
         * (it may or may not have happened, and is not retried). Default: the connection's command timeout
         * (spring.data.redis.timeout; Lettuce's own default is 60 seconds).
         */
        private Duration timeout;

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Atomics on znodes (atomics-zookeeper). */
    public static class Zookeeper {

        /**
         * The ensemble, e.g. 'zk1:2181,zk2:2181,zk3:2181', used when the application has no CuratorFramework bean.
         * TLS and SASL are ZooKeeper client system properties (zookeeper.client.secure, zookeeper.ssl.*,
         * java.security.auth.login.config).
         */
        private String connectString;

        /** The session timeout of the client made from connect-string. */
        private Duration sessionTimeout = Duration.ofSeconds(30);

        /** How long the client made from connect-string waits for a connection. */
        private Duration connectionTimeout = Duration.ofSeconds(10);

        /** What reads promise: 'sequential' (one getData) or 'linearizable' (getData, then a committed check). */
        private String readMode = "sequential";

        public String getConnectString() {
            return connectString;
        }

        public void setConnectString(String connectString) {
            this.connectString = connectString;
        }

        public Duration getSessionTimeout() {
            return sessionTimeout;
        }

        public void setSessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
        }

        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public String getReadMode() {
            return readMode;
        }

        public void setReadMode(String readMode) {
            this.readMode = readMode;
        }
    }

    /** Micrometer integration. */
    public static class Metrics {

        /**
         * Whether to register a meter per int and uint atomic: an 'atomics.value' gauge or an 'atomics.count' counter.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Support for the application's tests. */
    public static class Test {

        /**
         * Whether to isolate this application context's shared memory, for tests: every shared-memory name gets a
         * suffix unique to the context ('-test-' and 8 hex digits) and every file moves under a directory of its own
         * in java.io.tmpdir, each is created if missing (as with 'create'), and what the context created is removed
         * when it closes. Never set it in production: shared objects would then be shared with no one and removed.
         */
        private boolean isolate;

        public boolean isIsolate() {
            return isolate;
        }

        public void setIsolate(boolean isolate) {
            this.isolate = isolate;
        }
    }

    /** The application's controllers. */
    public static class Web {

        /**
         * Whether to answer the library's exceptions thrown by the application's controllers with RFC 9457 problem
         * bodies, with the status table of the atomics endpoint (AtomicsProblemDetails, a @RestControllerAdvice).
         */
        private boolean problemDetails;

        public boolean isProblemDetails() {
            return problemDetails;
        }

        public void setProblemDetails(boolean problemDetails) {
            this.problemDetails = problemDetails;
        }
    }
}
