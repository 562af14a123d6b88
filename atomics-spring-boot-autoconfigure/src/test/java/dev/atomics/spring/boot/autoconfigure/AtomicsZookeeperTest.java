package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.Engine;
import dev.atomics.UnsupportedOpException;
import dev.atomics.spring.boot.AtomicsProblem;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import dev.atomics.spring.boot.autoconfigure.registry.ZookeeperKind;
import dev.atomics.zookeeper.ZookeeperAtomic;
import dev.atomics.zookeeper.ZookeeperMissingNodeException;
import dev.atomics.zookeeper.ZookeeperOutcomeUnknownException;
import dev.atomics.zookeeper.ZookeeperUnavailableException;
import dev.atomics.zookeeper.ZookeeperValueException;
import dev.atomics.zookeeper.testing.ZookeeperServer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code atomics.cluster} entries with {@code zookeeper} on a real ZooKeeper server: beans on znodes created at
 * startup, through a connect string or the application's CuratorFramework bean; two application instances
 * counting into one znode exactly; health and HTTP statuses for foreign and missing znodes.
 */
class AtomicsZookeeperTest {

    private static String ensemble;
    private static CuratorFramework plain;

    private final String path = "/starter/" + UUID.randomUUID() + "/orders";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AtomicsAutoConfiguration.class,
                    AtomicsZookeeperAutoConfiguration.class,
                    AtomicsHealthAutoConfiguration.class));

    @BeforeAll
    static void start() {
        ensemble = ZookeeperServer.shared().getConnectString();
        plain = ZookeeperServer.client(ensemble);
    }

    @AfterAll
    static void stop() {
        plain.close();
    }

    @Test
    void clusterEntriesAreBeansOnZnodesCreatedAtStartup() {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.type=int")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ZookeeperKind.class);
                    AtomicInt orders = (AtomicInt) context.getBean("atomics.cluster.orders");
                    assertThat(orders).isInstanceOf(ZookeeperAtomic.class);
                    assertThat(orders.engine()).isEqualTo(Engine.ZOOKEEPER);
                    assertThat(plain.getData().forPath(path)).isEqualTo(new byte[8]);
                    orders.add(41);
                    orders.inc();
                    assertThat(plain.getData().forPath(path))
                            .isEqualTo(ByteBuffer.allocate(8).putLong(42).array());
                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    assertThat(registry.read("orders").value()).isEqualTo("42");
                    Health health =
                            context.getBean(AtomicsHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails().toString())
                            .contains(ensemble)
                            .contains("session=connected");
                });
    }

    @Test
    void twoInstancesCountIntoOneZnodeExactly() throws Exception {
        String[] props = {
            "atomics.zookeeper.connect-string=" + ensemble,
            "atomics.cluster.hits.zookeeper=" + path,
            "atomics.cluster.hits.type=int"
        };
        runner.withPropertyValues(props)
                .run(a -> runner.withPropertyValues(props).run(b -> {
                    List<Thread> threads = new ArrayList<>();
                    for (var context : List.of(a, b)) {
                        AtomicInt hits = (AtomicInt) context.getBean("atomics.cluster.hits");
                        for (int t = 0; t < 2; t++) {
                            Thread thread = new Thread(() -> {
                                for (int i = 0; i < 250; i++) {
                                    hits.inc();
                                }
                            });
                            thread.start();
                            threads.add(thread);
                        }
                    }
                    for (Thread t : threads) {
                        t.join();
                    }
                    assertThat(((AtomicInt) a.getBean("atomics.cluster.hits")).load())
                            .isEqualTo(1000);
                }));
    }

    @Test
    void theApplicationsCuratorClientIsUsed() {
        CuratorFramework own = ZookeeperServer.client(ensemble);
        try {
            runner.withBean(CuratorFramework.class, () -> own)
                    .withPropertyValues("atomics.cluster.orders.zookeeper=" + path)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        ((AtomicInt) context.getBean("atomics.cluster.orders")).inc();
                        assertThat(plain.getData().forPath(path))
                                .isEqualTo(ByteBuffer.allocate(8).putLong(1).array());
                    });
        } finally {
            own.close();
        }
    }

    @Test
    void aForeignOrDeletedZnodeIsDownAndConflict() {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble, "atomics.cluster.orders.zookeeper=" + path)
                .run(context -> {
                    AtomicsHealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                    plain.setData().forPath(path, "{}".getBytes());
                    Health down = indicator.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails().toString()).contains("2 bytes");
                    plain.delete().forPath(path);
                    assertThat(indicator.health().getDetails().toString()).contains("does not exist");
                    AtomicInt orders = (AtomicInt) context.getBean("atomics.cluster.orders");
                    try {
                        orders.inc();
                    } catch (ZookeeperMissingNodeException e) {
                        assertThat(AtomicsProblem.of(e).status()).isEqualTo(409);
                    }
                    assertThat(plain.checkExists().forPath(path))
                            .as("never recreated by an operation")
                            .isNull();
                });
    }

    @Test
    void statusesOfZookeeperFailures() {
        assertThat(AtomicsProblem.of(new ZookeeperValueException("foreign", "/p", null))
                        .status())
                .isEqualTo(409);
        AtomicsProblem unknown = AtomicsProblem.of(new ZookeeperOutcomeUnknownException("lost", "/p", null));
        assertThat(unknown.status()).isEqualTo(504);
        assertThat(unknown.outcome()).isEqualTo("unknown");
        AtomicsProblem noQuorum = AtomicsProblem.of(new ZookeeperUnavailableException("no quorum", "/p", null));
        assertThat(noQuorum.status()).isEqualTo(503);
        assertThat(noQuorum.retryable()).isTrue();
    }

    @Test
    void withoutClientOrConnectStringStartupFailsSayingWhatToSet() {
        runner.withPropertyValues("atomics.cluster.orders.zookeeper=" + path).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("atomics.zookeeper.connect-string");
        });
    }

    /** Settings a znode entry cannot honour fail startup naming the key; they are never ignored. */
    @ParameterizedTest
    @CsvSource({
        "wait.replicas, 1, atomics.cluster.orders.wait, a quorum",
        "on-missing, recreate, atomics.cluster.orders.on-missing, never read a missing znode as zero",
        "on-missing, sometimes, atomics.cluster.orders.on-missing, unknown policy",
        "initial-value, 0x1ff, atomics.cluster.orders.initial-value, does not fit int of width 1",
        "width, 3, atomics.cluster.orders.width, unsupported width"
    })
    void settingsAZnodeEntryCannotHonourAreRefused(String key, String value, String property, String problem) {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.width=1",
                        "atomics.cluster.orders." + key + "=" + value)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining(property)
                            .hasStackTraceContaining(problem);
                    assertThat(plain.checkExists().forPath(path)).isNull();
                });
    }

    /** An absent znode is created holding initial-value, in the documented format; a present one is kept. */
    @ParameterizedTest
    @CsvSource({
        "int, 8, 1000, 00000000000003e8",
        "int, 4, -5, fffffffb",
        "uint, 1, 0xff, ff",
        "uint, 8, 18446744073709551615, ffffffffffffffff",
        "int, 16, -2, fffffffffffffffffffffffffffffffe",
        "uint, 16, 0x0102030405060708090a0b0c0d0e0f10, 0102030405060708090a0b0c0d0e0f10",
        "bytes, 4, de:ad:be:ef, deadbeef"
    })
    void anAbsentZnodeStartsAtTheInitialValue(String type, int width, String initial, String znodeHex)
            throws Exception {
        String[] props = {
            "atomics.zookeeper.connect-string=" + ensemble,
            "atomics.cluster.orders.zookeeper=" + path,
            "atomics.cluster.orders.type=" + type,
            "atomics.cluster.orders.width=" + width,
            "atomics.cluster.orders.initial-value=" + initial
        };
        runner.withPropertyValues(props).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(HexFormat.of().formatHex(plain.getData().forPath(path))).isEqualTo(znodeHex);
            assertThat(context.getBean(AtomicsHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
        byte[] other = new byte[width];
        other[0] = 7;
        plain.setData().forPath(path, other);
        runner.withPropertyValues(props).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(plain.getData().forPath(path))
                    .as("an existing znode is kept")
                    .isEqualTo(other);
        });
    }

    /** on-missing fail: the application never creates the znode; until an operator does, it is DOWN and 409. */
    @Test
    void onMissingFailLeavesAnAbsentZnodeToTheOperator() {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.on-missing=fail")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicsHealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                    Health down = indicator.health(); // startup waited for the session, though it created nothing
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails().toString())
                            .contains("session=connected")
                            .contains("does not exist");
                    AtomicInt orders = (AtomicInt) context.getBean("atomics.cluster.orders");
                    assertThatThrownBy(orders::inc)
                            .isInstanceOf(ZookeeperMissingNodeException.class)
                            .satisfies(e ->
                                    assertThat(AtomicsProblem.of(e).status()).isEqualTo(409));
                    assertThat(plain.checkExists().forPath(path))
                            .as("never created")
                            .isNull();
                    plain.create()
                            .creatingParentsIfNeeded()
                            .forPath(path, ByteBuffer.allocate(8).putLong(41).array());
                    assertThat(orders.fetchAdd(1)).isEqualTo(41);
                    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                });
    }

    /** readonly: reads, refuses writes before sending them, and never creates the znode (nor takes a start). */
    @Test
    void aReadonlyEntryReadsAndNeverWritesNorCreates() {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.readonly=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(plain.checkExists().forPath(path))
                            .as("never created")
                            .isNull();
                    byte[] seven = ByteBuffer.allocate(8).putLong(7).array();
                    plain.create().creatingParentsIfNeeded().forPath(path, seven);
                    AtomicInt orders = (AtomicInt) context.getBean("atomics.cluster.orders");
                    assertThat(orders.readonly()).isTrue();
                    assertThat(orders.load()).isEqualTo(7);
                    assertThatThrownBy(orders::inc)
                            .isInstanceOf(UnsupportedOpException.class)
                            .hasMessageContaining("readonly");
                    assertThat(plain.getData().forPath(path)).isEqualTo(seven);
                    assertThat(context.getBean(AtomicsHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.readonly=true",
                        "atomics.cluster.orders.initial-value=5")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("atomics.cluster.orders.initial-value")
                        .hasMessageContaining("readonly atomic never creates"));
    }

    @Test
    void onMissingFailWithAnInitialValueIsRefused() {
        runner.withPropertyValues(
                        "atomics.zookeeper.connect-string=" + ensemble,
                        "atomics.cluster.orders.zookeeper=" + path,
                        "atomics.cluster.orders.on-missing=fail",
                        "atomics.cluster.orders.initial-value=5")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("atomics.cluster.orders.initial-value")
                            .hasMessageContaining("on-missing fail never creates");
                });
    }

    /** The ensemble stops: health goes DOWN naming it and the lost session; it comes back: UP again. */
    @Test
    void aLostSessionIsDownNamingTheEnsembleUntilItReturns() throws Exception {
        try (org.apache.curator.test.TestingServer own = new org.apache.curator.test.TestingServer(
                -1, java.nio.file.Files.createTempDirectory("atomics-zk-lost-").toFile(), true)) {
            runner.withPropertyValues(
                            "atomics.zookeeper.connect-string=" + own.getConnectString(),
                            "atomics.zookeeper.session-timeout=4s",
                            "atomics.zookeeper.connection-timeout=2s",
                            "atomics.cluster.orders.zookeeper=" + path)
                    .run(context -> {
                        AtomicsHealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                        ((AtomicInt) context.getBean("atomics.cluster.orders")).inc();
                        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                        own.stop();
                        // DOWN at once (reads fail), then naming the lost session once the client notices
                        Health down = awaitHealth(indicator, Status.DOWN, "session=lost");
                        assertThat(down.getDetails().toString()).contains(own.getConnectString());
                        own.restart();
                        awaitHealth(indicator, Status.UP, "session=connected");
                        assertThat(((AtomicInt) context.getBean("atomics.cluster.orders")).load())
                                .isEqualTo(1);
                    });
        }
    }

    private static Health awaitHealth(AtomicsHealthIndicator indicator, Status status, String detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        Health health = indicator.health();
        while (!(health.getStatus().equals(status)
                        && health.getDetails().toString().contains(detail))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            health = indicator.health();
        }
        assertThat(health.getStatus()).as("health within 60 s: %s", health).isEqualTo(status);
        assertThat(health.getDetails().toString()).as("health within 60 s").contains(detail);
        return health;
    }
}
