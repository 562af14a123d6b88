package dev.atomics.benchmarks;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.*;

/**
 * Agrona at width 1, with the closest it has: {@code getByteVolatile} / {@code putByteVolatile}, and, as it
 * has no byte read-modify-write, a {@code compareAndSetInt} loop on the aligned 4-byte word that holds the
 * byte (what an Agrona user must write; it also rewrites the three neighbouring bytes atomically).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            Memory8.ADD_EXPORTS,
            Memory8.ADD_OPENS,
            Memory8.NATIVE_ACCESS,
            Memory8.HEAP_MIN,
            Memory8.HEAP_MAX
        })
public class AgronaWidth1 {

    /** Where byte 0 sits in the int at index 0. */
    static final int SHIFT = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 24;

    static final int MASK = 0xFF << SHIFT;

    UnsafeBuffer buffer;
    byte value = 42;
    int delta = 1;
    int bit = 5;
    byte next;

    @Setup
    public void setup() {
        buffer = new UnsafeBuffer(Memory8.alignedDirect(8));
        next = buffer.getByteVolatile(0);
    }

    private static int withByte(int word, int b) {
        return (word & ~MASK) | ((b & 0xFF) << SHIFT);
    }

    private static byte byteOf(int word) {
        return (byte) (word >>> SHIFT);
    }

    /** Adds {@code d} to the byte, returns the old byte. */
    private byte getAndAddByte(int d) {
        int w;
        do {
            w = buffer.getIntVolatile(0);
        } while (!buffer.compareAndSetInt(0, w, withByte(w, byteOf(w) + d)));
        return byteOf(w);
    }

    /** Returns the witnessed byte; the exchange happened iff it equals {@code e}. */
    private byte compareAndExchangeByte(byte e, byte d) {
        while (true) {
            int w = buffer.getIntVolatile(0);
            byte seen = byteOf(w);
            if (seen != e) {
                return seen;
            }
            if (buffer.compareAndSetInt(0, w, withByte(w, d))) {
                return e;
            }
        }
    }

    @Benchmark
    public byte load() {
        return buffer.getByteVolatile(0);
    }

    @Benchmark
    public void store() {
        buffer.putByteVolatile(0, value);
    }

    @Benchmark
    public void inc() {
        getAndAddByte(1);
    }

    @Benchmark
    public byte fetchAdd() {
        return getAndAddByte(delta);
    }

    @Benchmark
    public byte cmpxchgStrong() {
        byte e = next;
        byte d = (byte) (e + 1);
        byte w = compareAndExchangeByte(e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        byte e = next;
        byte d = (byte) (e + 1);
        boolean ok = compareAndExchangeByte(e, d) == e;
        next = ok ? d : buffer.getByteVolatile(0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        int mask = (1 << bit) << SHIFT;
        int w;
        do {
            w = buffer.getIntVolatile(0);
        } while (!buffer.compareAndSetInt(0, w, w | mask));
        return (w & mask) != 0;
    }
}
