package dev.atomics.benchmarks;

import dev.atomics.nativelib.Bridge;
import dev.atomics.nativelib.PatomicLibrary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor of every patomic-engine operation on this JVM: one call of the bridge's empty function through
 * {@link Bridge}, that is through the binding that serves the engine (a critical FFM downcall on Java 22+, a JNA
 * direct call on 17 to 21 or with {@code -Datomics.native.binding=jna}). {@link JnaFloor} is the JNA figure on
 * any Java, so on 22+ the two side by side are the FFM and JNA floors of one run.
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
public class BridgeFloor {

    long arg = 42;

    @Setup
    public void setup() {
        PatomicLibrary.get(); // loads and links the bridge
        System.out.println("binding: " + Bridge.binding());
    }

    @Benchmark
    public void noop() {
        Bridge.atomics_bridge_noop(arg);
    }
}
