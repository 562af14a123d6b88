package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicType;
import dev.atomics.Engine;

import org.jspecify.annotations.Nullable;

/**
 * What every validated entry has, whatever its kind.
 *
 * @param prefix the property prefix of the entry, e.g. {@code atomics.shared.jobs-done}
 * @param engine the engine of an atomic on memory; {@code null} for a kind whose operations no local engine performs
 */
record Basics(String name, String prefix, AtomicType<?, ?, ?> type, int width, @Nullable Engine engine) {
}
