package dev.atomics;

import dev.atomics.IntegralModel.Outcome;
import dev.atomics.testing.Patomic;
import org.junit.jupiter.api.DynamicNode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.atomics.MemoryOrder.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What {@link IntegralOpsModelTest} and {@link BytesOpsModelTest} share. Each declares a table of API methods
 * ({@link Family}); {@link #tests} turns it into dynamic tests that compare every method with
 * {@link IntegralModel} on every object that can hold the type: widths 1, 2, 4 and 8, each engine that serves
 * the width (probed, not assumed), owning objects and views on a direct buffer, at every memory order the
 * method accepts; and that invalid orders and operands are refused without touching memory.
 *
 * <p>Inputs are the edge values of the width and signedness (0, 1, -1, the ends of the range and their
 * neighbours, every single-bit and the alternating bit patterns, every bit offset) plus values from a seeded
 * random generator. The seed is fixed, so every run tests the same values; the system property
 * {@value #SEED_PROPERTY} (decimal or {@code 0x} hex, e.g. {@code -Datomics.test.seed=123}) draws others. Every
 * failure names the seed, the object and the inputs, so it can be reproduced.
 */
final class ModelTestSupport {

    static final String SEED_PROPERTY = "atomics.test.seed";
    static final long DEFAULT_SEED = 20_250_917L;
    static final long SEED = seed();
    /** Random values (or pairs of values) per dynamic test, on top of the edge values. */
    static final int RANDOM_SAMPLES = 16;
    /** Length of the random sequence of operations run on one object, so that results build on each other. */
    static final int SEQUENCE_STEPS = 400;

    private static final List<MemoryOrder> LOAD_ORDERS = List.of(RELAXED, ACQUIRE, SEQ_CST);
    private static final List<MemoryOrder> STORE_ORDERS = List.of(RELAXED, RELEASE, SEQ_CST);

    private ModelTestSupport() {
    }

    private static long seed() {
        String s = System.getProperty(SEED_PROPERTY);
        return s == null || s.isBlank() ? DEFAULT_SEED : Long.decode(s.trim());
    }

    /** A generator for one test, derived from the seed and the test's name so that tests do not depend on their order. */
    static SplittableRandom random(String name) {
        return new SplittableRandom(SEED * 0x9E37_79B9_7F4A_7C15L + name.hashCode());
    }

    /** Runs {@code body}; a failure is re-thrown with the seed and {@code inputs} in front of its message. */
    static void reproducibly(Supplier<String> inputs, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("[seed " + SEED + ", rerun with -D" + SEED_PROPERTY + "=" + SEED + "] " + inputs.get()
                    + ": " + (e instanceof AssertionError ? String.valueOf(e.getMessage()).stripLeading() : e.toString()), e);
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    /** 0, 1, -1 (all bits set), the ends of the range and their neighbours, and the middle of the bit patterns. */
    static List<Long> coreEdges(IntegralModel m) {
        long top = 1L << (8 * m.width - 1);
        return distinct(m, 0, 1, -1, m.min(), m.min() + 1, m.max(), m.max() - 1, top, top - 1);
    }

    /** The core edges plus every single-bit pattern and the two alternating ones. */
    static List<Long> edges(IntegralModel m) {
        Set<Long> all = new LinkedHashSet<>(coreEdges(m));
        for (int b = 0; b < 8 * m.width; b++) {
            all.add(m.value(1L << b));
        }
        all.addAll(distinct(m, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL));
        return List.copyOf(all);
    }

    /** Operands just outside (and far outside) the range, which must be refused; none at width 8. */
    static List<Long> outOfRange(IntegralModel m) {
        List<Long> out = new ArrayList<>();
        for (long v : new long[]{m.min() - 1, m.max() + 1, -1, m.mask, m.mask + 1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            if (m.value(v) != v && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Bit patterns to check the model itself against Java: each model's edges and out-of-range values, and random ones. */
    static List<Long> modelProbes(String name, IntegralModel... models) {
        List<Long> out = new ArrayList<>();
        for (IntegralModel m : models) {
            out.addAll(edges(m));
            out.addAll(outOfRange(m));
        }
        SplittableRandom r = random(name);
        for (int i = 0; i < RANDOM_SAMPLES; i++) {
            out.add(r.nextLong());
        }
        return out;
    }

    static long randomValue(IntegralModel m, SplittableRandom r) {
        return m.value(r.nextLong());
    }

    private static List<Long> distinct(IntegralModel m, long... bits) {
        Set<Long> out = new LinkedHashSet<>();
        for (long b : bits) {
            out.add(m.value(b));
        }
        return List.copyOf(out);
    }

    /** A value for display: byte arrays in hex, anything else as is (and compared with {@code equals}). */
    static Object shown(Object v) {
        return v instanceof byte[] b ? "[" + HexFormat.ofDelimiter(" ").formatHex(b) + "]" : v;
    }

    // ---- operations, orders and inputs ---------------------------------------------------------------------

    /** What an operation takes besides the object and the orders. */
    enum Shape { NONE, OPERAND, CMPXCHG, BIT }

    static Shape shape(OpType op) {
        return switch (op) {
            case STORE, EXCHANGE, BIN_OR, BIN_XOR, BIN_AND, BIN_FETCH_OR, BIN_FETCH_XOR, BIN_FETCH_AND,
                    ADD, SUB, FETCH_ADD, FETCH_SUB -> Shape.OPERAND;
            case CMPXCHG_WEAK, CMPXCHG_STRONG -> Shape.CMPXCHG;
            case BIT_TEST, BIT_TEST_COMPL, BIT_TEST_SET, BIT_TEST_RESET -> Shape.BIT;
            default -> Shape.NONE;
        };
    }

    /** The memory order of a call, and for a compare-and-exchange its failure order. */
    record Orders(MemoryOrder order, MemoryOrder failure) {
        @Override
        public String toString() {
            return failure == null ? order.toString() : order + ", " + failure;
        }
    }

    /**
     * The orders {@code op} accepts ({@code valid}) or must refuse, written out from C11 rather than taken from
     * {@link MemoryOrder}'s predicates: loads and bit tests take RELAXED, ACQUIRE, SEQ_CST; stores RELAXED,
     * RELEASE, SEQ_CST; other read-modify-writes every order; a compare-and-exchange's failure order is a load
     * order no stronger than its success order.
     */
    static List<Orders> orders(OpType op, boolean valid) {
        List<Orders> out = new ArrayList<>();
        for (MemoryOrder o : MemoryOrder.values()) {
            if (shape(op) == Shape.CMPXCHG) {
                for (MemoryOrder f : MemoryOrder.values()) {
                    if ((LOAD_ORDERS.contains(f) && f.value() <= o.value()) == valid) {
                        out.add(new Orders(o, f));
                    }
                }
            } else {
                boolean ok = op == OpType.LOAD || op == OpType.BIT_TEST ? LOAD_ORDERS.contains(o)
                        : op != OpType.STORE || STORE_ORDERS.contains(o);
                if (ok == valid) {
                    out.add(new Orders(o, null));
                }
            }
        }
        return out;
    }

    /** One input: the value the object holds before, and the operands (as values; unused ones are 0). */
    record Sample(long initial, long operand, long expected, int bit) {
    }

    /**
     * The inputs of one test of {@code op}: edge values paired with each other and with random values, plus
     * random pairs; for a compare-and-exchange each pair once expecting the value held and once a value one
     * bit off; for bit operations every offset on several bit patterns.
     */
    static List<Sample> samples(OpType op, IntegralModel m, SplittableRandom r) {
        List<Long> edges = edges(m);
        List<Sample> out = new ArrayList<>();
        switch (shape(op)) {
            case NONE -> {
                edges.forEach(v -> out.add(new Sample(v, 0, 0, 0)));
                for (int i = 0; i < RANDOM_SAMPLES; i++) {
                    out.add(new Sample(randomValue(m, r), 0, 0, 0));
                }
            }
            case BIT -> {
                for (int bit = 0; bit < 8 * m.width; bit++) {
                    for (long v : distinct(m, 0, -1, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL, r.nextLong())) {
                        out.add(new Sample(v, 0, 0, bit));
                    }
                }
                edges.forEach(v -> out.add(new Sample(v, 0, 0, r.nextInt(8 * m.width))));
            }
            case OPERAND, CMPXCHG -> {
                List<long[]> pairs = new ArrayList<>();
                for (long a : coreEdges(m)) {
                    for (long b : coreEdges(m)) {
                        pairs.add(new long[]{a, b});
                    }
                }
                for (long e : edges) {
                    pairs.add(new long[]{e, randomValue(m, r)});
                    pairs.add(new long[]{randomValue(m, r), e});
                }
                for (int i = 0; i < RANDOM_SAMPLES; i++) {
                    pairs.add(new long[]{randomValue(m, r), randomValue(m, r)});
                }
                for (long[] p : pairs) {
                    if (shape(op) == Shape.OPERAND) {
                        out.add(new Sample(p[0], p[1], 0, 0));
                    } else {
                        out.add(new Sample(p[0], p[1], p[0], 0));
                        out.add(new Sample(p[0], p[1], oneBitOff(m, p[0], r), 0));
                    }
                }
            }
        }
        return out;
    }

    /** At most {@code limit} of {@code samples}, spread evenly over the list (edge values, bit offsets, random ones). */
    static List<Sample> spread(List<Sample> samples, int limit) {
        if (limit >= samples.size()) {
            return samples;
        }
        List<Sample> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(samples.get((int) ((long) i * samples.size() / limit)));
        }
        return out;
    }

    private static long oneBitOff(IntegralModel m, long v, SplittableRandom r) {
        return m.value(v ^ (1L << r.nextInt(8 * m.width)));
    }

    // ---- the table of methods under test -------------------------------------------------------------------

    /** The arguments of one call: operands in the API's form, the bit offset and the orders. */
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

    interface Call<A, X> {
        Object call(A atomic, Args<X> args);
    }

    /**
     * One method of the API, the model operation it must match, and what it must return given the model's
     * outcome ({@code null} for {@code void} methods).
     */
    record Op<A, X>(String name, OpType type, Call<A, X> call, Function<Outcome, Object> result) {
    }

    static <A, X> Op<A, X> op(String name, OpType type, Call<A, X> call, Function<Outcome, Object> result) {
        return new Op<>(name, type, call, result);
    }

    static <A, X> Op<A, X> voidOp(String name, OpType type, BiConsumer<A, Args<X>> call) {
        return new Op<>(name, type, (a, in) -> {
            call.accept(a, in);
            return null;
        }, o -> null);
    }

    /**
     * A family of object types and the table of its methods.
     *
     * @param api      the interface every object of the family implements
     * @param types    the types to build objects of
     * @param value    a model value in the API's form: itself for integral objects, its memory image for bytes
     * @param rejected operands every method that takes one must refuse with {@link OperandRangeException}
     * @param store    a plain store, to set up a state
     * @param load     a plain load, to read the state back
     */
    record Family<A, X>(Class<A> api, List<AtomicType<?, ?, ?>> types, List<Op<A, X>> ops,
                        BiFunction<IntegralModel, Long, X> value, Function<IntegralModel, List<X>> rejected,
                        BiConsumer<A, X> store, Function<A, Object> load) {
    }

    // ---- objects under test --------------------------------------------------------------------------------

    /**
     * What the tests build objects from: {@link Target} for the core's own objects; other implementations of the
     * API (e.g. atomics on a Redis key, in their module's tests) bring their own.
     */
    interface TestTarget {
        /** A model of the objects this target builds, holding zero. */
        IntegralModel model();

        /** A new object under test, holding zero. */
        Subject open();

        /**
         * How many samples a test of one method runs at the orders {@code orders}, spread over all of them: all of
         * them by default. A target whose every order means the same implementation (all operations of a Redis key
         * are sequentially consistent) and whose operations are slow may run fewer, and only a few at the other
         * orders, which still checks that they are accepted.
         */
        default int samples(Orders orders) {
            return Integer.MAX_VALUE;
        }
    }

    /** An object to build: owning, or a view on a direct buffer. */
    record Target(int width, AtomicType<?, ?, ?> type, Engine engine, boolean view) implements TestTarget {
        @Override
        public IntegralModel model() {
            return new IntegralModel(width, type == AtomicType.INT);
        }

        @Override
        public Subject open() {
            if (!view) {
                return new Subject(Atomics.atomic(width, type, engine), null, null);
            }
            ByteBuffer memory = ByteBuffer.allocateDirect(16).alignedSlice(8).slice(0, width);
            AtomicViewContext<?> context = Atomics.atomicView(memory, type, engine);
            return new Subject(context.open(), Backdoor.of(memory), context);
        }

        @Override
        public String toString() {
            return type.name() + " width " + width + " " + engine.name().toLowerCase(Locale.ROOT) + (view ? " view" : " owned");
        }
    }

    /**
     * An object's bytes, written and read around the library (a view's buffer, a Redis key), so that states are
     * set up and checked independently of the code under test.
     */
    interface Backdoor {
        /** Makes the object hold the memory image {@code bytes}. */
        void put(byte[] bytes);

        /** The memory image the object holds. */
        byte[] get();

        static Backdoor of(ByteBuffer memory) {
            return new Backdoor() {
                @Override
                public void put(byte[] bytes) {
                    memory.put(0, bytes);
                }

                @Override
                public byte[] get() {
                    byte[] bytes = new byte[memory.remaining()];
                    memory.get(0, bytes);
                    return bytes;
                }
            };
        }
    }

    /** A built object; for a view also its memory (read directly to check the bytes), and what to close after it. */
    record Subject(Atomic atomic, Backdoor memory, AutoCloseable context) implements AutoCloseable {
        @Override
        public void close() {
            if (context != null) {
                try {
                    context.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + atomic + " failed", e);
                }
            }
        }
    }

    /**
     * Every width and engine that can build objects of {@code types}, owning and view. The engines are probed:
     * the JVM engine must serve 1, 2, 4 and 8, and so must patomic where its library can be loaded (in the run
     * without native libraries it must be unavailable, and only the JVM engine is tested).
     */
    static List<Target> targets(List<AtomicType<?, ?, ?>> types) {
        List<Target> out = new ArrayList<>();
        boolean patomic = Patomic.available();
        for (AtomicType<?, ?, ?> type : types) {
            Map<Engine, List<Integer>> served = new EnumMap<>(Engine.class);
            for (Engine engine : List.of(Engine.PATOMIC, Engine.JVM)) {
                for (int width : new int[]{1, 2, 4, 8}) {
                    try {
                        Atomics.atomic(width, type, engine);
                    } catch (UnsupportedWidthException e) {
                        continue;
                    } catch (NativeLibraryException e) {
                        assertThat(engine).as("only patomic needs the native library: %s", e.getMessage()).isEqualTo(Engine.PATOMIC);
                        assertThat(patomic).as("patomic refused although its library loads: %s", e.getMessage()).isFalse();
                        continue;
                    }
                    served.computeIfAbsent(engine, e -> new ArrayList<>()).add(width);
                    out.add(new Target(width, type, engine, false));
                    out.add(new Target(width, type, engine, true));
                }
            }
            assertThat(served.getOrDefault(Engine.PATOMIC, List.of())).as("widths patomic serves for %s", type)
                    .isEqualTo(patomic ? List.of(1, 2, 4, 8) : List.of());
            assertThat(served.getOrDefault(Engine.JVM, List.of())).as("widths the jvm engine serves for %s", type)
                    .containsExactly(1, 2, 4, 8);
        }
        return out;
    }

    // ---- the runner ----------------------------------------------------------------------------------------

    /**
     * One container per object: per method one test per valid order (all samples), one that invalid orders
     * are refused and one that invalid operands are; a random sequence of methods; and a check that the table
     * holds exactly the operations the object supports.
     */
    static <A, X> Stream<DynamicNode> tests(Family<A, X> f) {
        return tests(f, targets(f.types()));
    }

    /** {@link #tests(Family)} on objects built by other targets. */
    static <A, X> Stream<DynamicNode> tests(Family<A, X> f, List<? extends TestTarget> targets) {
        return targets.stream().map(t -> dynamicContainer(t.toString(), Stream.concat(
                Stream.of(dynamicTest("tests every operation it supports", () -> {
                            try (Subject s = t.open()) {
                                assertThat(f.ops().stream().map(Op::type).distinct())
                                        .containsExactlyInAnyOrderElementsOf(s.atomic().opsSupported());
                            }
                        }),
                        dynamicTest("random sequence of " + SEQUENCE_STEPS + " operations", () -> sequence(f, t))),
                f.ops().stream().map(op -> dynamicContainer(op.name(), opTests(f, t, op))))));
    }

    private static <A, X> Stream<DynamicNode> opTests(Family<A, X> f, TestTarget t, Op<A, X> op) {
        Shape shape = shape(op.type());
        Stream<DynamicNode> valid = orders(op.type(), true).stream().map(o -> dynamicTest(op.name() + "(" + o + ")", () -> {
            String where = t + ", " + op.name() + "(" + o + ")";
            try (Subject s = t.open()) {
                A a = f.api().cast(s.atomic());
                IntegralModel m = t.model();
                for (Sample in : spread(samples(op.type(), m, random(where)), t.samples(o))) {
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
                    (m, r) -> invalid.stream().map(o -> args(f, m, new Sample(0, randomValue(m, r), 0, r.nextInt(8 * m.width)), o)).toList())));
        }
        boolean takesInvalidOperands = shape == Shape.BIT
                || (shape != Shape.NONE && !f.rejected().apply(t.model()).isEmpty()); // no integral is out of range at width 8
        if (takesInvalidOperands) {
            refusals.add(dynamicTest(op.name() + " refuses invalid operands", () -> refuses(f, t, op, OperandRangeException.class,
                    (m, r) -> invalidOperands(f, m, shape, r))));
        }
        return Stream.concat(valid, refusals.stream());
    }

    private static <A, X> List<Args<X>> invalidOperands(Family<A, X> f, IntegralModel m, Shape shape, SplittableRandom r) {
        Orders sc = new Orders(SEQ_CST, shape == Shape.CMPXCHG ? SEQ_CST : null);
        X ok = f.value().apply(m, randomValue(m, r));
        X held = f.value().apply(m, m.value());
        List<Args<X>> out = new ArrayList<>();
        if (shape == Shape.BIT) {
            for (int bit : new int[]{-1, 8 * m.width, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                out.add(new Args<>(ok, ok, bit, sc));
            }
            return out;
        }
        for (X bad : f.rejected().apply(m)) {
            out.add(new Args<>(bad, held, 0, sc));
            if (shape == Shape.CMPXCHG) {
                out.add(new Args<>(ok, bad, 0, sc));
            }
        }
        return out;
    }

    /** Each call must throw {@code refusal} and leave the value (set at random) as it was. */
    private static <A, X> void refuses(Family<A, X> f, TestTarget t, Op<A, X> op, Class<? extends AtomicsException> refusal,
                                       BiFunction<IntegralModel, SplittableRandom, List<Args<X>>> calls) {
        String where = t + ", " + op.name() + " refuses";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = f.api().cast(s.atomic());
            IntegralModel m = t.model();
            long initial = randomValue(m, r);
            m.set(initial);
            for (Args<X> in : calls.apply(m, r)) {
                reproducibly(() -> where + " (" + in.orders() + ") on " + form(f, m, initial) + in.describe(shape(op.type())), () -> {
                    setState(f, s, a, m, initial);
                    assertThatThrownBy(() -> op.call().call(a, in)).isInstanceOf(refusal);
                    checkState(f, s, a, m);
                });
            }
        }
    }

    private static <A, X> void sequence(Family<A, X> f, TestTarget t) {
        String where = t + ", random sequence";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = f.api().cast(s.atomic());
            IntegralModel m = t.model();
            List<Long> edges = edges(m);
            for (int i = 0; i < SEQUENCE_STEPS; i++) {
                Op<A, X> op = f.ops().get(r.nextInt(f.ops().size()));
                List<Orders> valid = orders(op.type(), true);
                Orders o = valid.get(r.nextInt(valid.size()));
                long operand = r.nextBoolean() ? edges.get(r.nextInt(edges.size())) : randomValue(m, r);
                long expected = r.nextBoolean() ? m.value() : oneBitOff(m, m.value(), r);
                Sample in = new Sample(m.value(), operand, expected, r.nextInt(8 * m.width));
                int step = i;
                reproducibly(() -> where + ", step " + step + ": " + op.name() + "(" + o + ") on " + form(f, m, in.initial())
                        + args(f, m, in, o).describe(shape(op.type())), () -> check(f, s, a, m, op, in, o));
            }
        }
    }

    /** A value as the family's methods take and return it, for messages. */
    private static <A, X> Object form(Family<A, X> f, IntegralModel m, long value) {
        return shown(f.value().apply(m, value));
    }

    private static <A, X> Args<X> args(Family<A, X> f, IntegralModel m, Sample in, Orders o) {
        return new Args<>(f.value().apply(m, in.operand()), f.value().apply(m, in.expected()), in.bit(), o);
    }

    /** Sets the value: a view's through its buffer (independent of the library), an owning object's by a store. */
    private static <A, X> void setState(Family<A, X> f, Subject s, A a, IntegralModel m, long value) {
        m.set(value);
        if (s.memory() != null) {
            s.memory().put(m.image(m.raw));
        } else {
            f.store().accept(a, f.value().apply(m, value));
        }
    }

    /** Calls {@code op} and compares its result and the memory afterwards with the model. */
    private static <A, X> void check(Family<A, X> f, Subject s, A a, IntegralModel m, Op<A, X> op, Sample in, Orders o) {
        Args<X> args = args(f, m, in, o);
        Outcome outcome = m.apply(op.type(), in.operand(), in.expected(), in.bit());
        Object expected = shown(op.result().apply(outcome));
        Object actual = shown(op.call().call(a, args));
        // A weak compare-and-exchange may fail spuriously (C11); like a CAS loop, retry while memory is unchanged.
        for (int retry = 0; retry < 100 && op.type() == OpType.CMPXCHG_WEAK && outcome.exchanged()
                && !Objects.equals(expected, actual) && shown(f.load().apply(a)).equals(shown(f.value().apply(m, outcome.value()))); retry++) {
            actual = shown(op.call().call(a, args));
        }
        assertThat(actual).as("result").isEqualTo(expected);
        checkState(f, s, a, m);
    }

    /** The value read back by a load, and for a view the bytes in memory, match the model. */
    private static <A, X> void checkState(Family<A, X> f, Subject s, A a, IntegralModel m) {
        assertThat(shown(f.load().apply(a))).as("value loaded afterwards").isEqualTo(shown(f.value().apply(m, m.value())));
        if (s.memory() != null) {
            assertThat(shown(s.memory().get())).as("bytes in memory afterwards").isEqualTo(shown(m.image(m.raw)));
        }
    }
}
