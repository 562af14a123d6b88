package dev.atomics.benchmarks;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.Int128;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Two threads on one 16-byte counter: a compare-and-swap increment loop that retries with the witnessed value,
 * and fetchAdd, on atomics-core's 16-byte {@link AtomicUint128} ({@code OURS}) and on the lock-guarded buffers of
 * {@link Locked16} ({@code SYNCHRONIZED}, {@code STAMPED_LOCK}). Throughput of both threads together.
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
public class ContendedWidth16 {

    @Param({"OURS", "SYNCHRONIZED", "STAMPED_LOCK"})
    public String subject;

    AtomicUint128 atomic;
    Locked16 pair;
    Int128 delta = Int128.ONE;

    @Setup
    public void setup() {
        switch (subject) {
            case "OURS" -> {
                atomic = Atomics.atomic(16, AtomicType.UINT128);
                if (atomic.engine() != Engine.PATOMIC) {
                    throw new IllegalStateException("width 16 should be patomic: " + atomic);
                }
            }
            case "SYNCHRONIZED" -> pair = new Locked16.Synchronized();
            case "STAMPED_LOCK" -> pair = new Locked16.Stamped();
            default -> throw new IllegalArgumentException(subject);
        }
    }

    /** load, then compareAndExchange until it takes, each retry from the value the failed attempt saw. */
    @Benchmark
    public long casLoop() {
        if (atomic != null) {
            Int128 e = atomic.load();
            Int128 w;
            while ((w = atomic.compareAndExchange(e, e.add(delta))) != e) {
                e = w;
            }
            return e.low();
        }
        Int128 e = pair.load();
        Int128 w;
        while ((w = pair.compareAndExchange(e, e.add(delta))) != e) {
            e = w;
        }
        return e.low();
    }

    @Benchmark
    public long fetchAdd() {
        return atomic != null
                ? atomic.fetchAdd(delta).low()
                : pair.fetchAdd(delta).low();
    }
}
