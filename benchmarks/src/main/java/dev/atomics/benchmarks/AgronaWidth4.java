package dev.atomics.benchmarks;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.*;

/**
 * Agrona's {@link UnsafeBuffer} over a direct buffer, its int operations on the first 4 bytes (bounds checks on,
 * Agrona's default). As at width 8 it has no compare-and-exchange returning the witness and no bitwise operation,
 * so {@code cmpxchgStrong} is absent and {@code bitSet} is a compareAndSetInt loop.
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
public class AgronaWidth4 {

    UnsafeBuffer buffer;
    int value = 42;
    int delta = 1;
    int bit = 5;
    int next;

    @Setup
    public void setup() {
        buffer = new UnsafeBuffer(Memory8.alignedDirect(8));
        next = buffer.getIntVolatile(0);
    }

    @Benchmark
    public int load() {
        return buffer.getIntVolatile(0);
    }

    @Benchmark
    public void store() {
        buffer.putIntVolatile(0, value);
    }

    @Benchmark
    public void inc() {
        buffer.getAndAddInt(0, 1);
    }

    @Benchmark
    public int fetchAdd() {
        return buffer.getAndAddInt(0, delta);
    }

    @Benchmark
    public boolean compareAndSet() {
        int e = next;
        int d = e + 1;
        boolean ok = buffer.compareAndSetInt(0, e, d);
        next = ok ? d : buffer.getIntVolatile(0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        int mask = 1 << bit;
        int v;
        do {
            v = buffer.getIntVolatile(0);
        } while (!buffer.compareAndSetInt(0, v, v | mask));
        return (v & mask) != 0;
    }
}
