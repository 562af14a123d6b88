package dev.atomics.conformance;

import dev.atomics.Atomic;
import java.nio.ByteBuffer;

/**
 * What the kit builds objects from. Each backend brings its own: {@link LocalTargets} for memory (both engines,
 * owning objects and views), atomics-redis's for Redis keys.
 */
public interface Target {

    /** A model of the objects this target builds, holding zero. */
    Model model();

    /** A new object under test, holding zero. */
    Subject open();

    /**
     * How many samples a test of one method runs at {@code orders}, spread over all of them: all by default. A
     * target whose every order means the same implementation (every operation on a Redis key is sequentially
     * consistent) and whose operations are slow may run fewer, and only a few at the other orders, which still
     * checks that they are accepted.
     */
    default int samples(Conformance.Orders orders) {
        return Integer.MAX_VALUE;
    }

    /**
     * An object's bytes, written and read around the library (a view's buffer, a Redis key), so that states are
     * set up and checked independently of the code under test.
     */
    interface Backdoor {
        /** Makes the object hold the memory image {@code bytes}. */
        void put(byte[] bytes);

        /** The memory image the object holds. */
        byte[] get();

        static Backdoor of(ByteBuffer memory) {
            return new Backdoor() {
                @Override
                public void put(byte[] bytes) {
                    memory.put(0, bytes);
                }

                @Override
                public byte[] get() {
                    byte[] bytes = new byte[memory.remaining()];
                    memory.get(0, bytes);
                    return bytes;
                }
            };
        }
    }

    /** A built object; its bytes if they can be reached around it ({@code null} if not), and what to close after it. */
    record Subject(Atomic atomic, Backdoor memory, AutoCloseable context) implements AutoCloseable {
        @Override
        public void close() {
            if (context != null) {
                try {
                    context.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + atomic + " failed", e);
                }
            }
        }
    }
}
