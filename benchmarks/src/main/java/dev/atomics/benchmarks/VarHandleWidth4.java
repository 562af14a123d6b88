package dev.atomics.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * A {@code byteBufferViewVarHandle(int[].class)} on a 4-byte direct buffer: the hand-written form of the JVM
 * engine at width 4 (same memory kind, same access modes), without the atomics-core API around it.
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
public class VarHandleWidth4 {

    static final VarHandle VH = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    ByteBuffer buffer;
    int value = 42;
    int delta = 1;
    int bit = 5;
    int next;

    @Setup
    public void setup() {
        buffer = Memory8.alignedDirect(4);
        next = (int) VH.getVolatile(buffer, 0);
    }

    @Benchmark
    public int load() {
        return (int) VH.getVolatile(buffer, 0);
    }

    @Benchmark
    public void store() {
        VH.setVolatile(buffer, 0, value);
    }

    @Benchmark
    public void inc() {
        int ignored = (int) VH.getAndAdd(buffer, 0, 1);
    }

    @Benchmark
    public int fetchAdd() {
        return (int) VH.getAndAdd(buffer, 0, delta);
    }

    @Benchmark
    public int cmpxchgStrong() {
        int e = next;
        int d = e + 1;
        int w = (int) VH.compareAndExchange(buffer, 0, e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        int e = next;
        int d = e + 1;
        boolean ok = VH.compareAndSet(buffer, 0, e, d);
        next = ok ? d : (int) VH.getVolatile(buffer, 0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        int mask = 1 << bit;
        return ((int) VH.getAndBitwiseOr(buffer, 0, mask) & mask) != 0;
    }
}
