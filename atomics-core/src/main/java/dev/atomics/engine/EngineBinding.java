package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.OpType;

import java.util.List;

/**
 * What an engine gives one object: the ops it calls, the engine that serves them, the operations it
 * supports and the alignment its memory must have.
 *
 * @param ops          the operations of widths 1 to 8, already restricted to {@code opsSupported}; {@code null}
 *                     for width 16, whose objects never call {@link Dispatch}
 * @param wideOps      the operations of width 16, already restricted to {@code opsSupported}; {@code null} for
 *                     the other widths
 * @param engine       {@link Engine#PATOMIC} or {@link Engine#JVM}
 * @param opsSupported the supported operations, sorted
 * @param alignment    the byte alignment the object's address must have
 */
public record EngineBinding(Ops ops, WideOps wideOps, Engine engine, List<OpType> opsSupported, long alignment) {

    /** A binding of widths 1 to 8. */
    public EngineBinding(Ops ops, Engine engine, List<OpType> opsSupported, long alignment) {
        this(ops, null, engine, opsSupported, alignment);
    }
}
