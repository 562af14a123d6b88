package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.CmpxchgResult;
import dev.atomics.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Two threads on one 8-byte atomics-core counter (shared state): throughput of fetchAdd and of a
 * compare-and-exchange increment loop that retries with the witnessed value (with {@code compareAndExchange},
 * as the other subjects, and with {@code cmpxchgStrong}'s result record).
 */
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

    /**
     * The CAS increment loop as the other subjects write it: {@code compareAndExchange} returns the witness
     * (like {@code AtomicLong.compareAndExchange}), so a retry allocates nothing.
     */
    @Benchmark
    public long casLoop() {
        long e = atomic.load();
        long w;
        while ((w = atomic.compareAndExchange(e, e + delta)) != e) {
            e = w;
        }
        return e;
    }

    /**
     * The same loop with {@code cmpxchgStrong}'s {@code CmpxchgResult}: in this retry loop C2's escape analysis
     * keeps the record (~35 B/op measured with -prof gc), so every attempt allocates.
     */
    @Benchmark
    public long casLoopResult() {
        long e = atomic.load();
        CmpxchgResult r;
        while (!(r = atomic.cmpxchgStrong(e, e + delta)).success()) {
            e = r.expected();
        }
        return e;
    }
}
