package dev.atomics.benchmarks;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.Int128;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * atomics-core, a 16-byte {@link AtomicUint128} owning its memory (the patomic engine: {@code lock cmpxchg16b} on
 * x86-64, one JNA direct call per operation, values through a per-thread native buffer). Single thread; every
 * compare-and-swap succeeds (it swaps between two preallocated values, so the benchmark itself allocates nothing).
 * Results are consumed field by field, as a caller would, which lets escape analysis remove the {@link Int128}.
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
public class OursWidth16 {

    AtomicUint128 atomic;
    Int128 current = new Int128(0x0123_4567_89AB_CDEFL, -1L);
    Int128 other = new Int128(0x0123_4567_89AB_CDF0L, 0);
    Int128 delta = Int128.ONE;

    @Setup
    public void setup() {
        atomic = Atomics.atomic(16, AtomicType.UINT128);
        if (atomic.engine() != Engine.PATOMIC) {
            throw new IllegalStateException("width 16 should be patomic: " + atomic);
        }
        atomic.store(current);
    }

    @Benchmark
    public void load(Blackhole bh) {
        Int128 v = atomic.load();
        bh.consume(v.high());
        bh.consume(v.low());
    }

    @Benchmark
    public boolean compareAndSet() {
        Int128 e = current;
        Int128 d = other;
        boolean ok = atomic.compareAndSet(e, d);
        current = d;
        other = e;
        return ok;
    }

    @Benchmark
    public void compareAndExchange(Blackhole bh) {
        Int128 e = current;
        Int128 d = other;
        Int128 w = atomic.compareAndExchange(e, d);
        current = d;
        other = e;
        bh.consume(w.low());
    }

    @Benchmark
    public void fetchAdd(Blackhole bh) {
        Int128 v = atomic.fetchAdd(delta);
        bh.consume(v.high());
        bh.consume(v.low());
    }
}
