package dev.atomics.zookeeper;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.failOrder;
import static dev.atomics.Checks.storeOrder;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicType;
import dev.atomics.BytesCmpxchgResult;
import dev.atomics.Int128;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The operations of bytes atomics on a znode (see {@link AtomicBytes}): values are {@code byte[]} of exactly
 * {@code width} bytes, stored as they are. Bit {@code 8i + j} is bit {@code j} of byte {@code i}, which is what a
 * local bytes atomic numbers on a little-endian machine; read-modify-writes compute with {@link Op#apply} on the
 * bytes read as a little-endian integer.
 */
final class ZkBytes extends AbstractZkAtomic implements AtomicBytes {

    ZkBytes(Znode znode, boolean linearizable) {
        super(znode, linearizable, AtomicType.BYTES);
    }

    @Override
    String typeName() {
        return "AtomicBytes";
    }

    @Override
    AbstractZkAtomic withReads(boolean linearizable) {
        return new ZkBytes(znode, linearizable);
    }

    private byte[] operand(byte[] bytes) {
        if (Objects.requireNonNull(bytes, "byte array operand").length != width) {
            throw new OperandRangeException("a " + typeName() + " of width " + width + " takes exactly " + width
                    + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** {@code op} on two values of this width, as little-endian integers. */
    private byte[] apply(Op op, byte[] old, byte[] v) {
        if (width == 16) {
            return le128(op.apply(int128(old), int128(v), false));
        }
        long r = op.apply(le(old, 0, width), le(v, 0, width), width, false);
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (r >>> (8 * i));
        }
        return out;
    }

    private static long le(byte[] b, int from, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        return v;
    }

    private static Int128 int128(byte[] b) {
        return new Int128(le(b, 8, 8), le(b, 0, 8));
    }

    private static byte[] le128(Int128 v) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v.low() >>> (8 * i));
            out[i + 8] = (byte) (v.high() >>> (8 * i));
        }
        return out;
    }

    private byte[] rmw(Op op, byte[] operand, MemoryOrder order) {
        byte[] v = operand == null ? new byte[width] : operand(operand).clone();
        anyOrder(order);
        return update(op.method(), old -> apply(op, old, v));
    }

    @Override
    public byte[] load(MemoryOrder order) {
        return read("load", order);
    }

    @Override
    public void store(byte[] desired, MemoryOrder order) {
        byte[] data = operand(desired).clone();
        storeOrder(order);
        update("store", old -> data);
    }

    @Override
    public byte[] exchange(byte[] desired, MemoryOrder order) {
        return rmw(Op.EXCHANGE, desired, order);
    }

    private BytesCmpxchgResult cmpxchg(
            String name, byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        byte[] e = operand(expected).clone();
        byte[] d = operand(desired).clone();
        byte[] seen = update(name, old -> Arrays.equals(old, e) ? d : null);
        return new BytesCmpxchgResult(Arrays.equals(seen, e), seen);
    }

    /** Never fails spuriously: the write is conditional on the version the comparison read. */
    @Override
    public BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("cmpxchgWeak", expected, desired, success, failure);
    }

    @Override
    public BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("cmpxchgStrong", expected, desired, success, failure);
    }

    @Override
    public void binOr(byte[] operand, MemoryOrder order) {
        rmw(Op.BIN_OR, operand, order);
    }

    @Override
    public void binXor(byte[] operand, MemoryOrder order) {
        rmw(Op.BIN_XOR, operand, order);
    }

    @Override
    public void binAnd(byte[] operand, MemoryOrder order) {
        rmw(Op.BIN_AND, operand, order);
    }

    @Override
    public void binNot(MemoryOrder order) {
        rmw(Op.BIN_NOT, null, order);
    }

    @Override
    public byte[] binFetchOr(byte[] operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_OR, operand, order);
    }

    @Override
    public byte[] binFetchXor(byte[] operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_XOR, operand, order);
    }

    @Override
    public byte[] binFetchAnd(byte[] operand, MemoryOrder order) {
        return rmw(Op.BIN_FETCH_AND, operand, order);
    }

    @Override
    public byte[] binFetchNot(MemoryOrder order) {
        return rmw(Op.BIN_FETCH_NOT, null, order);
    }
}
