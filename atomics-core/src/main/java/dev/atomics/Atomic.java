package dev.atomics;

import java.util.List;

/**
 * An object of {@code width} bytes of native memory on which this library performs lock-free atomic
 * operations. This base type ({@link AtomicType#ANY}) exposes only properties; {@link AtomicIntegral},
 * {@link AtomicInt}, {@link AtomicUint} and {@link AtomicBytes} add the operations.
 *
 * <p>Both owning objects (from {@link Atomics#atomic}) and views on external memory (from an
 * {@link AtomicViewContext}) implement these types, so code that only operates on an atomic accepts either.
 * All methods are thread-safe; operations are also safe against other processes that operate on the same
 * memory with lock-free atomic instructions.
 */
public interface Atomic {

    /** The object's size in bytes. */
    int width();

    /** Whether the object refuses modifying operations (its memory is read-only). */
    boolean readonly();

    /** The operations this object supports, sorted by {@link OpType#ordinal()}. */
    List<OpType> opsSupported();

    /** The engine performing this object's operations: {@link Engine#JVM} or {@link Engine#PATOMIC}. */
    Engine engine();
}
