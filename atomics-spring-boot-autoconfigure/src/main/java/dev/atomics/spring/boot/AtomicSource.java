package dev.atomics.spring.boot;

import java.nio.file.Path;

/**
 * Where the memory of a registered atomic comes from: the process itself ({@link Instance}), a named POSIX
 * shared-memory object ({@link SharedMemory}) or a memory-mapped file ({@link MappedFile}).
 */
public sealed interface AtomicSource permits AtomicSource.Instance, AtomicSource.SharedMemory, AtomicSource.MappedFile {

    /** {@code instance}, {@code shm} or {@code file}: the value of the {@code source} tag and DTO field. */
    String kind();

    /** A one-line description, e.g. {@code shm myapp-counters at offset 8}. */
    String description();

    /** An atomic owning its memory (from {@code atomics.instances}). */
    record Instance() implements AtomicSource {
        @Override
        public String kind() {
            return "instance";
        }

        @Override
        public String description() {
            return "instance";
        }
    }

    /** A view at {@code offset} bytes into the named shared-memory object {@code name}. */
    record SharedMemory(String name, long offset) implements AtomicSource {
        @Override
        public String kind() {
            return "shm";
        }

        @Override
        public String description() {
            return "shm " + name + " at offset " + offset;
        }
    }

    /** A view at {@code offset} bytes into the memory-mapped file {@code path}. */
    record MappedFile(Path path, long offset) implements AtomicSource {
        @Override
        public String kind() {
            return "file";
        }

        @Override
        public String description() {
            return "file " + path + " at offset " + offset;
        }
    }
}
