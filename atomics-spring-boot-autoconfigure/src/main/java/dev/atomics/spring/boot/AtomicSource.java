package dev.atomics.spring.boot;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a registered atomic lives: the process itself ({@link Instance}), a named POSIX shared-memory object
 * ({@link SharedMemory}), a memory-mapped file ({@link MappedFile}), a key or znode on a server
 * ({@link OnServer}), ... One implementation per
 * source kind; the endpoint, gauges and health see only this interface.
 */
public interface AtomicSource {

    /**
     * {@code instance}, {@code shm}, {@code file}, {@code redis}: the value of the {@code source} tag and DTO field.
     */
    String kind();

    /** A one-line description, e.g. {@code shm myapp-counters at offset 8}. */
    String description();

    /** What the atomic is in: the shared-memory name, file path or Redis key; {@code null} for an instance. */
    default @Nullable String target() {
        return null;
    }

    /**
     * The byte offset of the atomic in its {@link #target()}; {@code null} where there is none (instance, Redis key).
     */
    default @Nullable Long targetOffset() {
        return null;
    }

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

        @Override
        public String target() {
            return name;
        }

        @Override
        public Long targetOffset() {
            return offset;
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

        @Override
        public String target() {
            return path.toString();
        }

        @Override
        public Long targetOffset() {
            return offset;
        }
    }

    /**
     * An atomic a server keeps, e.g. on a Redis key or a znode.
     *
     * @param kind   the source kind, e.g. {@code redis}, {@code zookeeper}
     * @param noun   what {@code target} is, for the description, e.g. {@code redis key}, {@code znode}
     * @param target the key or path
     * @param server where the server is: {@code host:port}, or the ensemble's connect string
     */
    record OnServer(String kind, String noun, String target, String server) implements AtomicSource {
        @Override
        public String description() {
            return noun + " " + target + " on " + server;
        }
    }
}
