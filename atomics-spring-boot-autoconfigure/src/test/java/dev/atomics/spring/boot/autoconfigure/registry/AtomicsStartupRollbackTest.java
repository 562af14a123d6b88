package dev.atomics.spring.boot.autoconfigure.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Engine;
import dev.atomics.shm.MappedFile;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.TestShm;
import dev.atomics.spring.boot.autoconfigure.AtomicsAutoConfiguration;
import dev.atomics.spring.boot.autoconfigure.AtomicsFailureAnalyzer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A startup that fails while the registry is built leaves nothing behind: every shared-memory object, file and
 * directory it created is removed again, and everything that existed before survives untouched (also when this
 * startup grew it). Once the registry is built, nothing is ever removed: not on shutdown, and not when the
 * context fails later for another reason.
 */
class AtomicsStartupRollbackTest {

    private final TestShm shm = new TestShm("rollback");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    /** Configuration of a last entry that fails startup: a file too short for it, without create. */
    private String[] failingEntry(Path shortFile) throws Exception {
        Files.write(shortFile, new byte[4]);
        return new String[] {"atomics.shared.z-last.file=" + shortFile};
    }

    /** The startup failed, and its report is about {@code property} (not about anything the rollback did). */
    private static void assertFailedOn(AssertableApplicationContext context, String property) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Invalid atomics configuration: " + property + " ");
        assertThat(((AtomicsConfigurationException) analysis.getCause()).getSuppressed())
                .isEmpty();
    }

    @Test
    void aFailingLaterEntryRemovesTheObjectFileAndDirectoriesThatEarlierEntriesCreated() throws Exception {
        String name = shm.name();
        Path created = dir.resolve("new/sub/counters.bin");
        Path shortFile = dir.resolve("short.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.b.shm=" + name,
                        "atomics.shared.b.offset=8",
                        "atomics.shared.b.create=true",
                        "atomics.shared.b.readonly=true",
                        "atomics.shared.c.file=" + created,
                        "atomics.shared.c.create=true")
                .withPropertyValues(failingEntry(shortFile))
                .run(context -> assertFailedOn(context, "atomics.shared.z-last.offset"));
        assertThat(SharedMemory.exists(name)).isFalse();
        assertThat(created).doesNotExist();
        assertThat(dir.resolve("new")).doesNotExist();
        // what existed before is untouched: the directory of the test and the file of the failing entry
        assertThat(dir).isDirectory();
        assertThat(shortFile).hasSize(4);
    }

    @Test
    void objectsAndFilesThatExistedBeforeSurviveAFailedStartupEvenIfItGrewThem() throws Exception {
        String name = shm.name();
        try (SharedMemory m = SharedMemory.create(name, 8)) {
            m.slice(0, 8).putLong(0, 42);
        }
        Path file = dir.resolve("existing.bin");
        Files.write(
                file,
                ByteBuffer.allocate(8)
                        .order(ByteOrder.nativeOrder())
                        .putLong(0, 7)
                        .array());
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.offset=8",
                        "atomics.shared.a.create=true",
                        "atomics.shared.b.file=" + file,
                        "atomics.shared.b.offset=8",
                        "atomics.shared.b.create=true")
                .withPropertyValues(failingEntry(dir.resolve("short.bin")))
                .run(context -> assertFailedOn(context, "atomics.shared.z-last.offset"));
        try (SharedMemory m = SharedMemory.open(name)) {
            assertThat(m.size()).isEqualTo(16); // grown by the failed startup: growing is kept, never undone
            assertThat(m.slice(0, 8).getLong(0)).isEqualTo(42);
        }
        assertThat(Files.size(file)).isEqualTo(16);
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file))
                        .order(ByteOrder.nativeOrder())
                        .getLong(0))
                .isEqualTo(7);
    }

    @Test
    void aShmEntryFailingAfterAFileWasCreatedRemovesTheFile() throws Exception {
        String existing = shm.name();
        SharedMemory.create(existing, 8).close();
        Path created = dir.resolve("created.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.file=" + created,
                        "atomics.shared.a.create=true",
                        "atomics.shared.b.shm=" + existing,
                        "atomics.shared.b.offset=8")
                .run(context -> assertFailedOn(context, "atomics.shared.b.offset"));
        assertThat(created).doesNotExist();
        assertThat(SharedMemory.exists(existing)).isTrue();
    }

    @Test
    void normalShutdownRemovesNothing() {
        String name = shm.name();
        Path file = dir.resolve("kept.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.b.file=" + file,
                        "atomics.shared.b.create=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(SharedMemory.exists(name)).isTrue();
        assertThat(file).exists();
    }

    @Test
    void aContextFailingAfterTheRegistryWasBuiltRemovesNothing() {
        String name = shm.name();
        Path file = dir.resolve("kept.bin");
        runner.withUserConfiguration(FailingAfterTheRegistry.class)
                .withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.b.file=" + file,
                        "atomics.shared.b.create=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage("another bean fails");
                });
        // the registry was closed with the context, but it had been handed over: the beans (and other processes)
        // may already have used the memory, so it stays
        assertThat(FailingAfterTheRegistry.counterSeen).isTrue();
        assertThat(SharedMemory.exists(name)).isTrue();
        assertThat(file).exists();
    }

    @Test
    void aFileReplacedSinceItWasCreatedIsNotDeleted() throws Exception {
        Path file = dir.resolve("replaced.bin");
        ResolvedAtomic spec = ResolvedAtomic.of("a", "atomics.shared." + "a", AtomicType.INT, 8, Engine.AUTO)
                .shared(false, file.toString(), file, 0, true, false, false, null);
        FileMapping mapping = FileMapping.open(file, false, List.of(spec), 8, false, MappedFile.DEFAULT_MODE);
        assertThat(mapping.created()).isTrue();
        Files.delete(file);
        Files.write(file, new byte[] {1, 2, 3}); // another process's file now has the name
        mapping.remove();
        mapping.close();
        assertThat(file).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void mappingsKnowWhetherTheyCreatedTheirObjectOrFile() throws Exception {
        String name = shm.name();
        Path file = dir.resolve("f.bin");
        ResolvedAtomic onShm = ResolvedAtomic.of("a", "atomics.shared." + "a", AtomicType.INT, 8, Engine.AUTO)
                .shared(true, name, null, 0, true, false, false, null);
        ResolvedAtomic onFile = ResolvedAtomic.of("b", "atomics.shared." + "b", AtomicType.INT, 8, Engine.AUTO)
                .shared(false, file.toString(), file, 0, true, false, false, null);
        ShmMapping first = ShmMapping.open(name, false, List.of(onShm), 8, SharedMemory.DEFAULT_MODE);
        FileMapping firstFile = FileMapping.open(file, false, List.of(onFile), 8, false, MappedFile.DEFAULT_MODE);
        ShmMapping second = ShmMapping.open(name, true, List.of(onShm), 8, SharedMemory.DEFAULT_MODE);
        FileMapping secondFile = FileMapping.open(file, false, List.of(onFile), 8, false, MappedFile.DEFAULT_MODE);
        try {
            assertThat(first.created()).isTrue();
            assertThat(firstFile.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(secondFile.created()).isFalse();
        } finally {
            List.of(first, firstFile, second, secondFile).forEach(OpenMapping::close);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingAfterTheRegistry {

        static volatile boolean counterSeen;

        @Bean
        Object failing(@Qualifier("a") AtomicInt counter, AtomicsRegistry registry) {
            counterSeen = counter.load() == 0 && !registry.isClosed();
            throw new IllegalStateException("another bean fails");
        }
    }
}
