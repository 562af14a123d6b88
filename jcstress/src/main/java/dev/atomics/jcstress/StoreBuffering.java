package dev.atomics.jcstress;

import static dev.atomics.MemoryOrder.SEQ_CST;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomics.AtomicInt;
import dev.atomics.Engine;
import java.nio.ByteBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Store buffering (Dekker): each thread stores 1 to its own location with SEQ_CST, then loads the other's with
 * SEQ_CST. Sequential consistency forbids both loads missing both stores ({@code 0, 0}); it is exactly what
 * a missing StoreLoad fence after a store would allow. One test per width of the JVM engine (for 1 byte the
 * store is a fenced byte store and the load a word load), plus the stores as exchanges (the word CAS loop)
 * and both locations in one word.
 */
public class StoreBuffering {

    private StoreBuffering() {}

    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width1 {
        final AtomicInt x = Memory.jvm(1);
        final AtomicInt y = Memory.jvm(1);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width2 {
        final AtomicInt x = Memory.jvm(2);
        final AtomicInt y = Memory.jvm(2);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width4 {
        final AtomicInt x = Memory.jvm(4);
        final AtomicInt y = Memory.jvm(4);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width8 {
        final AtomicInt x = Memory.jvm(8);
        final AtomicInt y = Memory.jvm(8);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    /** The stores as SEQ_CST exchanges: the word CAS loop in its volatile mode. */
    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width1Exchange {
        final AtomicInt x = Memory.jvm(1);
        final AtomicInt y = Memory.jvm(1);

        @Actor
        public void actor1(II_Result r) {
            x.exchange(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.exchange(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    /** The stores as SEQ_CST exchanges: the word CAS loop in its volatile mode. */
    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width2Exchange {
        final AtomicInt x = Memory.jvm(2);
        final AtomicInt y = Memory.jvm(2);

        @Actor
        public void actor1(II_Result r) {
            x.exchange(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.exchange(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    /** x and y are neighbouring bytes of one word: byte stores, and word loads that cover both. */
    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads passed both stores: not sequentially consistent")
    @State
    public static class Width1SameWord {
        final ByteBuffer word = Memory.word();
        final AtomicInt x = Memory.view(word, 0, 1, Engine.JVM);
        final AtomicInt y = Memory.view(word, 1, 1, Engine.JVM);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, SEQ_CST);
            r.r1 = (int) y.load(SEQ_CST);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, SEQ_CST);
            r.r2 = (int) x.load(SEQ_CST);
        }
    }

    /**
     * The control: the same test with RELEASE stores and ACQUIRE loads, for which C11 allows {@code 0, 0} (and x86
     * does it, its stores wait in a store buffer). Seeing it here shows that the harness can catch the reordering
     * the SEQ_CST tests forbid.
     */
    @JCStressTest
    @Outcome(
            id = {"0, 1", "1, 0", "1, 1"},
            expect = ACCEPTABLE,
            desc = "some order of the four operations")
    @Outcome(
            id = "0, 0",
            expect = org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING,
            desc = "both loads passed both stores: allowed for release/acquire")
    @State
    public static class Width1ReleaseAcquireControl {
        final AtomicInt x = Memory.jvm(1);
        final AtomicInt y = Memory.jvm(1);

        @Actor
        public void actor1(II_Result r) {
            x.store(1, dev.atomics.MemoryOrder.RELEASE);
            r.r1 = (int) y.load(dev.atomics.MemoryOrder.ACQUIRE);
        }

        @Actor
        public void actor2(II_Result r) {
            y.store(1, dev.atomics.MemoryOrder.RELEASE);
            r.r2 = (int) x.load(dev.atomics.MemoryOrder.ACQUIRE);
        }
    }
}
