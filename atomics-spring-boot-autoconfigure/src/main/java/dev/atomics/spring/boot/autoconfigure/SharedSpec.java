package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicType;
import dev.atomics.Engine;

import java.nio.file.Path;

/**
 * One validated {@code atomics.shared.<name>} entry.
 *
 * @param target the shared-memory name as configured, or the absolute file path
 */
record SharedSpec(String name, AtomicType<?, ?, ?> type, int width, Engine engine, boolean shm, String target,
                  Path file, long offset, boolean create, boolean readonly, boolean followSymlinks) {

    /** The property prefix of this entry, e.g. {@code atomics.shared.jobs-done}. */
    String prefix() {
        return AtomicsRegistryFactory.SHARED + "." + name;
    }

    long end() {
        return offset + width;
    }
}
