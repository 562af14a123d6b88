package dev.atomics;

import static dev.atomics.Checks.*;
import static dev.atomics.engine.Scratch.A;
import static dev.atomics.engine.Scratch.B;
import static dev.atomics.engine.Scratch.R;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.Scratch;
import dev.atomics.memory.MemoryRegion;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The operations of 16-byte bytes objects: a {@code byte[16]} in memory order is the memory image of the native
 * 128-bit integer the engine operates on, so it is copied to and from the calling thread's {@link Scratch} as it
 * is. Separate from {@link AbstractBytes} so that the objects of widths 1 to 8 keep their hot path as it is.
 */
abstract class AbstractWideBytes extends AbstractAtomic implements AtomicBytes {

    AbstractWideBytes(MemoryRegion memory, EngineBinding binding, AtomicType<?, ?, ?> type) {
        super(memory, binding, type);
    }

    private void put(Scratch s, int slot, byte[] bytes) {
        if (Objects.requireNonNull(bytes, "byte array operand").length != width) {
            throw new OperandRangeException("a " + typeName() + " of width " + width + " takes exactly " + width
                    + " bytes, not " + bytes.length);
        }
        s.put(slot, bytes);
    }

    @Override
    String valueString() {
        return "[" + HexFormat.ofDelimiter(" ").formatHex(load(MemoryOrder.SEQ_CST)) + "]";
    }

    @Override
    public final byte[] load(MemoryOrder order) {
        loadOrder(order);
        Scratch s = Scratch.get();
        Dispatch.load(this, s, order);
        return s.bytes(R);
    }

    @Override
    public final void store(byte[] desired, MemoryOrder order) {
        storeOrder(order);
        Scratch s = Scratch.get();
        put(s, A, desired);
        Dispatch.store(this, s, order);
    }

    @Override
    public final byte[] exchange(byte[] desired, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, desired);
        Dispatch.rmw(this, Op.EXCHANGE, s, order);
        return s.bytes(R);
    }

    /** On success slot A still holds the expected bytes, on failure the ones seen: either way, the value held. */
    @Override
    public final BytesCmpxchgResult cmpxchgWeak(
            byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, expected);
        put(s, B, desired);
        boolean ok = Dispatch.cmpxchg(this, Op.CMPXCHG_WEAK, s, success, failure);
        return new BytesCmpxchgResult(ok, s.bytes(A));
    }

    @Override
    public final BytesCmpxchgResult cmpxchgStrong(
            byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        Scratch s = Scratch.get();
        put(s, A, expected);
        put(s, B, desired);
        boolean ok = Dispatch.cmpxchg(this, Op.CMPXCHG_STRONG, s, success, failure);
        return new BytesCmpxchgResult(ok, s.bytes(A));
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
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_OR, s, order);
    }

    @Override
    public final void binXor(byte[] operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_XOR, s, order);
    }

    @Override
    public final void binAnd(byte[] operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_AND, s, order);
    }

    @Override
    public final void binNot(MemoryOrder order) {
        Dispatch.rmw(this, Op.BIN_NOT, Scratch.get(), anyOrder(order));
    }

    @Override
    public final byte[] binFetchOr(byte[] operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_FETCH_OR, s, order);
        return s.bytes(R);
    }

    @Override
    public final byte[] binFetchXor(byte[] operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_FETCH_XOR, s, order);
        return s.bytes(R);
    }

    @Override
    public final byte[] binFetchAnd(byte[] operand, MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        put(s, A, operand);
        Dispatch.rmw(this, Op.BIN_FETCH_AND, s, order);
        return s.bytes(R);
    }

    @Override
    public final byte[] binFetchNot(MemoryOrder order) {
        anyOrder(order);
        Scratch s = Scratch.get();
        Dispatch.rmw(this, Op.BIN_FETCH_NOT, s, order);
        return s.bytes(R);
    }
}
