package dev.atomics;

import static dev.atomics.Checks.*;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The operations of bytes objects: a {@code byte[]} of exactly {@code width} bytes in memory order is packed
 * into the native integer the engines operate on, and unpacked from its result.
 */
abstract class AbstractBytes extends AbstractAtomic implements AtomicBytes {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    AbstractBytes(MemoryRegion memory, EngineBinding binding, AtomicType<?, ?, ?> type) {
        super(memory, binding, type);
    }

    /** Packs memory-order bytes into the native integer they form. */
    private long pack(byte[] bytes) {
        if (Objects.requireNonNull(bytes, "byte array operand").length != width) {
            throw new OperandRangeException("a " + typeName() + " of width " + width + " takes exactly " + width
                    + " bytes, not " + bytes.length);
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            int shift = 8 * (LITTLE ? i : width - 1 - i);
            v |= (bytes[i] & 0xFFL) << shift;
        }
        return v;
    }

    private byte[] unpack(long v) {
        byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            int shift = 8 * (LITTLE ? i : width - 1 - i);
            bytes[i] = (byte) (v >>> shift);
        }
        return bytes;
    }

    @Override
    String valueString() {
        return "[" + HexFormat.ofDelimiter(" ").formatHex(unpack(Dispatch.load(this, MemoryOrder.SEQ_CST))) + "]";
    }

    @Override
    public final byte[] load(MemoryOrder order) {
        return unpack(Dispatch.load(this, loadOrder(order)));
    }

    @Override
    public final void store(byte[] desired, MemoryOrder order) {
        Dispatch.store(this, pack(desired), storeOrder(order));
    }

    @Override
    public final byte[] exchange(byte[] desired, MemoryOrder order) {
        return unpack(Dispatch.exchange(this, pack(desired), anyOrder(order)));
    }

    /** Compares in the low width bytes, where the engines leave the witnessed value. */
    private BytesCmpxchgResult result(long expected, long seen) {
        int shift = 64 - 8 * width;
        return new BytesCmpxchgResult((seen << shift) == (expected << shift), unpack(seen));
    }

    @Override
    public final BytesCmpxchgResult cmpxchgWeak(
            byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long e = pack(expected);
        return result(e, Dispatch.cmpxchg(this, Op.CMPXCHG_WEAK, e, pack(desired), success, failure));
    }

    @Override
    public final BytesCmpxchgResult cmpxchgStrong(
            byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long e = pack(expected);
        return result(e, Dispatch.cmpxchg(this, Op.CMPXCHG_STRONG, e, pack(desired), success, failure));
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST, bitOffset(offset, width), loadOrder(order));
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_COMPL, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_SET, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return Dispatch.bit(this, Op.BIT_TEST_RESET, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final void binOr(byte[] operand, MemoryOrder order) {
        Dispatch.getAndOr(this, Op.BIN_OR, pack(operand), anyOrder(order));
    }

    @Override
    public final void binXor(byte[] operand, MemoryOrder order) {
        long v = pack(operand);
        Dispatch.getAndXor(this, Op.BIN_XOR, v, v, anyOrder(order));
    }

    @Override
    public final void binAnd(byte[] operand, MemoryOrder order) {
        Dispatch.getAndAnd(this, Op.BIN_AND, pack(operand), anyOrder(order));
    }

    @Override
    public final void binNot(MemoryOrder order) {
        Dispatch.getAndXor(this, Op.BIN_NOT, 0, -1L, anyOrder(order));
    }

    @Override
    public final byte[] binFetchOr(byte[] operand, MemoryOrder order) {
        return unpack(Dispatch.getAndOr(this, Op.BIN_FETCH_OR, pack(operand), anyOrder(order)));
    }

    @Override
    public final byte[] binFetchXor(byte[] operand, MemoryOrder order) {
        long v = pack(operand);
        return unpack(Dispatch.getAndXor(this, Op.BIN_FETCH_XOR, v, v, anyOrder(order)));
    }

    @Override
    public final byte[] binFetchAnd(byte[] operand, MemoryOrder order) {
        return unpack(Dispatch.getAndAnd(this, Op.BIN_FETCH_AND, pack(operand), anyOrder(order)));
    }

    @Override
    public final byte[] binFetchNot(MemoryOrder order) {
        return unpack(Dispatch.getAndXor(this, Op.BIN_FETCH_NOT, 0, -1L, anyOrder(order)));
    }
}
