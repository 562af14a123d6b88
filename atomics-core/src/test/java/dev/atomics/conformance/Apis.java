package dev.atomics.conformance;

import static dev.atomics.Op.*;
import static dev.atomics.conformance.Api.method;
import static dev.atomics.conformance.Api.voidMethod;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicIntegral128;
import dev.atomics.AtomicType;
import dev.atomics.BytesCmpxchgResult;
import dev.atomics.CmpxchgResult;
import dev.atomics.Int128;
import dev.atomics.Int128CmpxchgResult;
import dev.atomics.conformance.Model.Outcome;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The tables of this library's APIs: every public method, once. */
public final class Apis {

    private Apis() {}

    private static Long asLong(Outcome o) {
        return o.value().longValue();
    }

    private static Int128 asInt128(Outcome o) {
        return int128(o.value());
    }

    static Int128 int128(BigInteger v) {
        return new Int128(v.shiftRight(64).longValue(), v.longValue());
    }

    /** {@link AtomicIntegral}: widths 1 to 8, {@code long} values. */
    public static final Api<AtomicIntegral, Long> INTEGRAL = new Api<>(
            AtomicIntegral.class,
            List.of(AtomicType.INT, AtomicType.UINT),
            List.of(
                    voidMethod("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
                    method("load", LOAD, (a, in) -> a.load(in.order()), Apis::asLong),
                    method("exchange", EXCHANGE, (a, in) -> a.exchange(in.operand(), in.order()), Apis::asLong),
                    method(
                            "cmpxchgWeak",
                            CMPXCHG_WEAK,
                            (a, in) -> a.cmpxchgWeak(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new CmpxchgResult(o.exchanged(), asLong(o))),
                    method(
                            "cmpxchgStrong",
                            CMPXCHG_STRONG,
                            (a, in) -> a.cmpxchgStrong(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new CmpxchgResult(o.exchanged(), asLong(o))),
                    method(
                            "compareAndSet",
                            CMPXCHG_STRONG,
                            (a, in) -> a.compareAndSet(in.expected(), in.operand(), in.order(), in.failure()),
                            Outcome::exchanged),
                    method(
                            "compareAndExchange",
                            CMPXCHG_STRONG,
                            (a, in) -> a.compareAndExchange(in.expected(), in.operand(), in.order(), in.failure()),
                            Apis::asLong),
                    method("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
                    method("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
                    method("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
                    method("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
                    voidMethod("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
                    voidMethod("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
                    voidMethod("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
                    voidMethod("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
                    method("binFetchOr", BIN_FETCH_OR, (a, in) -> a.binFetchOr(in.operand(), in.order()), Apis::asLong),
                    method(
                            "binFetchXor",
                            BIN_FETCH_XOR,
                            (a, in) -> a.binFetchXor(in.operand(), in.order()),
                            Apis::asLong),
                    method(
                            "binFetchAnd",
                            BIN_FETCH_AND,
                            (a, in) -> a.binFetchAnd(in.operand(), in.order()),
                            Apis::asLong),
                    method("binFetchNot", BIN_FETCH_NOT, (a, in) -> a.binFetchNot(in.order()), Apis::asLong),
                    voidMethod("add", ADD, (a, in) -> a.add(in.operand(), in.order())),
                    voidMethod("sub", SUB, (a, in) -> a.sub(in.operand(), in.order())),
                    voidMethod("inc", INC, (a, in) -> a.inc(in.order())),
                    voidMethod("dec", DEC, (a, in) -> a.dec(in.order())),
                    voidMethod("neg", NEG, (a, in) -> a.neg(in.order())),
                    method("fetchAdd", FETCH_ADD, (a, in) -> a.fetchAdd(in.operand(), in.order()), Apis::asLong),
                    method("fetchSub", FETCH_SUB, (a, in) -> a.fetchSub(in.operand(), in.order()), Apis::asLong),
                    method("fetchInc", FETCH_INC, (a, in) -> a.fetchInc(in.order()), Apis::asLong),
                    method("fetchDec", FETCH_DEC, (a, in) -> a.fetchDec(in.order()), Apis::asLong),
                    method("fetchNeg", FETCH_NEG, (a, in) -> a.fetchNeg(in.order()), Apis::asLong),
                    method("fetchMax", FETCH_MAX, (a, in) -> a.fetchMax(in.operand(), in.order()), Apis::asLong),
                    method("fetchMin", FETCH_MIN, (a, in) -> a.fetchMin(in.operand(), in.order()), Apis::asLong)),
            (m, v) -> v.longValue(),
            Apis::outOfRange,
            AtomicIntegral::store,
            AtomicIntegral::load);

    /** {@link AtomicIntegral128}: width 16, {@link Int128} values. */
    public static final Api<AtomicIntegral128, Int128> INTEGRAL128 = new Api<>(
            AtomicIntegral128.class,
            List.of(AtomicType.INT128, AtomicType.UINT128),
            List.of(
                    voidMethod("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
                    method("load", LOAD, (a, in) -> a.load(in.order()), Apis::asInt128),
                    method("exchange", EXCHANGE, (a, in) -> a.exchange(in.operand(), in.order()), Apis::asInt128),
                    method(
                            "cmpxchgWeak",
                            CMPXCHG_WEAK,
                            (a, in) -> a.cmpxchgWeak(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new Int128CmpxchgResult(o.exchanged(), asInt128(o))),
                    method(
                            "cmpxchgStrong",
                            CMPXCHG_STRONG,
                            (a, in) -> a.cmpxchgStrong(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new Int128CmpxchgResult(o.exchanged(), asInt128(o))),
                    method(
                            "compareAndSet",
                            CMPXCHG_STRONG,
                            (a, in) -> a.compareAndSet(in.expected(), in.operand(), in.order(), in.failure()),
                            Outcome::exchanged),
                    method(
                            "compareAndExchange",
                            CMPXCHG_STRONG,
                            (a, in) -> a.compareAndExchange(in.expected(), in.operand(), in.order(), in.failure()),
                            Apis::asInt128),
                    method("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
                    method("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
                    method("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
                    method("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
                    voidMethod("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
                    voidMethod("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
                    voidMethod("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
                    voidMethod("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
                    method(
                            "binFetchOr",
                            BIN_FETCH_OR,
                            (a, in) -> a.binFetchOr(in.operand(), in.order()),
                            Apis::asInt128),
                    method(
                            "binFetchXor",
                            BIN_FETCH_XOR,
                            (a, in) -> a.binFetchXor(in.operand(), in.order()),
                            Apis::asInt128),
                    method(
                            "binFetchAnd",
                            BIN_FETCH_AND,
                            (a, in) -> a.binFetchAnd(in.operand(), in.order()),
                            Apis::asInt128),
                    method("binFetchNot", BIN_FETCH_NOT, (a, in) -> a.binFetchNot(in.order()), Apis::asInt128),
                    voidMethod("add", ADD, (a, in) -> a.add(in.operand(), in.order())),
                    voidMethod("sub", SUB, (a, in) -> a.sub(in.operand(), in.order())),
                    voidMethod("inc", INC, (a, in) -> a.inc(in.order())),
                    voidMethod("dec", DEC, (a, in) -> a.dec(in.order())),
                    voidMethod("neg", NEG, (a, in) -> a.neg(in.order())),
                    method("fetchAdd", FETCH_ADD, (a, in) -> a.fetchAdd(in.operand(), in.order()), Apis::asInt128),
                    method("fetchSub", FETCH_SUB, (a, in) -> a.fetchSub(in.operand(), in.order()), Apis::asInt128),
                    method("fetchInc", FETCH_INC, (a, in) -> a.fetchInc(in.order()), Apis::asInt128),
                    method("fetchDec", FETCH_DEC, (a, in) -> a.fetchDec(in.order()), Apis::asInt128),
                    method("fetchNeg", FETCH_NEG, (a, in) -> a.fetchNeg(in.order()), Apis::asInt128),
                    method("fetchMax", FETCH_MAX, (a, in) -> a.fetchMax(in.operand(), in.order()), Apis::asInt128),
                    method("fetchMin", FETCH_MIN, (a, in) -> a.fetchMin(in.operand(), in.order()), Apis::asInt128)),
            (m, v) -> int128(v),
            m -> List.of(),
            AtomicIntegral128::store,
            AtomicIntegral128::load);

    /** {@link AtomicBytes}: every width, values as memory images. */
    public static final Api<AtomicBytes, byte[]> BYTES = new Api<>(
            AtomicBytes.class,
            List.of(AtomicType.BYTES),
            List.of(
                    voidMethod("store", STORE, (a, in) -> a.store(in.operand(), in.order())),
                    method("load", LOAD, (a, in) -> a.load(in.order()), Outcome::bytes),
                    method("exchange", EXCHANGE, (a, in) -> a.exchange(in.operand(), in.order()), Outcome::bytes),
                    method(
                            "cmpxchgWeak",
                            CMPXCHG_WEAK,
                            (a, in) -> a.cmpxchgWeak(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new BytesCmpxchgResult(o.exchanged(), o.bytes())),
                    method(
                            "cmpxchgStrong",
                            CMPXCHG_STRONG,
                            (a, in) -> a.cmpxchgStrong(in.expected(), in.operand(), in.order(), in.failure()),
                            o -> new BytesCmpxchgResult(o.exchanged(), o.bytes())),
                    method("bitTest", BIT_TEST, (a, in) -> a.bitTest(in.bit(), in.order()), Outcome::bit),
                    method("bitCompl", BIT_TEST_COMPL, (a, in) -> a.bitCompl(in.bit(), in.order()), Outcome::bit),
                    method("bitSet", BIT_TEST_SET, (a, in) -> a.bitSet(in.bit(), in.order()), Outcome::bit),
                    method("bitReset", BIT_TEST_RESET, (a, in) -> a.bitReset(in.bit(), in.order()), Outcome::bit),
                    voidMethod("binOr", BIN_OR, (a, in) -> a.binOr(in.operand(), in.order())),
                    voidMethod("binXor", BIN_XOR, (a, in) -> a.binXor(in.operand(), in.order())),
                    voidMethod("binAnd", BIN_AND, (a, in) -> a.binAnd(in.operand(), in.order())),
                    voidMethod("binNot", BIN_NOT, (a, in) -> a.binNot(in.order())),
                    method(
                            "binFetchOr",
                            BIN_FETCH_OR,
                            (a, in) -> a.binFetchOr(in.operand(), in.order()),
                            Outcome::bytes),
                    method(
                            "binFetchXor",
                            BIN_FETCH_XOR,
                            (a, in) -> a.binFetchXor(in.operand(), in.order()),
                            Outcome::bytes),
                    method(
                            "binFetchAnd",
                            BIN_FETCH_AND,
                            (a, in) -> a.binFetchAnd(in.operand(), in.order()),
                            Outcome::bytes),
                    method("binFetchNot", BIN_FETCH_NOT, (a, in) -> a.binFetchNot(in.order()), Outcome::bytes)),
            Model::image,
            Apis::wrongLengths,
            AtomicBytes::store,
            AtomicBytes::load);

    /** Operands just outside (and far outside) the range, as {@code long}s; none at width 8. */
    static List<Long> outOfRange(Model m) {
        List<Long> out = new ArrayList<>();
        BigInteger one = BigInteger.ONE;
        for (BigInteger v : List.of(
                m.min().subtract(one),
                m.max().add(one),
                one.negate(),
                one.shiftLeft(8 * m.width).subtract(one),
                one.shiftLeft(8 * m.width),
                BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE))) {
            boolean isLong = v.bitLength() < 64;
            // an unsigned 8-byte object takes any long (the 64-bit pattern)
            if (isLong && !m.inRange(v) && !(m.width == 8 && !m.signed) && !out.contains(v.longValue())) {
                out.add(v.longValue());
            }
        }
        return out;
    }

    /** Arrays of any length but the width are refused. */
    private static List<byte[]> wrongLengths(Model m) {
        return IntStream.of(0, m.width - 1, m.width + 1, 17)
                .distinct()
                .mapToObj(byte[]::new)
                .toList();
    }
}
