package dev.atomics.benchmarks;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.*;

/**
 * Agrona at width 2, with the closest it has: {@code getShortVolatile} / {@code putShortVolatile}, and, as it
 * has no 2-byte read-modify-write, a {@code compareAndSetInt} loop on the aligned 4-byte word that holds the
 * short (what an Agrona user must write; it also rewrites the two neighbouring bytes atomically).
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
public class AgronaWidth2 {

    /** Where the short at index 0 sits in the int at index 0. */
    static final int SHIFT = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 16;

    static final int MASK = 0xFFFF << SHIFT;

    UnsafeBuffer buffer;
    short value = 42;
    int delta = 1;
    int bit = 5;
    short next;

    @Setup
    public void setup() {
        buffer = new UnsafeBuffer(Memory8.alignedDirect(8));
        next = buffer.getShortVolatile(0);
    }

    private static int withShort(int word, int s) {
        return (word & ~MASK) | ((s & 0xFFFF) << SHIFT);
    }

    private static short shortOf(int word) {
        return (short) (word >>> SHIFT);
    }

    /** Adds {@code d} to the short, returns the old short. */
    private short getAndAddShort(int d) {
        int w;
        do {
            w = buffer.getIntVolatile(0);
        } while (!buffer.compareAndSetInt(0, w, withShort(w, shortOf(w) + d)));
        return shortOf(w);
    }

    /** Returns the witnessed short; the exchange happened iff it equals {@code e}. */
    private short compareAndExchangeShort(short e, short d) {
        while (true) {
            int w = buffer.getIntVolatile(0);
            short seen = shortOf(w);
            if (seen != e) {
                return seen;
            }
            if (buffer.compareAndSetInt(0, w, withShort(w, d))) {
                return e;
            }
        }
    }

    @Benchmark
    public short load() {
        return buffer.getShortVolatile(0);
    }

    @Benchmark
    public void store() {
        buffer.putShortVolatile(0, value);
    }

    @Benchmark
    public void inc() {
        getAndAddShort(1);
    }

    @Benchmark
    public short fetchAdd() {
        return getAndAddShort(delta);
    }

    @Benchmark
    public short cmpxchgStrong() {
        short e = next;
        short d = (short) (e + 1);
        short w = compareAndExchangeShort(e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        short e = next;
        short d = (short) (e + 1);
        boolean ok = compareAndExchangeShort(e, d) == e;
        next = ok ? d : buffer.getShortVolatile(0);
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
