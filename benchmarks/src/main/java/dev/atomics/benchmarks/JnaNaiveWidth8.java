package dev.atomics.benchmarks;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import dev.atomics.Op;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.PatomicLibrary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The naive binding: the same patomic function pointers atomics-core's patomic engine calls, invoked with
 * {@link Function#invoke} the way a first JNA binding would: an {@code Object[]} of boxed arguments per call,
 * and a fresh {@link LongByReference} (a {@code Memory} of 8 bytes) for every value passed or returned.
 * {@code Function} objects and the object's memory are made once.
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
public class JnaNaiveWidth8 {

    /** patomic's (and C11's) memory_order_seq_cst. */
    int order = 5;

    long value = 42;
    long delta = 1;
    int bit = 5;
    long next;

    Memory owner;
    Pointer obj;
    Function load, store, inc, fetchAdd, cmpxchgStrong, bitSet;

    static Function function(ExplicitOpsTable table, Op op) {
        long address = table.function(op);
        if (address == 0) {
            throw new IllegalStateException("patomic has no " + op + " at width " + table.width());
        }
        return Function.getFunction(new Pointer(address));
    }

    @Setup
    public void setup() {
        ExplicitOpsTable table = PatomicLibrary.get().table(8);
        load = function(table, Op.LOAD);
        store = function(table, Op.STORE);
        inc = function(table, Op.INC);
        fetchAdd = function(table, Op.FETCH_ADD);
        cmpxchgStrong = function(table, Op.CMPXCHG_STRONG);
        bitSet = function(table, Op.BIT_TEST_SET);
        owner = new Memory(64);
        owner.clear();
        obj = owner.align(8);
        next = 0;
    }

    /** {@code void load(const volatile void *obj, int order, void *ret)} */
    @Benchmark
    public long load() {
        LongByReference ret = new LongByReference();
        load.invokeVoid(new Object[] {obj, order, ret});
        return ret.getValue();
    }

    /** {@code void store(volatile void *obj, const void *desired, int order)} */
    @Benchmark
    public void store() {
        store.invokeVoid(new Object[] {obj, new LongByReference(value), order});
    }

    /** {@code void inc(volatile void *obj, int order)} */
    @Benchmark
    public void inc() {
        inc.invokeVoid(new Object[] {obj, order});
    }

    /** {@code void fetch_add(volatile void *obj, const void *arg, int order, void *ret)} */
    @Benchmark
    public long fetchAdd() {
        LongByReference ret = new LongByReference();
        fetchAdd.invokeVoid(new Object[] {obj, new LongByReference(delta), order, ret});
        return ret.getValue();
    }

    /** {@code int cmpxchg_strong(volatile void *obj, void *expected, const void *desired, int succ, int fail)} */
    @Benchmark
    public long cmpxchgStrong() {
        long e = next;
        long d = e + 1;
        LongByReference expected = new LongByReference(e);
        int ok = cmpxchgStrong.invokeInt(new Object[] {obj, expected, new LongByReference(d), order, order});
        long w = expected.getValue();
        next = ok != 0 ? d : w;
        return w;
    }

    /** {@code int test_set(volatile void *obj, int offset, int order)} */
    @Benchmark
    public boolean bitSet() {
        return bitSet.invokeInt(new Object[] {obj, bit, order}) != 0;
    }
}
