package dev.atomics;

import static dev.atomics.conformance.Conformance.random;
import static dev.atomics.conformance.Conformance.reproducibly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.conformance.Model;
import dev.atomics.conformance.Model.Outcome;
import dev.atomics.testing.Patomic;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM engine's 1- and 2-byte objects share a 4-byte word with their neighbours, since their
 * read-modify-writes are a compare-and-exchange loop on that word: they must read and write only their own
 * bytes, at every position in the word, and a neighbour written at the same time (by another thread, another
 * engine, a plain store) must lose nothing.
 */
class NarrowNeighboursTest {

    private static final int PER_THREAD = 20_000;

    /** Two aligned words of memory, for objects at every offset. */
    private static ByteBuffer twoWords() {
        return ByteBuffer.allocateDirect(16).alignedSlice(8).slice(0, 8);
    }

    /**
     * At every offset of two words, every read-modify-write gives the model's result and changes the object's
     * bytes as the model says, and no other byte. The memory around it holds random bytes, so a neighbour
     * written back wrongly shows.
     */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2})
    void anObjectAtEveryOffsetOfAWordTouchesOnlyItsBytes(int width) {
        List<Op> ops = List.of(
                Op.STORE,
                Op.EXCHANGE,
                Op.CMPXCHG_STRONG,
                Op.CMPXCHG_WEAK,
                Op.BIT_TEST_COMPL,
                Op.BIT_TEST_SET,
                Op.BIT_TEST_RESET,
                Op.BIN_FETCH_OR,
                Op.BIN_FETCH_XOR,
                Op.BIN_FETCH_AND,
                Op.BIN_FETCH_NOT,
                Op.FETCH_ADD,
                Op.FETCH_SUB,
                Op.FETCH_INC,
                Op.FETCH_DEC,
                Op.FETCH_NEG);
        ByteBuffer memory = twoWords();
        for (int offset = 0; offset < 8; offset += width) {
            String where = "width " + width + " at offset " + offset;
            SplittableRandom r = random(where);
            Model m = new Model(width, true);
            try (AtomicIntViewContext ctx =
                    Atomics.atomicView(memory.slice(offset, width), AtomicType.INT, Engine.JVM)) {
                AtomicIntView a = ctx.open();
                for (Op op : ops) {
                    for (int i = 0; i < 32; i++) {
                        byte[] before = new byte[8];
                        r.nextBytes(before);
                        memory.put(0, before);
                        m.set(BigInteger.valueOf(readRaw(memory, offset, width)));
                        long operand = m.value(BigInteger.valueOf(r.nextLong())).longValue();
                        long expected =
                                (r.nextBoolean() ? m.value() : m.value(BigInteger.valueOf(r.nextLong()))).longValue();
                        int bit = r.nextInt(8 * width);
                        int at = offset;
                        reproducibly(
                                () -> where + ", " + op + " operand " + operand + " expected " + expected + " bit "
                                        + bit,
                                () -> {
                                    Outcome outcome =
                                            m.apply(op, BigInteger.valueOf(operand), BigInteger.valueOf(expected), bit);
                                    Object result = call(a, op, operand, expected, bit);
                                    assertThat(result)
                                            .isEqualTo(
                                                    switch (op) {
                                                        case STORE -> null;
                                                        case CMPXCHG_STRONG, CMPXCHG_WEAK ->
                                                            outcome.value().longValue();
                                                        case BIT_TEST_COMPL, BIT_TEST_SET, BIT_TEST_RESET ->
                                                            outcome.bit();
                                                        default ->
                                                            outcome.value().longValue();
                                                    });
                                    byte[] after = new byte[8];
                                    memory.get(0, after);
                                    byte[] image = m.image(m.raw());
                                    System.arraycopy(image, 0, before, at, width);
                                    assertThat(after)
                                            .as("the object's bytes as the model says, every other byte as it was")
                                            .isEqualTo(before);
                                });
                    }
                }
            }
        }
    }

    private static long readRaw(ByteBuffer memory, int offset, int width) {
        return width == 1
                ? memory.get(offset)
                : memory.order(java.nio.ByteOrder.nativeOrder()).getShort(offset);
    }

    private static Object call(AtomicIntView a, Op op, long operand, long expected, int bit) {
        return switch (op) {
            case STORE -> {
                a.store(operand);
                yield null;
            }
            case EXCHANGE -> a.exchange(operand);
            case CMPXCHG_STRONG -> a.compareAndExchange(expected, operand);
            case CMPXCHG_WEAK -> {
                // a weak CAS may fail spuriously: retry while it reports the value it expected
                CmpxchgResult res;
                do {
                    res = a.cmpxchgWeak(expected, operand);
                } while (!res.success() && res.expected() == expected);
                yield res.expected();
            }
            case BIT_TEST_COMPL -> a.bitCompl(bit);
            case BIT_TEST_SET -> a.bitSet(bit);
            case BIT_TEST_RESET -> a.bitReset(bit);
            case BIN_FETCH_OR -> a.binFetchOr(operand);
            case BIN_FETCH_XOR -> a.binFetchXor(operand);
            case BIN_FETCH_AND -> a.binFetchAnd(operand);
            case BIN_FETCH_NOT -> a.binFetchNot();
            case FETCH_ADD -> a.fetchAdd(operand);
            case FETCH_SUB -> a.fetchSub(operand);
            case FETCH_INC -> a.fetchInc();
            case FETCH_DEC -> a.fetchDec();
            case FETCH_NEG -> a.fetchNeg();
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /**
     * Every 1- or 2-byte slot of two words has its own thread, each writing only its slot in its own way
     * (inc, a CAS loop, fetchAdd, plain stores, fetch-xor; some slots through patomic where it loads), and
     * checking after every step that its slot holds exactly what it wrote: a neighbour's word-wide write that
     * put back a stale copy of the slot would show at once. At the end every slot holds its final value.
     */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2})
    void concurrentWritersOfNeighbouringSlotsLoseNothing(int width) throws InterruptedException {
        ByteBuffer memory = twoWords();
        boolean patomic = Patomic.available();
        int slots = 8 / width;
        long mask = (1L << (8 * width)) - 1;
        List<AtomicUintViewContext> contexts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] finals = new long[slots];
        AtomicReference<String> failure = new AtomicReference<>();
        for (int slot = 0; slot < slots; slot++) {
            Engine engine = patomic && slot % 3 == 2 ? Engine.PATOMIC : Engine.JVM;
            AtomicUintViewContext ctx = Atomics.atomicView(memory.slice(slot * width, width), AtomicType.UINT, engine);
            contexts.add(ctx);
            AtomicUintView a = ctx.open();
            int mode = slot % 5;
            int s = slot;
            long expectedEnd = switch (mode) {
                case 0, 1 -> PER_THREAD & mask;
                case 2 -> (3L * PER_THREAD) & mask;
                case 3 -> (PER_THREAD - 1) & mask;
                default -> (PER_THREAD % 2 == 0 ? 0 : 0x5A5A) & mask;
            };
            finals[slot] = expectedEnd;
            threads.add(new Thread(() -> {
                long mine = 0;
                for (int i = 0; i < PER_THREAD && failure.get() == null; i++) {
                    switch (mode) {
                        case 0 -> a.inc();
                        case 1 -> {
                            long seen = a.load();
                            while (!a.compareAndSet(seen, (seen + 1) & mask)) {
                                seen = a.load();
                            }
                        }
                        case 2 -> a.fetchAdd(3);
                        case 3 -> a.store(i & mask);
                        default -> a.binXor(0x5A5A & mask);
                    }
                    mine = switch (mode) {
                        case 0, 1 -> (mine + 1) & mask;
                        case 2 -> (mine + 3) & mask;
                        case 3 -> i & mask;
                        default -> mine ^ (0x5A5A & mask);
                    };
                    long seen = a.load();
                    if (seen != mine) {
                        failure.compareAndSet(
                                null,
                                "slot " + s + " (" + a.engine() + ", mode " + mode + ") held " + seen + " after step "
                                        + i + ", not " + mine);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        for (int slot = 0; slot < slots; slot++) {
            long held = width == 1
                    ? memory.get(slot) & 0xFF
                    : memory.order(java.nio.ByteOrder.nativeOrder()).getShort(2 * slot) & 0xFFFF;
            assertThat(held).as("slot %d", slot).isEqualTo(finals[slot]);
        }
        contexts.forEach(AtomicUintViewContext::close);
    }
}
