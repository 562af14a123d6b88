package dev.atomics.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.*;

/** Two threads on one {@link AtomicLong}: getAndAdd, and a compareAndExchange increment loop. */
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
public class ContendedAtomicLong {

    AtomicLong atomic;
    long delta = 1;

    @Setup
    public void setup() {
        atomic = new AtomicLong();
    }

    @Benchmark
    public long fetchAdd() {
        return atomic.getAndAdd(delta);
    }

    @Benchmark
    public long casLoop() {
        long e = atomic.get();
        long w;
        while ((w = atomic.compareAndExchange(e, e + delta)) != e) {
            e = w;
        }
        return e;
    }
}
