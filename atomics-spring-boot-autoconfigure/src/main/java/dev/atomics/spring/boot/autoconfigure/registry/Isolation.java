package dev.atomics.spring.boot.autoconfigure.registry;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test isolation ({@code atomics.test.isolate=true}): the shared-memory objects and files of one application context
 * get names of their own, so that test contexts running at once (in one JVM or several) and a real application on
 * the machine never share them, and everything the context creates is removed when it closes. Each registry gets a
 * new id: {@code myapp-counters} becomes {@code myapp-counters-test-1a2b3c4d}, {@code /var/lib/myapp/counters.bin}
 * becomes {@code <java.io.tmpdir>/atomics-test-1a2b3c4d/var/lib/myapp/counters.bin}.
 */
final class Isolation {

    private final String id;
    private final Path root;

    private Isolation(String id, Path root) {
        this.id = id;
        this.root = root;
    }

    /** A new id: 32 random bits (short enough for macOS's 31-byte shared-memory names). */
    static Isolation create() {
        String id =
                "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new Isolation(
                id,
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("atomics-" + id));
    }

    /** The isolated name of the shared-memory object {@code name} (with or without the leading '/'). */
    String shm(String name) {
        return name + "-" + id;
    }

    /** The isolated path of the absolute, normalized {@code file}: the same path under {@link #root()}. */
    Path file(Path file) {
        Path root = file.getRoot();
        return this.root.resolve((root == null ? file : root.relativize(file)).toString());
    }

    /** The directory of this context's files; created with the first of them, removed with the last. */
    Path root() {
        return root;
    }

    @Override
    public String toString() {
        return "shared-memory names end with -" + id + ", files live under " + root;
    }
}
