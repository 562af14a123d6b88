package dev.atomics.benchmarks;

import dev.atomics.nativelib.JnaBridge;
import dev.atomics.nativelib.PatomicLibrary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The floor of any JNA path: one direct-mapped call of a native function that does nothing
 * ({@code atomics_bridge_noop}, in the same bridge library and with the same calling machinery as every
 * patomic-engine operation). The patomic engine's figures are ratios to this one.
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
public class JnaFloor {

    long arg = 42;

    @Setup
    public void setup() {
        PatomicLibrary.get(); // loads and registers the bridge
    }

    @Benchmark
    public void noop() {
        JnaBridge.atomics_bridge_noop(arg);
    }
}
