package dev.atomics.spring.boot.it;

import dev.atomics.shm.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Per-test-class shared-memory name and directory, and the common configuration of the test application. */
final class ItSupport {

    final String shmName;
    final Path dir;
    final Path file;

    ItSupport(String tag) {
        this.shmName = "atomics-test-" + ProcessHandle.current().pid() + "-" + tag;
        try {
            this.dir = Files.createTempDirectory("atomics-" + tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.file = dir.resolve("counters.bin");
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("management.endpoints.web.exposure.include", () -> "atomics,health,metrics");
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add("atomics.instances.requests.type", () -> "int");
        registry.add("atomics.instances.requests.initial-value", () -> "5");
        registry.add("atomics.instances.level.type", () -> "uint");
        registry.add("atomics.instances.level.width", () -> "1");
        registry.add("atomics.instances.level.initial-value", () -> "3");
        registry.add("atomics.instances.level.engine", () -> "patomic"); // one atomic served by the native library
        registry.add("atomics.instances.flags.type", () -> "bytes");
        registry.add("atomics.instances.flags.width", () -> "4");
        registry.add("atomics.shared.jobs-done.shm", () -> shmName);
        registry.add("atomics.shared.jobs-done.create", () -> "true");
        registry.add("atomics.shared.jobs-seen.shm", () -> shmName);
        registry.add("atomics.shared.jobs-seen.readonly", () -> "true");
        registry.add("atomics.shared.jobs-seen.create", () -> "true");
        registry.add("atomics.shared.file-counter.file", file::toString);
        registry.add("atomics.shared.file-counter.offset", () -> "8");
        registry.add("atomics.shared.file-counter.create", () -> "true");
    }

    /** Unlinks the object (the still-running context keeps its mapping until it closes) and deletes the files. */
    void cleanup() throws IOException {
        if (SharedMemory.exists(shmName)) {
            SharedMemory.unlink(shmName);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
