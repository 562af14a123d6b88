package dev.atomics.redis;

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
import dev.atomics.redis.testing.ConnectionFactories;
import dev.atomics.redis.testing.RedisServer;
import dev.atomics.redis.testing.Resp;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Every method of atomics on Redis keys, at widths 1, 2, 4 and 8, int, uint and bytes, against the same reference
 * model and the same inputs as local atomics (the conformance kit, {@link Conformance}; seed property
 * {@code atomics.test.seed}), on a real redis-server. States are set up
 * and checked through a plain client, in the stored form another Redis client sees (decimal, hex). Memory orders
 * all mean the same on Redis: every order is checked to be accepted (and every invalid one refused), and most inputs
 * run at SEQ_CST.
 */
class RedisConformanceTest {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** A plain client's command: the backdoor that sets up and checks states in the stored form. */
    @FunctionalInterface
    interface Calls {
        String call(String... command);
    }

    // set by connect(), or by a subclass's own (RedisClusterConformanceTest: the same tests on a Redis Cluster)
    static LettuceConnectionFactory factory;
    static RedisAtomics redis;
    static Calls plain;
    static AutoCloseable plainClient;

    @BeforeAll
    static void connect() {
        // the model's memory image is the native byte order; Redis bytes atomics are little-endian everywhere
        assertThat(LITTLE).as("these tests compare with a little-endian model").isTrue();
        RedisServer server = RedisServer.shared();
        factory = ConnectionFactories.lettuce(server, Duration.ofSeconds(10));
        redis = RedisAtomics.create(factory);
        Resp resp = server.client();
        plain = resp::call;
        plainClient = resp;
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        factory.destroy();
        try {
            plainClient.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An atomic on a fresh key, for one test. */
    record RedisTarget(int width, AtomicType<?, ?, ?> type) implements Target {

        @Override
        public Model model() {
            return new Model(width, type == AtomicType.INT);
        }

        @Override
        public Subject open() {
            String key = "model:" + type.name() + width + ":" + KEYS.incrementAndGet();
            Atomic atomic = redis.atomic(key, width, type);
            return new Subject(
                    atomic, new StoredForm(key, model(), type == AtomicType.BYTES), () -> plain.call("DEL", key));
        }

        /**
         * Up to 100 inputs per method at the default order (spread over edge values, bit offsets and random ones:
         * every input costs four round trips of tens of microseconds; the random sequence and RedisAtomicsTest's
         * 64-bit ends add more), three at the others, which must still be accepted.
         */
        @Override
        public int samples(Orders orders) {
            boolean sc = orders.order() == MemoryOrder.SEQ_CST
                    && (orders.failure() == null || orders.failure() == MemoryOrder.SEQ_CST);
            return sc ? 100 : 3;
        }

        @Override
        public String toString() {
            return type.name() + " width " + width + " redis";
        }
    }

    /** The key's value in the form any Redis client sees: decimal for int and uint, hex for bytes. */
    record StoredForm(String key, Model model, boolean bytes) implements Backdoor {

        @Override
        public void put(byte[] image) {
            plain.call("SET", key, stored(image));
        }

        @Override
        public byte[] get() {
            String s = plain.call("GET", key);
            if (s == null) {
                return new byte[model.width]; // a missing key holds zero
            }
            assertThat(s).as("stored form of %s", key).isEqualTo(stored(imageOf(s)));
            return imageOf(s);
        }

        private String stored(byte[] image) {
            if (!bytes) {
                return model.value(model.bits(image)).toString();
            }
            return HexFormat.of().formatHex(image);
        }

        private byte[] imageOf(String stored) {
            if (!bytes) {
                return model.image(new BigInteger(stored));
            }
            return HexFormat.of().parseHex(stored);
        }
    }

    private static List<Target> targets(List<AtomicType<?, ?, ?>> types) {
        List<Target> out = new ArrayList<>();
        for (AtomicType<?, ?, ?> type : types) {
            for (int width : new int[] {1, 2, 4, 8}) {
                out.add(new RedisTarget(width, type));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> everyIntegralMethodMatchesTheModel() {
        return Conformance.tests(Apis.INTEGRAL, targets(List.of(AtomicType.INT, AtomicType.UINT)));
    }

    @TestFactory
    Stream<DynamicNode> everyBytesMethodMatchesTheModel() {
        return Conformance.tests(Apis.BYTES, targets(List.of(AtomicType.BYTES)));
    }
}
