package dev.atomics.zookeeper;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.failOrder;
import static dev.atomics.Checks.storeOrder;

import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicType;
import dev.atomics.CmpxchgResult;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;

/**
 * The operations of integral atomics of width 1 to 8 on a znode, with the semantics of local ones (see
 * {@link AtomicIntegral}): operands are range-checked before anything is sent, every read-modify-write computes
 * with {@link Op#apply} (so results wrap around modulo {@code 2^(8 * width)} exactly as in memory), and the
 * znode holds the value as {@code width} bytes, big-endian two's complement.
 */
abstract class ZkIntegral extends AbstractZkAtomic implements AtomicIntegral {

    private final boolean signed;
    /** 64 - 8 * width: shifting left then right by this extends the low width bytes. */
    private final int shift;

    ZkIntegral(Znode znode, boolean linearizable, boolean signed) {
        super(znode, linearizable, signed ? AtomicType.INT : AtomicType.UINT);
        this.signed = signed;
        this.shift = 64 - 8 * width;
    }

    @Override
    public final boolean signed() {
        return signed;
    }

    /** Extends a raw bit pattern to this object's value. */
    private long value(long raw) {
        return signed ? (raw << shift) >> shift : (raw << shift) >>> shift;
    }

    private long decode(byte[] data) {
        long v = 0;
        for (byte b : data) {
            v = v << 8 | (b & 0xFF);
        }
        return value(v);
    }

    private byte[] encode(long v) {
        byte[] data = new byte[width];
        for (int i = width - 1; i >= 0; i--, v >>>= 8) {
            data[i] = (byte) v;
        }
        return data;
    }

    /** Checks that {@code v} is representable; an unsigned 8-byte object takes any 64-bit pattern. */
    private long operand(long v) {
        if (value(v) != v) {
            String range = signed
                    ? "[" + (-1L << (8 * width - 1)) + ", " + ((1L << (8 * width - 1)) - 1) + "]"
                    : "[0, " + ((1L << (8 * width)) - 1) + "]";
            throw new OperandRangeException("operand " + v + " does not fit " + typeName() + " of width " + width
                    + ": the " + (signed ? "signed" : "unsigned") + " range is " + range);
        }
        return v;
    }

    /** A read-modify-write of the table's {@code op}; returns the value before. */
    private long rmw(Op op, long operand, MemoryOrder order) {
        anyOrder(order);
        return decode(update(op.method(), old -> encode(op.apply(decode(old), operand, width, signed))));
    }

    private long rmwWith(Op op, long operand, MemoryOrder order) {
        return rmw(op, operand(operand), order);
    }

    @Override
    public final long load(MemoryOrder order) {
        return decode(read("load", order));
    }

    @Override
    public final void store(long desired, MemoryOrder order) {
        operand(desired);
        storeOrder(order);
        byte[] data = encode(desired);
        update("store", old -> data);
    }

    @Override
    public final long exchange(long desired, MemoryOrder order) {
        return rmwWith(Op.EXCHANGE, desired, order);
    }

    private long cmpxchg(String name, long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        operand(expected);
        operand(desired);
        byte[] data = encode(desired);
        return decode(update(name, old -> decode(old) == expected ? data : null));
    }

    /** Never fails spuriously: the write is conditional on the version the comparison read. */
    @Override
    public final CmpxchgResult cmpxchgWeak(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        long seen = cmpxchg("cmpxchgWeak", expected, desired, success, failure);
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final CmpxchgResult cmpxchgStrong(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        long seen = cmpxchg("cmpxchgStrong", expected, desired, success, failure);
        return new CmpxchgResult(seen == expected, seen);
    }

    @Override
    public final boolean compareAndSet(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndSet", expected, desired, success, failure) == expected;
    }

    @Override
    public final long compareAndExchange(long expected, long desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("compareAndExchange", expected, desired, success, failure);
    }

    @Override
    public final void binOr(long operand, MemoryOrder order) {
        rmwWith(Op.BIN_OR, operand, order);
    }

    @Override
    public final void binXor(long operand, MemoryOrder order) {
        rmwWith(Op.BIN_XOR, operand, order);
    }

    @Override
    public final void binAnd(long operand, MemoryOrder order) {
        rmwWith(Op.BIN_AND, operand, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        rmw(Op.BIN_NOT, 0, order);
    }

    @Override
    public final long binFetchOr(long operand, MemoryOrder order) {
        return rmwWith(Op.BIN_FETCH_OR, operand, order);
    }

    @Override
    public final long binFetchXor(long operand, MemoryOrder order) {
        return rmwWith(Op.BIN_FETCH_XOR, operand, order);
    }

    @Override
    public final long binFetchAnd(long operand, MemoryOrder order) {
        return rmwWith(Op.BIN_FETCH_AND, operand, order);
    }

    @Override
    public final long binFetchNot(MemoryOrder order) {
        return rmw(Op.BIN_FETCH_NOT, 0, order);
    }

    @Override
    public final void add(long operand, MemoryOrder order) {
        rmwWith(Op.ADD, operand, order);
    }

    @Override
    public final void sub(long operand, MemoryOrder order) {
        rmwWith(Op.SUB, operand, order);
    }

    @Override
    public final void inc(MemoryOrder order) {
        rmw(Op.INC, 0, order);
    }

    @Override
    public final void dec(MemoryOrder order) {
        rmw(Op.DEC, 0, order);
    }

    @Override
    public final void neg(MemoryOrder order) {
        rmw(Op.NEG, 0, order);
    }

    @Override
    public final long fetchAdd(long operand, MemoryOrder order) {
        return rmwWith(Op.FETCH_ADD, operand, order);
    }

    @Override
    public final long fetchSub(long operand, MemoryOrder order) {
        return rmwWith(Op.FETCH_SUB, operand, order);
    }

    @Override
    public final long fetchInc(MemoryOrder order) {
        return rmw(Op.FETCH_INC, 0, order);
    }

    @Override
    public final long fetchDec(MemoryOrder order) {
        return rmw(Op.FETCH_DEC, 0, order);
    }

    @Override
    public final long fetchNeg(MemoryOrder order) {
        return rmw(Op.FETCH_NEG, 0, order);
    }

    @Override
    public final long fetchMax(long operand, MemoryOrder order) {
        return rmwWith(Op.FETCH_MAX, operand, order);
    }

    @Override
    public final long fetchMin(long operand, MemoryOrder order) {
        return rmwWith(Op.FETCH_MIN, operand, order);
    }

    @Override
    String properties() {
        return super.properties() + ", signed=" + signed;
    }
}
