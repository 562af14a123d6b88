package dev.atomics.conformance;

import static dev.atomics.MemoryOrder.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.atomics.AtomicsException;
import dev.atomics.MemoryOrder;
import dev.atomics.MemoryOrderException;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;
import dev.atomics.conformance.Api.Args;
import dev.atomics.conformance.Api.Method;
import dev.atomics.conformance.Target.Subject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The conformance kit: every method of an {@link Api} on every object a {@link Target} builds, compared with the
 * {@link Model}, at every memory order the method accepts; invalid orders and operands refused without touching
 * the value; a seeded random sequence of operations; and a check that the table holds exactly the operations the
 * object says it supports. A backend is done when it passes this kit.
 *
 * <p>Inputs are the edge values of the width and signedness (0, 1, -1, the ends of the range and their
 * neighbours, every single-bit pattern and the alternating ones, every bit offset) plus values from a seeded
 * generator. The seed is fixed, so every run tests the same values; the system property {@value #SEED_PROPERTY}
 * (decimal or {@code 0x} hex) draws others. Every failure names the seed, the object and the inputs.
 */
public final class Conformance {

    public static final String SEED_PROPERTY = "atomics.test.seed";
    public static final long DEFAULT_SEED = 20_250_917L;
    public static final long SEED = seed();
    /** Random values (or pairs of values) per test, on top of the edge values. */
    static final int RANDOM_SAMPLES = 16;
    /** Length of the random sequence of operations run on one object, so that results build on each other. */
    static final int SEQUENCE_STEPS = 400;

    private static final List<MemoryOrder> LOAD_ORDERS = List.of(RELAXED, ACQUIRE, SEQ_CST);
    private static final List<MemoryOrder> STORE_ORDERS = List.of(RELAXED, RELEASE, SEQ_CST);

    private Conformance() {}

    private static long seed() {
        String s = System.getProperty(SEED_PROPERTY);
        return s == null || s.isBlank() ? DEFAULT_SEED : Long.decode(s.trim());
    }

    /** A generator for one test, from the seed and the test's name, so tests do not depend on their order. */
    public static SplittableRandom random(String name) {
        return new SplittableRandom(SEED * 0x9E37_79B9_7F4A_7C15L + name.hashCode());
    }

    /** Runs {@code body}; a failure is re-thrown with the seed and {@code inputs} in front of its message. */
    public static void reproducibly(Supplier<String> inputs, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "[seed " + SEED + ", rerun with -D" + SEED_PROPERTY + "=" + SEED + "] "
                            + inputs.get() + ": "
                            + (e instanceof AssertionError
                                    ? String.valueOf(e.getMessage()).stripLeading()
                                    : e.toString()),
                    e);
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    /** 0, 1, -1 (all bits set), the ends of the range and their neighbours, and the middle of the bit patterns. */
    public static List<BigInteger> coreEdges(Model m) {
        BigInteger one = BigInteger.ONE;
        BigInteger top = one.shiftLeft(8 * m.width - 1);
        return distinct(
                m,
                List.of(
                        BigInteger.ZERO,
                        one,
                        one.negate(),
                        m.min(),
                        m.min().add(one),
                        m.max(),
                        m.max().subtract(one),
                        top,
                        top.subtract(one)));
    }

    /** The core edges plus every single-bit pattern, the two alternating ones, and (above 8 bytes) carries. */
    public static List<BigInteger> edges(Model m) {
        Set<BigInteger> all = new LinkedHashSet<>(coreEdges(m));
        for (int b = 0; b < 8 * m.width; b++) {
            all.add(m.value(BigInteger.ONE.shiftLeft(b)));
        }
        BigInteger fives = BigInteger.ZERO;
        for (int i = 0; i < m.width; i++) {
            fives = fives.shiftLeft(8).or(BigInteger.valueOf(0x55));
        }
        all.addAll(distinct(m, List.of(fives, fives.shiftLeft(1))));
        if (m.width > 8) {
            BigInteger two64 = BigInteger.ONE.shiftLeft(64);
            all.addAll(distinct(m, List.of(two64, two64.subtract(BigInteger.ONE), two64.add(BigInteger.ONE))));
        }
        return List.copyOf(all);
    }

    public static BigInteger randomValue(Model m, SplittableRandom r) {
        BigInteger bits = BigInteger.ZERO;
        for (int i = 0; i < m.width; i += 8) {
            bits = bits.shiftLeft(64).or(new BigInteger(1, longBytes(r.nextLong())));
        }
        return m.value(bits);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static List<BigInteger> distinct(Model m, List<BigInteger> bits) {
        Set<BigInteger> out = new LinkedHashSet<>();
        for (BigInteger b : bits) {
            out.add(m.value(b));
        }
        return List.copyOf(out);
    }

    private static BigInteger oneBitOff(Model m, BigInteger v, SplittableRandom r) {
        return m.value(v.flipBit(r.nextInt(8 * m.width)));
    }

    /** A value for display: byte arrays in hex, anything else as is (and compared with {@code equals}). */
    public static Object shown(Object v) {
        return v instanceof byte[] b ? "[" + HexFormat.ofDelimiter(" ").formatHex(b) + "]" : v;
    }

    // ---- orders and inputs ---------------------------------------------------------------------------------

    /** The memory order of a call, and for a compare-and-exchange its failure order. */
    public record Orders(MemoryOrder order, MemoryOrder failure) {
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
    public static List<Orders> orders(Op op, boolean valid) {
        List<Orders> out = new ArrayList<>();
        for (MemoryOrder o : MemoryOrder.values()) {
            if (op.shape() == Op.Shape.CMPXCHG) {
                for (MemoryOrder f : MemoryOrder.values()) {
                    if ((LOAD_ORDERS.contains(f) && f.value() <= o.value()) == valid) {
                        out.add(new Orders(o, f));
                    }
                }
            } else {
                boolean ok = op == Op.LOAD || op == Op.BIT_TEST
                        ? LOAD_ORDERS.contains(o)
                        : op != Op.STORE || STORE_ORDERS.contains(o);
                if (ok == valid) {
                    out.add(new Orders(o, null));
                }
            }
        }
        return out;
    }

    /** One input: the value held before, the operands (unused ones are 0) and a bit offset. */
    public record Sample(BigInteger initial, BigInteger operand, BigInteger expected, int bit) {}

    /**
     * The inputs of one test of {@code op}: edge values paired with each other and with random values, plus random
     * pairs; for a compare-and-exchange each pair once expecting the value held and once a value one bit off; for
     * bit operations every offset on several bit patterns.
     */
    static List<Sample> samples(Op op, Model m, SplittableRandom r) {
        List<BigInteger> edges = edges(m);
        BigInteger zero = BigInteger.ZERO;
        List<Sample> out = new ArrayList<>();
        if (op.shape() == Op.Shape.BIT) {
            List<BigInteger> patterns =
                    List.of(zero, BigInteger.ONE.negate(), edges.get(edges.size() - 1), randomValue(m, r));
            for (int bit = 0; bit < 8 * m.width; bit++) {
                for (BigInteger v : distinct(m, patterns)) {
                    out.add(new Sample(v, zero, zero, bit));
                }
            }
            edges.forEach(v -> out.add(new Sample(v, zero, zero, r.nextInt(8 * m.width))));
        } else if (op.takesOperand() || op.shape() == Op.Shape.CMPXCHG) {
            List<BigInteger[]> pairs = new ArrayList<>();
            for (BigInteger a : coreEdges(m)) {
                for (BigInteger b : coreEdges(m)) {
                    pairs.add(new BigInteger[] {a, b});
                }
            }
            for (BigInteger e : edges) {
                pairs.add(new BigInteger[] {e, randomValue(m, r)});
                pairs.add(new BigInteger[] {randomValue(m, r), e});
            }
            for (int i = 0; i < RANDOM_SAMPLES; i++) {
                pairs.add(new BigInteger[] {randomValue(m, r), randomValue(m, r)});
            }
            for (BigInteger[] p : pairs) {
                if (op.shape() != Op.Shape.CMPXCHG) {
                    out.add(new Sample(p[0], p[1], zero, 0));
                } else {
                    out.add(new Sample(p[0], p[1], p[0], 0));
                    out.add(new Sample(p[0], p[1], oneBitOff(m, p[0], r), 0));
                }
            }
        } else {
            edges.forEach(v -> out.add(new Sample(v, zero, zero, 0)));
            for (int i = 0; i < RANDOM_SAMPLES; i++) {
                out.add(new Sample(randomValue(m, r), zero, zero, 0));
            }
        }
        return out;
    }

    /** At most {@code limit} of {@code samples}, spread evenly over the list. */
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

    // ---- the runner ----------------------------------------------------------------------------------------

    /**
     * One container per object: per method one test per valid order (all samples), one that invalid orders are
     * refused and one that invalid operands are; a random sequence of methods; and a check that the table holds
     * exactly the operations the object supports.
     */
    public static <A, X> Stream<DynamicNode> tests(Api<A, X> api, List<? extends Target> targets) {
        return targets.stream()
                .map(t -> dynamicContainer(
                        t.toString(),
                        Stream.concat(
                                Stream.of(
                                        dynamicTest("tests every operation it supports", () -> {
                                            try (Subject s = t.open()) {
                                                assertThat(api.methods().stream()
                                                                .map(Method::op)
                                                                .distinct())
                                                        .containsExactlyInAnyOrderElementsOf(
                                                                s.atomic().opsSupported());
                                            }
                                        }),
                                        dynamicTest(
                                                "random sequence of " + SEQUENCE_STEPS + " operations",
                                                () -> sequence(api, t))),
                                api.methods().stream()
                                        .map(op -> dynamicContainer(op.name(), methodTests(api, t, op))))));
    }

    private static <A, X> Stream<DynamicNode> methodTests(Api<A, X> api, Target t, Method<A, X> method) {
        Op op = method.op();
        Stream<DynamicNode> valid = orders(op, true).stream()
                .map(o -> dynamicTest(method.name() + "(" + o + ")", () -> {
                    String where = t + ", " + method.name() + "(" + o + ")";
                    try (Subject s = t.open()) {
                        A a = api.api().cast(s.atomic());
                        Model m = t.model();
                        for (Sample in : spread(samples(op, m, random(where)), t.samples(o))) {
                            reproducibly(
                                    () -> where + " on " + form(api, m, in.initial()) + describe(api, m, op, in),
                                    () -> {
                                        setState(api, s, a, m, in.initial());
                                        check(api, s, a, m, method, in, o);
                                    });
                        }
                    }
                }));
        List<DynamicNode> refusals = new ArrayList<>();
        List<Orders> invalid = orders(op, false);
        if (!invalid.isEmpty()) {
            refusals.add(dynamicTest(
                    method.name() + " refuses " + invalid,
                    () -> refuses(
                            api,
                            t,
                            method,
                            MemoryOrderException.class,
                            (m, r) -> invalid.stream()
                                    .map(o -> args(
                                            api,
                                            m,
                                            new Sample(
                                                    BigInteger.ZERO,
                                                    randomValue(m, r),
                                                    BigInteger.ZERO,
                                                    r.nextInt(8 * m.width)),
                                            o))
                                    .toList())));
        }
        boolean operands = op.takesOperand() || op.shape() == Op.Shape.CMPXCHG;
        if (op.shape() == Op.Shape.BIT
                || (operands && !api.rejected().apply(t.model()).isEmpty())) {
            refusals.add(dynamicTest(
                    method.name() + " refuses invalid operands",
                    () -> refuses(
                            api, t, method, OperandRangeException.class, (m, r) -> invalidOperands(api, m, op, r))));
        }
        return Stream.concat(valid, refusals.stream());
    }

    private static <A, X> List<Args<X>> invalidOperands(Api<A, X> api, Model m, Op op, SplittableRandom r) {
        MemoryOrder failure = op.shape() == Op.Shape.CMPXCHG ? SEQ_CST : null;
        X ok = api.value().apply(m, randomValue(m, r));
        X held = api.value().apply(m, m.value());
        List<Args<X>> out = new ArrayList<>();
        if (op.shape() == Op.Shape.BIT) {
            for (int bit : new int[] {-1, 8 * m.width, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                out.add(new Args<>(ok, ok, bit, SEQ_CST, failure));
            }
            return out;
        }
        for (X bad : api.rejected().apply(m)) {
            out.add(new Args<>(bad, held, 0, SEQ_CST, failure));
            if (op.shape() == Op.Shape.CMPXCHG) {
                out.add(new Args<>(ok, bad, 0, SEQ_CST, failure));
            }
        }
        return out;
    }

    /** Each call must throw {@code refusal} and leave the value (set at random) as it was. */
    private static <A, X> void refuses(
            Api<A, X> api,
            Target t,
            Method<A, X> method,
            Class<? extends AtomicsException> refusal,
            BiFunction<Model, SplittableRandom, List<Args<X>>> calls) {
        String where = t + ", " + method.name() + " refuses";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = api.api().cast(s.atomic());
            Model m = t.model();
            BigInteger initial = randomValue(m, r);
            m.set(initial);
            for (Args<X> in : calls.apply(m, r)) {
                reproducibly(
                        () -> where + " (" + in.order() + ", " + in.failure() + ", operand "
                                + shown(in.operand()) + ", expected " + shown(in.expected()) + ", bit " + in.bit()
                                + ") on "
                                + form(api, m, initial),
                        () -> {
                            setState(api, s, a, m, initial);
                            assertThatThrownBy(() -> method.call().call(a, in)).isInstanceOf(refusal);
                            checkState(api, s, a, m);
                        });
            }
        }
    }

    private static <A, X> void sequence(Api<A, X> api, Target t) {
        String where = t + ", random sequence";
        SplittableRandom r = random(where);
        try (Subject s = t.open()) {
            A a = api.api().cast(s.atomic());
            Model m = t.model();
            List<BigInteger> edges = edges(m);
            for (int i = 0; i < SEQUENCE_STEPS; i++) {
                Method<A, X> method = api.methods().get(r.nextInt(api.methods().size()));
                List<Orders> valid = orders(method.op(), true);
                Orders o = valid.get(r.nextInt(valid.size()));
                BigInteger operand = r.nextBoolean() ? edges.get(r.nextInt(edges.size())) : randomValue(m, r);
                BigInteger expected = r.nextBoolean() ? m.value() : oneBitOff(m, m.value(), r);
                Sample in = new Sample(m.value(), operand, expected, r.nextInt(8 * m.width));
                int step = i;
                reproducibly(
                        () -> where + ", step " + step + ": " + method.name() + "(" + o + ") on "
                                + form(api, m, in.initial()) + describe(api, m, method.op(), in),
                        () -> check(api, s, a, m, method, in, o));
            }
        }
    }

    private static <A, X> String describe(Api<A, X> api, Model m, Op op, Sample in) {
        if (op.shape() == Op.Shape.BIT) {
            return ", bit " + in.bit();
        }
        if (op.shape() == Op.Shape.CMPXCHG) {
            return ", expected " + form(api, m, in.expected()) + ", desired " + form(api, m, in.operand());
        }
        return op.takesOperand() ? ", operand " + form(api, m, in.operand()) : "";
    }

    /** A value as the API's methods take and return it, for messages. */
    private static <A, X> Object form(Api<A, X> api, Model m, BigInteger value) {
        return shown(api.value().apply(m, value));
    }

    private static <A, X> Args<X> args(Api<A, X> api, Model m, Sample in, Orders o) {
        return new Args<>(
                api.value().apply(m, in.operand()),
                api.value().apply(m, in.expected()),
                in.bit(),
                o.order(),
                o.failure());
    }

    /** Sets the value: through the backdoor where there is one (independent of the library), else by a store. */
    private static <A, X> void setState(Api<A, X> api, Subject s, A a, Model m, BigInteger value) {
        m.set(value);
        if (s.memory() != null) {
            s.memory().put(m.image(m.raw()));
        } else {
            api.store().accept(a, api.value().apply(m, value));
        }
    }

    /** Calls the method and compares its result and the value afterwards with the model. */
    private static <A, X> void check(Api<A, X> api, Subject s, A a, Model m, Method<A, X> method, Sample in, Orders o) {
        Args<X> args = args(api, m, in, o);
        Model.Outcome outcome = m.apply(method.op(), in.operand(), in.expected(), in.bit());
        Object expected = shown(method.result().apply(outcome));
        Object actual = shown(method.call().call(a, args));
        // A weak compare-and-exchange may fail spuriously (C11); like a CAS loop, retry while memory is unchanged.
        for (int retry = 0;
                retry < 100
                        && method.op() == Op.CMPXCHG_WEAK
                        && outcome.exchanged()
                        && !Objects.equals(expected, actual)
                        && shown(api.load().apply(a)).equals(shown(api.value().apply(m, outcome.value())));
                retry++) {
            actual = shown(method.call().call(a, args));
        }
        assertThat(actual).as("result").isEqualTo(expected);
        checkState(api, s, a, m);
    }

    /** The value read back by a load, and the bytes behind the backdoor, match the model. */
    private static <A, X> void checkState(Api<A, X> api, Subject s, A a, Model m) {
        assertThat(shown(api.load().apply(a)))
                .as("value loaded afterwards")
                .isEqualTo(shown(api.value().apply(m, m.value())));
        if (s.memory() != null) {
            assertThat(shown(s.memory().get())).as("bytes in memory afterwards").isEqualTo(shown(m.image(m.raw())));
        }
    }
}
