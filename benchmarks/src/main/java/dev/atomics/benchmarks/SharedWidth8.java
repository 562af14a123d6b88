package dev.atomics.benchmarks;

import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Engine;
import dev.atomics.shm.SharedMemory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * atomics-core, an 8-byte {@link AtomicIntView} on POSIX shared memory, on each engine: what the fault guard
 * of shared mappings costs per operation (issue 26), compared before and after with the interleaved runner.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {Memory8.ADD_EXPORTS, Memory8.ADD_OPENS, Memory8.HEAP_MIN, Memory8.HEAP_MAX})
public class SharedWidth8 {

    @Param({"JVM", "PATOMIC"})
    public String engine;

    SharedMemory shm;
    AtomicIntViewContext context;
    AtomicIntView view;
    long delta = 1;
    long value = 42;
    long next;

    @Setup
    public void setup() {
        String name = "atomics-bench-" + ProcessHandle.current().pid() + "-"
                + ThreadLocalRandom.current().nextInt(1 << 30);
        shm = SharedMemory.create(name, 4096);
        shm.unlink(); // nothing left behind: the mapping keeps the object
        context = shm.atomicView(64, 8, AtomicType.INT, Engine.valueOf(engine));
        view = context.open();
        next = view.load();
    }

    @TearDown
    public void tearDown() {
        context.close();
        shm.close();
    }

    @Benchmark
    public long load() {
        return view.load();
    }

    @Benchmark
    public void store() {
        view.store(value);
    }

    @Benchmark
    public long fetchAdd() {
        return view.fetchAdd(delta);
    }

    @Benchmark
    public boolean compareAndSet() {
        long e = next;
        long d = e + 1;
        boolean ok = view.compareAndSet(e, d);
        next = ok ? d : view.load();
        return ok;
    }
}
