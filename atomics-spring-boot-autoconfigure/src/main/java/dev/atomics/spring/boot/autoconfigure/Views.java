package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicType;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.shm.SharedMapping;

import java.nio.ByteBuffer;

/** View-context factories for a runtime {@link AtomicType} (the configuration knows the type only as a value). */
final class Views {

    private Views() {
    }

    static AtomicViewContext<?> of(ByteBuffer buffer, AtomicType<?, ?, ?> type, Engine engine) {
        if (type == AtomicType.INT) {
            return Atomics.atomicView(buffer, AtomicType.INT, engine);
        }
        if (type == AtomicType.UINT) {
            return Atomics.atomicView(buffer, AtomicType.UINT, engine);
        }
        if (type == AtomicType.BYTES) {
            return Atomics.atomicView(buffer, AtomicType.BYTES, engine);
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    static AtomicViewContext<?> of(SharedMapping shm, long offset, int width, AtomicType<?, ?, ?> type, Engine engine) {
        if (type == AtomicType.INT) {
            return shm.atomicView(offset, width, AtomicType.INT, engine);
        }
        if (type == AtomicType.UINT) {
            return shm.atomicView(offset, width, AtomicType.UINT, engine);
        }
        if (type == AtomicType.BYTES) {
            return shm.atomicView(offset, width, AtomicType.BYTES, engine);
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }
}
