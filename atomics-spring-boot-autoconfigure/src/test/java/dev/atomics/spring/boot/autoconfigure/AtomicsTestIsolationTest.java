package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.TestShm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code atomics.test.isolate}: each context gets shared-memory objects and files of its own, created for it, and
 * removes them when it closes; without it, closing removes nothing.
 */
class AtomicsTestIsolationTest {

    private final TestShm shm = new TestShm("isolate");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    /** What one context used: its shared-memory name, its two files and the directory they are in. */
    private record Used(String shm, Path file, Path other, Path root) {

        static Used of(AtomicsRegistry registry) {
            Path file = Path.of(registry.get("file-counter").source().target());
            Path other = Path.of(registry.get("elsewhere").source().target());
            Path root = file;
            while (!root.getFileName().toString().startsWith("atomics-test-")) {
                root = root.getParent();
            }
            return new Used(registry.get("jobs").source().target(), file, other, root);
        }
    }

    /** An application's shared entries, none with create: under isolation each gets a new object or file anyway. */
    private ApplicationContextRunner configured(String name) {
        return runner.withPropertyValues(
                "atomics.shared.jobs.shm=" + name,
                "atomics.shared.jobs-seen.shm=" + name,
                "atomics.shared.jobs-seen.readonly=true",
                "atomics.shared.file-counter.file=" + dir.resolve("var/counters.bin"),
                "atomics.shared.file-counter.offset=8",
                "atomics.shared.elsewhere.file=" + dir.resolve("other/dir/more.bin"));
    }

    @Test
    void twoContextsAtOnceCountInObjectsAndFilesOfTheirOwnAndLeaveNothingBehind() {
        String name = shm.name();
        List<Used> used = new ArrayList<>();
        ApplicationContextRunner isolated = configured(name).withPropertyValues("atomics.test.isolate=true");
        isolated.run(first -> isolated.run(second -> {
            assertThat(first).hasNotFailed();
            assertThat(second).hasNotFailed();
            Used a = Used.of(first.getBean(AtomicsRegistry.class));
            Used b = Used.of(second.getBean(AtomicsRegistry.class));
            used.add(a);
            used.add(b);
            assertThat(a.shm()).startsWith(name + "-test-").isNotEqualTo(b.shm());
            assertThat(b.shm()).startsWith(name + "-test-");
            assertThat(a.file()).isNotEqualTo(b.file());
            assertThat(a.file().toString())
                    .endsWith(dir.resolve("var/counters.bin").toString());
            assertThat(a.root().getParent())
                    .isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            // each counts in its own memory
            first.getBean(AtomicsRegistry.class).get("jobs", AtomicInt.class).add(3);
            second.getBean(AtomicsRegistry.class).get("jobs", AtomicInt.class).add(5);
            first.getBean(AtomicsRegistry.class)
                    .get("file-counter", AtomicInt.class)
                    .add(7);
            assertThat(first.getBean(AtomicsRegistry.class)
                            .get("jobs-seen", AtomicInt.class)
                            .load())
                    .isEqualTo(3);
            assertThat(second.getBean(AtomicsRegistry.class)
                            .get("jobs-seen", AtomicInt.class)
                            .load())
                    .isEqualTo(5);
            assertThat(second.getBean(AtomicsRegistry.class)
                            .get("file-counter", AtomicInt.class)
                            .load())
                    .isZero();
            // created with the default mode, and nothing under the configured names
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.file())))
                    .isEqualTo("rw-------");
            assertThat(SharedMemory.exists(name)).isFalse();
            assertThat(dir.resolve("var")).doesNotExist();
        }));
        assertThat(used).hasSize(2).allSatisfy(u -> {
            assertThat(SharedMemory.exists(u.shm())).as(u.shm()).isFalse();
            assertThat(u.file()).doesNotExist();
            assertThat(u.other()).doesNotExist();
            assertThat(u.root()).doesNotExist();
        });
    }

    @Test
    void anIsolatedContextThatFailsAfterItsAtomicsWereBuiltLeavesNothingBehindEither() {
        configured(shm.name())
                .withPropertyValues("atomics.test.isolate=true")
                .withUserConfiguration(FailingAfterTheRegistry.class)
                .run(context -> assertThat(context).hasFailed());
        Used used = FailingAfterTheRegistry.used;
        assertThat(used).isNotNull();
        assertThat(SharedMemory.exists(used.shm())).isFalse();
        assertThat(used.root()).doesNotExist();
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingAfterTheRegistry {

        static volatile Used used;

        @Bean
        Object failing(AtomicsRegistry registry) {
            used = Used.of(registry);
            throw new IllegalStateException("another bean fails");
        }
    }

    @Test
    void withoutIsolationClosingRemovesNothing() {
        String name = shm.name();
        configured(name)
                .withPropertyValues(
                        "atomics.shared.jobs.create=true",
                        "atomics.shared.file-counter.create=true",
                        "atomics.shared.elsewhere.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("jobs")
                                    .source()
                                    .target())
                            .isEqualTo(name);
                });
        assertThat(SharedMemory.exists(name)).isTrue();
        assertThat(dir.resolve("var/counters.bin")).exists();
        assertThat(dir.resolve("other/dir/more.bin")).exists();
    }
}
