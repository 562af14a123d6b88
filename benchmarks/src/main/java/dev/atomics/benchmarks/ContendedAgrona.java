package dev.atomics.benchmarks;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.*;

/** Two threads on one 8-byte Agrona {@link UnsafeBuffer}: getAndAddLong, and a compareAndSetLong loop. */
@State(Scope.Benchmark)
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            Memory8.ADD_EXPORTS,
            Memory8.ADD_OPENS,
            Memory8.NATIVE_ACCESS,
            Memory8.HEAP_MIN,
            Memory8.HEAP_MAX
        })
public class ContendedAgrona {

    UnsafeBuffer buffer;
    long delta = 1;

    @Setup
    public void setup() {
        buffer = new UnsafeBuffer(Memory8.alignedDirect(8));
    }

    @Benchmark
    public long fetchAdd() {
        return buffer.getAndAddLong(0, delta);
    }

    /** Agrona's CAS returns no witness: reload after each failure. */
    @Benchmark
    public long casLoop() {
        long e;
        do {
            e = buffer.getLongVolatile(0);
        } while (!buffer.compareAndSetLong(0, e, e + delta));
        return e;
    }
}
