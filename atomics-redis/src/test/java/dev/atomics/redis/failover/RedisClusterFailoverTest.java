package dev.atomics.redis.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.redis.RedisForeignKeyException;
import dev.atomics.redis.RedisKeyOptions;
import dev.atomics.redis.RedisMissingKeyException;
import dev.atomics.redis.RedisMissingKeyPolicy;
import dev.atomics.redis.RedisNotReplicatedException;
import dev.atomics.redis.RedisWait;
import dev.atomics.redis.testing.RedisClusterNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Atomics on a Redis Cluster of 3 masters started here: two writers count exactly into keys spread over the masters,
 * the batched read groups its keys by hash slot (a script across slots would fail with CROSSSLOT), and a wait counts
 * the replicas of the key's own shard.
 */
@Tag("failover")
class RedisClusterFailoverTest {

    private static RedisClusterNodes cluster;
    private static LettuceConnectionFactory factory;
    private static RedisAtomics redis;

    @BeforeAll
    static void start() {
        cluster = RedisClusterNodes.start(3);
        factory = cluster.factory(Duration.ofSeconds(5));
        redis = RedisAtomics.create(factory);
    }

    @AfterAll
    static void stop() {
        redis.close();
        factory.destroy();
        cluster.close();
    }

    /** Keys on every master: {a}, {b}, ... hash to different slots. */
    private static List<String> keysOnEveryMaster(String prefix) {
        List<String> keys = new ArrayList<>();
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; masters.size() < 3 || keys.size() < 6; i++) {
            String key = prefix + ":" + i;
            keys.add(key);
            masters.add(cluster.nodeOf(key).port());
        }
        return keys;
    }

    @Test
    void twoWritersCountExactlyOnEveryMaster() throws Exception {
        List<String> keys = keysOnEveryMaster("cluster:count");
        List<AtomicInt> counters = keys.stream()
                .map(k -> (AtomicInt) redis.atomic(k, 8, AtomicType.INT))
                .toList();
        int perWriter = 600;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Set<Long>>>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    List<Set<Long>> seen = new ArrayList<>();
                    counters.forEach(c -> seen.add(new HashSet<>()));
                    for (int i = 0; i < perWriter; i++) {
                        for (int c = 0; c < counters.size(); c++) {
                            seen.get(c).add(counters.get(c).fetchInc());
                        }
                    }
                    return seen;
                }));
            }
            List<Set<Long>> a = writers.get(0).get();
            List<Set<Long>> b = writers.get(1).get();
            for (int c = 0; c < counters.size(); c++) {
                Set<Long> all = new HashSet<>(a.get(c));
                all.addAll(b.get(c));
                assertThat(all)
                        .as("every number handed out once at %s", keys.get(c))
                        .hasSize(2 * perWriter);
                assertThat(cluster.nodeOf(keys.get(c)).call("GET", keys.get(c)))
                        .isEqualTo(Long.toString(2 * perWriter));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBatchedReadGroupsKeysBySlot() {
        List<String> keys = keysOnEveryMaster("cluster:load");
        List<RedisAtomic> atomics = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            AtomicInt a = redis.atomic(keys.get(i), 8, AtomicType.INT);
            a.store(i);
            atomics.add((RedisAtomic) a);
        }
        cluster.nodeOf("cluster:hash").call("HSET", "cluster:hash", "f", "1");
        AtomicInt onHash = redis.atomic("cluster:hash", 8, AtomicType.INT);
        AtomicInt gone = redis.atomic(
                "cluster:gone", 8, AtomicType.INT, RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL));
        atomics.add((RedisAtomic) onHash);
        atomics.add((RedisAtomic) gone);
        List<RedisAtomics.Load> loads = redis.loadAll(atomics);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(loads.get(i).failure()).as(keys.get(i)).isNull();
            assertThat(loads.get(i).value()).isEqualTo((long) i);
        }
        assertThat(loads.get(keys.size()).failure()).isInstanceOf(RedisForeignKeyException.class);
        assertThat(loads.get(keys.size() + 1).failure()).isInstanceOf(RedisMissingKeyException.class);
    }

    @Test
    void aWaitCountsTheReplicasOfTheKeysShard() {
        for (String key : keysOnEveryMaster("cluster:wait")) {
            AtomicInt a = redis.atomic(
                    key,
                    8,
                    AtomicType.INT,
                    RedisKeyOptions.defaults().waitFor(new RedisWait(1, Duration.ofMillis(20))));
            assertThatThrownBy(a::inc)
                    .as(key)
                    .isInstanceOf(RedisNotReplicatedException.class)
                    .hasMessageContaining("only 0 of 1");
            assertThat(cluster.nodeOf(key).call("GET", key))
                    .as("applied on the key's master")
                    .isEqualTo("1");
        }
    }
}
