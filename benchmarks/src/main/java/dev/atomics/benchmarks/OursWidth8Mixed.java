package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import org.openjdk.jmh.annotations.*;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The JVM engine at width 8 in a program that also uses other widths and engines: before measuring, the
 * setup runs load and fetchAdd on 4- and 8-byte JVM objects, 1- and 8-byte patomic objects and a readonly
 * view, so that the JIT's type profile of atomics-core's shared dispatch sites sees every {@code Ops} class,
 * as it would in an application with a few kinds of atomics. Compare with {@link OursWidth8} (one kind).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {Memory8.ADD_EXPORTS, Memory8.ADD_OPENS, Memory8.HEAP_MIN, Memory8.HEAP_MAX})
public class OursWidth8Mixed {

    @Param({"JVM"})
    public String engine;

    AtomicInt atomic;
    long delta = 1;
    AtomicIntViewContext readonlyContext;

    @Setup
    public void setup() {
        atomic = Atomics.atomic(8, AtomicType.INT, Engine.valueOf(engine));
        AtomicInt[] others = {
                Atomics.atomic(4, AtomicType.INT, Engine.JVM),
                Atomics.atomic(8, AtomicType.INT, Engine.PATOMIC),
                Atomics.atomic(1, AtomicType.INT, Engine.PATOMIC),
                atomic,
        };
        readonlyContext = Atomics.atomicView(Memory8.alignedDirect(8).asReadOnlyBuffer(), AtomicType.INT);
        AtomicIntView readonly = readonlyContext.open();
        long sink = 0;
        for (int round = 0; round < 20_000; round++) {
            for (AtomicInt a : others) {
                sink += a.load();
                sink += a.fetchAdd(1);
                a.inc();
            }
            sink += readonly.load();
        }
        if (sink == 42) {
            System.out.println("unlikely");
        }
    }

    @TearDown
    public void tearDown() {
        readonlyContext.close();
    }

    @Benchmark
    public long load() {
        return atomic.load();
    }

    @Benchmark
    public long fetchAdd() {
        return atomic.fetchAdd(delta);
    }
}
