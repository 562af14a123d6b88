package dev.atomics.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomics.AtomicInt;
import dev.atomics.Engine;
import java.nio.ByteBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * The JVM engine's 1- and 2-byte read-modify-writes are a compare-and-exchange loop on the aligned 4-byte word
 * that holds them. Two threads each write their own object of one word at the same time; each must see its own
 * write take effect whole, and neither may lose the other's (the arbiter reads both afterwards).
 */
public class NeighbourAtomicity {

    private NeighbourAtomicity() {}

    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(expect = FORBIDDEN, desc = "an increment of one byte was lost to the other's word-wide write")
    @State
    public static class Width1FetchAdd {
        // bytes 2 and 3: on a little-endian machine byte 3 tops the word (one xadd), byte 2 takes the CAS loop
        final ByteBuffer word = Memory.word();
        final AtomicInt a = Memory.view(word, 2, 1, Engine.JVM);
        final AtomicInt b = Memory.view(word, 3, 1, Engine.JVM);

        @Actor
        public void actor1() {
            a.fetchAdd(1);
        }

        @Actor
        public void actor2() {
            b.fetchAdd(1);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (int) a.load();
            r.r2 = (int) b.load();
        }
    }

    /** Both halves of one word: the upper one by one xadd (little-endian), the lower one by the CAS loop. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(expect = FORBIDDEN, desc = "an increment of one half-word was lost to the other's word-wide write")
    @State
    public static class Width2FetchAdd {
        final ByteBuffer word = Memory.word();
        final AtomicInt a = Memory.view(word, 0, 2, Engine.JVM);
        final AtomicInt b = Memory.view(word, 2, 2, Engine.JVM);

        @Actor
        public void actor1() {
            a.fetchAdd(1);
        }

        @Actor
        public void actor2() {
            b.fetchAdd(1);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (int) a.load();
            r.r2 = (int) b.load();
        }
    }

    /** A word CAS loop on one byte against a plain (fenced) byte store to its neighbour. */
    @JCStressTest
    @Outcome(id = "1, 5", expect = ACCEPTABLE, desc = "the increment and the store both kept")
    @Outcome(expect = FORBIDDEN, desc = "the word-wide write put back the neighbour's old value, or lost the increment")
    @State
    public static class Width1FetchAddAgainstStore {
        final ByteBuffer word = Memory.word();
        final AtomicInt a = Memory.view(word, 2, 1, Engine.JVM);
        final AtomicInt b = Memory.view(word, 3, 1, Engine.JVM);

        @Actor
        public void actor1() {
            a.inc();
        }

        @Actor
        public void actor2() {
            b.store(5);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (int) a.load();
            r.r2 = (int) b.load();
        }
    }

    /** A strong compare-and-exchange may not fail because a neighbour changed: both must succeed. */
    @JCStressTest
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "both strong CASes succeeded")
    @Outcome(expect = FORBIDDEN, desc = "a strong CAS failed although its own bytes held the expected value")
    @State
    public static class Width1StrongCas {
        final ByteBuffer word = Memory.word();
        final AtomicInt a = Memory.view(word, 1, 1, Engine.JVM);
        final AtomicInt b = Memory.view(word, 2, 1, Engine.JVM);

        @Actor
        public void actor1(ZZ_Result r) {
            r.r1 = a.compareAndSet(0, 1);
        }

        @Actor
        public void actor2(ZZ_Result r) {
            r.r2 = b.compareAndSet(0, -1);
        }
    }

    /** The JVM engine's word loop against patomic's 1-byte C11 atomic on the neighbouring byte. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(expect = FORBIDDEN, desc = "an increment was lost between the engines")
    @State
    public static class Width1AgainstPatomic {
        final ByteBuffer word = Memory.word();
        final AtomicInt a = Memory.view(word, 0, 1, Engine.JVM);
        final AtomicInt b = Memory.view(word, 1, 1, Engine.PATOMIC);

        @Actor
        public void actor1() {
            a.fetchAdd(1);
        }

        @Actor
        public void actor2() {
            b.fetchAdd(1);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (int) a.load();
            r.r2 = (int) b.load();
        }
    }
}
