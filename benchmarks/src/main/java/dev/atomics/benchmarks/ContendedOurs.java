package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.CmpxchgResult;
import dev.atomics.Engine;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Two threads on one 8-byte atomics-core counter (shared state): throughput of fetchAdd and of a
 * compare-and-exchange increment loop that retries with the witnessed value.
 */
@State(Scope.Benchmark)
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Memory8.ADD_EXPORTS, Memory8.ADD_OPENS, Memory8.HEAP_MIN, Memory8.HEAP_MAX})
public class ContendedOurs {

    @Param({"JVM", "PATOMIC"})
    public String engine;

    AtomicInt atomic;
    long delta = 1;

    @Setup
    public void setup() {
        Engine e = Engine.valueOf(engine);
        atomic = Atomics.atomic(8, AtomicType.INT, e);
        if (atomic.engine() != e) {
            throw new IllegalStateException("asked for engine " + e + ", got " + atomic);
        }
    }

    @Benchmark
    public long fetchAdd() {
        return atomic.fetchAdd(delta);
    }

    @Benchmark
    public long casLoop() {
        long e = atomic.load();
        CmpxchgResult r;
        while (!(r = atomic.cmpxchgStrong(e, e + delta)).success()) {
            e = r.expected();
        }
        return e;
    }
}
