package dev.atomics.benchmarks;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The JVM engine in a program that also uses other widths and engines: before measuring, the setup runs load,
 * fetchAdd and inc on JVM objects of every width (1, 2, 4, 8; int and bytes), 1- and 8-byte patomic objects and a
 * readonly view, so that the JIT's type profile of atomics-core's shared dispatch sites sees every {@code Ops}
 * class and the JVM engine's width branches all taken, as in an application with a few kinds of atomics. Then
 * it measures one JVM object of {@code width} bytes. Compare with {@link OursWidth8} and {@link OursWidth1}
 * (one kind): if the dispatch and the width branch stay inlined, the figures match.
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
public class OursWidth8Mixed {

    @Param({"JVM"})
    public String engine;

    @Param({"8", "1"})
    public int width;

    AtomicInt atomic;
    long delta = 1;
    AtomicIntViewContext readonlyContext;

    @Setup
    public void setup() {
        atomic = Atomics.atomic(width, AtomicType.INT, Engine.valueOf(engine));
        AtomicInt[] others = {
            Atomics.atomic(1, AtomicType.INT, Engine.JVM),
            Atomics.atomic(2, AtomicType.INT, Engine.JVM),
            Atomics.atomic(4, AtomicType.INT, Engine.JVM),
            Atomics.atomic(8, AtomicType.INT, Engine.JVM),
            Atomics.atomic(8, AtomicType.INT, Engine.PATOMIC),
            Atomics.atomic(1, AtomicType.INT, Engine.PATOMIC),
            atomic,
        };
        AtomicBytes[] bytes = {
            Atomics.atomic(1, AtomicType.BYTES, Engine.JVM),
            Atomics.atomic(2, AtomicType.BYTES, Engine.JVM),
            Atomics.atomic(8, AtomicType.BYTES, Engine.JVM),
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
            for (AtomicBytes b : bytes) {
                sink += b.load()[0];
                sink += b.binFetchXor(b.load())[0];
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
