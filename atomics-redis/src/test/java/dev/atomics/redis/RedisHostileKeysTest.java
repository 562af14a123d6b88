package dev.atomics.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.redis.testing.ConnectionFactories;
import dev.atomics.redis.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Keys that are not the atomic's, or no longer exist, on a real server: a key of another Redis type or a string that
 * is no stored form of the atomic is never read as zero and never overwritten (single reads, batched reads, every
 * write, store); a missing key is reported, never silently recreated, unless the policy says so.
 */
class RedisHostileKeysTest {

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

    @BeforeEach
    void key(TestInfo test) {
        key = "hostile:" + test.getDisplayName().replaceAll("[^A-Za-z0-9]", "") + ":" + System.nanoTime();
    }

    /** A foreign key state: how to put it there, what the exception must say the key holds. */
    record Foreign(String name, String[][] commands, String found) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Foreign> FOREIGN = List.of(
            new Foreign("hash", new String[][] {{"HSET", "K", "field", "1"}}, "a hash"),
            new Foreign("list", new String[][] {{"RPUSH", "K", "1", "2"}}, "a list"),
            new Foreign("set", new String[][] {{"SADD", "K", "1"}}, "a set"),
            new Foreign("zset", new String[][] {{"ZADD", "K", "1", "one"}}, "a zset"),
            new Foreign("stream", new String[][] {{"XADD", "K", "*", "f", "1"}}, "a stream"),
            new Foreign("string of wrong length", new String[][] {{"SET", "K", "deadbeef00"}}, "a string of 10 bytes"));

    /** The operations tried on each state, on an int of width 8 and a bytes atomic of width 4. */
    static final List<String> OPS =
            List.of("load", "loadAll", "add", "fetchAdd", "cas", "store", "bitSet", "bitTest", "binOr", "exchange");

    static Stream<Arguments> foreignStates() {
        List<Arguments> out = new ArrayList<>();
        for (Foreign f : FOREIGN) {
            for (String op : OPS) {
                out.add(Arguments.of(f, op));
            }
        }
        return out.stream();
    }

    private void put(Foreign f) {
        for (String[] command : f.commands()) {
            String[] c = command.clone();
            c[1] = key;
            server.call(c);
        }
    }

    /** What the key holds, as a dump: unchanged after a refused operation. */
    private String snapshot() {
        String type = server.call("TYPE", key);
        return type + ":"
                + switch (type) {
                    case "string" -> server.call("GET", key);
                    case "hash" -> server.call("HLEN", key);
                    case "list" -> server.call("LLEN", key);
                    case "set" -> server.call("SCARD", key);
                    case "zset" -> server.call("ZCARD", key);
                    case "stream" -> server.call("XLEN", key);
                    default -> "";
                };
    }

    private static void run(RedisAtomic atomic, String op) {
        if (atomic instanceof AtomicInt a) {
            switch (op) {
                case "load" -> a.load();
                case "loadAll" -> throwFailure(redis.loadAll(List.of((RedisAtomic) a)));
                case "add" -> a.add(1);
                case "fetchAdd" -> a.fetchAdd(5);
                case "cas" -> a.compareAndSet(0, 1);
                case "store" -> a.store(7);
                case "bitSet" -> a.bitSet(3);
                case "bitTest" -> a.bitTest(3);
                case "binOr" -> a.binOr(1);
                case "exchange" -> a.exchange(2);
                default -> throw new IllegalArgumentException(op);
            }
        } else {
            AtomicBytes b = (AtomicBytes) atomic;
            byte[] v = {1, 2, 3, 4};
            switch (op) {
                case "load" -> b.load();
                case "loadAll" -> throwFailure(redis.loadAll(List.of((RedisAtomic) b)));
                case "add", "fetchAdd", "binOr" -> b.binFetchOr(v);
                case "cas" -> b.cmpxchgStrong(new byte[4], v);
                case "store" -> b.store(v);
                case "bitSet" -> b.bitSet(3);
                case "bitTest" -> b.bitTest(3);
                case "exchange" -> b.exchange(v);
                default -> throw new IllegalArgumentException(op);
            }
        }
    }

    private static void throwFailure(List<RedisAtomics.Load> loads) {
        assertThat(loads).hasSize(1);
        if (loads.get(0).failure() != null) {
            throw loads.get(0).failure();
        }
        assertThat(loads.get(0).value()).as("a foreign key read as a value").isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("foreignStates")
    void aForeignKeyIsNeverReadNorOverwritten(Foreign f, String op) {
        put(f);
        String before = snapshot();
        AtomicInt counter = redis.atomic(key, 8, AtomicType.INT);
        AtomicBytes flags = redis.atomic(key, 4, AtomicType.BYTES);
        for (RedisAtomic atomic : List.of((RedisAtomic) counter, (RedisAtomic) flags)) {
            String found = f.name().startsWith("string") ? "a string of 10 bytes" : f.found();
            assertThatThrownBy(() -> run(atomic, op))
                    .as(atomic + " " + op)
                    .isInstanceOf(RedisForeignKeyException.class)
                    .hasMessageContaining("'" + key + "'")
                    .hasMessageContaining("holds " + found)
                    .satisfies(e -> {
                        RedisForeignKeyException r = (RedisForeignKeyException) e;
                        assertThat(r.found()).startsWith(found);
                        assertThat(r.key()).isEqualTo(key);
                        assertThat(r.outcomeUnknown()).isFalse();
                    });
            assertThat(snapshot()).as("the foreign key is untouched").isEqualTo(before);
        }
    }

    @Test
    void aBatchedReadReportsEachKeyOnItsOwn() {
        AtomicInt good = redis.atomic(key + ":good", 8, AtomicType.INT);
        good.store(41);
        server.call("HSET", key + ":hash", "f", "1");
        server.call("SET", key + ":bad", "xyz");
        AtomicInt hash = redis.atomic(key + ":hash", 8, AtomicType.INT);
        AtomicUint bad = redis.atomic(key + ":bad", 2, AtomicType.UINT);
        AtomicInt gone = redis.atomic(
                key + ":gone", 8, AtomicType.INT, RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL));
        List<RedisAtomics.Load> loads =
                redis.loadAll(List.of((RedisAtomic) good, (RedisAtomic) hash, (RedisAtomic) bad, (RedisAtomic) gone));
        assertThat(loads.get(0).value()).isEqualTo(41L);
        assertThat(loads.get(1).failure())
                .isInstanceOf(RedisForeignKeyException.class)
                .hasMessageContaining("a hash");
        assertThat(loads.get(2).failure())
                .isInstanceOf(RedisForeignKeyException.class)
                .hasMessageContaining("a string of 3 bytes");
        assertThat(loads.get(3).failure())
                .isInstanceOf(RedisMissingKeyException.class)
                .hasMessageContaining(key + ":gone");
    }

    // ---- missing keys

    static Stream<String> ops() {
        return OPS.stream();
    }

    @ParameterizedTest(name = "fail: {0}")
    @MethodSource("ops")
    void underFailAMissingKeyIsNeverCreated(String op) {
        AtomicInt counter =
                redis.atomic(key, 8, AtomicType.INT, RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL));
        AtomicBytes flags = redis.atomic(
                key + ":b", 4, AtomicType.BYTES, RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.FAIL));
        for (RedisAtomic atomic : List.of((RedisAtomic) counter, (RedisAtomic) flags)) {
            assertThatThrownBy(() -> run(atomic, op))
                    .as(atomic + " " + op)
                    .isInstanceOf(RedisMissingKeyException.class)
                    .hasMessageContaining("'" + atomic.key() + "'")
                    .satisfies(e -> assertThat(((RedisMissingKeyException) e).outcomeUnknown())
                            .isFalse());
            assertThat(server.call("EXISTS", atomic.key())).isEqualTo("0");
        }
    }

    @ParameterizedTest(name = "create-at-startup: {0}")
    @MethodSource("ops")
    void underCreateAtStartupTheFirstContactCreatesTheKeyThenAVanishedKeyIsReported(String op) {
        List<String> created = new ArrayList<>();
        LettuceConnectionFactory own = ConnectionFactories.lettuce(server, Duration.ofSeconds(5));
        try (RedisAtomics atomics = RedisAtomics.create(own)) {
            atomics.keyListener((atomic, value) -> created.add(atomic.key() + "=" + value));
            AtomicInt counter = atomics.atomic(
                    key, 8, AtomicType.INT, RedisKeyOptions.defaults().initialValue(5));
            assertThat(atomics.ensureKey((RedisAtomic) counter)).isTrue();
            assertThat(server.call("GET", key)).isEqualTo("5");
            assertThat(created).containsExactly(key + "=5");
            assertThat(atomics.ensureKey((RedisAtomic) counter)).as("once only").isFalse();
            assertThat(counter.fetchAdd(1)).isEqualTo(5);
            server.call("DEL", key); // expired, deleted, FLUSHALL, a restart without persistence
            assertThatThrownBy(() -> runOn(atomics, (RedisAtomic) counter, op))
                    .isInstanceOf(RedisMissingKeyException.class);
            assertThat(server.call("EXISTS", key)).as("not recreated").isEqualTo("0");
            assertThat(created).hasSize(1);
        } finally {
            own.destroy();
        }
    }

    private static void runOn(RedisAtomics atomics, RedisAtomic atomic, String op) {
        if (op.equals("loadAll")) {
            throwFailure(atomics.loadAll(List.of(atomic)));
        } else {
            run(atomic, op);
        }
    }

    @Test
    void underCreateAtStartupAnExistingKeyIsKeptAndAForeignOneRefused() {
        server.call("SET", key, "42");
        List<String> created = new ArrayList<>();
        redis.keyListener((atomic, value) -> created.add(atomic.key()));
        try {
            AtomicInt counter = redis.atomic(
                    key, 8, AtomicType.INT, RedisKeyOptions.defaults().initialValue(5));
            assertThat(counter.load()).isEqualTo(42);
            assertThat(created).isEmpty();
            server.call("RPUSH", key + ":l", "x");
            AtomicInt onList = redis.atomic(key + ":l", 8, AtomicType.INT);
            assertThatThrownBy(onList::inc).isInstanceOf(RedisForeignKeyException.class);
            assertThat(server.call("TYPE", key + ":l")).isEqualTo("list");
            AtomicBytes flags = redis.atomic(
                    key + ":b", 2, AtomicType.BYTES, RedisKeyOptions.defaults().initialValue(new byte[] {(byte) 0xab, 1
                    }));
            assertThat(flags.load()).containsExactly(0xab, 1);
            assertThat(server.call("GET", key + ":b")).isEqualTo("ab01");
        } finally {
            redis.keyListener(RedisKeyListener.LOG);
        }
    }

    @Test
    void aReadonlyAtomicNeverCreatesItsKey() {
        AtomicInt view = redis.readonlyAtomic(key, 8, AtomicType.INT);
        assertThat(((RedisAtomic) view).onMissing()).isEqualTo(RedisMissingKeyPolicy.FAIL);
        assertThatThrownBy(view::load).isInstanceOf(RedisMissingKeyException.class);
        assertThat(server.call("EXISTS", key)).isEqualTo("0");
    }

    @ParameterizedTest(name = "recreate: {0}")
    @MethodSource("ops")
    void underRecreateAMissingKeyReadsAsZeroAndWritesCreateIt(String op) {
        AtomicInt counter = redis.atomic(
                key, 8, AtomicType.INT, RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.RECREATE));
        if (op.equals("loadAll")) {
            assertThat(redis.loadAll(List.of((RedisAtomic) counter)).get(0).value())
                    .isEqualTo(0L);
        } else {
            run((RedisAtomic) counter, op);
        }
        boolean writes = !op.equals("load") && !op.equals("loadAll") && !op.equals("bitTest");
        assertThat(server.call("EXISTS", key)).isEqualTo(writes ? "1" : "0");
    }

    @Test
    void initialValuesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> redis.atomic(
                        key, 1, AtomicType.INT, RedisKeyOptions.defaults().initialValue(128)))
                .isInstanceOf(dev.atomics.OperandRangeException.class);
        assertThatThrownBy(() -> redis.atomic(
                        key, 2, AtomicType.BYTES, RedisKeyOptions.defaults().initialValue(new byte[3])))
                .isInstanceOf(dev.atomics.OperandRangeException.class);
    }
}
