package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicType;
import dev.atomics.Engine;

import java.nio.file.Path;

/**
 * One validated {@code atomics.shared.<name>} entry.
 *
 * @param target the shared-memory name as configured (with its suffix under test isolation), or the file path as
 *               configured
 * @param file   the absolute file path to map (under test isolation, in the context's directory); {@code null} for shm
 * @param mode   the permission bits to create the object or file with, {@code null} if the entry sets none
 */
record SharedSpec(String name, AtomicType<?, ?, ?> type, int width, Engine engine, boolean shm, String target,
                  Path file, long offset, boolean create, boolean readonly, boolean followSymlinks, Integer mode) {

    /** The property prefix of this entry, e.g. {@code atomics.shared.jobs-done}. */
    String prefix() {
        return AtomicsRegistryFactory.SHARED + "." + name;
    }

    long end() {
        return offset + width;
    }
}
