package dev.atomics;

import dev.atomics.ModelTestSupport.Backdoor;
import dev.atomics.ModelTestSupport.Orders;
import dev.atomics.ModelTestSupport.Shape;
import dev.atomics.WideModel.Outcome;
import dev.atomics.testing.Patomic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.atomics.MemoryOrder.SEQ_CST;
import static dev.atomics.ModelTestSupport.*;
import static dev.atomics.OpType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Width 16 against {@link WideModel} (BigInteger arithmetic modulo 2^128), as {@link IntegralOpsModelTest} and
 * {@link BytesOpsModelTest} do for the other widths: every method, signed and unsigned, owning and view, at every
 * memory order it accepts, on edge values (0, ±1, 2^64 ± 1, 2^127 - 1, -2^127, 2^128 - 1, carries and borrows
 * between the halves, every bit) and seeded random ones (the seed property {@code atomics.test.seed}, printed
 * on failure; see {@link ModelTestSupport}); invalid orders and operands are refused without touching memory.
 *
 * <p>Three tables: the {@link Int128} methods of integral objects (also at widths 1 to 8 on the JVM engine, where
 * the interface's defaults serve them), the {@code long} methods that take values at width 16, and bytes
 * objects of width 16. Width-16 objects need the patomic library and a CPU with a 16-byte compare-and-swap:
 * where either is missing (the run without native libraries) those tests are skipped, after checking that the
 * refusal says why.
 */
class Width16ModelTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    /** Samples per test of the Int128 methods at widths 1 to 8: the interface's defaults, already model-tested below them. */
    private static final int NARROW_SAMPLES = 48;

    // ---- the tables of methods -----------------------------------------------------------------------------

    /** One method of the API, the model operation it must match, and what it must return given the outcome. */
    record Op<A, X>(String name, OpType type, BiFunction<A, Args<X>, Object> call, Function<Outcome, Object> result) {
    }

    record Args<X>(X operand, X expected, int bit, Orders orders) {
        MemoryOrder order() {
            return orders.order();
        }

        MemoryOrder failure() {
            return orders.failure();
        }

        String describe(Shape shape) {
            return switch (shape) {
                case NONE -> "";
                case OPERAND -> ", operand " + shown(operand);
                case CMPXCHG -> ", expected " + shown(expected) + ", desired " + shown(operand);
                case BIT -> ", bit " + bit;
            };
        }
    }

    static <A, X> Op<A, X> op(String name, OpType type, BiFunction<A, Args<X>, Object> call, Function<Outcome, Object> result) {
        return new Op<>(name, type, call, result);
    }

    static <A, X> Op<A, X> voidOp(String name, OpType type, BiConsumer<A, Args<X>> call) {
        return new Op<>(name, type, (a, in) -> {
            call.accept(a, in);
            return null;
        }, o -> null);
    }

    /**
     * A table of methods.
     *
     * @param api      the interface the objects implement
     * @param value    a model value (a BigInteger of the object's range) in the API's form
     * @param operands the values operands are drawn from besides random ones: a subset of the object's range
     * @param random   a random operand
     * @param rejected operands every method that takes one must refuse with {@link OperandRangeException}
     * @param complete whether the table holds every operation the objects support
     */
    record Family<A, X>(String name, Class<A> api, List<Op<A, X>> ops, BiFunction<WideModel, BigInteger, X> value,
                        Function<WideModel, List<BigInteger>> operands, BiFunction<WideModel, SplittableRandom, BigInteger> random,
                        Function<WideModel, List<X>> rejected, BiConsumer<A, X> store, Function<A, Object> load,
                        boolean complete) {
    }

    private static Int128 int128(WideModel m, BigInteger v) {
        return Int128.valueOf(v);
    }

    private static final List<Op<AtomicIntegral, Int128>> INT128_OPS = List.of(
            voidOp("store128", STORE, (a, in) -> a.store128(in.operand(), in.order())),
            op("load128", LOAD, (a, in) -> a.load128(in.order()), o -> Int128.valueOf(o.value())),
            op("exchange128", EXCHANGE, (a, in) -> a.exchange128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("cmpxchgWeak128", CMPXCHG_WEAK, (a, in) -> a.cmpxchgWeak128(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new Int128CmpxchgResult(o.exchanged(), Int128.valueOf(o.value()))),
            op("cmpxchgStrong128", CMPXCHG_STRONG, (a, in) -> a.cmpxchgStrong128(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new Int128CmpxchgResult(o.exchanged(), Int128.valueOf(o.value()))),
            op("compareAndSet128", CMPXCHG_STRONG, (a, in) -> a.compareAndSet128(in.expected(), in.operand(), in.order(), in.failure()),
                    Outcome::exchanged),
            op("compareAndExchange128", CMPXCHG_STRONG,
                    (a, in) -> a.compareAndExchange128(in.expected(), in.operand(), in.order(), in.failure()), o -> Int128.valueOf(o.value())),
            op("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
            op("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
            op("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
            op("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
            voidOp("binOr128", BIN_OR, (a, in) -> a.binOr128(in.operand(), in.order())),
            voidOp("binXor128", BIN_XOR, (a, in) -> a.binXor128(in.operand(), in.order())),
            voidOp("binAnd128", BIN_AND, (a, in) -> a.binAnd128(in.operand(), in.order())),
            voidOp("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
            op("binFetchOr128", BIN_FETCH_OR, (a, in) -> a.binFetchOr128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("binFetchXor128", BIN_FETCH_XOR, (a, in) -> a.binFetchXor128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("binFetchAnd128", BIN_FETCH_AND, (a, in) -> a.binFetchAnd128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("binFetchNot128", BIN_FETCH_NOT, (a, in) -> a.binFetchNot128(in.order()), o -> Int128.valueOf(o.value())),
            voidOp("add128", ADD, (a, in) -> a.add128(in.operand(), in.order())),
            voidOp("sub128", SUB, (a, in) -> a.sub128(in.operand(), in.order())),
            voidOp("inc", INC, (a, in) -> a.inc(in.order())),
            voidOp("dec", DEC, (a, in) -> a.dec(in.order())),
            voidOp("neg", NEG, (a, in) -> a.neg(in.order())),
            op("fetchAdd128", FETCH_ADD, (a, in) -> a.fetchAdd128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("fetchSub128", FETCH_SUB, (a, in) -> a.fetchSub128(in.operand(), in.order()), o -> Int128.valueOf(o.value())),
            op("fetchInc128", FETCH_INC, (a, in) -> a.fetchInc128(in.order()), o -> Int128.valueOf(o.value())),
            op("fetchDec128", FETCH_DEC, (a, in) -> a.fetchDec128(in.order()), o -> Int128.valueOf(o.value())),
            op("fetchNeg128", FETCH_NEG, (a, in) -> a.fetchNeg128(in.order()), o -> Int128.valueOf(o.value())));

    /** The Int128 methods: at width 16 every Int128 is a valid operand; below, only values of the range are. */
    static final Family<AtomicIntegral, Int128> INT128 = new Family<>("int128", AtomicIntegral.class, INT128_OPS,
            Width16ModelTest::int128, Width16ModelTest::valueEdges, Width16ModelTest::randomValue,
            m -> outOfRange(m).stream().map(Int128::valueOf).toList(), AtomicIntegral::store128, AtomicIntegral::load128, true);

    /** At width 16, the long methods that take values and return none (or a boolean): operands are long values. */
    private static final List<Op<AtomicIntegral, Long>> LONG_OPS = List.of(
            voidOp("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
            op("compareAndSet", CMPXCHG_STRONG, (a, in) -> a.compareAndSet(in.expected(), in.operand(), in.order(), in.failure()),
                    Outcome::exchanged),
            voidOp("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
            voidOp("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
            voidOp("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
            voidOp("add", ADD, (a, in) -> a.add(in.operand(), in.order())),
            voidOp("sub", SUB, (a, in) -> a.sub(in.operand(), in.order())));

    static final Family<AtomicIntegral, Long> LONG = new Family<>("long", AtomicIntegral.class, LONG_OPS,
            (m, v) -> v.longValueExact(), Width16ModelTest::longEdges, Width16ModelTest::randomLong,
            m -> m.signed ? List.of() : List.of(-1L, Long.MIN_VALUE, -2L), AtomicIntegral::store, AtomicIntegral::load128, false);

    private static final List<Op<AtomicBytes, byte[]>> BYTES_OPS = List.of(
            voidOp("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
            op("load", LOAD, (a, in) -> a.load(in.order()), Outcome::bytes),
            op("exchange", EXCHANGE, (a, in) -> a.exchange(in.operand(), in.order()), Outcome::bytes),
            op("cmpxchgWeak", CMPXCHG_WEAK, (a, in) -> a.cmpxchgWeak(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new BytesCmpxchgResult(o.exchanged(), o.bytes())),
            op("cmpxchgStrong", CMPXCHG_STRONG, (a, in) -> a.cmpxchgStrong(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new BytesCmpxchgResult(o.exchanged(), o.bytes())),
            op("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
            op("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
            op("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
            op("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
            voidOp("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
            voidOp("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
            voidOp("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
            voidOp("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
            op("binFetchOr", BIN_FETCH_OR, (a, in) -> a.binFetchOr(in.operand(), in.order()), Outcome::bytes),
            op("binFetchXor", BIN_FETCH_XOR, (a, in) -> a.binFetchXor(in.operand(), in.order()), Outcome::bytes),
            op("binFetchAnd", BIN_FETCH_AND, (a, in) -> a.binFetchAnd(in.operand(), in.order()), Outcome::bytes),
            op("binFetchNot", BIN_FETCH_NOT, (a, in) -> a.binFetchNot(in.order()), Outcome::bytes));

    static final Family<AtomicBytes, byte[]> BYTES = new Family<>("bytes", AtomicBytes.class, BYTES_OPS,
            WideModel::image, Width16ModelTest::valueEdges, Width16ModelTest::randomValue,
            m -> IntStream.of(0, 8, 15, 17, 32).mapToObj(byte[]::new).toList(), AtomicBytes::store, AtomicBytes::load, true);

    // ---- values --------------------------------------------------------------------------------------------

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /** 0, ±1, the ends of the range and their neighbours, the middle, and at width 16 the boundaries of the halves. */
    static List<BigInteger> coreEdges(WideModel m) {
        Set<BigInteger> out = new LinkedHashSet<>();
        BigInteger top = BigInteger.ONE.shiftLeft(m.bits - 1);
        for (BigInteger b : List.of(BigInteger.ZERO, BigInteger.ONE, big(-1), m.min(), m.min().add(BigInteger.ONE), m.max(),
                m.max().subtract(BigInteger.ONE), top, top.subtract(BigInteger.ONE))) {
            out.add(m.value(b));
        }
        if (m.width == 16) {
            for (BigInteger b : List.of(TWO_64.subtract(BigInteger.ONE), TWO_64, TWO_64.add(BigInteger.ONE), big(Long.MAX_VALUE),
                    big(Long.MIN_VALUE), TWO_64.negate())) {
                out.add(m.value(b));
            }
        }
        return List.copyOf(out);
    }

    /** The core edges, single bits (each byte's lowest and highest, both around the halves' boundary) and the alternating patterns. */
    static List<BigInteger> valueEdges(WideModel m) {
        Set<BigInteger> out = new LinkedHashSet<>(coreEdges(m));
        for (int b = 0; b < m.bits; b++) {
            if (b % 8 == 0 || b % 8 == 7 || (b >= 62 && b <= 65)) {
                out.add(m.value(BigInteger.ONE.shiftLeft(b)));
            }
        }
        BigInteger fives = new BigInteger("55".repeat(16), 16);
        out.add(m.value(fives));
        out.add(m.value(fives.shiftLeft(1)));
        return List.copyOf(out);
    }

    /**
     * A random value of the range: half uniform, half near the boundaries of the halves and of the range, where
     * carries and borrows cross (as {@code width16_check.c} draws them).
     */
    static BigInteger randomValue(WideModel m, SplittableRandom r) {
        BigInteger uniform = new BigInteger(1, bytes(r, 16));
        BigInteger near = big(r.nextInt(16));
        BigInteger v = switch (r.nextInt(8)) {
            case 0 -> TWO_64.subtract(BigInteger.ONE).subtract(near);
            case 1 -> TWO_64.add(near);
            case 2 -> near.negate().subtract(BigInteger.ONE);
            case 3 -> uniform.shiftRight(64).shiftLeft(64);
            default -> uniform;
        };
        return m.value(v);
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** What a long operand may hold at width 16: any long when signed, a non-negative one when unsigned. */
    static List<BigInteger> longEdges(WideModel m) {
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, big(2), big(Long.MAX_VALUE),
                big(Long.MAX_VALUE - 1), big(1L << 32), big(0x5555_5555_5555_5555L)));
        if (m.signed) {
            out.addAll(List.of(big(-1), big(-2), big(Long.MIN_VALUE), big(Long.MIN_VALUE + 1), big(0xAAAA_AAAA_AAAA_AAAAL)));
        }
        return out;
    }

    static BigInteger randomLong(WideModel m, SplittableRandom r) {
        long v = r.nextLong();
        return big(m.signed ? v : v >>> 1);
    }

    /**
     * Values just outside (and far outside) the range, for widths below 16 (none at 16: every Int128 is a value
     * there), as Int128 patterns read with the object's signedness (2^128 - 1 is -1 to a signed object).
     */
    static List<BigInteger> outOfRange(WideModel m) {
        if (m.width == 16) {
            return List.of();
        }
        Set<BigInteger> out = new LinkedHashSet<>();
        for (BigInteger c : List.of(m.min().subtract(BigInteger.ONE), m.max().add(BigInteger.ONE), TWO_64,
                BigInteger.ONE.shiftLeft(127).negate(), BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), big(-1))) {
            Int128 x = Int128.valueOf(c);
            BigInteger read = m.signed ? x.toBigInteger() : x.toUnsignedBigInteger();
            if (!m.inRange(read)) {
                out.add(read);
            }
        }
        return List.copyOf(out);
    }

    // ---- objects under test --------------------------------------------------------------------------------

    /** An object to build: owning, or a view on a direct buffer. */
    record Target(int width, AtomicType<?, ?, ?> type, Engine engine, boolean view, int samples) {
        WideModel model() {
            return new WideModel(width, type == AtomicType.INT);
        }

        Subject open() {
            if (!view) {
                return new Subject(Atomics.atomic(width, type, engine), null, null);
            }
            ByteBuffer memory = ByteBuffer.allocateDirect(48).alignedSlice(16).slice(0, width);
            AtomicViewContext<?> context = Atomics.atomicView(memory, type, engine);
            return new Subject(context.open(), Backdoor.of(memory), context);
        }

        @Override
        public String toString() {
            return type.name() + " width " + width + " " + engine.name().toLowerCase(Locale.ROOT) + (view ? " view" : " owned");
        }
    }

    /** Width 16 exists here iff the library loads and has a width-16 table; the test then expects objects of it. */
    static boolean width16() {
        return Patomic.available() && Atomics.nativeInfo().widths().contains(16);
    }

    /** Why there are no width-16 objects here (see {@link #width16IsServedOrRefusedWithAReason}), or {@code null}. */
    static String width16Missing() {
        NativeInfo info = Atomics.nativeInfo();
        if (!info.available()) {
            return "needs the patomic library: " + info.unavailableReason();
        }
        return info.widths().contains(16) ? null : "no width 16 in this library on this CPU: " + info.widths();
    }

    /**
     * Where this library or CPU has no width 16 (or no library loads): creating a 16-byte object of each type, on
     * the default and the patomic engine, must fail with {@link UnsupportedWidthException} or
     * {@link NativeLibraryException} saying why, never give an object that truncates.
     */
    static void assertRefused(List<AtomicType<?, ?, ?>> types) {
        for (AtomicType<?, ?, ?> type : types) {
            for (Engine engine : List.of(Engine.AUTO, Engine.PATOMIC)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> Atomics.atomic(16, type, engine))
                        .as("%s of width 16 on %s (%s)", type.name(), engine, width16Missing())
                        .isInstanceOfAny(UnsupportedWidthException.class, NativeLibraryException.class)
                        .hasMessageContaining("16");
            }
        }
    }

    /** The tests of {@code f} on the width-16 objects of {@code types}, or one test that width 16 is refused. */
    static <A, X> Stream<DynamicNode> wideTests(Family<A, X> f, List<AtomicType<?, ?, ?>> types) {
        String missing = width16Missing();
        if (missing != null) {
            return Stream.of(dynamicTest(f.name() + " at width 16 is refused, saying why", () -> assertRefused(types)));
        }
        return tests(f, wideTargets(types));
    }

    /** The width-16 objects of {@code types}. */
    static List<Target> wideTargets(List<AtomicType<?, ?, ?>> types) {
        List<Target> out = new ArrayList<>();
        for (AtomicType<?, ?, ?> type : types) {
            for (boolean view : new boolean[]{false, true}) {
                out.add(new Target(16, type, Engine.PATOMIC, view, Integer.MAX_VALUE));
            }
        }
        return out;
    }

    /** The Int128 methods at widths 1 to 8: the interface's defaults over the long methods, on the JVM engine. */
    static List<Target> narrowTargets() {
        List<Target> out = new ArrayList<>();
        for (AtomicType<?, ?, ?> type : List.of(AtomicType.INT, AtomicType.UINT)) {
            for (int width : new int[]{1, 2, 4, 8}) {
                out.add(new Target(width, type, Engine.JVM, false, NARROW_SAMPLES));
            }
        }
        return out;
    }

    // ---- the tests -----------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> int128MethodsMatchTheModelAtWidth16() {
        return wideTests(INT128, List.of(AtomicType.INT, AtomicType.UINT));
    }

    @TestFactory
    Stream<DynamicNode> int128MethodsMatchTheModelAtWidths1To8() {
        return tests(INT128, narrowTargets());
    }

    @TestFactory
    Stream<DynamicNode> longOperandsMatchTheModelAtWidth16() {
        return wideTests(LONG, List.of(AtomicType.INT, AtomicType.UINT));
    }

    @TestFactory
    Stream<DynamicNode> bytesMatchTheModelAtWidth16() {
        return wideTests(BYTES, List.of(AtomicType.BYTES));
    }

    /** Every method that would return a value as a long throws, whatever the value, and touches nothing. */
    @TestFactory
    Stream<DynamicNode> longResultsAreRefusedAtWidth16() {
        List<Function<AtomicIntegral, Object>> calls = List.of(
                AtomicIntegral::load, a -> a.load(MemoryOrder.RELAXED), a -> a.exchange(1), a -> a.cmpxchgWeak(0, 1),
                a -> a.cmpxchgStrong(0, 1), a -> a.compareAndExchange(0, 1), a -> a.binFetchOr(1), a -> a.binFetchXor(1),
                a -> a.binFetchAnd(1), AtomicIntegral::binFetchNot, a -> a.fetchAdd(1), a -> a.fetchSub(1),
                AtomicIntegral::fetchInc, AtomicIntegral::fetchDec, AtomicIntegral::fetchNeg);
        String missing = width16Missing();
        if (missing != null) {
            return Stream.of(dynamicTest("long results at width 16: width 16 is refused, saying why",
                    () -> assertRefused(List.of(AtomicType.INT, AtomicType.UINT))));
        }
        return wideTargets(List.of(AtomicType.INT, AtomicType.UINT)).stream().map(t -> dynamicTest(t.toString(), () -> {
            SplittableRandom r = random(t + " long results");
            try (Subject s = t.open()) {
                AtomicIntegral a = (AtomicIntegral) s.atomic();
                WideModel m = t.model();
                for (BigInteger v : List.of(BigInteger.ZERO, BigInteger.ONE, randomValue(m, r), m.max())) {
                    for (int i = 0; i < calls.size(); i++) {
                        int call = i;
                        reproducibly(() -> t + ", long-valued method #" + call + " on " + v, () -> {
                            m.set(v);
                            a.store128(Int128.valueOf(v));
                            assertThatThrownBy(() -> calls.get(call).apply(a)).isInstanceOf(WideValueException.class)
                                    .isInstanceOf(UnsupportedOpException.class).hasMessageContaining("128");
                            assertThat(a.load128()).isEqualTo(Int128.valueOf(m.value()));
                        });
                    }
                }
            }
        }));
    }

    /**
     * Width 16 is patomic's, where the library has a width-16 table (the bundled one: where the CPU has a 16-byte
     * compare-and-swap); elsewhere every engine refuses it with {@link UnsupportedWidthException} saying why.
     */
    @Test
    void width16IsServedOrRefusedWithAReason() {
        assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT, Engine.JVM)).isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("not 16").hasMessageContaining("16-byte compare-and-swap");
        if (width16()) {
            for (AtomicType<?, ?, ?> type : List.of(AtomicType.INT, AtomicType.UINT, AtomicType.BYTES, AtomicType.ANY)) {
                Atomic a = Atomics.atomic(16, type);
                assertThat(a.engine()).as("auto picks patomic for %s", type).isEqualTo(Engine.PATOMIC);
                assertThat(a.width()).isEqualTo(16);
                assertThat(Atomics.atomic(16, type, Engine.PATOMIC).engine()).isEqualTo(Engine.PATOMIC);
            }
            assertThat(new Alignment(16).recommended()).isEqualTo(16);
        } else if (!Patomic.available()) {
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT)).isInstanceOf(UnsupportedWidthException.class)
                    .hasMessageContaining("width 16").hasMessageContaining("patomic library");
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT, Engine.PATOMIC)).isInstanceOf(NativeLibraryException.class);
        } else {
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT)).isInstanceOf(UnsupportedWidthException.class)
                    .hasMessageContaining("no lock-free 16-byte operations");
        }
    }

    /**
     * Views need 16-byte alignment (checked before any native call: a misaligned cmpxchg16b faults), and a
     * readonly one either reads (where the CPU has an atomic 16-byte read) or is refused, never read by a
     * compare-and-exchange.
     */
    @Test
    void viewsOfWidth16AreAlignedAndReadonlyOnesOnlyRead() {
        Assumptions.assumeTrue(width16Missing() == null, Width16ModelTest::width16Missing);
        ByteBuffer memory = ByteBuffer.allocateDirect(64).alignedSlice(16).order(java.nio.ByteOrder.nativeOrder());
        for (int offset : new int[]{1, 4, 8, 12}) {
            assertThatThrownBy(() -> Atomics.atomicView(memory.slice(offset, 16), AtomicType.UINT))
                    .isInstanceOf(AlignmentException.class).hasMessageContaining("16 bytes");
        }
        memory.putLong(16, -1L).putLong(24, 7L);
        AtomicUintViewContext ctx;
        try {
            ctx = Atomics.atomicView(memory.slice(16, 16).asReadOnlyBuffer(), AtomicType.UINT);
        } catch (UnsupportedWidthException e) {
            assertThat(e).hasMessageContaining("readonly").hasMessageContaining("atomic 16-byte read");
            return;
        }
        try (ctx) {
            AtomicUintView v = ctx.open();
            assertThat(v.readonly()).isTrue();
            assertThat(v.opsSupported()).containsExactly(LOAD, BIT_TEST);
            Int128 expected = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? new Int128(7, -1) : new Int128(-1, 7);
            assertThat(v.load128()).isEqualTo(expected);
            assertThat(v.bitTest(64)).isEqualTo((expected.high() & 1) != 0);
            assertThat(v.toString()).contains("value=" + expected.toUnsignedString()).contains("width=16");
            assertThatThrownBy(() -> v.store128(Int128.ONE)).isInstanceOf(UnsupportedOpException.class).hasMessageContaining("readonly");
            assertThatThrownBy(() -> v.compareAndSet128(expected, Int128.ONE)).isInstanceOf(UnsupportedOpException.class);
            assertThatThrownBy(v::inc).isInstanceOf(UnsupportedOpException.class);
            assertThat(v.load128()).isEqualTo(expected);
        }
    }

    /** A closed view of width 16 refuses every operation, as at the other widths. */
    @Test
    void closedViewsOfWidth16RefuseEverything() {
        Assumptions.assumeTrue(width16Missing() == null, Width16ModelTest::width16Missing);
        ByteBuffer memory = ByteBuffer.allocateDirect(32).alignedSlice(16).slice(0, 16);
        AtomicIntViewContext ctx = Atomics.atomicView(memory, AtomicType.INT);
        AtomicIntView v = ctx.open();
        v.store128(Int128.MIN_VALUE);
        ctx.close();
        assertThatThrownBy(v::load128).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.store(1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::inc).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.bitTest(3)).isInstanceOf(ViewContextException.class);
        assertThat(v.toString()).isEqualTo("AtomicIntView(released)");
        try (AtomicBytesViewContext b = Atomics.atomicView(memory, AtomicType.BYTES)) {
            AtomicBytesView bytes = b.open();
            assertThat(bytes.load()).containsExactly(new WideModel(16, false).image(Int128.MIN_VALUE.toUnsignedBigInteger()));
            b.close();
            assertThatThrownBy(bytes::load).isInstanceOf(ViewContextException.class);
        }
    }

    /** On success the Int128 compare-and-exchanges return the expected object itself, at every width: {@code w != e} is a failure test. */
    @Test
    void successfulInt128CompareAndExchangesReturnTheExpectedObject() {
        List<AtomicIntegral> objects = new ArrayList<>();
        for (int width : new int[]{1, 2, 4, 8}) {
            objects.add(Atomics.atomic(width, AtomicType.INT));
            objects.add(Atomics.atomic(width, AtomicType.UINT));
        }
        if (width16Missing() == null) {
            objects.add(Atomics.atomic(16, AtomicType.INT));
            objects.add(Atomics.atomic(16, AtomicType.UINT));
        }
        for (AtomicIntegral a : objects) {
            Int128 zero = new Int128(0, 0);
            Int128 one = new Int128(0, 1);
            assertThat(a.compareAndExchange128(zero, one)).as("%s", a).isSameAs(zero);
            Int128 w = a.compareAndExchange128(zero, one);
            assertThat(w).as("%s", a).isNotSameAs(zero).isEqualTo(Int128.ONE);
            assertThat(a.cmpxchgStrong128(one, zero).expected()).isSameAs(one);
            assertThat(a.cmpxchgWeak128(zero, one).expected()).isSameAs(zero);
        }
    }

    @Test
    void theModelsBitsAreJavasBigIntegerAndInt128Arithmetic() {
        WideModel u = new WideModel(16, false);
        WideModel s = new WideModel(16, true);
        SplittableRandom r = random("model width 16");
        List<BigInteger> values = new ArrayList<>(valueEdges(u));
        for (int i = 0; i < 200; i++) {
            values.add(randomValue(u, r));
        }
        for (BigInteger a : values) {
            Int128 x = Int128.valueOf(a);
            reproducibly(() -> "value " + a, () -> {
                assertThat(x.toUnsignedBigInteger()).isEqualTo(u.value(a));
                assertThat(x.toBigInteger()).isEqualTo(s.value(a));
                assertThat(x.toUnsignedString()).isEqualTo(u.value(a).toString());
                assertThat(x.toString()).isEqualTo(s.value(a).toString());
                assertThat(Int128.valueOf(s.value(a))).isEqualTo(x);
                assertThat(u.fromImage(u.image(a))).isEqualTo(u.value(a));
                assertThat(x.fitsLong()).isEqualTo(s.value(a).bitLength() < 64);
            });
            BigInteger b = values.get(r.nextInt(values.size()));
            Int128 y = Int128.valueOf(b);
            reproducibly(() -> a + " and " + b, () -> {
                assertThat(x.add(y).toUnsignedBigInteger()).isEqualTo(u.value(a.add(b)));
                assertThat(x.subtract(y).toUnsignedBigInteger()).isEqualTo(u.value(a.subtract(b)));
                assertThat(Integer.signum(x.compareTo(y))).isEqualTo(s.value(a).compareTo(s.value(b)));
                assertThat(Integer.signum(Int128.compareUnsigned(x, y))).isEqualTo(u.value(a).compareTo(u.value(b)));
            });
        }
        assertThatThrownBy(() -> Int128.valueOf(BigInteger.ONE.shiftLeft(128))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Int128.valueOf(BigInteger.ONE.shiftLeft(127).negate().subtract(BigInteger.ONE)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Int128.ALL_ONES.toUnsignedString()).isEqualTo("340282366920938463463374607431768211455");
        assertThat(Int128.MIN_VALUE.toString()).isEqualTo("-170141183460469231731687303715884105728");
        assertThat(Int128.MAX_VALUE.toString()).isEqualTo("170141183460469231731687303715884105727");
        assertThat(Int128.valueOf(-1L)).isEqualTo(Int128.ALL_ONES);
        assertThat(Int128.ofUnsigned(-1L).toUnsignedString()).isEqualTo("18446744073709551615");
        assertThatThrownBy(() -> new Int128(1, 0).longValueExact()).isInstanceOf(ArithmeticException.class);
    }

    // ---- the runner ----------------------------------------------------------------------------------------

    static <A, X> Stream<DynamicNode> tests(Family<A, X> f, List<Target> targets) {
        return targets.stream().map(t -> dynamicContainer(f.name() + " " + t, Stream.concat(
                Stream.of(dynamicTest("tests every operation it supports", () -> {
                            try (Subject s = t.open()) {
                                List<OpType> tested = f.ops().stream().map(Op::type).distinct().toList();
                                if (f.complete()) {
                                    assertThat(tested).containsExactlyInAnyOrderElementsOf(s.atomic().opsSupported());
                                } else {
                                    assertThat(s.atomic().opsSupported()).containsAll(tested);
                                }
                            }
                        }),
                        dynamicTest("random sequence of " + SEQUENCE_STEPS + " operations", () -> sequence(f, t))),
                f.ops().stream().map(op -> dynamicContainer(op.name(), opTests(f, t, op))))));
    }

    private static <A, X> Stream<DynamicNode> opTests(Family<A, X> f, Target t, Op<A, X> op) {
        Shape shape = shape(op.type());
        Stream<DynamicNode> valid = orders(op.type(), true).stream().map(o -> dynamicTest(op.name() + "(" + o + ")", () -> {
            String where = f.name() + " " + t + ", " + op.name() + "(" + o + ")";
            try (Subject s = t.open()) {
                A a = f.api().cast(s.atomic());
                WideModel m = t.model();
                for (Sample in : spread(samples(f, op.type(), m, random(where)), t.samples())) {
                    reproducibly(() -> where + " on " + form(f, m, in.initial()) + args(f, m, in, o).describe(shape), () -> {
                        setState(f, s, a, m, in.initial());
                        check(f, s, a, m, op, in, o);
                    });
                }
            }
        }));
        List<DynamicNode> refusals = new ArrayList<>();
        List<Orders> invalid = orders(op.type(), false);
        if (!invalid.isEmpty()) {
            refusals.add(dynamicTest(op.name() + " refuses " + invalid, () -> refuses(f, t, op, MemoryOrderException.class,
                    (m, r) -> invalid.stream().map(o -> args(f, m, new Sample(BigInteger.ZERO, f.random().apply(m, r), BigInteger.ZERO,
                            r.nextInt(m.bits)), o)).toList())));
        }
        if (shape == Shape.BIT || (shape != Shape.NONE && !f.rejected().apply(t.model()).isEmpty())) {
            refusals.add(dynamicTest(op.name() + " refuses invalid operands", () -> refuses(f, t, op, OperandRangeException.class,
                    (m, r) -> invalidOperands(f, m, shape, r))));
        }
        return Stream.concat(valid, refusals.stream());
    }

    /** One input: the value held before, and the operands (as values of the model; unused ones are 0). */
    record Sample(BigInteger initial, BigInteger operand, BigInteger expected, int bit) {
    }

    /**
     * The inputs of one test: core edges paired with each other, edges with random values, random pairs; for a
     * compare-and-exchange each pair once expecting the value held (where an operand can express it) and once a
     * value one bit off; for bit operations every offset on several patterns.
     */
    static <A, X> List<Sample> samples(Family<A, X> f, OpType op, WideModel m, SplittableRandom r) {
        List<BigInteger> states = valueEdges(m);
        List<BigInteger> operands = f.operands().apply(m);
        List<Sample> out = new ArrayList<>();
        switch (shape(op)) {
            case NONE -> {
                states.forEach(v -> out.add(new Sample(v, BigInteger.ZERO, BigInteger.ZERO, 0)));
                for (int i = 0; i < RANDOM_SAMPLES; i++) {
                    out.add(new Sample(randomValue(m, r), BigInteger.ZERO, BigInteger.ZERO, 0));
                }
            }
            case BIT -> {
                for (int bit = 0; bit < m.bits; bit++) {
                    for (BigInteger v : List.of(BigInteger.ZERO, big(-1), m.value(new BigInteger("55".repeat(16), 16)), randomValue(m, r))) {
                        out.add(new Sample(m.value(v), BigInteger.ZERO, BigInteger.ZERO, bit));
                    }
                }
            }
            case OPERAND, CMPXCHG -> {
                List<BigInteger[]> pairs = new ArrayList<>();
                List<BigInteger> core = coreEdges(m);
                for (BigInteger a : core) {
                    for (BigInteger b : operands) {
                        pairs.add(new BigInteger[]{a, b});
                    }
                }
                for (BigInteger e : states) {
                    pairs.add(new BigInteger[]{e, f.random().apply(m, r)});
                }
                for (BigInteger e : operands) {
                    pairs.add(new BigInteger[]{randomValue(m, r), e});
                }
                for (int i = 0; i < RANDOM_SAMPLES; i++) {
                    pairs.add(new BigInteger[]{randomValue(m, r), f.random().apply(m, r)});
                }
                for (BigInteger[] p : pairs) {
                    if (shape(op) == Shape.OPERAND) {
                        out.add(new Sample(p[0], p[1], BigInteger.ZERO, 0));
                    } else {
                        // an expected value the operands can express: the value held, where they can
                        BigInteger held = expressible(f, m, p[0]) ? p[0] : p[1];
                        out.add(new Sample(p[0], p[1], held, 0));
                        out.add(new Sample(p[0], p[1], oneBitOff(f, m, held, r), 0));
                    }
                }
            }
        }
        return out;
    }

    /** Whether an operand of this family can hold {@code v}. */
    private static <A, X> boolean expressible(Family<A, X> f, WideModel m, BigInteger v) {
        try {
            f.value().apply(m, v);
            return f != (Object) LONG || m.signed || v.signum() >= 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static <A, X> BigInteger oneBitOff(Family<A, X> f, WideModel m, BigInteger v, SplittableRandom r) {
        if (f == (Object) LONG) {
            return v.flipBit(r.nextInt(63)); // stays a long, and non-negative if it was
        }
        return m.value(v.mod(m.modulus).flipBit(r.nextInt(m.bits)));
    }

    private static List<Sample> spread(List<Sample> samples, int limit) {
        if (limit >= samples.size()) {
            return samples;
        }
        List<Sample> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(samples.get((int) ((long) i * samples.size() / limit)));
        }
        return out;
    }

    private static <A, X> List<Args<X>> invalidOperands(Family<A, X> f, WideModel m, Shape shape, SplittableRandom r) {
        Orders sc = new Orders(SEQ_CST, shape == Shape.CMPXCHG ? SEQ_CST : null);
        X ok = f.value().apply(m, f.random().apply(m, r));
        List<Args<X>> out = new ArrayList<>();
        if (shape == Shape.BIT) {
            for (int bit : new int[]{-1, m.bits, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                out.add(new Args<>(ok, ok, bit, sc));
            }
            return out;
        }
        for (X bad : f.rejected().apply(m)) {
            out.add(new Args<>(bad, ok, 0, sc));
            if (shape == Shape.CMPXCHG) {
                out.add(new Args<>(ok, bad, 0, sc));
            }
        }
        return out;
    }

    /** Each call must throw {@code refusal} and leave the value (set at random) as it was. */
    private static <A, X> void refuses(Family<A, X> f, Target t, Op<A, X> op, Class<? extends AtomicsException> refusal,
                                       BiFunction<WideModel, SplittableRandom, List<Args<X>>> calls) {
        String where = f.name() + " " + t + ", " + op.name() + " refuses";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = f.api().cast(s.atomic());
            WideModel m = t.model();
            BigInteger initial = randomValue(m, r);
            for (Args<X> in : calls.apply(m, r)) {
                reproducibly(() -> where + " (" + in.orders() + ") on " + form(f, m, initial) + in.describe(shape(op.type())), () -> {
                    setState(f, s, a, m, initial);
                    assertThatThrownBy(() -> op.call().apply(a, in)).isInstanceOf(refusal);
                    checkState(f, s, a, m);
                });
            }
        }
    }

    private static <A, X> void sequence(Family<A, X> f, Target t) {
        String where = f.name() + " " + t + ", random sequence";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = f.api().cast(s.atomic());
            WideModel m = t.model();
            List<BigInteger> operands = f.operands().apply(m);
            for (int i = 0; i < SEQUENCE_STEPS; i++) {
                Op<A, X> op = f.ops().get(r.nextInt(f.ops().size()));
                List<Orders> valid = orders(op.type(), true);
                Orders o = valid.get(r.nextInt(valid.size()));
                BigInteger operand = r.nextBoolean() ? operands.get(r.nextInt(operands.size())) : f.random().apply(m, r);
                BigInteger held = expressible(f, m, m.value()) ? m.value() : operand;
                BigInteger expected = r.nextBoolean() ? held : oneBitOff(f, m, held, r);
                Sample in = new Sample(m.value(), operand, expected, r.nextInt(m.bits));
                int step = i;
                reproducibly(() -> where + ", step " + step + ": " + op.name() + "(" + o + ") on " + form(f, m, in.initial())
                        + args(f, m, in, o).describe(shape(op.type())), () -> check(f, s, a, m, op, in, o));
            }
        }
    }

    private static <A, X> Object form(Family<A, X> f, WideModel m, BigInteger value) {
        return f == (Object) LONG ? value : shown(f == (Object) BYTES ? m.image(value) : Int128.valueOf(value));
    }

    private static <A, X> Args<X> args(Family<A, X> f, WideModel m, Sample in, Orders o) {
        return new Args<>(f.value().apply(m, in.operand()), f.value().apply(m, in.expected()), in.bit(), o);
    }

    /** Sets the value: a view's through its buffer (independent of the library), an owning object's by a store. */
    private static <A, X> void setState(Family<A, X> f, Subject s, A a, WideModel m, BigInteger value) {
        m.set(value);
        if (s.memory() != null) {
            s.memory().put(m.image(m.raw));
        } else if (f == (Object) LONG) {
            ((AtomicIntegral) a).store128(Int128.valueOf(value));
        } else {
            f.store().accept(a, f.value().apply(m, value));
        }
    }

    /** Calls {@code op} and compares its result and the memory afterwards with the model. */
    private static <A, X> void check(Family<A, X> f, Subject s, A a, WideModel m, Op<A, X> op, Sample in, Orders o) {
        Args<X> args = args(f, m, in, o);
        BigInteger before = m.raw;
        Outcome outcome = m.apply(op.type(), in.operand(), in.expected(), in.bit());
        Object expected = shown(op.result().apply(outcome));
        Object actual = shown(op.call().apply(a, args));
        // A weak compare-and-exchange may fail spuriously (C11); like a CAS loop, retry while memory is unchanged.
        for (int retry = 0; retry < 100 && op.type() == CMPXCHG_WEAK && outcome.exchanged()
                && !Objects.equals(expected, actual) && Objects.equals(loaded(f, a, m), m.value(before)); retry++) {
            actual = shown(op.call().apply(a, args));
        }
        assertThat(actual).as("result").isEqualTo(expected);
        checkState(f, s, a, m);
    }

    /** The value the object holds, read through its API, as a model value. */
    private static <A, X> BigInteger loaded(Family<A, X> f, A a, WideModel m) {
        Object v = f.load().apply(a);
        if (v instanceof byte[] b) {
            return m.value(m.fromImage(b));
        }
        Int128 x = (Int128) v;
        return m.signed ? x.toBigInteger() : x.toUnsignedBigInteger();
    }

    /** The value read back by a load, and for a view the bytes in memory, match the model. */
    private static <A, X> void checkState(Family<A, X> f, Subject s, A a, WideModel m) {
        assertThat(loaded(f, a, m)).as("value loaded afterwards").isEqualTo(m.value());
        if (s.memory() != null) {
            assertThat(shown(s.memory().get())).as("bytes in memory afterwards").isEqualTo(shown(m.image(m.raw)));
        }
    }
}
