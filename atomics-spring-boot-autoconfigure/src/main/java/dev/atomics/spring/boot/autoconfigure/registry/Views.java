package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.AtomicType;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.shm.SharedMapping;
import java.nio.ByteBuffer;

/** View-context factories for a runtime {@link AtomicType} (the configuration knows the type only as a value). */
final class Views {

    private Views() {}

    static AtomicViewContext<?> of(ByteBuffer buffer, AtomicType<?, ?, ?> type, Engine engine) {
        return Atomics.atomicView(buffer, type.forWidth(buffer.remaining()), engine);
    }

    static AtomicViewContext<?> of(SharedMapping shm, long offset, int width, AtomicType<?, ?, ?> type, Engine engine) {
        return shm.atomicView(offset, width, type.forWidth(width), engine);
    }
}
