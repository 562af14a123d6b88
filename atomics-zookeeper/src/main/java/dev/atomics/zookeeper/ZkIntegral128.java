package dev.atomics.zookeeper;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.failOrder;
import static dev.atomics.Checks.storeOrder;

import dev.atomics.AtomicIntegral128;
import dev.atomics.AtomicType;
import dev.atomics.Int128;
import dev.atomics.Int128CmpxchgResult;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import java.util.Objects;

/**
 * The operations of 16-byte integral atomics on a znode (see {@link AtomicIntegral128}): every read-modify-write
 * computes with {@link Op#apply(Int128, Int128, boolean)}; the znode holds 16 bytes, big-endian two's complement.
 */
abstract class ZkIntegral128 extends AbstractZkAtomic implements AtomicIntegral128 {

    private final boolean signed;

    ZkIntegral128(Znode znode, boolean linearizable, boolean signed) {
        super(znode, linearizable, signed ? AtomicType.INT128 : AtomicType.UINT128);
        this.signed = signed;
    }

    @Override
    public final boolean signed() {
        return signed;
    }

    static Int128 decode(byte[] data) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (data[i] & 0xFF);
            low = low << 8 | (data[i + 8] & 0xFF);
        }
        return new Int128(high, low);
    }

    static byte[] encode(Int128 v) {
        byte[] data = new byte[16];
        long high = v.high();
        long low = v.low();
        for (int i = 7; i >= 0; i--, high >>>= 8, low >>>= 8) {
            data[i] = (byte) high;
            data[i + 8] = (byte) low;
        }
        return data;
    }

    private static Int128 operand(Int128 v) {
        return Objects.requireNonNull(v, "Int128 operand");
    }

    private Int128 rmw(Op op, Int128 operand, MemoryOrder order) {
        operand(operand);
        anyOrder(order);
        return decode(update(op.method(), old -> encode(op.apply(decode(old), operand, signed))));
    }

    @Override
    public final Int128 load(MemoryOrder order) {
        return decode(read("load", order));
    }

    @Override
    public final void store(Int128 desired, MemoryOrder order) {
        storeOrder(order);
        byte[] data = encode(operand(desired));
        update("store", old -> data);
    }

    @Override
    public final Int128 exchange(Int128 desired, MemoryOrder order) {
        return rmw(Op.EXCHANGE, desired, order);
    }

    private Int128 cmpxchg(String name, Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        operand(expected);
        byte[] data = encode(operand(desired));
        return decode(update(name, old -> decode(old).equals(expected) ? data : null));
    }

    /** Never fails spuriously: the write is conditional on the version the comparison read. */
    @Override
    public final Int128CmpxchgResult cmpxchgWeak(
            Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        Int128 seen = cmpxchg("cmpxchgWeak", expected, desired, success, failure);
        return new Int128CmpxchgResult(seen.equals(expected), seen);
    }

    @Override
    public final Int128CmpxchgResult cmpxchgStrong(
            Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        Int128 seen = cmpxchg("cmpxchgStrong", expected, desired, success, failure);
        return new Int128CmpxchgResult(seen.equals(expected), seen);
    }

    @Override
    public final boolean compareAndSet(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndSet", expected, desired, success, failure).equals(expected);
    }

    @Override
    public final Int128 compareAndExchange(Int128 expected, Int128 desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndExchange", expected, desired, success, failure);
    }

    @Override
    public final void binOr(Int128 operand, MemoryOrder order) {
        rmw(Op.BIN_OR, operand, order);
    }

    @Override
    public final void binXor(Int128 operand, MemoryOrder order) {
        rmw(Op.BIN_XOR, operand, order);
    }

    @Override
    public final void binAnd(Int128 operand, MemoryOrder order) {
        rmw(Op.BIN_AND, operand, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        rmw(Op.BIN_NOT, Int128.ZERO, order);
    }

    @Override
    public final Int128 binFetchOr(Int128 operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_OR, operand, order);
    }

    @Override
    public final Int128 binFetchXor(Int128 operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_XOR, operand, order);
    }

    @Override
    public final Int128 binFetchAnd(Int128 operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_AND, operand, order);
    }

    @Override
    public final Int128 binFetchNot(MemoryOrder order) {
        return rmw(Op.BIN_FETCH_NOT, Int128.ZERO, order);
    }

    @Override
    public final void add(Int128 operand, MemoryOrder order) {
        rmw(Op.ADD, operand, order);
    }

    @Override
    public final void sub(Int128 operand, MemoryOrder order) {
        rmw(Op.SUB, operand, order);
    }

    @Override
    public final void inc(MemoryOrder order) {
        rmw(Op.INC, Int128.ZERO, order);
    }

    @Override
    public final void dec(MemoryOrder order) {
        rmw(Op.DEC, Int128.ZERO, order);
    }

    @Override
    public final void neg(MemoryOrder order) {
        rmw(Op.NEG, Int128.ZERO, order);
    }

    @Override
    public final Int128 fetchAdd(Int128 operand, MemoryOrder order) {
        return rmw(Op.FETCH_ADD, operand, order);
    }

    @Override
    public final Int128 fetchSub(Int128 operand, MemoryOrder order) {
        return rmw(Op.FETCH_SUB, operand, order);
    }

    @Override
    public final Int128 fetchInc(MemoryOrder order) {
        return rmw(Op.FETCH_INC, Int128.ZERO, order);
    }

    @Override
    public final Int128 fetchDec(MemoryOrder order) {
        return rmw(Op.FETCH_DEC, Int128.ZERO, order);
    }

    @Override
    public final Int128 fetchNeg(MemoryOrder order) {
        return rmw(Op.FETCH_NEG, Int128.ZERO, order);
    }

    @Override
    public final Int128 fetchMax(Int128 operand, MemoryOrder order) {
        return rmw(Op.FETCH_MAX, operand, order);
    }

    @Override
    public final Int128 fetchMin(Int128 operand, MemoryOrder order) {
        return rmw(Op.FETCH_MIN, operand, order);
    }

    @Override
    String properties() {
        return super.properties() + ", signed=" + signed;
    }
}
