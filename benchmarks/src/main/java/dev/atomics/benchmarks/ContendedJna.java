package dev.atomics.benchmarks;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import dev.atomics.Op;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.JnaBridge;
import dev.atomics.nativelib.PatomicLibrary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Two threads through JNA: the naive {@link Function#invoke} binding on one shared counter (fetchAdd, and a
 * cmpxchg loop whose expected-value reference receives the witness), and the bare direct-call floor
 * ({@code noop}, touching no shared memory: the most two threads can do through JNA at all).
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
public class ContendedJna {

    int order = 5;
    long delta = 1;
    long arg = 42;
    Memory owner;
    Pointer obj;
    Function load, fetchAdd, cmpxchgStrong;

    @Setup
    public void setup() {
        ExplicitOpsTable table = PatomicLibrary.get().table(8);
        load = JnaNaiveWidth8.function(table, Op.LOAD);
        fetchAdd = JnaNaiveWidth8.function(table, Op.FETCH_ADD);
        cmpxchgStrong = JnaNaiveWidth8.function(table, Op.CMPXCHG_STRONG);
        owner = new Memory(64);
        owner.clear();
        obj = owner.align(8);
    }

    @Benchmark
    public long naiveFetchAdd() {
        LongByReference ret = new LongByReference();
        fetchAdd.invokeVoid(new Object[] {obj, new LongByReference(delta), order, ret});
        return ret.getValue();
    }

    @Benchmark
    public long naiveCasLoop() {
        LongByReference expected = new LongByReference();
        load.invokeVoid(new Object[] {obj, order, expected});
        while (true) {
            long e = expected.getValue();
            int ok =
                    cmpxchgStrong.invokeInt(new Object[] {obj, expected, new LongByReference(e + delta), order, order});
            if (ok != 0) {
                return e;
            }
        }
    }

    @Benchmark
    public void floorNoop() {
        JnaBridge.atomics_bridge_noop(arg);
    }
}
