package dev.atomics.benchmarks;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.*;

/**
 * Agrona's {@link UnsafeBuffer} over an 8-byte direct buffer (bounds checks on, Agrona's default): the
 * IPC reference in Java. It has no compare-and-exchange returning the witness and no bitwise operation,
 * so {@code cmpxchgStrong} is absent and {@code bitSet} is a compareAndSetLong loop.
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
public class AgronaWidth8 {

    UnsafeBuffer buffer;
    long value = 42;
    long delta = 1;
    int bit = 5;
    long next;

    @Setup
    public void setup() {
        buffer = new UnsafeBuffer(Memory8.alignedDirect(8));
        next = buffer.getLongVolatile(0);
    }

    @Benchmark
    public long load() {
        return buffer.getLongVolatile(0);
    }

    @Benchmark
    public void store() {
        buffer.putLongVolatile(0, value);
    }

    @Benchmark
    public void inc() {
        buffer.getAndAddLong(0, 1L);
    }

    @Benchmark
    public long fetchAdd() {
        return buffer.getAndAddLong(0, delta);
    }

    @Benchmark
    public boolean compareAndSet() {
        long e = next;
        long d = e + 1;
        boolean ok = buffer.compareAndSetLong(0, e, d);
        next = ok ? d : buffer.getLongVolatile(0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        long mask = 1L << bit;
        long v;
        do {
            v = buffer.getLongVolatile(0);
        } while (!buffer.compareAndSetLong(0, v, v | mask));
        return (v & mask) != 0;
    }
}
