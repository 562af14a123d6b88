package dev.atomics.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.UnsupportedOpException;
import dev.atomics.conformance.Api;
import dev.atomics.conformance.Apis;
import dev.atomics.zookeeper.testing.CuttingProxy;
import dev.atomics.zookeeper.testing.ZookeeperServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The format, foreign and missing znodes, read modes, version rotation and lost replies, on a real server. */
class ZookeeperAtomicsTest {

    private static TestingServer server;
    private static CuratorFramework client;
    private static ZookeeperAtomics zk;

    @BeforeAll
    static void connect() {
        server = ZookeeperServer.shared();
        client = ZookeeperServer.client(server.getConnectString());
        zk = ZookeeperAtomics.create(client);
    }

    @AfterAll
    static void disconnect() {
        zk.close();
        client.close();
    }

    private static String path() {
        return "/atomics-test/" + UUID.randomUUID();
    }

    private static byte[] data(String path) throws Exception {
        return client.getData().forPath(path);
    }

    private static Stat stat(String path) throws Exception {
        return client.checkExists().forPath(path);
    }

    // ---- format ---------------------------------------------------------------------------------------------

    @Test
    void aSignedWidth8ValueIsCuratorsDistributedAtomicLongBothWays() throws Exception {
        String path = path();
        DistributedAtomicLong curator = new DistributedAtomicLong(client, path, new RetryNTimes(3, 10));
        assertThat(curator.add(-5_000_000_000L).succeeded()).isTrue(); // Curator creates the znode
        AtomicInt ours = zk.atomic(path, 8, AtomicType.INT);
        assertThat(ours.load()).isEqualTo(-5_000_000_000L);
        assertThat(ours.fetchAdd(7)).isEqualTo(-5_000_000_000L);
        assertThat(curator.get().postValue()).isEqualTo(-4_999_999_993L);
        ours.store(Long.MIN_VALUE);
        assertThat(curator.get().postValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(data(path))
                .isEqualTo(ByteBuffer.allocate(8).putLong(Long.MIN_VALUE).array());
        assertThat(curator.compareAndSet(Long.MIN_VALUE, 42L).succeeded()).isTrue();
        assertThat(ours.load()).isEqualTo(42);
    }

    @Test
    void integersAreBigEndianAndBytesAreStoredAsTheyAre() throws Exception {
        String a = path();
        AtomicUint u = zk.atomic(a, 4, AtomicType.UINT);
        assertThat(ZookeeperAtomics.createIfAbsent(u, BigInteger.valueOf(0xDEADBEEFL)))
                .isTrue();
        assertThat(data(a)).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
        assertThat(u.load()).isEqualTo(0xDEADBEEFL);
        String b = path();
        AtomicBytes bytes = zk.atomic(b, 3, AtomicType.BYTES);
        assertThat(ZookeeperAtomics.createIfAbsent(bytes, BigInteger.valueOf(0x030201)))
                .isTrue();
        assertThat(data(b)).containsExactly(1, 2, 3);
        assertThat(bytes.bitTest(8)).isFalse();
        assertThat(bytes.bitTest(9)).isTrue(); // bit 1 of byte 1
        assertThat(((ZookeeperAtomic) u).engine()).isEqualTo(Engine.ZOOKEEPER);
    }

    @Test
    void createIfAbsentNeverTouchesAnExistingZnode() throws Exception {
        String path = path();
        client.create().creatingParentsIfNeeded().forPath(path, new byte[] {9});
        AtomicInt a = zk.atomic(path, 1, AtomicType.INT);
        assertThat(ZookeeperAtomics.createIfAbsent(a, BigInteger.ONE)).isFalse();
        assertThat(data(path)).containsExactly(9);
        assertThatThrownBy(() -> ZookeeperAtomics.createIfAbsent(a, BigInteger.valueOf(128)))
                .hasMessageContaining("range");
    }

    // ---- readonly -------------------------------------------------------------------------------------------

    /** Every method of each API on a readonly atomic: reads answer, every write is refused and nothing is sent. */
    @Test
    void aReadonlyAtomicReadsAndRefusesEveryWriteBeforeSendingIt() throws Exception {
        String p8 = path();
        client.create()
                .creatingParentsIfNeeded()
                .forPath(p8, ByteBuffer.allocate(8).putLong(41).array());
        checkReadonly(Apis.INTEGRAL, zk.readonlyAtomic(p8, 8, AtomicType.INT), 1L, p8);
        assertThat(zk.readonlyAtomic(p8, 8, AtomicType.INT).load()).isEqualTo(41);
        String p16 = path();
        client.create().creatingParentsIfNeeded().forPath(p16, new byte[16]);
        checkReadonly(Apis.INTEGRAL128, zk.readonlyAtomic(p16, 16, AtomicType.UINT128), Int128.ONE, p16);
        String p4 = path();
        client.create().creatingParentsIfNeeded().forPath(p4, new byte[] {1, 2, 3, 4});
        checkReadonly(Apis.BYTES, zk.readonlyAtomic(p4, 4, AtomicType.BYTES), new byte[] {5, 6, 7, 8}, p4);
        assertThat(data(p4)).containsExactly(1, 2, 3, 4);
        String none = path();
        AtomicInt absent = zk.readonlyAtomic(none, 8, AtomicType.INT);
        assertThatThrownBy(() -> ZookeeperAtomics.createIfAbsent(absent, BigInteger.ZERO))
                .isInstanceOf(UnsupportedOpException.class)
                .hasMessageContaining("readonly");
        assertThat(stat(none)).isNull();
    }

    private static <A, X> void checkReadonly(Api<A, X> api, A atomic, X operand, String path) throws Exception {
        Stat before = stat(path);
        ZookeeperAtomic z = (ZookeeperAtomic) atomic;
        assertThat(z.readonly()).isTrue();
        assertThat(z.opsSupported()).isNotEmpty().allMatch(Op::isReadOnly);
        assertThat(atomic.toString()).contains("readonly=true");
        Api.Args<X> args = new Api.Args<>(operand, operand, 0, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        for (Api.Method<A, X> m : api.methods()) {
            if (m.op().isReadOnly()) {
                m.call().call(atomic, args); // answers
            } else {
                assertThatThrownBy(() -> m.call().call(atomic, args))
                        .as(m.name())
                        .isInstanceOf(UnsupportedOpException.class)
                        .hasMessageContaining("readonly")
                        .hasMessageContaining(path);
            }
        }
        Stat after = stat(path);
        assertThat(after.getMzxid()).as("nothing written").isEqualTo(before.getMzxid());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
    }

    // ---- foreign and missing znodes ------------------------------------------------------------------------

    @Test
    void aMissingZnodeIsNeverReadAsZeroNorCreatedByAWrite() throws Exception {
        String path = path();
        AtomicInt a = zk.atomic(path, 8, AtomicType.INT);
        assertThatThrownBy(a::load)
                .isInstanceOf(ZookeeperMissingNodeException.class)
                .hasMessageContaining(path);
        assertThatThrownBy(a::inc).isInstanceOf(ZookeeperMissingNodeException.class);
        assertThatThrownBy(() -> a.store(5))
                .isInstanceOf(ZookeeperMissingNodeException.class)
                .extracting(e -> ((ZookeeperAtomicsException) e).outcomeUnknown())
                .isEqualTo(false);
        assertThatThrownBy(a::loadBigInteger).isInstanceOf(ZookeeperMissingNodeException.class);
        assertThat(stat(path)).isNull();
        // a znode deleted after use: the same
        ZookeeperAtomics.createIfAbsent(a, BigInteger.ZERO);
        a.add(5);
        client.delete().forPath(path);
        assertThatThrownBy(a::fetchInc).isInstanceOf(ZookeeperMissingNodeException.class);
        assertThat(stat(path)).isNull();
    }

    @Test
    void aZnodeOfAnotherLengthIsNeverReadNorOverwritten() throws Exception {
        for (byte[] foreign : new byte[][] {{}, {1, 2, 3}, "{\"json\":1}".getBytes()}) {
            String path = path();
            client.create().creatingParentsIfNeeded().forPath(path, foreign);
            AtomicInt a = zk.atomic(path, 4, AtomicType.INT);
            assertThatThrownBy(a::load)
                    .isInstanceOf(ZookeeperValueException.class)
                    .hasMessageContaining(foreign.length == 0 ? "no data" : foreign.length + " bytes");
            assertThatThrownBy(() -> a.store(1)).isInstanceOf(ZookeeperValueException.class);
            assertThatThrownBy(() -> a.compareAndSet(0, 1)).isInstanceOf(ZookeeperValueException.class);
            assertThatThrownBy(() -> a.bitSet(3)).isInstanceOf(ZookeeperValueException.class);
            assertThat(data(path)).isEqualTo(foreign);
            assertThat(stat(path).getVersion()).isZero();
        }
    }

    // ---- read modes ----------------------------------------------------------------------------------------

    /** A linearizable read commits a check through the leader: one more transaction (zxid) than a plain read. */
    @Test
    void aLinearizableReadCommitsACheckAndASequentialOneDoesNot() throws Exception {
        String path = path();
        AtomicInt plain = zk.atomic(path, 8, AtomicType.INT);
        ZookeeperAtomics.createIfAbsent(plain, BigInteger.TEN);
        AtomicInt linear = zk.atomic(path, 8, AtomicType.INT, ReadMode.LINEARIZABLE);
        assertThat(((ZookeeperAtomic) linear).readMode()).isEqualTo(ReadMode.LINEARIZABLE);
        assertThat(transactionsDuring(plain::load)).isZero();
        assertThat(transactionsDuring(linear::load)).isEqualTo(1);
        assertThat(transactionsDuring(() ->
                        ZookeeperAtomics.withReads(plain, ReadMode.LINEARIZABLE).load()))
                .isEqualTo(1);
        assertThat(ZookeeperAtomics.withReads(plain, ReadMode.LINEARIZABLE).load())
                .isEqualTo(10);
        // a failed compare-and-exchange reports a value it has confirmed, too
        assertThat(transactionsDuring(() -> linear.compareAndSet(3, 4))).isEqualTo(1);
        assertThat(transactionsDuring(() -> plain.compareAndSet(3, 4))).isZero();
        assertThat(transactionsDuring(linear::inc)).isEqualTo(1);
    }

    private static long transactionsDuring(Runnable r) throws Exception {
        long before = marker();
        r.run();
        return marker() - before - 2; // less the marker's own delete
    }

    /** The zxid of a fresh transaction: a znode created (then deleted, one more transaction). */
    private static long marker() throws Exception {
        String p = client.create().creatingParentsIfNeeded().forPath("/atomics-test-marker/" + UUID.randomUUID());
        long zxid = client.checkExists().forPath(p).getCzxid();
        client.delete().forPath(p);
        return zxid;
    }

    // ---- version rotation ----------------------------------------------------------------------------------

    @Test
    void aZnodeIsReplacedBeforeItsVersionRunsOut() throws Exception {
        ZookeeperAtomics.Settings low = new ZookeeperAtomics.Settings(64, Duration.ofMillis(5), ReadMode.SEQUENTIAL, 5);
        ZookeeperAtomics rotating = ZookeeperAtomics.create(client, low);
        String path = path();
        AtomicInt a = rotating.atomic(path, 8, AtomicType.INT);
        ZookeeperAtomics.createIfAbsent(a, BigInteger.ZERO);
        long firstCzxid = stat(path).getCzxid();
        java.util.Set<Long> czxids = new java.util.HashSet<>();
        for (int i = 1; i <= 23; i++) {
            a.inc();
            Stat s = stat(path);
            assertThat(s.getVersion()).isBetween(0, 5);
            czxids.add(s.getCzxid());
            assertThat(a.load()).isEqualTo(i);
        }
        assertThat(czxids).hasSizeGreaterThanOrEqualTo(4);
        assertThat(stat(path).getCzxid()).isNotEqualTo(firstCzxid);
        // four writers across rotations: nothing applied twice, and nothing lost unless an operation said so (at a
        // threshold of 5, a writer stalled between its read and its write while the replacement took 5 writes can
        // land on it: reported, see aWriteThatLandsOnAReplacementOfTheZnodeItReadIsReported)
        AtomicLong reported = new AtomicLong();
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        a.inc();
                    } catch (ZookeeperValueException e) {
                        assertThat(e).hasMessageContaining("replacement");
                        reported.incrementAndGet();
                    }
                }
            });
            writers[w].start();
        }
        for (Thread w : writers) {
            w.join();
        }
        if (reported.get() == 0) {
            assertThat(a.load()).isEqualTo(23 + 100);
        } else {
            assertThat(a.load()).isLessThanOrEqualTo(23 + 100);
        }
        long expected = a.load();
        // a znode with children cannot be replaced: refused, not lost
        client.create().forPath(path + "/child");
        while (stat(path).getVersion() < 5) {
            a.inc();
            expected++;
        }
        assertThatThrownBy(a::inc).isInstanceOf(ZookeeperValueException.class).hasMessageContaining("children");
        assertThat(a.load()).isEqualTo(expected);
    }

    /**
     * An operation reads the znode; before its conditional write, another client replaces the znode and brings the
     * replacement to the version read. The write lands (a condition on the version cannot tell the two apart), but the
     * operation throws instead of reporting success: the replacement's updates were overwritten.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWriteThatLandsOnAReplacementOfTheZnodeItReadIsReported(boolean rotating) throws Exception {
        ZookeeperAtomics factory = rotating
                ? ZookeeperAtomics.create(
                        client, new ZookeeperAtomics.Settings(64, Duration.ofMillis(5), ReadMode.SEQUENTIAL, 2))
                : zk;
        String path = path();
        AtomicInt a = factory.atomic(path, 8, AtomicType.INT);
        ZookeeperAtomics.createIfAbsent(a, BigInteger.valueOf(7));
        a.inc();
        a.inc(); // version 2, value 9 (with the threshold at 2, the next write replaces the znode itself)
        AbstractZkAtomic impl = (AbstractZkAtomic) a;
        AtomicLong calls = new AtomicLong();
        assertThatThrownBy(() -> impl.znode.update(impl, "inc", false, current -> {
                    if (calls.incrementAndGet() == 1) {
                        try {
                            client.delete().forPath(path);
                            client.create()
                                    .forPath(
                                            path,
                                            ByteBuffer.allocate(8).putLong(100).array());
                            client.setData()
                                    .forPath(
                                            path,
                                            ByteBuffer.allocate(8).putLong(101).array());
                            client.setData()
                                    .forPath(
                                            path,
                                            ByteBuffer.allocate(8).putLong(102).array());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return ByteBuffer.allocate(8)
                            .putLong(ByteBuffer.wrap(current).getLong() + 1)
                            .array();
                }))
                .isInstanceOf(ZookeeperValueException.class)
                .hasMessageContaining("replacement");
        assertThat(calls).hasValue(1);
        assertThat(a.load())
                .as("written, from the old value 9: the replacement's 102 is lost")
                .isEqualTo(10);
    }

    // ---- lost replies --------------------------------------------------------------------------------------

    /**
     * The connection drops after the server applied an increment and before its reply reached the client: the
     * call throws outcome-unknown, and the increment is applied once (Curator's own retry loop would resend it,
     * fail on the version and apply it again).
     */
    @Test
    void aWriteWhoseReplyIsLostIsOutcomeUnknownAndAppliedOnce() throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(new InetSocketAddress("127.0.0.1", server.getPort()));
                CuratorFramework viaProxy = ZookeeperServer.client(proxy.connectString())) {
            ZookeeperAtomics cut = ZookeeperAtomics.create(viaProxy);
            String path = path();
            AtomicInt a = cut.atomic(path, 8, AtomicType.INT);
            ZookeeperAtomics.createIfAbsent(a, BigInteger.ZERO);
            a.inc();
            proxy.arm();
            assertThatThrownBy(a::inc)
                    .isInstanceOf(ZookeeperOutcomeUnknownException.class)
                    .hasMessageContaining("may have been applied")
                    .extracting(e -> ((ZookeeperAtomicsException) e).outcomeUnknown())
                    .isEqualTo(true);
            assertThat(proxy.cuts()).isEqualTo(1);
            assertThat(data(path)).isEqualTo(ByteBuffer.allocate(8).putLong(2).array());
            // the client reconnects by itself; later operations work
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try {
                    a.inc();
                    break;
                } catch (ZookeeperUnavailableException e) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            assertThat(a.load()).isEqualTo(3);
        }
    }
}
