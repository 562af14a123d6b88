package dev.atomics;

import dev.atomics.IntegralModel.Outcome;
import dev.atomics.ModelTestSupport.Family;
import dev.atomics.ModelTestSupport.Op;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.atomics.ModelTestSupport.*;
import static dev.atomics.OpType.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integral method, at every width, signed and unsigned, on every engine that serves the width, owning
 * and view, with every memory order it accepts, against {@link IntegralModel}: edge values and seeded random
 * values (see {@link ModelTestSupport} for the inputs and the seed property {@code atomics.test.seed}).
 */
class IntegralOpsModelTest {

    private static final List<Op<AtomicIntegral, Long>> OPS = List.of(
            voidOp("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
            op("load", LOAD, (a, in) -> a.load(in.order()), Outcome::value),
            op("exchange", EXCHANGE, (a, in) -> a.exchange(in.operand(), in.order()), Outcome::value),
            op("cmpxchgWeak", CMPXCHG_WEAK, (a, in) -> a.cmpxchgWeak(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new CmpxchgResult(o.exchanged(), o.value())),
            op("cmpxchgStrong", CMPXCHG_STRONG, (a, in) -> a.cmpxchgStrong(in.expected(), in.operand(), in.order(), in.failure()),
                    o -> new CmpxchgResult(o.exchanged(), o.value())),
            op("compareAndSet", CMPXCHG_STRONG, (a, in) -> a.compareAndSet(in.expected(), in.operand(), in.order(), in.failure()),
                    Outcome::exchanged),
            op("compareAndExchange", CMPXCHG_STRONG,
                    (a, in) -> a.compareAndExchange(in.expected(), in.operand(), in.order(), in.failure()), Outcome::value),
            op("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
            op("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
            op("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
            op("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
            voidOp("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
            voidOp("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
            voidOp("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
            voidOp("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
            op("binFetchOr", BIN_FETCH_OR, (a, in) -> a.binFetchOr(in.operand(), in.order()), Outcome::value),
            op("binFetchXor", BIN_FETCH_XOR, (a, in) -> a.binFetchXor(in.operand(), in.order()), Outcome::value),
            op("binFetchAnd", BIN_FETCH_AND, (a, in) -> a.binFetchAnd(in.operand(), in.order()), Outcome::value),
            op("binFetchNot", BIN_FETCH_NOT, (a, in) -> a.binFetchNot(in.order()), Outcome::value),
            voidOp("add", ADD, (a, in) -> a.add(in.operand(), in.order())),
            voidOp("sub", SUB, (a, in) -> a.sub(in.operand(), in.order())),
            voidOp("inc", INC, (a, in) -> a.inc(in.order())),
            voidOp("dec", DEC, (a, in) -> a.dec(in.order())),
            voidOp("neg", NEG, (a, in) -> a.neg(in.order())),
            op("fetchAdd", FETCH_ADD, (a, in) -> a.fetchAdd(in.operand(), in.order()), Outcome::value),
            op("fetchSub", FETCH_SUB, (a, in) -> a.fetchSub(in.operand(), in.order()), Outcome::value),
            op("fetchInc", FETCH_INC, (a, in) -> a.fetchInc(in.order()), Outcome::value),
            op("fetchDec", FETCH_DEC, (a, in) -> a.fetchDec(in.order()), Outcome::value),
            op("fetchNeg", FETCH_NEG, (a, in) -> a.fetchNeg(in.order()), Outcome::value));

    /** The table of methods, also run by other implementations' model tests (atomics-redis). */
    static final Family<AtomicIntegral, Long> INTEGRAL = new Family<>(AtomicIntegral.class,
            List.of(AtomicType.INT, AtomicType.UINT), OPS, (m, v) -> v, ModelTestSupport::outOfRange,
            AtomicIntegral::store, AtomicIntegral::load);

    @TestFactory
    Stream<DynamicNode> everyMethodMatchesTheModel() {
        return tests(INTEGRAL);
    }

    /** The model's reading of bits agrees with Java's own fixed-width types, so it is no second guess. */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void theModelReadsBitsAsJavasFixedWidthTypesDo(int width) {
        IntegralModel signed = new IntegralModel(width, true);
        IntegralModel unsigned = new IntegralModel(width, false);
        for (long bits : modelProbes("model width " + width, signed, unsigned)) {
            reproducibly(() -> "width " + width + ", bits 0x" + Long.toHexString(bits), () -> {
                assertThat(signed.value(bits)).isEqualTo(switch (width) {
                    case 1 -> (long) (byte) bits;
                    case 2 -> (long) (short) bits;
                    case 4 -> (long) (int) bits;
                    default -> bits;
                });
                assertThat(unsigned.value(bits)).isEqualTo(switch (width) {
                    case 1 -> (long) Byte.toUnsignedInt((byte) bits);
                    case 2 -> (long) Short.toUnsignedInt((short) bits);
                    case 4 -> Integer.toUnsignedLong((int) bits);
                    default -> bits;
                });
            });
        }
        long[] range = switch (width) {
            case 1 -> new long[]{Byte.MIN_VALUE, Byte.MAX_VALUE, 0xFF};
            case 2 -> new long[]{Short.MIN_VALUE, Short.MAX_VALUE, 0xFFFF};
            case 4 -> new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE, 0xFFFF_FFFFL};
            default -> new long[]{Long.MIN_VALUE, Long.MAX_VALUE, -1L};
        };
        assertThat(new long[]{signed.min(), signed.max(), unsigned.max()}).containsExactly(range);
        assertThat(unsigned.min()).isZero();
    }
}
