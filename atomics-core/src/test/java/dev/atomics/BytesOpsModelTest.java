package dev.atomics;

import net.jqwik.api.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bytes operation at every width on both engines against a model: the bytes are the memory image of
 * a native integer, so the model is {@link IntegralModel} (unsigned) plus the native-order conversion.
 */
class BytesOpsModelTest {

    record Config(int width, Engine engine) {
    }

    record Step(OpType op, long operandBits, long expectedBits, boolean expectCurrent, int bit, int order) {
    }

    private static final List<OpType> BYTES_OPS = List.of(OpType.values()).subList(0, OpType.ADD.ordinal());

    @Provide
    Arbitrary<Config> configs() {
        List<Config> all = new ArrayList<>();
        for (int width : new int[]{1, 2, 4, 8}) {
            all.add(new Config(width, Engine.PATOMIC));
            if (width >= 4) {
                all.add(new Config(width, Engine.JVM));
            }
        }
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> bits = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, 0x80L));
        return Combinators.combine(Arbitraries.of(BYTES_OPS), bits, bits, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 2))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    static byte[] image(long bits, int width) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            b.putLong(0, bits);
            byte[] out = new byte[width];
            b.get(0, out);
            return out;
        }
        b.putLong(0, bits << (64 - 8 * width));
        byte[] out = new byte[width];
        b.get(0, out);
        return out;
    }

    private static final MemoryOrder[] LOAD = {MemoryOrder.RELAXED, MemoryOrder.ACQUIRE, MemoryOrder.SEQ_CST};
    private static final MemoryOrder[] STORE = {MemoryOrder.RELAXED, MemoryOrder.RELEASE, MemoryOrder.SEQ_CST};
    private static final MemoryOrder[] RMW = {MemoryOrder.RELAXED, MemoryOrder.ACQ_REL, MemoryOrder.SEQ_CST};

    @Property(tries = 300)
    void everyOperationMatchesTheModel(@ForAll("configs") Config c, @ForAll("steps") List<Step> steps) {
        int w = c.width();
        AtomicBytes a = Atomics.atomic(w, AtomicType.BYTES, c.engine());
        IntegralModel m = new IntegralModel(w, false);
        for (Step s : steps) {
            long v = m.value(s.operandBits());
            byte[] operand = image(v, w);
            byte[] before = image(m.raw, w);
            int bit = s.bit() % (8 * w);
            MemoryOrder o = RMW[s.order()];
            switch (s.op()) {
                case LOAD -> assertThat(a.load(LOAD[s.order()])).isEqualTo(before);
                case STORE -> {
                    a.store(operand, STORE[s.order()]);
                    m.set(v);
                }
                case EXCHANGE -> {
                    assertThat(a.exchange(operand, o)).isEqualTo(before);
                    m.set(v);
                }
                case CMPXCHG_WEAK, CMPXCHG_STRONG -> {
                    long e = s.expectCurrent() ? m.raw : m.value(s.expectedBits());
                    BytesCmpxchgResult r = s.op() == OpType.CMPXCHG_WEAK
                            ? a.cmpxchgWeak(image(e, w), operand, o, MemoryOrder.failOrderFor(o))
                            : a.cmpxchgStrong(image(e, w), operand, o, MemoryOrder.failOrderFor(o));
                    assertThat(r.success()).isEqualTo(e == m.raw);
                    assertThat(r.expected()).isEqualTo(before);
                    if (r.success()) {
                        m.set(v);
                    }
                }
                case BIT_TEST -> assertThat(a.bitTest(bit, LOAD[s.order()])).isEqualTo(m.bit(bit));
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
                    a.binOr(operand, o);
                    m.set(m.raw | v);
                }
                case BIN_XOR -> {
                    a.binXor(operand, o);
                    m.set(m.raw ^ v);
                }
                case BIN_AND -> {
                    a.binAnd(operand, o);
                    m.set(m.raw & v);
                }
                case BIN_NOT -> {
                    a.binNot(o);
                    m.set(~m.raw);
                }
                case BIN_FETCH_OR -> {
                    assertThat(a.binFetchOr(operand, o)).isEqualTo(before);
                    m.set(m.raw | v);
                }
                case BIN_FETCH_XOR -> {
                    assertThat(a.binFetchXor(operand, o)).isEqualTo(before);
                    m.set(m.raw ^ v);
                }
                case BIN_FETCH_AND -> {
                    assertThat(a.binFetchAnd(operand, o)).isEqualTo(before);
                    m.set(m.raw & v);
                }
                case BIN_FETCH_NOT -> {
                    assertThat(a.binFetchNot(o)).isEqualTo(before);
                    m.set(~m.raw);
                }
                default -> throw new AssertionError(s.op());
            }
            assertThat(a.load()).as("after %s on %s", s, c).isEqualTo(image(m.raw, w));
        }
    }

    @Example
    void bytesAreTheMemoryImageOfTheNativeInteger() {
        ByteBuffer buf = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        try (AtomicBytesViewContext ctx = Atomics.atomicView(buf, AtomicType.BYTES)) {
            AtomicBytesView v = ctx.open();
            v.store(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
            for (int i = 0; i < 8; i++) {
                assertThat(buf.get(i)).isEqualTo((byte) (i + 1));
            }
            buf.putLong(0, 1L);
            assertThat(v.bitTest(0)).isTrue();
        }
    }

    @Example
    void arraysAreNeitherRetainedNorShared() {
        AtomicBytes a = Atomics.atomic(4, AtomicType.BYTES);
        byte[] in = {1, 2, 3, 4};
        a.store(in);
        in[0] = 9;
        byte[] out = a.load();
        assertThat(out).containsExactly(1, 2, 3, 4);
        out[1] = 9;
        assertThat(a.load()).containsExactly(1, 2, 3, 4);
    }
}
