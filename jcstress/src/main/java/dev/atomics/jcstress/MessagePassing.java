package dev.atomics.jcstress;

import static dev.atomics.MemoryOrder.ACQUIRE;
import static dev.atomics.MemoryOrder.RELAXED;
import static dev.atomics.MemoryOrder.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomics.AtomicInt;
import java.nio.ByteBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Message passing: a writer stores the data (RELAXED), then the flag with RELEASE; a reader loads the flag with
 * ACQUIRE, then the data (RELAXED). C11 forbids seeing the flag without the data ({@code r1 = 1, r2 = 0}).
 * One test per width of the JVM engine, and for 1 and 2 bytes also with the flag raised by a read-modify-write
 * (the word CAS loop in its release mode) and with the data and the flag in one word.
 */
public class MessagePassing {

    private MessagePassing() {}

    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width1 {
        final AtomicInt data = Memory.jvm(1);
        final AtomicInt flag = Memory.jvm(1);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.store(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width2 {
        final AtomicInt data = Memory.jvm(2);
        final AtomicInt flag = Memory.jvm(2);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.store(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width4 {
        final AtomicInt data = Memory.jvm(4);
        final AtomicInt flag = Memory.jvm(4);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.store(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width8 {
        final AtomicInt data = Memory.jvm(8);
        final AtomicInt flag = Memory.jvm(8);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.store(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    /** The flag raised by fetchAdd with RELEASE: a CAS loop on the containing word, in its release mode. */
    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width1ReleaseRmw {
        final AtomicInt data = Memory.jvm(1);
        final AtomicInt flag = Memory.jvm(1);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.fetchAdd(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    /** The flag raised by exchange with RELEASE and read by a fetchAdd(0) with ACQUIRE: both word CAS loops. */
    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width2RmwBothSides {
        final AtomicInt data = Memory.jvm(2);
        final AtomicInt flag = Memory.jvm(2);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.exchange(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.fetchAdd(0, ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }

    /** Data and flag are neighbouring bytes of one word: a byte store, then the word CAS of the flag. */
    @JCStressTest
    @Outcome(
            id = {"0, 0", "0, 1", "1, 1"},
            expect = ACCEPTABLE,
            desc = "the flag not yet seen, or the data with it")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "saw the flag but not the data it published")
    @State
    public static class Width1SameWord {
        final ByteBuffer word = Memory.word();
        final AtomicInt data = Memory.view(word, 0, 1, dev.atomics.Engine.JVM);
        final AtomicInt flag = Memory.view(word, 1, 1, dev.atomics.Engine.JVM);

        @Actor
        public void writer() {
            data.store(1, RELAXED);
            flag.binFetchOr(1, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) flag.load(ACQUIRE);
            r.r2 = (int) data.load(RELAXED);
        }
    }
}
