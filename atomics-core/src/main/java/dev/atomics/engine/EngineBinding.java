package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.Op;
import java.util.List;

/**
 * What an engine gives one object: the ops it calls, the engine that serves them, the operations it
 * supports and the alignment its memory must have.
 *
 * @param ops          the engine's ops, already restricted to {@code opsSupported}
 * @param engine       {@link Engine#PATOMIC} or {@link Engine#JVM}
 * @param opsSupported the supported operations, in the table's order
 * @param alignment    the byte alignment the object's address must have
 */
public record EngineBinding(Ops ops, Engine engine, List<Op> opsSupported, long alignment) {}
