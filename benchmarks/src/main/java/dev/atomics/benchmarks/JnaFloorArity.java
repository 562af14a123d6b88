package dev.atomics.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.atomics.nativelib.PatomicLibrary;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

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
@Fork(
        value = 1,
        jvmArgsAppend = {
            Memory8.ADD_EXPORTS,
            Memory8.ADD_OPENS,
            Memory8.NATIVE_ACCESS,
            Memory8.HEAP_MIN,
            Memory8.HEAP_MAX
        })
public class JnaFloorArity {

    /** Direct-mapped: every method name resolves to {@code atomics_bridge_noop}. */
    static final class Noop {
        static {
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER, (com.sun.jna.FunctionMapper)
                    (NativeLibrary library, Method method) -> "atomics_bridge_noop");
            Native.register(
                    Noop.class,
                    NativeLibrary.getInstance(PatomicLibrary.get().bridgePath().toString(), options));
        }

        /** like atomics_bridge_load / _fetch_noarg / _void_noarg(op, obj): load, inc, fetchInc, ... */
        static native long args2(long op, long obj);

        /** like atomics_bridge_store / _exchange / _fetch / _void(op, obj, arg) and _bit(op, obj, offset) */
        static native long args3(long op, long obj, long arg);

        /** like atomics_bridge_cmpxchg(op, obj, expected, desired) */
        static native long args4(long op, long obj, long expected, long desired);
    }

    long a = 1, b = 2, c = 3, d = 4;

    @Setup
    public void setup() {
        Noop.args2(a, b);
    }

    @Benchmark
    public long args2() {
        return Noop.args2(a, b);
    }

    @Benchmark
    public long args3() {
        return Noop.args3(a, b, c);
    }

    @Benchmark
    public long args4() {
        return Noop.args4(a, b, c, d);
    }
}
