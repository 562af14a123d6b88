package dev.atomics.redis;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.bitOffset;
import static dev.atomics.Checks.failOrder;
import static dev.atomics.Checks.loadOrder;
import static dev.atomics.Checks.storeOrder;

import dev.atomics.AtomicBytes;
import dev.atomics.BytesCmpxchgResult;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The operations of bytes atomics on a Redis key, with the semantics of local ones (see {@link AtomicBytes}):
 * values are {@code byte[]} of exactly {@code width} bytes, stored as their hex (lower case, in order, e.g.
 * {@code deadbeef}). Bit {@code 8i + j} is bit {@code j} of byte {@code i} on every machine, which is what a
 * local bytes atomic numbers on a little-endian one.
 */
final class RedisBytes extends AbstractRedisAtomic implements AtomicBytes {

    RedisBytes(
            Transport transport,
            String key,
            int width,
            boolean readonly,
            RedisKeyOptions options,
            Transport waitTransport) {
        super(transport, key, width, readonly, 'b', false, options, waitTransport, initial(options, width));
    }

    private static long initial(RedisKeyOptions options, int width) {
        if (!options.bytesInitialValue()) {
            if (options.initialBits() != 0) {
                throw new IllegalArgumentException("the initial value of a bytes atomic is " + width + " bytes");
            }
            return 0;
        }
        byte[] b = options.initialBytes();
        if (b.length != width) {
            throw new OperandRangeException("the initial value of an AtomicBytes of width " + width + " takes exactly "
                    + width + " bytes, not " + b.length);
        }
        return Values.pack(b);
    }

    @Override
    String initialForm() {
        long bits = initialBitsOf();
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (bits >>> (8 * i));
        }
        return new String(Values.hex(b), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] loadBytes() {
        return load();
    }

    @Override
    String typeName() {
        return "AtomicBytes";
    }

    /** Checks the length of a byte-array operand; the script takes it as raw bits. */
    private byte[] operand(byte[] bytes) {
        if (Objects.requireNonNull(bytes, "byte array operand").length != width) {
            throw new OperandRangeException("a " + typeName() + " of width " + width + " takes exactly " + width
                    + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    private byte[] parse(String name, byte[] stored) {
        try {
            return Values.parseBytes(stored, width);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e);
        }
    }

    private byte[] call(String name, byte[] op, byte[] operand) {
        long raw = Values.pack(operand);
        return eval(name, kind, widthArg, op, Values.half(raw >>> 32), Values.half(raw & 0xFFFF_FFFFL));
    }

    @Override
    public byte[] load(MemoryOrder order) {
        loadOrder(order);
        return parse("load", get("load"));
    }

    @Override
    public void store(byte[] desired, MemoryOrder order) {
        operand(desired);
        storeOrder(order);
        writable(Op.STORE);
        call("store", Script.STORE, desired); // a script: never over a foreign key, nor onto a missing one
    }

    @Override
    public byte[] exchange(byte[] desired, MemoryOrder order) {
        operand(desired);
        anyOrder(order);
        writable(Op.EXCHANGE);
        return parse("exchange", call("exchange", Script.XCHG, desired));
    }

    private BytesCmpxchgResult cmpxchg(
            String name, Op type, byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        failOrder(success, failure);
        long e = Values.pack(operand(expected));
        long d = Values.pack(operand(desired));
        writable(type);
        byte[] seen = parse(
                name,
                eval(
                        name,
                        kind,
                        widthArg,
                        Script.CAS,
                        Values.half(e >>> 32),
                        Values.half(e & 0xFFFF_FFFFL),
                        Values.half(d >>> 32),
                        Values.half(d & 0xFFFF_FFFFL)));
        return new BytesCmpxchgResult(Arrays.equals(seen, expected), seen);
    }

    /** Never fails spuriously: the server compares and exchanges in one step. */
    @Override
    public BytesCmpxchgResult cmpxchgWeak(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("cmpxchgWeak", Op.CMPXCHG_WEAK, expected, desired, success, failure);
    }

    @Override
    public BytesCmpxchgResult cmpxchgStrong(byte[] expected, byte[] desired, MemoryOrder success, MemoryOrder failure) {
        return cmpxchg("cmpxchgStrong", Op.CMPXCHG_STRONG, expected, desired, success, failure);
    }

    @Override
    public boolean bitTest(int offset, MemoryOrder order) {
        bitOffset(offset, width);
        loadOrder(order);
        return (parse("bitTest", get("bitTest"))[offset >>> 3] >>> (offset & 7) & 1) != 0;
    }

    private boolean bit(String name, Op type, byte[] op, int offset, MemoryOrder order) {
        bitOffset(offset, width);
        anyOrder(order);
        writable(type);
        byte[] was = eval(name, kind, widthArg, op, Values.half(offset));
        return was != null && was.length == 1 && was[0] == '1';
    }

    @Override
    public boolean bitCompl(int offset, MemoryOrder order) {
        return bit("bitCompl", Op.BIT_TEST_COMPL, Script.BIT_COMPL, offset, order);
    }

    @Override
    public boolean bitSet(int offset, MemoryOrder order) {
        return bit("bitSet", Op.BIT_TEST_SET, Script.BIT_SET, offset, order);
    }

    @Override
    public boolean bitReset(int offset, MemoryOrder order) {
        return bit("bitReset", Op.BIT_TEST_RESET, Script.BIT_RESET, offset, order);
    }

    private byte[] modify(String name, Op type, byte[] op, byte[] operand, MemoryOrder order) {
        operand(operand);
        anyOrder(order);
        writable(type);
        return call(name, op, operand);
    }

    private byte[] unary(String name, Op type, byte[] op, MemoryOrder order) {
        anyOrder(order);
        writable(type);
        return eval(name, kind, widthArg, op);
    }

    @Override
    public void binOr(byte[] operand, MemoryOrder order) {
        modify("binOr", Op.BIN_OR, Script.OR, operand, order);
    }

    @Override
    public void binXor(byte[] operand, MemoryOrder order) {
        modify("binXor", Op.BIN_XOR, Script.XOR, operand, order);
    }

    @Override
    public void binAnd(byte[] operand, MemoryOrder order) {
        modify("binAnd", Op.BIN_AND, Script.AND, operand, order);
    }

    @Override
    public void binNot(MemoryOrder order) {
        unary("binNot", Op.BIN_NOT, Script.NOT, order);
    }

    @Override
    public byte[] binFetchOr(byte[] operand, MemoryOrder order) {
        return parse("binFetchOr", modify("binFetchOr", Op.BIN_FETCH_OR, Script.FETCH_OR, operand, order));
    }

    @Override
    public byte[] binFetchXor(byte[] operand, MemoryOrder order) {
        return parse("binFetchXor", modify("binFetchXor", Op.BIN_FETCH_XOR, Script.FETCH_XOR, operand, order));
    }

    @Override
    public byte[] binFetchAnd(byte[] operand, MemoryOrder order) {
        return parse("binFetchAnd", modify("binFetchAnd", Op.BIN_FETCH_AND, Script.FETCH_AND, operand, order));
    }

    @Override
    public byte[] binFetchNot(MemoryOrder order) {
        return parse("binFetchNot", unary("binFetchNot", Op.BIN_FETCH_NOT, Script.FETCH_NOT, order));
    }
}
