package dev.atomics.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.testing.ConnectionFactories;
import dev.atomics.redis.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Durable writes on a real primary and replica: a write with a wait returns once the replica has it, and a write the
 * replica does not acknowledge in time is applied on the primary and raises RedisNotReplicatedException (outcome
 * unknown), on a connection of its own.
 */
class RedisWaitTest {

    private static RedisServer primary;
    private static RedisServer replica;
    private static LettuceConnectionFactory factory;
    private static RedisAtomics redis;

    @BeforeAll
    static void start() throws InterruptedException {
        primary = RedisServer.start();
        replica = RedisServer.start(List.of("--replicaof", primary.host(), Integer.toString(primary.port())));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!primary.call("INFO", "replication").contains("state=online") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(primary.call("INFO", "replication"))
                .as("the replica in sync within 20 s")
                .contains("state=online");
        factory = ConnectionFactories.lettuce(primary, Duration.ofSeconds(2));
        redis = RedisAtomics.create(factory);
    }

    @AfterAll
    static void stop() {
        redis.close();
        factory.destroy();
        replica.close();
        primary.close();
    }

    /**
     * One replica, a generous timeout (below the connection's 2 s command timeout): WAIT returns as soon as the
     * replica acknowledges, so a loaded machine's late acknowledgement is not a failure.
     */
    private static final RedisWait ONE = new RedisWait(1, Duration.ofMillis(1500));

    @Test
    void aWaitedWriteReturnsOnceTheReplicaHasIt() {
        AtomicInt orders = redis.atomic(
                "wait:orders", 8, AtomicType.INT, RedisKeyOptions.defaults().waitFor(ONE));
        assertThat(((RedisAtomic) orders).waitFor()).isEqualTo(ONE);
        for (int i = 0; i < 50; i++) {
            assertThat(orders.fetchInc()).isEqualTo(i);
        }
        orders.store(100);
        assertThat(orders.compareAndSet(100, 101)).isTrue();
        assertThat(replica.call("GET", "wait:orders"))
                .as("on the replica when the write returned")
                .isEqualTo("101");
    }

    @Test
    void tooFewReplicasMeansAppliedNotReplicated() {
        AtomicInt jobs = redis.atomic(
                "wait:jobs", 8, AtomicType.INT, RedisKeyOptions.defaults().waitFor(ONE));
        jobs.inc();
        AtomicInt twoReplicas = redis.atomic(
                "wait:jobs",
                8,
                AtomicType.INT,
                RedisKeyOptions.defaults().waitFor(new RedisWait(2, Duration.ofMillis(100))));
        assertThatThrownBy(twoReplicas::inc)
                .isInstanceOf(RedisNotReplicatedException.class)
                .hasMessageContaining("'wait:jobs'")
                .hasMessageContaining("only 1 of 2 replica(s)")
                .satisfies(e -> {
                    RedisNotReplicatedException n = (RedisNotReplicatedException) e;
                    assertThat(n.outcomeUnknown()).isTrue();
                    assertThat(n.required()).isEqualTo(2);
                    assertThat(n.acknowledged()).isEqualTo(1);
                });
        assertThat(primary.call("GET", "wait:jobs"))
                .as("applied on the primary")
                .isEqualTo("2");
        // a wait that runs out (the replica paused): shorter than the connection's 2 s command timeout
        AtomicInt shortWait = redis.atomic(
                "wait:jobs",
                8,
                AtomicType.INT,
                RedisKeyOptions.defaults().waitFor(new RedisWait(1, Duration.ofMillis(500))));
        replica.pause();
        try {
            assertThatThrownBy(shortWait::inc)
                    .isInstanceOf(RedisNotReplicatedException.class)
                    .hasMessageContaining("only 0 of 1");
            assertThat(primary.call("GET", "wait:jobs")).isEqualTo("3");
        } finally {
            replica.resume();
        }
        jobs.inc(); // the replica caught up: acknowledged again
        assertThat(primary.call("GET", "wait:jobs")).isEqualTo("4");
    }

    @Test
    void aRefusedWriteIsNotWaitedFor() {
        primary.call("HSET", "wait:hash", "f", "1");
        AtomicInt foreign = redis.atomic(
                "wait:hash",
                8,
                AtomicType.INT,
                RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL).waitFor(ONE));
        assertThatThrownBy(foreign::inc).isInstanceOf(RedisForeignKeyException.class);
        AtomicInt missing = redis.atomic(
                "wait:missing",
                8,
                AtomicType.INT,
                RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL).waitFor(ONE));
        assertThatThrownBy(missing::inc).isInstanceOf(RedisMissingKeyException.class);
    }
}
