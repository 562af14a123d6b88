package dev.atomics;

import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integral operation, at every width, signed and unsigned, on both engines, with every memory order
 * it accepts, against {@link IntegralModel}. Sequences of random operations run on one object, so results
 * depend on each other as in real use; operands are drawn with a bias towards the edges of the range.
 */
class IntegralOpsModelTest {

    record Config(int width, boolean signed, Engine engine) {
        AtomicIntegral create() {
            return signed ? Atomics.atomic(width, AtomicType.INT, engine) : Atomics.atomic(width, AtomicType.UINT, engine);
        }
    }

    record Step(OpType op, long operandBits, long expectedBits, boolean expectCurrent, int bit, int order, int failOrder) {
    }

    @Provide
    Arbitrary<Config> configs() {
        List<Config> all = new ArrayList<>();
        for (int width : new int[]{1, 2, 4, 8}) {
            for (boolean signed : new boolean[]{true, false}) {
                all.add(new Config(width, signed, Engine.PATOMIC));
                if (width >= 4) {
                    all.add(new Config(width, signed, Engine.JVM));
                }
            }
        }
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> bits = Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.of(0L, 1L, -1L, 0x7FL, 0x80L, 0xFFL, 0x7FFFL, 0x8000L, 0xFFFFL, 0x7FFF_FFFFL, 0x8000_0000L,
                        0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(OpType.class), bits, bits, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 2))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 400)
    void everyOperationMatchesTheModel(@ForAll("configs") Config config, @ForAll("steps") List<Step> steps) {
        AtomicIntegral atomic = config.create();
        IntegralModel model = new IntegralModel(config.width(), config.signed());
        for (Step s : steps) {
            apply(atomic, model, s);
            assertThat(atomic.load()).as("after %s on %s", s, config).isEqualTo(model.value());
        }
    }

    private static final MemoryOrder[] ORDERS = MemoryOrder.values();
    private static final MemoryOrder[] LOAD_ORDERS = {MemoryOrder.RELAXED, MemoryOrder.ACQUIRE, MemoryOrder.SEQ_CST};
    private static final MemoryOrder[] STORE_ORDERS = {MemoryOrder.RELAXED, MemoryOrder.RELEASE, MemoryOrder.SEQ_CST};

    static void apply(AtomicIntegral a, IntegralModel m, Step s) {
        long v = m.value(s.operandBits());
        int bit = s.bit() % (8 * m.width);
        MemoryOrder o = ORDERS[s.order()];
        MemoryOrder lo = LOAD_ORDERS[s.failOrder()];
        MemoryOrder so = STORE_ORDERS[s.failOrder()];
        long before = m.value();
        switch (s.op()) {
            case LOAD -> assertThat(a.load(lo)).isEqualTo(before);
            case STORE -> {
                a.store(v, so);
                m.set(v);
            }
            case EXCHANGE -> {
                assertThat(a.exchange(v, o)).isEqualTo(before);
                m.set(v);
            }
            case CMPXCHG_WEAK, CMPXCHG_STRONG -> {
                long expected = s.expectCurrent() ? before : m.value(s.expectedBits());
                MemoryOrder fail = MemoryOrder.failOrderFor(o);
                CmpxchgResult r = s.op() == OpType.CMPXCHG_WEAK ? a.cmpxchgWeak(expected, v, o, fail)
                        : a.cmpxchgStrong(expected, v, o, fail);
                assertThat(r.expected()).isEqualTo(before);
                assertThat(r.success()).isEqualTo(expected == before);
                if (r.success()) {
                    m.set(v);
                }
            }
            case BIT_TEST -> assertThat(a.bitTest(bit, lo)).isEqualTo(m.bit(bit));
            case BIT_TEST_COMPL -> {
                assertThat(a.bitCompl(bit, o)).isEqualTo(m.bit(bit));
                m.set(m.raw ^ (1L << bit));
            }
            case BIT_TEST_SET -> {
                assertThat(a.bitSet(bit, o)).isEqualTo(m.bit(bit));
                m.set(m.raw | (1L << bit));
            }
            case BIT_TEST_RESET -> {
                assertThat(a.bitReset(bit, o)).isEqualTo(m.bit(bit));
                m.set(m.raw & ~(1L << bit));
            }
            case BIN_OR -> {
                a.binOr(v, o);
                m.set(m.raw | v);
            }
            case BIN_XOR -> {
                a.binXor(v, o);
                m.set(m.raw ^ v);
            }
            case BIN_AND -> {
                a.binAnd(v, o);
                m.set(m.raw & v);
            }
            case BIN_NOT -> {
                a.binNot(o);
                m.set(~m.raw);
            }
            case BIN_FETCH_OR -> {
                assertThat(a.binFetchOr(v, o)).isEqualTo(before);
                m.set(m.raw | v);
            }
            case BIN_FETCH_XOR -> {
                assertThat(a.binFetchXor(v, o)).isEqualTo(before);
                m.set(m.raw ^ v);
            }
            case BIN_FETCH_AND -> {
                assertThat(a.binFetchAnd(v, o)).isEqualTo(before);
                m.set(m.raw & v);
            }
            case BIN_FETCH_NOT -> {
                assertThat(a.binFetchNot(o)).isEqualTo(before);
                m.set(~m.raw);
            }
            case ADD -> {
                a.add(v, o);
                m.set(m.raw + v);
            }
            case SUB -> {
                a.sub(v, o);
                m.set(m.raw - v);
            }
            case INC -> {
                a.inc(o);
                m.set(m.raw + 1);
            }
            case DEC -> {
                a.dec(o);
                m.set(m.raw - 1);
            }
            case NEG -> {
                a.neg(o);
                m.set(-m.raw);
            }
            case FETCH_ADD -> {
                assertThat(a.fetchAdd(v, o)).isEqualTo(before);
                m.set(m.raw + v);
            }
            case FETCH_SUB -> {
                assertThat(a.fetchSub(v, o)).isEqualTo(before);
                m.set(m.raw - v);
            }
            case FETCH_INC -> {
                assertThat(a.fetchInc(o)).isEqualTo(before);
                m.set(m.raw + 1);
            }
            case FETCH_DEC -> {
                assertThat(a.fetchDec(o)).isEqualTo(before);
                m.set(m.raw - 1);
            }
            case FETCH_NEG -> {
                assertThat(a.fetchNeg(o)).isEqualTo(before);
                m.set(-m.raw);
            }
        }
    }

    @Property(tries = 200)
    void compareAndSetAndCompareAndExchangeMatchTheModel(@ForAll("configs") Config config, @ForAll long initialBits,
                                                        @ForAll long desiredBits, @ForAll boolean matching) {
        AtomicIntegral a = config.create();
        IntegralModel m = new IntegralModel(config.width(), config.signed());
        long initial = m.value(initialBits);
        long desired = m.value(desiredBits);
        a.store(initial);
        long expected = matching ? initial : m.value(initial + 1);
        assertThat(a.compareAndExchange(expected, desired)).isEqualTo(initial);
        assertThat(a.load()).isEqualTo(matching ? desired : initial);
        a.store(initial);
        assertThat(a.compareAndSet(expected, desired)).isEqualTo(matching);
        assertThat(a.load()).isEqualTo(matching ? desired : initial);
    }

    @Property(tries = 100)
    void bitsAtBothEndsOfEveryWidth(@ForAll("configs") Config config, @ForAll @IntRange(min = 0, max = 1) int end) {
        AtomicIntegral a = config.create();
        int bit = end == 0 ? 0 : 8 * config.width() - 1;
        assertThat(a.bitSet(bit)).isFalse();
        assertThat(a.bitTest(bit)).isTrue();
        long expected = end == 0 ? 1 : (config.signed() ? (config.width() == 8 ? Long.MIN_VALUE : -(1L << bit)) : (1L << bit));
        assertThat(a.load()).isEqualTo(expected);
        assertThat(a.bitCompl(bit)).isTrue();
        assertThat(a.load()).isZero();
        a.bitCompl(bit);
        assertThat(a.bitReset(bit)).isTrue();
        assertThat(a.bitTest(bit)).isFalse();
    }

    @Property(tries = 50)
    void wrapsAroundAtTheEdgesOfTheRange(@ForAll("configs") Config config, @ForAll @Size(max = 1) List<Integer> unused) {
        AtomicIntegral a = config.create();
        IntegralModel m = new IntegralModel(config.width(), config.signed());
        a.store(m.max());
        a.inc();
        assertThat(a.load()).isEqualTo(m.min());
        a.dec();
        assertThat(a.load()).isEqualTo(m.max());
        a.store(m.min());
        assertThat(a.fetchSub(1)).isEqualTo(m.min());
        assertThat(a.load()).isEqualTo(m.max());
        a.store(m.min());
        a.neg();
        assertThat(a.load()).as("negating the minimum wraps to itself").isEqualTo(m.min() == 0 ? 0 : m.min());
    }
}
