package dev.atomics.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.MemoryOrder;
import dev.atomics.conformance.Apis;
import dev.atomics.conformance.Conformance;
import dev.atomics.conformance.Conformance.Orders;
import dev.atomics.conformance.Model;
import dev.atomics.conformance.Target;
import dev.atomics.conformance.Target.Backdoor;
import dev.atomics.conformance.Target.Subject;
import dev.atomics.zookeeper.testing.ZookeeperServer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of atomics on znodes, at every width and type (int and uint 1, 2, 4, 8; int128 and uint128; bytes
 * 1, 2, 4, 8, 16), against the conformance kit's reference model and inputs ({@link Conformance}; seed property
 * {@code atomics.test.seed}), on a real ZooKeeper server. States are set up and checked through a plain Curator
 * client, in the stored form (integers big-endian, bytes as they are). Memory orders all mean the same here: every
 * order is checked to be accepted (and every invalid one refused), and most inputs run at SEQ_CST.
 */
class ZookeeperConformanceTest {

    private static final AtomicInteger NODES = new AtomicInteger();

    private static CuratorFramework client;
    private static ZookeeperAtomics zk;

    @BeforeAll
    static void connect() {
        assertThat(ByteOrder.nativeOrder())
                .as("these tests compare with a little-endian model")
                .isEqualTo(ByteOrder.LITTLE_ENDIAN);
        client = ZookeeperServer.client(ZookeeperServer.shared().getConnectString());
        zk = ZookeeperAtomics.create(client);
    }

    @AfterAll
    static void disconnect() {
        zk.close();
        client.close();
    }

    /** An atomic on a fresh znode holding zero, for one test. */
    record ZnodeTarget(int width, AtomicType<?, ?, ?> type) implements Target {

        @Override
        public Model model() {
            return new Model(width, type.signed());
        }

        @Override
        public Subject open() {
            String path = "/model/" + type.name() + width + "/" + NODES.incrementAndGet();
            Atomic atomic = zk.atomic(path, width, type);
            assertThat(((ZookeeperAtomic) atomic).createIfAbsent()).isTrue();
            return new Subject(
                    atomic,
                    new StoredForm(path, type != AtomicType.BYTES),
                    () -> client.delete().forPath(path));
        }

        /** Up to 60 inputs per method at the default order (each costs a few round trips), 3 at the others. */
        @Override
        public int samples(Orders orders) {
            boolean sc = orders.order() == MemoryOrder.SEQ_CST
                    && (orders.failure() == null || orders.failure() == MemoryOrder.SEQ_CST);
            return sc ? 60 : 3;
        }

        @Override
        public String toString() {
            return type.name() + " width " + width + " zookeeper";
        }
    }

    /** The znode's data: integers big-endian (the model's image reversed), bytes as they are. */
    record StoredForm(String path, boolean integer) implements Backdoor {

        @Override
        public void put(byte[] image) {
            try {
                client.setData().forPath(path, stored(image));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] get() {
            try {
                return stored(client.getData().forPath(path));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private byte[] stored(byte[] image) {
            byte[] b = image.clone();
            if (integer) {
                AbstractZkAtomic.reverse(b);
            }
            return b;
        }
    }

    @TestFactory
    Stream<DynamicNode> everyIntegralMethodMatchesTheModel() {
        List<Target> targets = new ArrayList<>();
        for (AtomicType<?, ?, ?> type : List.of(AtomicType.INT, AtomicType.UINT)) {
            for (int width : new int[] {1, 2, 4, 8}) {
                targets.add(new ZnodeTarget(width, type));
            }
        }
        return Conformance.tests(Apis.INTEGRAL, targets);
    }

    @TestFactory
    Stream<DynamicNode> every128BitMethodMatchesTheModel() {
        return Conformance.tests(
                Apis.INTEGRAL128,
                List.of(new ZnodeTarget(16, AtomicType.INT128), new ZnodeTarget(16, AtomicType.UINT128)));
    }

    @TestFactory
    Stream<DynamicNode> everyBytesMethodMatchesTheModel() {
        List<Target> targets = new ArrayList<>();
        for (int width : new int[] {1, 2, 4, 8, 16}) {
            targets.add(new ZnodeTarget(width, AtomicType.BYTES));
        }
        return Conformance.tests(Apis.BYTES, targets);
    }
}
