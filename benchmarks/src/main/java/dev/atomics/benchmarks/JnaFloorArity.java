package dev.atomics.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.atomics.nativelib.PatomicLibrary;
import org.openjdk.jmh.annotations.*;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic, not a peer: the JNA floor as a function of the number of arguments. Each method is
 * direct-mapped to the same do-nothing {@code atomics_bridge_noop}, declared with the argument list of one
 * bridge entry point (the x86-64 and AArch64 C calling conventions let a callee ignore extra arguments), so
 * the difference to {@link JnaFloor} is what JNA spends per argument. The names say which entry point each
 * arity matches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {Memory8.ADD_EXPORTS, Memory8.ADD_OPENS, Memory8.HEAP_MIN, Memory8.HEAP_MAX})
public class JnaFloorArity {

    /** Direct-mapped: every method name resolves to {@code atomics_bridge_noop}. */
    static final class Noop {
        static {
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (com.sun.jna.FunctionMapper) (NativeLibrary library, Method method) -> "atomics_bridge_noop");
            Native.register(Noop.class,
                    NativeLibrary.getInstance(PatomicLibrary.get().bridgePath().toString(), options));
        }

        /** like atomics_bridge_void_noarg(fn, obj, order): inc, dec, neg, not */
        static native void args3(long fn, long obj, int order);

        /** like atomics_bridge_load(fn, obj, width, order) and atomics_bridge_bit(fn, obj, offset, order) */
        static native long args4(long fn, long obj, int width, int order);

        /** like atomics_bridge_fetch(fn, obj, arg, width, order) and atomics_bridge_store */
        static native long args5(long fn, long obj, long arg, int width, int order);

        /** like atomics_bridge_cmpxchg(fn, obj, expected, desired, width, succ, fail) */
        static native long args7(long fn, long obj, long expected, long desired, int width, int succ, int fail);
    }

    long a = 1, b = 2, c = 3, d = 4;
    int w = 8, o = 5;

    @Setup
    public void setup() {
        Noop.args3(a, b, o);
    }

    @Benchmark
    public void args3() {
        Noop.args3(a, b, o);
    }

    @Benchmark
    public long args4() {
        return Noop.args4(a, b, w, o);
    }

    @Benchmark
    public long args5() {
        return Noop.args5(a, b, c, w, o);
    }

    @Benchmark
    public long args7() {
        return Noop.args7(a, b, c, d, w, o, o);
    }
}
