package dev.atomics.redis.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.redis.RedisAtomicsException;
import dev.atomics.redis.RedisKeyOptions;
import dev.atomics.redis.RedisWait;
import dev.atomics.redis.testing.RedisServer;
import dev.atomics.redis.testing.Sentinels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Sentinel failover under load, on real servers started here: a primary, a replica and 3 Sentinels
 * ({@code redis-server --sentinel}); 4 writers increment one counter while the primary is SIGKILLed 5 times (each time
 * the killed one comes back as a replica of the new primary). Every outcome is counted: acknowledged (returned),
 * outcome unknown ({@code outcomeUnknown()}: sent, no reply, or applied but not replicated), failed (not sent). With
 * a wait for 1 replica, after every kill: acknowledged <= final <= acknowledged + unknown. Without, acknowledged
 * writes the replica had not received yet are lost by the failover: counted and printed, not asserted.
 */
@Tag("failover")
class RedisSentinelFailoverTest {

    private static final int KILLS = 5;
    private static final int WRITERS = 4;

    @Test
    void withWaitNoAcknowledgedIncrementIsLost() throws Exception {
        Accounting a = run(new RedisWait(1, Duration.ofMillis(200)));
        System.out.println("[failover] sentinel, wait 1 replica: " + a);
        for (Round r : a.rounds) {
            assertThat(r.finalValue)
                    .as("final >= acknowledged after kill %d: %s", r.kill, r)
                    .isGreaterThanOrEqualTo(r.acknowledged);
            assertThat(r.finalValue)
                    .as("final <= acknowledged + unknown after kill %d: %s", r.kill, r)
                    .isLessThanOrEqualTo(r.acknowledged + r.unknown);
        }
    }

    @Test
    void withoutWaitTheLossIsCounted() throws Exception {
        Accounting a = run(null);
        System.out.println("[failover] sentinel, no wait: " + a);
        for (Round r : a.rounds) {
            assertThat(r.finalValue)
                    .as("never more than was sent: %s", r)
                    .isLessThanOrEqualTo(r.acknowledged + r.unknown);
        }
    }

    record Round(int kill, long acknowledged, long unknown, long failed, long finalValue) {
        long lost() {
            return Math.max(0, acknowledged - finalValue);
        }

        @Override
        public String toString() {
            return "kill " + kill + ": acknowledged " + acknowledged + ", unknown " + unknown + ", failed " + failed
                    + ", final " + finalValue + ", lost " + lost();
        }
    }

    record Accounting(List<Round> rounds) {
        @Override
        public String toString() {
            return rounds + " (total lost " + rounds.get(rounds.size() - 1).lost() + ")";
        }
    }

    private static Accounting run(RedisWait wait) throws Exception {
        Map<Integer, RedisServer> servers = new HashMap<>();
        RedisServer primary = RedisServer.start();
        RedisServer replica =
                RedisServer.start(List.of("--replicaof", primary.host(), Integer.toString(primary.port())));
        servers.put(primary.port(), primary);
        servers.put(replica.port(), replica);
        awaitOnlineReplica(primary);
        List<Round> rounds = new ArrayList<>();
        try (Sentinels sentinels = Sentinels.start(3, primary, Duration.ofMillis(1000))) {
            RedisSentinelConfiguration config = new RedisSentinelConfiguration().master(Sentinels.MASTER);
            for (int port : sentinels.ports()) {
                config.sentinel(new RedisNode("127.0.0.1", port));
            }
            LettuceConnectionFactory factory = new LettuceConnectionFactory(
                    config,
                    LettuceClientConfiguration.builder()
                            .commandTimeout(Duration.ofMillis(1000))
                            .build());
            factory.afterPropertiesSet();
            factory.start();
            try (RedisAtomics redis = RedisAtomics.create(factory)) {
                RedisKeyOptions options = RedisKeyOptions.defaults().waitFor(wait);
                AtomicInt counter = redis.atomic("failover:counter", 8, AtomicType.INT, options);
                AtomicLong acknowledged = new AtomicLong();
                AtomicLong unknown = new AtomicLong();
                AtomicLong failed = new AtomicLong();
                for (int kill = 1; kill <= KILLS; kill++) {
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Thread> writers = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        Thread t = new Thread(
                                () -> {
                                    while (!stop.get()) {
                                        try {
                                            counter.inc();
                                            acknowledged.incrementAndGet();
                                        } catch (RedisAtomicsException e) {
                                            (e.outcomeUnknown() ? unknown : failed).incrementAndGet();
                                            sleep(10);
                                        }
                                    }
                                },
                                "writer-" + w);
                        t.start();
                        writers.add(t);
                    }
                    long before = acknowledged.get();
                    awaitProgress(acknowledged, before + 100, 20);
                    int oldPort = sentinels.agreedMasterPort();
                    assertThat(oldPort).as("the Sentinels agree on the master").isNotEqualTo(-1);
                    RedisServer old = servers.get(oldPort);
                    old.kill();
                    int newPort = awaitNewMaster(sentinels, oldPort, servers);
                    sleep(1000); // writes go on against the new primary (with a wait: unknown, no replica yet)
                    stop.set(true);
                    for (Thread t : writers) {
                        t.join(10_000);
                        assertThat(t.isAlive()).as("a writer hangs").isFalse();
                    }
                    // the killed primary comes back, empty, as a replica of the new one (topology restored); the
                    // writers are stopped meanwhile, so that its full sync does not stall the primary into a false
                    // failover on this small machine. Until it has synced it must not be promotable: a false
                    // failover onto the empty server (seen once in CI on a loaded machine: the key was gone) would
                    // be the harness losing the data, not Redis
                    old.restart(
                            List.of("--replicaof", "127.0.0.1", Integer.toString(newPort), "--replica-priority", "0"));
                    int master = awaitStable(sentinels, servers);
                    old.call("CONFIG", "SET", "replica-priority", "100"); // the candidate of the next kill
                    awaitPromotable(sentinels, old);
                    String value = servers.get(master).call("GET", "failover:counter");
                    long finalValue = value == null ? 0 : Long.parseLong(value); // missing: everything lost
                    System.out.println("[failover] kill " + kill + ": " + oldPort + " -> " + newPort
                            + (master == newPort ? "" : " -> " + master));
                    rounds.add(new Round(kill, acknowledged.get(), unknown.get(), failed.get(), finalValue));
                }
            } finally {
                factory.destroy();
            }
        } finally {
            for (RedisServer s : servers.values()) {
                s.close();
            }
        }
        return new Accounting(rounds);
    }

    private static void awaitProgress(AtomicLong counter, long target, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (counter.get() < target) {
            assertThat(System.nanoTime())
                    .as("writes progress to %d (at %d)", target, counter.get())
                    .isLessThan(deadline);
            sleep(10);
        }
    }

    /** Every Sentinel names the same new master, and that server says it is the master. */
    private static int awaitNewMaster(Sentinels sentinels, int oldPort, Map<Integer, RedisServer> servers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            int port = sentinels.agreedMasterPort();
            if (port != -1 && port != oldPort && role(servers.get(port)).equals("master")) {
                return port;
            }
            assertThat(System.nanoTime()).as("Sentinels promote the replica").isLessThan(deadline);
            sleep(50);
        }
    }

    private static String role(RedisServer server) {
        try {
            String info = server.call("INFO", "replication");
            int i = info.indexOf("role:");
            return info.substring(i + 5, info.indexOf('\r', i) < 0 ? info.indexOf('\n', i) : info.indexOf('\r', i))
                    .trim();
        } catch (RuntimeException e) {
            return "down";
        }
    }

    /**
     * The topology before the next kill: every Sentinel names the same master, which says it is the master and has
     * its replica online.
     *
     * @return the master's port
     */
    private static int awaitStable(Sentinels sentinels, Map<Integer, RedisServer> servers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            int master = sentinels.agreedMasterPort();
            if (master != -1
                    && role(servers.get(master)).equals("master")
                    && servers.get(master).call("INFO", "replication").contains("state=online")) {
                return master;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder b = new StringBuilder();
                servers.forEach((port, server) ->
                        b.append(port).append(": ").append(role(server)).append("; "));
                throw new AssertionError("the Sentinels do not settle: " + b);
            }
            sleep(50);
        }
    }

    private static void awaitPromotable(Sentinels sentinels, RedisServer replica) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sentinels.allSeePromotable(replica.port())) {
            assertThat(System.nanoTime())
                    .as("the Sentinels see %s as promotable", replica)
                    .isLessThan(deadline);
            sleep(200);
        }
    }

    private static void awaitOnlineReplica(RedisServer primary) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!primary.call("INFO", "replication").contains("state=online")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no replica of " + primary + " came online: " + primary.call("INFO", "replication"));
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
