package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.zookeeper.ReadMode;
import dev.atomics.zookeeper.ZookeeperAtomics;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.openjdk.jmh.annotations.*;

/**
 * A counter on a znode: atomics-zookeeper's {@code AtomicInt} (width 8) against Curator's
 * {@link DistributedAtomicLong}, through one Curator client, on the same ZooKeeper server: the ensemble in
 * {@value #ENSEMBLE} if set, else a standalone server started in this JVM (fsync on, as in production). Every
 * figure is a round trip to the server or more, with a transaction log write for each write. Methods are named
 * operation first, then whose, so that JMH (which runs them in name order) measures both sides of an operation
 * back to back: the disk's fsync time drifts over minutes, and both should see the same drift.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {Memory8.HEAP_MIN, Memory8.HEAP_MAX, "-Dzookeeper.admin.enableServer=false"})
public class ZookeeperCounters {

    static final String ENSEMBLE = "ATOMICS_BENCH_ZOOKEEPER";

    CuratorFramework client;
    ZookeeperAtomics zk;
    AtomicInt ours;
    AtomicInt oursLinearizable;
    DistributedAtomicLong theirs;
    long next;
    TestingServer server;

    @Setup
    public void setup() throws Exception {
        String ensemble = System.getenv(ENSEMBLE);
        if (ensemble == null) {
            ensemble = startServer();
        }
        client = CuratorFrameworkFactory.newClient(ensemble, new RetryNTimes(3, 100));
        client.start();
        if (!client.blockUntilConnected(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection to ZooKeeper at " + ensemble);
        }
        zk = ZookeeperAtomics.create(client);
        String id = UUID.randomUUID().toString();
        ours = zk.atomic("/bench/" + id + "/ours", 8, AtomicType.INT);
        ZookeeperAtomics.createIfAbsent(ours, BigInteger.ZERO);
        oursLinearizable = ZookeeperAtomics.withReads(ours, ReadMode.LINEARIZABLE);
        theirs = new DistributedAtomicLong(client, "/bench/" + id + "/theirs", new RetryNTimes(10, 1));
        theirs.initialize(0L);
        next = 0;
    }

    /** A standalone server in this JVM (curator-test's {@code ZooKeeperServerMain} wrapper), fsync on. */
    private String startServer() throws Exception {
        server = new TestingServer(
                -1, Files.createTempDirectory("atomics-bench-zk-").toFile(), true);
        return server.getConnectString();
    }

    @TearDown
    public void tearDown() throws Exception {
        zk.close();
        client.close();
        if (server != null) {
            server.close();
        }
    }

    // ---- increment: read, then setData conditional on the version, for both ----------------------------------

    @Benchmark
    public void incOurs() {
        ours.inc();
    }

    @Benchmark
    public long fetchAddOurs() {
        return ours.fetchAdd(1);
    }

    /** Curator's optimistic loop (a read, a conditional setData), no lock (no promoted-to-lock settings). */
    @Benchmark
    public long incTheirs() throws Exception {
        return theirs.increment().postValue();
    }

    // ---- compare-and-set, expecting the current value (single thread: every one succeeds) ---------------------

    @Benchmark
    public boolean compareAndSetOurs() {
        long e = next;
        boolean ok = ours.compareAndSet(e, e + 1);
        next = ok ? e + 1 : ours.load();
        return ok;
    }

    @Benchmark
    public boolean compareAndSetTheirs() throws Exception {
        long e = next;
        boolean ok = theirs.compareAndSet(e, e + 1).succeeded();
        next = ok ? e + 1 : theirs.get().postValue();
        return ok;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Benchmark
    public long loadOurs() {
        return ours.load();
    }

    /** getData, then multi(check) through the leader: a quorum write. */
    @Benchmark
    public long loadLinearizableOurs() {
        return oursLinearizable.load();
    }

    @Benchmark
    public long loadTheirs() throws Exception {
        return theirs.get().postValue();
    }
}
