package dev.atomics.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The JVM's 2-byte atomics with read-modify-writes: {@code arrayElementVarHandle(short[].class)} on a heap array.
 * {@code byteBufferViewVarHandle(short[].class)} reads and writes 2 bytes of a direct buffer but has no
 * read-modify-write at that width, so this is a lower bound for width 2 on the JVM, on memory no other process
 * can see.
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
public class VarHandleWidth2 {

    static final VarHandle VH = MethodHandles.arrayElementVarHandle(short[].class);

    short[] array;
    short value = 42;
    short delta = 1;
    int bit = 5;
    short next;

    @Setup
    public void setup() {
        array = new short[32];
        next = (short) VH.getVolatile(array, 0);
    }

    @Benchmark
    public short load() {
        return (short) VH.getVolatile(array, 0);
    }

    @Benchmark
    public void store() {
        VH.setVolatile(array, 0, value);
    }

    @Benchmark
    public void inc() {
        short ignored = (short) VH.getAndAdd(array, 0, (short) 1);
    }

    @Benchmark
    public short fetchAdd() {
        return (short) VH.getAndAdd(array, 0, delta);
    }

    @Benchmark
    public short cmpxchgStrong() {
        short e = next;
        short d = (short) (e + 1);
        short w = (short) VH.compareAndExchange(array, 0, e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        short e = next;
        short d = (short) (e + 1);
        boolean ok = VH.compareAndSet(array, 0, e, d);
        next = ok ? d : (short) VH.getVolatile(array, 0);
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        short mask = (short) (1 << bit);
        return ((short) VH.getAndBitwiseOr(array, 0, mask) & mask) != 0;
    }
}
