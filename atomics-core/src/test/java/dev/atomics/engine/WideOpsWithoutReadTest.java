package dev.atomics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.UnsupportedOpException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.memory.MemoryRegion;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.PatomicLibrary;
import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Width 16 on a CPU without an atomic 16-byte read (x86-64 without AVX, aarch64 without FEAT_LSE2), simulated with
 * this machine's width-16 table minus its load and bit-test slots: writable objects read by compare-and-exchange
 * (and still offer load and bit test), readonly ones are refused before anything touches their memory (a
 * compare-and-exchange writes, and on read-only memory the fault would kill the JVM).
 */
class WideOpsWithoutReadTest {

    private static final long SEED = 0x16_0AD5L;

    private ExplicitOpsTable full;
    private ExplicitOpsTable noRead;

    @BeforeEach
    void tables() {
        Patomic.assume();
        full = PatomicLibrary.get().table(16);
        assumeThat(full.isEmpty()).as("this CPU has a 16-byte compare-and-swap").isFalse();
        long[] fns = full.functions().clone();
        fns[Op.LOAD.slot()] = 0;
        fns[Op.BIT_TEST.slot()] = 0;
        noRead = new ExplicitOpsTable(16, fns, full.recommended(), full.minimum(), full.sizeWithin());
    }

    private static final class Object16 extends Target {
        Object16(MemoryRegion memory) {
            super(memory, null, false);
        }
    }

    @Test
    void readonlyObjectsAreRefusedWithoutAnAtomicRead() {
        PatomicOps ops = new PatomicOps(noRead);
        assertThat(ops.reads()).isFalse();
        for (boolean integral : new boolean[] {true, false}) {
            assertThatThrownBy(() -> Engines.bind(noRead, ops, "test library", integral, true, "AtomicUintView"))
                    .isInstanceOf(UnsupportedWidthException.class)
                    .hasMessageContaining("readonly")
                    .hasMessageContaining("atomic 16-byte read")
                    .hasMessageContaining("would write to read-only memory");
        }
    }

    @Test
    void readonlyObjectsWithAnAtomicReadOnlyRead() {
        PatomicOps ops = new PatomicOps(full);
        assumeThat(ops.reads())
                .as("this CPU has an atomic 16-byte read (x86-64: AVX)")
                .isTrue();
        EngineBinding b = Engines.bind(full, ops, "test library", true, true, "AtomicUintView");
        assertThat(b.opsSupported()).containsExactly(Op.LOAD, Op.BIT_TEST);
        assertThat(b.alignment()).isEqualTo(16);
        Object16 t = new Object16(MemoryRegion.allocate(16, 16));
        Scratch s = Scratch.get();
        assertThatThrownBy(() -> b.ops().store(t, s, MemoryOrder.SEQ_CST))
                .isInstanceOf(UnsupportedOpException.class)
                .hasMessageContaining("readonly");
        assertThatThrownBy(() -> b.ops().bit(t, Op.BIT_TEST_SET, 3, MemoryOrder.SEQ_CST))
                .isInstanceOf(UnsupportedOpException.class);
    }

    @Test
    void writableObjectsLoadAndTestBitsByCompareAndExchange() {
        PatomicOps ops = new PatomicOps(noRead);
        EngineBinding b = Engines.bind(noRead, ops, "test library", true, false, "AtomicUint");
        assertThat(b.opsSupported())
                .as("load and bit test stay, through a compare-and-exchange")
                .hasSize(Op.values().length);
        assertThat(b.ops()).isSameAs(ops);
        MemoryRegion region = MemoryRegion.allocate(16, 16);
        ByteBuffer memory = region.buffer();
        Object16 t = new Object16(region);
        Scratch s = Scratch.get();
        SplittableRandom r = new SplittableRandom(SEED);
        List<long[]> values = new java.util.ArrayList<>(List.of(
                new long[] {0, 0},
                new long[] {0, 1},
                new long[] {1, 0},
                new long[] {-1, -1},
                new long[] {Long.MIN_VALUE, 0},
                new long[] {0, -1}));
        for (int i = 0; i < 64; i++) {
            values.add(new long[] {r.nextLong(), r.nextLong()});
        }
        for (long[] v : values) {
            for (MemoryOrder o : List.of(MemoryOrder.RELAXED, MemoryOrder.ACQUIRE, MemoryOrder.SEQ_CST)) {
                String what = "[seed " + SEED + "] high " + v[0] + ", low " + v[1] + ", " + o;
                put(memory, v[0], v[1]);
                s.put(Scratch.R, 0x1234, 0x5678); // garbage the read must overwrite
                ops.load(t, s, o);
                assertThat(new long[] {s.high(Scratch.R), s.low(Scratch.R)})
                        .as(what)
                        .containsExactly(v[0], v[1]);
                assertThat(new long[] {high(memory), low(memory)})
                        .as("%s: memory unchanged", what)
                        .containsExactly(v[0], v[1]);
                for (int bit : new int[] {0, 1, 63, 64, 65, 127, r.nextInt(128)}) {
                    long half = bit < 64 ? v[1] : v[0];
                    assertThat(ops.bit(t, Op.BIT_TEST, bit, o))
                            .as("%s, bit %d", what, bit)
                            .isEqualTo((half >>> (bit & 63) & 1) != 0);
                }
            }
        }
    }

    private static void put(ByteBuffer memory, long high, long low) {
        boolean little = memory.order() == java.nio.ByteOrder.LITTLE_ENDIAN;
        memory.putLong(little ? 0 : 8, low).putLong(little ? 8 : 0, high);
    }

    private static long low(ByteBuffer memory) {
        return memory.getLong(memory.order() == java.nio.ByteOrder.LITTLE_ENDIAN ? 0 : 8);
    }

    private static long high(ByteBuffer memory) {
        return memory.getLong(memory.order() == java.nio.ByteOrder.LITTLE_ENDIAN ? 8 : 0);
    }
}
