package dev.atomics.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.*;

/** {@link AtomicLong}: the JDK's heap counter, the reference every JVM engine figure is a ratio to. */
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
public class AtomicLongWidth8 {

    AtomicLong atomic;
    long value = 42;
    long delta = 1;
    int bit = 5;
    long next;

    @Setup
    public void setup() {
        atomic = new AtomicLong();
        next = atomic.get();
    }

    @Benchmark
    public long load() {
        return atomic.get();
    }

    @Benchmark
    public void store() {
        atomic.set(value);
    }

    @Benchmark
    public void inc() {
        atomic.incrementAndGet();
    }

    @Benchmark
    public long fetchAdd() {
        return atomic.getAndAdd(delta);
    }

    /** compareAndExchange: returns the witness, like cmpxchgStrong. */
    @Benchmark
    public long cmpxchgStrong() {
        long e = next;
        long d = e + 1;
        long w = atomic.compareAndExchange(e, d);
        next = w == e ? d : w;
        return w;
    }

    @Benchmark
    public boolean compareAndSet() {
        long e = next;
        long d = e + 1;
        boolean ok = atomic.compareAndSet(e, d);
        next = ok ? d : atomic.get();
        return ok;
    }

    /** AtomicLong has no bitwise access mode: getAndAccumulate, a CAS loop, is the idiom. */
    @Benchmark
    public boolean bitSet() {
        long mask = 1L << bit;
        return (atomic.getAndAccumulate(mask, (x, y) -> x | y) & mask) != 0;
    }
}
