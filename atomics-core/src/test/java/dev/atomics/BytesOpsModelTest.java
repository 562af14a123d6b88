package dev.atomics;

import dev.atomics.IntegralModel.Outcome;
import dev.atomics.ModelTestSupport.Family;
import dev.atomics.ModelTestSupport.Op;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.atomics.ModelTestSupport.*;
import static dev.atomics.OpType.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bytes method at every width, on every engine that serves the width, owning and view, with every
 * memory order it accepts, against a model: the bytes are the memory image of a native integer, so the model
 * is {@link IntegralModel} (unsigned) read through {@link IntegralModel#image}. Inputs and the seed property
 * {@code atomics.test.seed} are described in {@link ModelTestSupport}.
 */
class BytesOpsModelTest {

    private static final List<Op<AtomicBytes, byte[]>> OPS = List.of(
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

    /** Arrays of any length but the width are refused. */
    private static List<byte[]> wrongLengths(IntegralModel m) {
        return IntStream.of(0, m.width - 1, m.width + 1, 16).distinct().mapToObj(byte[]::new).toList();
    }

    /** The table of methods, also run by other implementations' model tests (atomics-redis). */
    static final Family<AtomicBytes, byte[]> BYTES = new Family<>(AtomicBytes.class, List.of(AtomicType.BYTES),
            OPS, IntegralModel::image, BytesOpsModelTest::wrongLengths, AtomicBytes::store, AtomicBytes::load);

    @TestFactory
    Stream<DynamicNode> everyMethodMatchesTheModel() {
        return tests(BYTES);
    }

    /** The model's memory image is what a native-order buffer holds, so it is no second guess. */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void theModelsImageIsTheNativeByteOrder(int width) {
        IntegralModel m = new IntegralModel(width, false);
        for (long bits : modelProbes("image width " + width, m)) {
            ByteBuffer b = ByteBuffer.allocate(width).order(ByteOrder.nativeOrder());
            switch (width) {
                case 1 -> b.put(0, (byte) bits);
                case 2 -> b.putShort(0, (short) bits);
                case 4 -> b.putInt(0, (int) bits);
                default -> b.putLong(0, bits);
            }
            reproducibly(() -> "width " + width + ", bits 0x" + Long.toHexString(bits),
                    () -> assertThat(m.image(bits)).containsExactly(b.array()));
        }
    }

    @Test
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

    @Test
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
