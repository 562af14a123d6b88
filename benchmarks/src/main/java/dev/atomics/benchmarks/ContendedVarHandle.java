package dev.atomics.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** Two threads on one 8-byte direct buffer through a VarHandle: getAndAdd, and a compareAndExchange loop. */
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
public class ContendedVarHandle {

    ByteBuffer buffer;
    long delta = 1;

    @Setup
    public void setup() {
        buffer = Memory8.alignedDirect(8);
    }

    @Benchmark
    public long fetchAdd() {
        return (long) VarHandleWidth8.VH.getAndAdd(buffer, 0, delta);
    }

    @Benchmark
    public long casLoop() {
        long e = (long) VarHandleWidth8.VH.getVolatile(buffer, 0);
        long w;
        while ((w = (long) VarHandleWidth8.VH.compareAndExchange(buffer, 0, e, e + delta)) != e) {
            e = w;
        }
        return e;
    }
}
