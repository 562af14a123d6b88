package dev.atomics.jcstress;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import java.nio.ByteBuffer;

/** What the litmus tests' states are made of. */
final class Memory {

    static {
        // jcstress starts its forks with -Djna.nounpack=true (it unpacks JNA's own stub itself); atomics-core's
        // bundled patomic library, for the patomic neighbour test, is unpacked from the jar like any JNA library.
        System.setProperty("jna.nounpack", "false");
    }

    private Memory() {}

    /** A JVM-engine object of {@code width} bytes owning its memory. */
    static AtomicInt jvm(int width) {
        return Atomics.atomic(width, AtomicType.INT, Engine.JVM);
    }

    /** One aligned 4-byte word of direct memory (in an 8-byte aligned block). */
    static ByteBuffer word() {
        return ByteBuffer.allocateDirect(16).alignedSlice(8).slice(0, 4);
    }

    /**
     * A view of {@code width} bytes at {@code offset} of {@code word} on {@code engine}. Its context is never
     * closed: the view lives as long as the test's state, and the memory as long as the view.
     */
    static AtomicInt view(ByteBuffer word, int offset, int width, Engine engine) {
        AtomicIntViewContext ctx = Atomics.atomicView(word.slice(offset, width), AtomicType.INT, engine);
        return ctx.open();
    }
}
