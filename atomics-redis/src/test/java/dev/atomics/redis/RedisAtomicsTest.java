package dev.atomics.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Atomics;
import dev.atomics.CmpxchgResult;
import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.UnsupportedOpException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.redis.testing.ConnectionFactories;
import dev.atomics.redis.testing.RedisServer;
import java.lang.reflect.Proxy;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What the model tests do not show: the stored form other clients see and write, exact 64-bit values at the ends of
 * the ranges, values other clients put out of range, readonly atomics, properties, concurrency, batch loads.
 */
class RedisAtomicsTest {

    private static RedisServer server;
    private static LettuceConnectionFactory factory;
    private static RedisAtomics redis;

    private String key;

    @BeforeAll
    static void connect() {
        server = RedisServer.shared();
        factory = ConnectionFactories.lettuce(server, Duration.ofSeconds(5));
        redis = RedisAtomics.create(factory);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        factory.destroy();
    }

    @org.junit.jupiter.api.BeforeEach
    void key(TestInfo test) {
        key = "test:" + test.getTestMethod().orElseThrow().getName() + ":" + System.nanoTime();
    }

    private String get() {
        return server.call("GET", key);
    }

    @Test
    void valuesAreStoredSoThatEveryRedisClientReadsThem() {
        AtomicInt orders = redis.atomic(key, 8, AtomicType.INT);
        assertThat(get()).as("nothing is sent before the first operation").isNull();
        assertThat(orders.load()).isZero();
        assertThat(get())
                .as("the first contact created the key with its initial value")
                .isEqualTo("0");
        orders.store(-42);
        assertThat(get()).isEqualTo("-42");
        AtomicUint big = redis.atomic(key + ":u", 8, AtomicType.UINT);
        big.store(-1L); // the 64-bit pattern of 2^64 - 1
        assertThat(server.call("GET", key + ":u")).isEqualTo("18446744073709551615");
        AtomicBytes flags = redis.atomic(key + ":b", 4, AtomicType.BYTES);
        flags.store(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(server.call("GET", key + ":b")).isEqualTo("deadbeef");
        assertThat(flags.bitTest(0)).as("bit 0 is bit 0 of byte 0 (0xde)").isFalse();
        assertThat(flags.bitTest(1)).isTrue();
        assertThat(flags.bitTest(31)).as("bit 31 is bit 7 of byte 3 (0xef)").isTrue();
        server.call("SET", key + ":b", "DEADBEE0");
        assertThat(flags.load()).as("either case").containsExactly(0xde, 0xad, 0xbe, 0xe0);
    }

    @Test
    void otherClientsIncrbyInteroperatesWhileTheValueStaysInRange() {
        AtomicInt counter = redis.atomic(key, 8, AtomicType.INT);
        server.call("INCRBY", key, "40");
        assertThat(counter.fetchAdd(2)).isEqualTo(40);
        assertThat(server.call("INCR", key)).isEqualTo("43");
        counter.inc();
        assertThat(server.call("DECRBY", key, "44")).isEqualTo("0");
        assertThat(counter.load()).isZero();
    }

    /** Redis scripts compute in doubles; the atomics compute on the exact 64-bit pattern. */
    @Test
    void sixtyFourBitValuesAreExactAtTheEndsOfTheRanges() {
        AtomicInt i = redis.atomic(key, 8, AtomicType.INT);
        i.store(Long.MAX_VALUE - 1);
        assertThat(i.fetchInc()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(get()).isEqualTo("9223372036854775807");
        assertThat(i.fetchInc()).isEqualTo(Long.MAX_VALUE);
        assertThat(get()).as("wraps around like a local atomic").isEqualTo("-9223372036854775808");
        assertThat(i.fetchDec()).isEqualTo(Long.MIN_VALUE);
        assertThat(i.load()).isEqualTo(Long.MAX_VALUE);
        i.store(Long.MIN_VALUE);
        assertThat(i.fetchNeg()).isEqualTo(Long.MIN_VALUE);
        assertThat(i.load()).as("-(-2^63) wraps to itself").isEqualTo(Long.MIN_VALUE);
        i.store(Long.MIN_VALUE + 1);
        i.sub(2);
        assertThat(i.load()).isEqualTo(Long.MAX_VALUE);
        assertThat(i.compareAndExchange(Long.MAX_VALUE, 9_007_199_254_740_993L)).isEqualTo(Long.MAX_VALUE); // 2^53 + 1
        assertThat(get()).as("2^53 + 1 has no double").isEqualTo("9007199254740993");
        assertThat(i.fetchAdd(2)).isEqualTo(9_007_199_254_740_993L);
        assertThat(get()).isEqualTo("9007199254740995");

        AtomicUint u = redis.atomic(key + ":u", 8, AtomicType.UINT);
        u.store(-2L); // 2^64 - 2
        assertThat(u.fetchInc()).isEqualTo(-2L);
        assertThat(server.call("GET", key + ":u")).isEqualTo("18446744073709551615");
        assertThat(u.fetchInc()).isEqualTo(-1L);
        assertThat(server.call("GET", key + ":u")).isEqualTo("0");
        u.dec();
        assertThat(u.load()).isEqualTo(-1L);
        assertThat(u.binFetchXor(1L << 63)).isEqualTo(-1L);
        assertThat(server.call("GET", key + ":u")).isEqualTo("9223372036854775807");
        assertThat(u.fetchAdd(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(server.call("GET", key + ":u"))
                .as("2^63, beyond any Redis integer")
                .isEqualTo("9223372036854775808");
        assertThat(u.bitTest(63)).isTrue();
        assertThat(u.bitReset(63)).isTrue();
        assertThat(u.load()).isZero();
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2, 4})
    void narrowWidthsWrapAroundTheirOwnRange(int width) {
        long max = (1L << (8 * width - 1)) - 1;
        AtomicInt i = redis.atomic(key, width, AtomicType.INT);
        i.store(max);
        i.inc();
        assertThat(get()).isEqualTo(Long.toString(-max - 1));
        AtomicUint u = redis.atomic(key + ":u", width, AtomicType.UINT);
        u.dec();
        assertThat(server.call("GET", key + ":u")).isEqualTo(Long.toString((1L << (8 * width)) - 1));
    }

    @Test
    void aValueAnotherClientPutOutOfRangeIsRefusedNeverWrapped() {
        AtomicInt small = redis.atomic(key, 1, AtomicType.INT);
        small.store(127);
        server.call("INCR", key); // 128: not an int of width 1
        assertThatThrownBy(small::load)
                .isInstanceOf(RedisValueException.class)
                .hasMessageContaining("\"128\" is not an int of width 1")
                .satisfies(e ->
                        assertThat(((RedisValueException) e).outcomeUnknown()).isFalse());
        assertThatThrownBy(small::inc)
                .isInstanceOf(RedisValueException.class)
                .hasMessageContaining("not an int of width 1");
        assertThatThrownBy(() -> small.cmpxchgStrong(127, 0)).isInstanceOf(RedisValueException.class);
        assertThatThrownBy(() -> small.bitSet(0)).isInstanceOf(RedisValueException.class);
        assertThatThrownBy(() -> small.store(5))
                .as("a store never overwrites what it cannot read")
                .isInstanceOf(RedisValueException.class);
        assertThat(get()).as("nothing was written").isEqualTo("128");
        server.call("SET", key, "5"); // the operator's repair
        assertThat(small.load()).isEqualTo(5);

        AtomicUint unsigned = redis.atomic(key + ":u", 8, AtomicType.UINT);
        server.call("DECR", key + ":u"); // -1
        assertThatThrownBy(unsigned::fetchInc)
                .isInstanceOf(RedisValueException.class)
                .hasMessageContaining("not a uint of width 8");
        assertThat(server.call("GET", key + ":u")).isEqualTo("-1");
    }

    @Test
    void whatIsNoCanonicalValueOrNoStringIsRefused() {
        AtomicInt counter = redis.atomic(key, 8, AtomicType.INT);
        for (String stored : List.of("abc", "", "007", "-0", "+1", "1.0", " 1")) {
            server.call("SET", key, stored);
            assertThatThrownBy(counter::load).as(stored).isInstanceOf(RedisForeignKeyException.class);
            assertThatThrownBy(counter::inc).as(stored).isInstanceOf(RedisForeignKeyException.class);
            assertThat(get()).isEqualTo(stored);
        }
        for (String stored : List.of("99999999999999999999", "9223372036854775808")) {
            server.call("SET", key, stored);
            assertThatThrownBy(counter::load)
                    .as(stored)
                    .isInstanceOf(RedisValueException.class)
                    .isNotInstanceOf(RedisForeignKeyException.class);
            assertThatThrownBy(counter::inc).as(stored).isInstanceOf(RedisValueException.class);
            assertThat(get()).isEqualTo(stored);
        }
        AtomicBytes bytes = redis.atomic(key + ":b", 2, AtomicType.BYTES);
        for (String stored : List.of("abc", "abcdef", "xyzw", "0x12")) {
            server.call("SET", key + ":b", stored);
            assertThatThrownBy(bytes::load).as(stored).isInstanceOf(RedisValueException.class);
            assertThatThrownBy(bytes::binNot).as(stored).isInstanceOf(RedisValueException.class);
        }
        server.call("DEL", key);
        server.call("HSET", key, "field", "1");
        assertThatThrownBy(counter::load)
                .isInstanceOf(RedisForeignKeyException.class)
                .hasMessageContaining("holds a hash");
        assertThatThrownBy(counter::inc)
                .isInstanceOf(RedisForeignKeyException.class)
                .hasMessageContaining("holds a hash");
    }

    @Test
    void writesKeepTheKeysTimeToLive() {
        AtomicInt counter = redis.atomic(key, 8, AtomicType.INT);
        counter.inc();
        server.call("EXPIRE", key, "1000");
        counter.inc();
        counter.store(7);
        counter.bitSet(4);
        assertThat(Long.parseLong(server.call("TTL", key))).isPositive();
    }

    @Test
    void scriptsAreSentAgainWhenTheServerForgotThem() {
        AtomicInt counter = redis.atomic(key, 8, AtomicType.INT);
        counter.inc();
        server.call("SCRIPT", "FLUSH");
        assertThat(counter.fetchInc()).isEqualTo(1);
        assertThat(counter.fetchInc()).isEqualTo(2);
    }

    @Test
    void readonlyAtomicsOnlyLoadAndTestBits() {
        AtomicInt writer = redis.atomic(key, 4, AtomicType.INT);
        AtomicInt reader = redis.readonlyAtomic(key, 4, AtomicType.INT);
        writer.store(6);
        assertThat(reader.readonly()).isTrue();
        assertThat(reader.opsSupported()).containsExactly(Op.LOAD, Op.BIT_TEST);
        assertThat(reader.load()).isEqualTo(6);
        assertThat(reader.bitTest(1)).isTrue();
        assertThatThrownBy(reader::inc)
                .isInstanceOf(UnsupportedOpException.class)
                .hasMessageContaining("readonly");
        assertThatThrownBy(() -> reader.store(1)).isInstanceOf(UnsupportedOpException.class);
        assertThatThrownBy(() -> reader.cmpxchgStrong(6, 1)).isInstanceOf(UnsupportedOpException.class);
        AtomicBytes bytes = redis.readonlyAtomic(key + ":b", 2, AtomicType.BYTES);
        assertThatThrownBy(() -> bytes.binOr(new byte[2])).isInstanceOf(UnsupportedOpException.class);
        assertThat(get()).isEqualTo("6");
    }

    @Test
    void propertiesAreThoseOfLocalAtomicsWithTheRedisEngine() {
        AtomicInt i = redis.atomic(key, 8, AtomicType.INT);
        AtomicUint u = redis.atomic(key, 2, AtomicType.UINT);
        AtomicBytes b = redis.atomic(key, 4, AtomicType.BYTES);
        assertThat(i.engine()).isEqualTo(Engine.REDIS);
        assertThat(i.signed()).isTrue();
        assertThat(u.signed()).isFalse();
        assertThat(u.width()).isEqualTo(2);
        assertThat(i.opsSupported()).isEqualTo(Atomics.atomic(8, AtomicType.INT).opsSupported());
        assertThat(b.opsSupported())
                .isEqualTo(Atomics.atomic(4, AtomicType.BYTES).opsSupported());
        assertThat(((RedisAtomic) i).key()).isEqualTo(key);
        assertThat(((RedisAtomic) i).server()).isEqualTo(server.host() + ":" + server.port());
        assertThat(i.toString())
                .isEqualTo("AtomicInt(key=" + key + ", server=" + server.host() + ":" + server.port()
                        + ", width=8, readonly=false, signed=true, engine=redis)");
        assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void whatCannotBeAnAtomicIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> redis.atomic(key, 3, AtomicType.INT)).isInstanceOf(UnsupportedWidthException.class);
        assertThatThrownBy(() -> redis.atomic(key, 16, AtomicType.BYTES)).isInstanceOf(UnsupportedWidthException.class);
        assertThatThrownBy(() -> redis.atomic(key, 8, AtomicType.ANY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> redis.atomic(key, 8, AtomicType.INTEGRAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> redis.atomic("", 8, AtomicType.INT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> redis.atomic(null, 8, AtomicType.INT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        AtomicInt i = redis.atomic(key, 8, AtomicType.INT);
        assertThatThrownBy(() -> i.load(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("memory order");
        assertThatThrownBy(() -> i.cmpxchgStrong(0, 1, MemoryOrder.SEQ_CST, null))
                .isInstanceOf(NullPointerException.class);
        RedisConnectionFactory other = (RedisConnectionFactory) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RedisConnectionFactory.class},
                (proxy, method, args) -> null);
        assertThatThrownBy(() -> RedisAtomics.create(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LettuceConnectionFactory");
        assertThatThrownBy(() -> RedisAtomics.create(factory, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(get()).isNull();
    }

    @Test
    void aCompareAndExchangeAnswersTheValueThatWon() {
        AtomicInt i = redis.atomic(key, 8, AtomicType.INT);
        i.store(3);
        assertThat(i.cmpxchgStrong(4, 9)).isEqualTo(new CmpxchgResult(false, 3));
        assertThat(i.cmpxchgWeak(3, 9)).as("a weak one never fails spuriously").isEqualTo(new CmpxchgResult(true, 3));
        assertThat(i.compareAndSet(9, 10)).isTrue();
        assertThat(i.compareAndSet(9, 11)).isFalse();
        assertThat(get()).isEqualTo("10");
    }

    @Test
    void threadsGetUniqueConsecutiveNumbers() throws Exception {
        AtomicInt sequence = redis.atomic(key, 8, AtomicType.INT);
        int threads = 4;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> got = new ArrayList<>();
                    for (int n = 0; n < each; n++) {
                        got.add(sequence.fetchInc());
                    }
                    return got;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * each).allMatch(v -> v >= 0 && v < threads * each);
            assertThat(sequence.load()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loadAllReadsEveryAtomicInOneRoundTripEachOnItsOwn() {
        AtomicInt a = redis.atomic(key + ":a", 8, AtomicType.INT);
        AtomicUint b = redis.atomic(key + ":b", 1, AtomicType.UINT);
        AtomicBytes c = redis.atomic(key + ":c", 2, AtomicType.BYTES);
        a.store(-5);
        server.call("SET", key + ":b", "256");
        c.store(new byte[] {1, 2});
        List<RedisAtomics.Load> loads =
                redis.loadAll(List.of((RedisAtomic) a, (RedisAtomic) b, (RedisAtomic) c, (RedisAtomic)
                        redis.atomic(key + ":missing", 4, AtomicType.INT)));
        assertThat(loads.get(0).value()).isEqualTo(-5L);
        assertThat(loads.get(1).failure())
                .isInstanceOf(RedisValueException.class)
                .hasMessageContaining("\"256\"");
        assertThat((byte[]) loads.get(2).value()).containsExactly(1, 2);
        assertThat(loads.get(3).value()).isEqualTo(0L);
        assertThat(redis.loadAll(List.of())).isEmpty();
    }

    /** A static master/replica configuration (Boot's spring.data.redis.masterreplica.nodes) reaches its master. */
    @Test
    void aMasterReplicaConfigurationIsUsedNotTheDefaultServer() {
        LettuceConnectionFactory masterReplica = new LettuceConnectionFactory(
                new RedisStaticMasterReplicaConfiguration(server.host(), server.port()),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(5))
                        .build());
        masterReplica.afterPropertiesSet();
        masterReplica.start();
        try (RedisAtomics atomics = RedisAtomics.create(masterReplica)) {
            assertThat(atomics.server()).isEqualTo("master/replica " + server.host() + ":" + server.port());
            atomics.atomic(key, 8, AtomicType.INT).inc();
            assertThat(get()).isEqualTo("1");
        } finally {
            masterReplica.destroy();
        }
    }

    @Test
    void integralAtomicsAreIntegralAndBytesAreNot() {
        assertThat(redis.atomic(key, 8, AtomicType.UINT))
                .isInstanceOf(AtomicIntegral.class)
                .isInstanceOf(RedisAtomic.class);
        assertThat(redis.atomic(key, 8, AtomicType.BYTES)).isNotInstanceOf(AtomicIntegral.class);
    }
}
