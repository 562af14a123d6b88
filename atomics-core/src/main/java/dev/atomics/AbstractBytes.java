package dev.atomics;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Objects;

import static dev.atomics.Checks.*;

/**
 * The operations of bytes objects: a {@code byte[]} of exactly {@code width} bytes in memory order is packed
 * into the native integer the engines operate on, and unpacked from its result.
 */
abstract class AbstractBytes extends AbstractAtomic implements AtomicBytes {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    AbstractBytes(MemoryRegion memory, EngineBinding binding) {
        super(memory, binding);
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
    public final BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long e = pack(expected);
        return result(e, Dispatch.cmpxchgWeak(this, e, pack(desired), success, failure));
    }

    @Override
    public final BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long e = pack(expected);
        return result(e, Dispatch.cmpxchgStrong(this, e, pack(desired), success, failure));
    }

    @Override
    public final boolean bitTest(int offset, MemoryOrder order) {
        return Dispatch.bitTest(this, bitOffset(offset, width), loadOrder(order));
    }

    @Override
    public final boolean bitCompl(int offset, MemoryOrder order) {
        return Dispatch.bitCompl(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitSet(int offset, MemoryOrder order) {
        return Dispatch.bitSet(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final boolean bitReset(int offset, MemoryOrder order) {
        return Dispatch.bitReset(this, bitOffset(offset, width), anyOrder(order));
    }

    @Override
    public final void binOr(byte[] operand, MemoryOrder order) {
        Dispatch.or(this, pack(operand), anyOrder(order));
    }

    @Override
    public final void binXor(byte[] operand, MemoryOrder order) {
        Dispatch.xor(this, pack(operand), anyOrder(order));
    }

    @Override
    public final void binAnd(byte[] operand, MemoryOrder order) {
        Dispatch.and(this, pack(operand), anyOrder(order));
    }

    @Override
    public final void binNot(MemoryOrder order) {
        Dispatch.not(this, anyOrder(order));
    }

    @Override
    public final byte[] binFetchOr(byte[] operand, MemoryOrder order) {
        return unpack(Dispatch.fetchOr(this, pack(operand), anyOrder(order)));
    }

    @Override
    public final byte[] binFetchXor(byte[] operand, MemoryOrder order) {
        return unpack(Dispatch.fetchXor(this, pack(operand), anyOrder(order)));
    }

    @Override
    public final byte[] binFetchAnd(byte[] operand, MemoryOrder order) {
        return unpack(Dispatch.fetchAnd(this, pack(operand), anyOrder(order)));
    }

    @Override
    public final byte[] binFetchNot(MemoryOrder order) {
        return unpack(Dispatch.fetchNot(this, anyOrder(order)));
    }
}
