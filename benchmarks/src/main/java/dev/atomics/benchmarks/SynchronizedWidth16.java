package dev.atomics.benchmarks;

import dev.atomics.Int128;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The alternative to {@link OursWidth16} a Java user has today: a 16-byte direct buffer guarded by a {@code
 * synchronized} block
 * ({@link Locked16}), the same operations and values. Within one JVM only.
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
public class SynchronizedWidth16 {

    Locked16 pair;
    Int128 current = new Int128(0x0123_4567_89AB_CDEFL, -1L);
    Int128 other = new Int128(0x0123_4567_89AB_CDF0L, 0);
    Int128 delta = Int128.ONE;

    @Setup
    public void setup() {
        pair = new Locked16.Synchronized();
        pair.write(current);
    }

    @Benchmark
    public void load(Blackhole bh) {
        Int128 v = pair.load();
        bh.consume(v.high());
        bh.consume(v.low());
    }

    @Benchmark
    public boolean compareAndSet() {
        Int128 e = current;
        Int128 d = other;
        boolean ok = pair.compareAndSet(e, d);
        current = d;
        other = e;
        return ok;
    }

    @Benchmark
    public void compareAndExchange(Blackhole bh) {
        Int128 e = current;
        Int128 d = other;
        Int128 w = pair.compareAndExchange(e, d);
        current = d;
        other = e;
        bh.consume(w.low());
    }

    @Benchmark
    public void fetchAdd(Blackhole bh) {
        Int128 v = pair.fetchAdd(delta);
        bh.consume(v.high());
        bh.consume(v.low());
    }
}
