package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.testing.Patomic;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The width-16 entry points that take values in registers ({@code atomics_bridge_cas16}, {@code _cmpxchg16},
 * {@code _store16}, {@code _void16}), called through {@link Bridge} as an engine would, against a BigInteger model.
 * Surefire runs it on the JNA binding; Failsafe again on the packaged jar,
 * FFM on Java 22+. Seed: {@code atomics.test.seed}.
 */
class BridgeWidth16Test {

    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final long SEED = Long.getLong("atomics.test.seed", 20_251_207L);
    private static final int SAMPLES = 2000;
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static ExplicitOpsTable table;
    /** Holds the 16-aligned object. */
    private static Memory memory;

    private static long obj;

    @BeforeAll
    static void load() {
        Patomic.assume();
        table = PatomicLibrary.get().table(16);
        assumeTrue(table.function(Op.CMPXCHG_STRONG) != 0, "this CPU has no 16-byte compare-and-swap");
        memory = new Memory(64);
        obj = Pointer.nativeValue(memory.align(16));
    }

    /** A descriptor in native memory, kept reachable by the returned Memory. */
    private static Memory op(Op type, MemoryOrder order, MemoryOrder fail) {
        Memory d = new Memory(Bridge.OP_SIZE);
        d.setLong(0, table.function(type));
        d.setInt(8, 16);
        d.setInt(12, order.value());
        d.setInt(16, fail.value());
        d.setInt(20, 0);
        return d;
    }

    private static long addr(Memory m) {
        return Pointer.nativeValue(m);
    }

    private static BigInteger value(long high, long low) {
        return BigInteger.valueOf(high)
                .shiftLeft(64)
                .or(BigInteger.valueOf(low).and(MASK.shiftRight(64)))
                .and(MASK);
    }

    private static long low(BigInteger v) {
        return v.longValue();
    }

    private static long high(BigInteger v) {
        return v.shiftRight(64).longValue();
    }

    /** The object's value: plain reads, as only this thread writes it. */
    private static BigInteger read() {
        long at = obj - Pointer.nativeValue(memory);
        return value(memory.getLong(at + (LITTLE ? 8 : 0)), memory.getLong(at + (LITTLE ? 0 : 8)));
    }

    private static BigInteger edgeOrRandom(SplittableRandom r) {
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        long high = r.nextInt(3) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong();
        long low = r.nextInt(3) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong();
        return value(high, low);
    }

    @Test
    void storeThenCompareAndSetMatchTheModel() {
        SplittableRandom r = new SplittableRandom(SEED);
        Memory store = op(Op.STORE, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        Memory strong = op(Op.CMPXCHG_STRONG, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        Memory weak = op(Op.CMPXCHG_WEAK, MemoryOrder.ACQ_REL, MemoryOrder.ACQUIRE);
        for (int i = 0; i < SAMPLES; i++) {
            BigInteger v = edgeOrRandom(r);
            Bridge.atomics_bridge_store16(addr(store), obj, low(v), high(v));
            assertThat(read()).as("[seed %d] store16 %s", SEED, v).isEqualTo(v);

            // expected: the value, or one differing in one half only
            BigInteger e = switch (r.nextInt(3)) {
                case 0 -> v;
                case 1 -> v.xor(BigInteger.ONE.shiftLeft(r.nextInt(64)));
                default -> v.xor(BigInteger.ONE.shiftLeft(64 + r.nextInt(64)));
            };
            BigInteger d = edgeOrRandom(r);
            Memory cas = r.nextBoolean() ? strong : weak;
            int ok = Bridge.atomics_bridge_cas16(addr(cas), obj, low(e), high(e), low(d), high(d));
            assertThat(ok).as("[seed %d] cas16 of %s expecting %s", SEED, v, e).isEqualTo(e.equals(v) ? 1 : 0);
            assertThat(read()).as("[seed %d] after cas16", SEED).isEqualTo(e.equals(v) ? d : v);
        }
    }

    @Test
    void compareAndExchangeHandsBackTheWitnessOnFailureOnly() {
        SplittableRandom r = new SplittableRandom(SEED + 2);
        Memory store = op(Op.STORE, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        Memory strong = op(Op.CMPXCHG_STRONG, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        Memory weak = op(Op.CMPXCHG_WEAK, MemoryOrder.ACQ_REL, MemoryOrder.ACQUIRE);
        Memory witness = new Memory(16);
        for (int i = 0; i < SAMPLES; i++) {
            BigInteger v = edgeOrRandom(r);
            Bridge.atomics_bridge_store16(addr(store), obj, low(v), high(v));
            BigInteger e = switch (r.nextInt(3)) {
                case 0 -> v;
                case 1 -> v.xor(BigInteger.ONE.shiftLeft(r.nextInt(64)));
                default -> v.xor(BigInteger.ONE.shiftLeft(64 + r.nextInt(64)));
            };
            BigInteger d = edgeOrRandom(r);
            BigInteger marker = edgeOrRandom(r);
            witness.setLong(LITTLE ? 0 : 8, low(marker));
            witness.setLong(LITTLE ? 8 : 0, high(marker));
            Memory cas = r.nextBoolean() ? strong : weak;
            int ok = Bridge.atomics_bridge_cmpxchg16(addr(cas), obj, low(e), high(e), low(d), high(d), addr(witness));
            BigInteger seen = value(witness.getLong(LITTLE ? 8 : 0), witness.getLong(LITTLE ? 0 : 8));
            assertThat(ok)
                    .as("[seed %d] cmpxchg16 of %s expecting %s", SEED, v, e)
                    .isEqualTo(e.equals(v) ? 1 : 0);
            assertThat(read()).as("[seed %d] after cmpxchg16", SEED).isEqualTo(e.equals(v) ? d : v);
            assertThat(seen)
                    .as("[seed %d] witness after cmpxchg16 of %s expecting %s", SEED, v, e)
                    .isEqualTo(e.equals(v) ? marker : v);
        }
    }

    @Test
    void voidOpsMatchTheModelWithCarriesBetweenTheHalves() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        Memory store = op(Op.STORE, MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
        record Case(Op type, BinaryOperator<BigInteger> model) {}
        Case[] cases = {
            new Case(Op.ADD, BigInteger::add),
            new Case(Op.SUB, BigInteger::subtract),
            new Case(Op.BIN_OR, BigInteger::or),
            new Case(Op.BIN_AND, BigInteger::and),
            new Case(Op.BIN_XOR, BigInteger::xor)
        };
        for (Case c : cases) {
            assumeTrue(table.function(c.type()) != 0, c.type() + " at width 16");
            Memory op = op(c.type(), MemoryOrder.SEQ_CST, MemoryOrder.SEQ_CST);
            for (int i = 0; i < SAMPLES / 4; i++) {
                BigInteger v = i == 0 ? value(0, -1) : edgeOrRandom(r);
                BigInteger a = i == 0 ? BigInteger.ONE : edgeOrRandom(r);
                Bridge.atomics_bridge_store16(addr(store), obj, low(v), high(v));
                Bridge.atomics_bridge_void16(addr(op), obj, low(a), high(a));
                assertThat(read())
                        .as("[seed %d] %s of %s and %s", SEED, c.type(), v, a)
                        .isEqualTo(c.model().apply(v, a).and(MASK));
            }
        }
    }
}
