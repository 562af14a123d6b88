package dev.atomics.benchmarks;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.nativelib.Bridge;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.PatomicLibrary;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * A 16-byte compare-and-set at the bridge, without the engine around it: values by address in a per-thread
 * native buffer found through a {@link ThreadLocal} ({@code byAddress}: what the patomic engine does today through
 * its {@code Scratch}), against values in registers ({@code inRegisters}: {@code atomics_bridge_cas16}). Every
 * CAS succeeds (it swaps between two values). The difference is what an engine gains by calling the register
 * form for the operations that return no value.
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
public class Width16Calls {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One thread's buffer and its address, as the engine's Scratch keeps them. */
    static final class Scratch {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(48).alignedSlice(16).order(ByteOrder.nativeOrder());
        final long address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    Memory memory;
    long obj;
    long cas;
    long aHigh = 0x0123_4567_89AB_CDEFL;
    long aLow = -1L;
    long bHigh = 0x0123_4567_89AB_CDF0L;
    long bLow = 0;

    @Setup
    public void setup() {
        ExplicitOpsTable t = PatomicLibrary.get().table(16);
        if (t.function(Op.CMPXCHG_STRONG) == 0) {
            throw new IllegalStateException("no 16-byte compare-and-swap on this CPU");
        }
        memory = new Memory(64 + Bridge.OP_SIZE);
        memory.clear();
        obj = Pointer.nativeValue(memory.align(16));
        cas = obj + 32;
        Pointer d = new Pointer(cas);
        d.setLong(0, t.function(Op.CMPXCHG_STRONG));
        d.setInt(8, 16);
        d.setInt(12, MemoryOrder.SEQ_CST.value());
        d.setInt(16, MemoryOrder.SEQ_CST.value());
        Pointer o = new Pointer(obj);
        o.setLong(LITTLE ? 0 : 8, aLow);
        o.setLong(LITTLE ? 8 : 0, aHigh);
    }

    private void swap() {
        long h = aHigh;
        long l = aLow;
        aHigh = bHigh;
        aLow = bLow;
        bHigh = h;
        bLow = l;
    }

    @Benchmark
    public int byAddress() {
        Scratch s = SCRATCH.get();
        ByteBuffer b = s.buffer;
        b.putLong(LITTLE ? 0 : 8, aLow).putLong(LITTLE ? 8 : 0, aHigh);
        b.putLong(LITTLE ? 16 : 24, bLow).putLong(LITTLE ? 24 : 16, bHigh);
        int r = Bridge.atomics_bridge_cmpxchg_ref(cas, obj, s.address, s.address + 16);
        Reference.reachabilityFence(s);
        swap();
        return r;
    }

    @Benchmark
    public int inRegisters() {
        int r = Bridge.atomics_bridge_cas16(cas, obj, aLow, aHigh, bLow, bHigh);
        swap();
        return r;
    }
}
