package dev.atomics.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The JVM's only single-byte atomics: {@code arrayElementVarHandle(byte[].class)} on a heap array.
 * {@code byteBufferViewVarHandle} has no byte view, so no VarHandle acts on one byte of a direct buffer:
 * this is a lower bound for width 1 on the JVM, on memory no other process can see.
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
public class VarHandleWidth1 {

    static final VarHandle VH = MethodHandles.arrayElementVarHandle(byte[].class);

    byte[] array;
    byte value = 42;
    byte delta = 1;
    int bit = 5;
    byte next;

    @Setup
    public void setup() {
        array = new byte[64];
        next = (byte) VH.getVolatile(array, 0);
    }

    @Benchmark
    public byte load() {
        return (byte) VH.getVolatile(array, 0);
    }

    @Benchmark
    public void store() {
        VH.setVolatile(array, 0, value);
    }

    @Benchmark
    public void inc() {
        byte ignored = (byte) VH.getAndAdd(array, 0, (byte) 1);
    }

    @Benchmark
    public byte fetchAdd() {
        return (byte) VH.getAndAdd(array, 0, delta);
    }

    @Benchmark
    public byte cmpxchgStrong() {
        byte e = next;
        byte d = (byte) (e + 1);
        byte w = (byte) VH.compareAndExchange(array, 0, e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        byte e = next;
        byte d = (byte) (e + 1);
        boolean ok = VH.compareAndSet(array, 0, e, d);
        next = ok ? d : (byte) VH.getVolatile(array, 0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        byte mask = (byte) (1 << bit);
        return ((byte) VH.getAndBitwiseOr(array, 0, mask) & mask) != 0;
    }
}
