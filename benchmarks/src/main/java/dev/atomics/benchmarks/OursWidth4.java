package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.CmpxchgResult;
import dev.atomics.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * atomics-core, a 4-byte {@link AtomicInt} owning its memory, on the {@code JVM} engine only (4-byte VarHandle
 * access modes on the object's direct buffer): the patomic engine costs the same native call at every width, which
 * widths 1, 2 and 8 already measure, so it is left out to keep the run short.
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
public class OursWidth4 {

    @Param({"JVM"})
    public String engine;

    AtomicInt atomic;
    /** Operands live in fields so that the JIT cannot fold them. */
    long value = 42;

    long delta = 1;
    int bit = 5;
    /** The value the next compare-and-exchange expects: it tracks memory, so every CAS succeeds. */
    long next;

    @Setup
    public void setup() {
        Engine e = Engine.valueOf(engine);
        atomic = Atomics.atomic(4, AtomicType.INT, e);
        if (atomic.engine() != e) {
            throw new IllegalStateException("asked for engine " + e + ", got " + atomic);
        }
        next = atomic.load();
    }

    @Benchmark
    public long load() {
        return atomic.load();
    }

    @Benchmark
    public void store() {
        atomic.store(value);
    }

    @Benchmark
    public void inc() {
        atomic.inc();
    }

    @Benchmark
    public long fetchAdd() {
        return atomic.fetchAdd(delta);
    }

    /** Consumes the result's fields, not the record, as a caller would: lets escape analysis work. */
    @Benchmark
    public void cmpxchgStrong(Blackhole bh) {
        long e = next;
        long d = (int) (e + 1);
        CmpxchgResult r = atomic.cmpxchgStrong(e, d);
        next = r.success() ? d : r.expected();
        bh.consume(r.success());
    }

    @Benchmark
    public boolean compareAndSet() {
        long e = next;
        long d = (int) (e + 1);
        boolean ok = atomic.compareAndSet(e, d);
        next = ok ? d : atomic.load();
        return ok;
    }

    @Benchmark
    public boolean bitSet() {
        return atomic.bitSet(bit);
    }
}
