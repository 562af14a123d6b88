package dev.atomics.zookeeper;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.UnsupportedWidthException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.common.PathUtils;

/**
 * Makes atomics stored in znodes, through one Curator client: the application's (Spring Cloud Zookeeper and
 * other Curator users have one; it stays theirs to close) or one this class connects and closes.
 *
 * <pre>{@code
 * ZookeeperAtomics zk = ZookeeperAtomics.create(curator);
 * AtomicInt orders = zk.atomic("/app/orders", 8, AtomicType.INT);
 * ZookeeperAtomics.createIfAbsent(orders, BigInteger.ZERO); // deliberately: operations never create it
 * long id = orders.fetchInc();
 * }</pre>
 *
 * <p>Values are stored as the znode's data, exactly {@code width} bytes: integers big-endian two's complement (at
 * width 8, signed, the format of Curator's {@code DistributedAtomicLong}), bytes as they are. Nothing connects
 * until the first operation; Curator's own retries cover the connection, never a write (see
 * {@link ZookeeperAtomic}).
 */
public final class ZookeeperAtomics implements AutoCloseable {

    private final CuratorFramework client;
    private final boolean owned;
    final Settings settings;

    private ZookeeperAtomics(CuratorFramework client, boolean owned, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.owned = owned;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Atomics through the application's client, started (or started here if it is not yet), never closed here. */
    public static ZookeeperAtomics create(CuratorFramework client) {
        return create(client, Settings.DEFAULTS);
    }

    /** {@link #create(CuratorFramework)} with other retry limits or read mode. */
    public static ZookeeperAtomics create(CuratorFramework client, Settings settings) {
        startIfLatent(client);
        return new ZookeeperAtomics(client, false, settings);
    }

    /**
     * Atomics through a client of their own, connected to {@code connectString} and closed by {@link #close()}.
     * TLS and SASL are set as for any ZooKeeper client, by its system properties ({@code zookeeper.client.secure},
     * {@code zookeeper.ssl.*}, {@code java.security.auth.login.config}).
     */
    public static ZookeeperAtomics connect(
            String connectString, Duration sessionTimeout, Duration connectionTimeout, Settings settings) {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(Math.toIntExact(sessionTimeout.toMillis()))
                .connectionTimeoutMs(Math.toIntExact(connectionTimeout.toMillis()))
                .retryPolicy(new ExponentialBackoffRetry(100, 3))
                .build();
        client.start();
        return new ZookeeperAtomics(client, true, settings);
    }

    private static void startIfLatent(CuratorFramework client) {
        if (client.getState() == org.apache.curator.framework.imps.CuratorFrameworkState.LATENT) {
            client.start();
        }
    }

    /**
     * The atomic of {@code type} and {@code width} stored at {@code path}, with this factory's read mode. Makes no
     * call to the ensemble.
     *
     * @param width 1, 2, 4 or 8 for {@link AtomicType#INT} and {@link AtomicType#UINT}; 16 for
     *              {@link AtomicType#INT128} and {@link AtomicType#UINT128}; 1 to 8 or 16 for {@link AtomicType#BYTES}
     * @throws IllegalArgumentException   if {@code path} is no valid znode path, or the type is not one of those
     * @throws UnsupportedWidthException if the type has no such width here
     */
    public <A extends Atomic> A atomic(String path, int width, AtomicType<A, ?, ?> type) {
        return atomic(path, width, type, settings.readMode());
    }

    /** {@link #atomic(String, int, AtomicType)} with reads in {@code mode}. */
    public <A extends Atomic> A atomic(String path, int width, AtomicType<A, ?, ?> type, ReadMode mode) {
        return make(path, width, type, mode, false);
    }

    /**
     * {@link #atomic(String, int, AtomicType)} that only reads: loads and bit tests work, every other operation
     * (and {@link ZookeeperAtomic#createIfAbsent}) throws {@link dev.atomics.UnsupportedOpException} before
     * anything is sent, as a readonly local atomic does. For dashboards and readers that must never write; ZooKeeper
     * ACLs are the server-side guard.
     */
    public <A extends Atomic> A readonlyAtomic(String path, int width, AtomicType<A, ?, ?> type) {
        return readonlyAtomic(path, width, type, settings.readMode());
    }

    /** {@link #readonlyAtomic(String, int, AtomicType)} with reads in {@code mode}. */
    public <A extends Atomic> A readonlyAtomic(String path, int width, AtomicType<A, ?, ?> type, ReadMode mode) {
        return make(path, width, type, mode, true);
    }

    @SuppressWarnings("unchecked")
    private <A extends Atomic> A make(
            String path, int width, AtomicType<A, ?, ?> type, ReadMode mode, boolean readonly) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "read mode");
        PathUtils.validatePath(Objects.requireNonNull(path, "path"));
        Znode znode = new Znode(this, path, width, readonly);
        boolean linearizable = mode == ReadMode.LINEARIZABLE;
        if (type == AtomicType.INT || type == AtomicType.UINT) {
            if (width != 1 && width != 2 && width != 4 && width != 8) {
                throw new UnsupportedWidthException("an " + type.name() + " in a znode has width 1, 2, 4 or 8 (16: "
                        + type.forWidth(16).name() + "), not " + width);
            }
            return (A)
                    (type == AtomicType.INT
                            ? new Implementations.ZkInt(znode, linearizable)
                            : new Implementations.ZkUint(znode, linearizable));
        }
        if (type == AtomicType.INT128 || type == AtomicType.UINT128) {
            if (width != 16) {
                throw new UnsupportedWidthException("an " + type.name() + " has width 16, not " + width);
            }
            return (A)
                    (type == AtomicType.INT128
                            ? new Implementations.ZkInt128(znode, linearizable)
                            : new Implementations.ZkUint128(znode, linearizable));
        }
        if (type == AtomicType.BYTES) {
            if (width < 1 || (width > 8 && width != 16)) {
                throw new UnsupportedWidthException("bytes in a znode have width 1 to 8 or 16, not " + width);
            }
            return (A) new ZkBytes(znode, linearizable);
        }
        throw new IllegalArgumentException(
                "a znode holds int, uint, int128, uint128 or bytes atomics, not " + type.name());
    }

    /**
     * The same atomic (same znode, type and width) with reads in {@code mode}: for one linearizable read of an
     * atomic whose reads are otherwise sequential, {@code withReads(counter, LINEARIZABLE).load()}.
     *
     * @throws IllegalArgumentException if {@code atomic} is not stored in a znode
     */
    @SuppressWarnings("unchecked")
    public static <A extends Atomic> A withReads(A atomic, ReadMode mode) {
        if (!(atomic instanceof AbstractZkAtomic z)) {
            throw new IllegalArgumentException(atomic + " is not stored in a znode");
        }
        return (A) z.withReads(Objects.requireNonNull(mode, "read mode") == ReadMode.LINEARIZABLE);
    }

    /**
     * Creates the znode of {@code atomic} holding {@code initial} if there is none (see
     * {@link ZookeeperAtomic#createIfAbsent(BigInteger)}); whether this call created it.
     *
     * @throws IllegalArgumentException if {@code atomic} is not stored in a znode
     */
    public static boolean createIfAbsent(Atomic atomic, BigInteger initial) {
        if (!(atomic instanceof ZookeeperAtomic z)) {
            throw new IllegalArgumentException(atomic + " is not stored in a znode");
        }
        return z.createIfAbsent(Objects.requireNonNull(initial, "initial"));
    }

    /** The client's connect string. */
    public String ensemble() {
        return client.getZookeeperClient().getCurrentConnectionString();
    }

    /** Whether the client has a live session with the ensemble now. */
    public boolean connected() {
        return client.getZookeeperClient().isConnected();
    }

    /** The Curator client the atomics use. */
    public CuratorFramework client() {
        return client;
    }

    /** The limits and modes the atomics use. */
    public Settings settings() {
        return settings;
    }

    /** Closes the client if this class connected it; the application's client stays open. */
    @Override
    public void close() {
        if (owned) {
            client.close();
        }
    }

    /**
     * Retry limits and the default read mode.
     *
     * @param maxAttempts how many times a read-modify-write tries before {@link ZookeeperContentionException}
     * @param maxBackoff  the longest random pause between two attempts (the pause bound doubles from 100 µs)
     * @param readMode    the read mode of atomics made without one
     */
    public record Settings(int maxAttempts, Duration maxBackoff, ReadMode readMode, int rotateAtVersion) {

        /** 64 attempts, pauses up to 50 ms, sequential reads. */
        public static final Settings DEFAULTS = new Settings(64, Duration.ofMillis(50), ReadMode.SEQUENTIAL);

        /**
         * The version at which a write replaces the znode instead of updating it: far enough below 2^31 - 1 that
         * writers which do not rotate (other clients) cannot take it negative first.
         */
        static final int ROTATE_AT_VERSION = Integer.MAX_VALUE - (1 << 24);

        public Settings(int maxAttempts, Duration maxBackoff, ReadMode readMode) {
            this(maxAttempts, maxBackoff, readMode, ROTATE_AT_VERSION);
        }

        /**
         * @param rotateAtVersion the znode version from which a write replaces the znode (tests lower it; others
         *                        use the three-argument constructor)
         */
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            if (maxBackoff.isNegative()) {
                throw new IllegalArgumentException("maxBackoff must not be negative: " + maxBackoff);
            }
            Objects.requireNonNull(readMode, "readMode");
            if (rotateAtVersion < 1) {
                throw new IllegalArgumentException("rotateAtVersion must be positive: " + rotateAtVersion);
            }
        }

        public Settings withReadMode(ReadMode mode) {
            return new Settings(maxAttempts, maxBackoff, mode, rotateAtVersion);
        }
    }
}
