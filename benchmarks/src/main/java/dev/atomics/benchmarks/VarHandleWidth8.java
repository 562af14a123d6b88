package dev.atomics.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * A {@code byteBufferViewVarHandle(long[].class)} on an 8-byte direct buffer: the hand-written form of the
 * JVM engine (same memory kind, same access modes), without the atomics-core API around it.
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
public class VarHandleWidth8 {

    static final VarHandle VH = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    ByteBuffer buffer;
    long value = 42;
    long delta = 1;
    int bit = 5;
    long next;

    @Setup
    public void setup() {
        buffer = Memory8.alignedDirect(8);
        next = (long) VH.getVolatile(buffer, 0);
    }

    @Benchmark
    public long load() {
        return (long) VH.getVolatile(buffer, 0);
    }

    @Benchmark
    public void store() {
        VH.setVolatile(buffer, 0, value);
    }

    @Benchmark
    public void inc() {
        long ignored = (long) VH.getAndAdd(buffer, 0, 1L);
    }

    @Benchmark
    public long fetchAdd() {
        return (long) VH.getAndAdd(buffer, 0, delta);
    }

    @Benchmark
    public long cmpxchgStrong() {
        long e = next;
        long d = e + 1;
        long w = (long) VH.compareAndExchange(buffer, 0, e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        long e = next;
        long d = e + 1;
        boolean ok = VH.compareAndSet(buffer, 0, e, d);
        next = ok ? d : (long) VH.getVolatile(buffer, 0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        long mask = 1L << bit;
        return ((long) VH.getAndBitwiseOr(buffer, 0, mask) & mask) != 0;
    }
}
