package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntView;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.ViewContextException;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.TestShm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code atomics.shared}: views on shared-memory objects and mapped files, their lifetimes and sharing. */
class AtomicsSharedTest {

    private final TestShm shm = new TestShm("shared");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    private static long readLong(Path file, int offset) throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(file))
                .order(ByteOrder.nativeOrder())
                .getLong(offset);
    }

    @Test
    void fileViewsAreCreatedSharedAndPersisted() throws Exception {
        Path file = dir.resolve("sub/counters.bin");
        String[] props = {
            "atomics.shared.jobs-done.file=" + file,
            "atomics.shared.jobs-done.create=true",
            "atomics.shared.jobs-failed.file=" + file,
            "atomics.shared.jobs-failed.offset=8",
            "atomics.shared.jobs-failed.create=true",
            "atomics.shared.level.file=" + file,
            "atomics.shared.level.offset=16",
            "atomics.shared.level.type=uint",
            "atomics.shared.level.width=4"
        };
        runner.withPropertyValues(props).run(context -> {
            assertThat(context).hasNotFailed();
            AtomicInt done = context.getBean(AtomicsRegistry.class).get("jobs-done", AtomicInt.class);
            assertThat(done).isInstanceOf(AtomicIntView.class);
            done.add(5);
            context.getBean(AtomicsRegistry.class)
                    .get("jobs-failed", AtomicInt.class)
                    .add(7);
            context.getBean(AtomicsRegistry.class)
                    .get("level", AtomicUint.class)
                    .store(9);
            AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
            assertThat(registry.mappings()).hasSize(1);
            AtomicsMapping mapping = registry.mappings().get(0);
            assertThat(mapping.kind()).isEqualTo("file");
            assertThat(mapping.atomics()).containsExactly("jobs-done", "jobs-failed", "level");
            assertThat(mapping.size()).isEqualTo(20);
            assertThat(mapping.status().ok()).isTrue();
            assertThat(registry.get("jobs-failed").source())
                    .isEqualTo(new AtomicSource.MappedFile(file.toAbsolutePath().normalize(), 8));
            assertThat(Files.size(file)).isEqualTo(20);
            assertThat(readLong(file, 0)).isEqualTo(5);
            assertThat(readLong(file, 8)).isEqualTo(7);
        });
        // a second context sees the values another "process" left in the file
        runner.withPropertyValues(props).run(context -> {
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("jobs-done", AtomicInt.class)
                            .load())
                    .isEqualTo(5);
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("level", AtomicUint.class)
                            .load())
                    .isEqualTo(9);
        });
    }

    @Test
    void existingFileIsNeitherTruncatedNorRequiresCreate() throws Exception {
        Path file = dir.resolve("big.bin");
        ByteBuffer data = ByteBuffer.allocate(8192).order(ByteOrder.nativeOrder());
        data.putLong(4096, 1234);
        Files.write(file, data.array());
        runner.withPropertyValues("atomics.shared.c.file=" + file, "atomics.shared.c.offset=4096")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("c", AtomicInt.class)
                                    .fetchInc())
                            .isEqualTo(1234);
                });
        assertThat(Files.size(file)).isEqualTo(8192);
        assertThat(readLong(file, 4096)).isEqualTo(1235);
    }

    @Test
    void createExtendsASmallerFileWithoutTouchingItsData() throws Exception {
        Path file = dir.resolve("small.bin");
        Files.write(
                file,
                ByteBuffer.allocate(8)
                        .order(ByteOrder.nativeOrder())
                        .putLong(0, 77)
                        .array());
        runner.withPropertyValues(
                        "atomics.shared.a.file=" + file,
                        "atomics.shared.b.file=" + file,
                        "atomics.shared.b.offset=24",
                        "atomics.shared.b.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("a", AtomicInt.class)
                                    .load())
                            .isEqualTo(77);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("b", AtomicInt.class)
                                    .load())
                            .isZero();
                });
        assertThat(Files.size(file)).isEqualTo(32);
    }

    @Test
    void readonlyFileViewsRefuseWritesAndAReadonlyFileIsMappedReadOnly() throws Exception {
        Path file = dir.resolve("ro.bin");
        Files.write(file, new byte[16]);
        runner.withPropertyValues(
                        "atomics.shared.writer.file=" + file,
                        "atomics.shared.reader.file=" + file,
                        "atomics.shared.reader.readonly=true")
                .run(context -> {
                    AtomicInt writer = context.getBean(AtomicsRegistry.class).get("writer", AtomicInt.class);
                    AtomicInt reader = context.getBean(AtomicsRegistry.class).get("reader", AtomicInt.class);
                    writer.store(3);
                    assertThat(reader.readonly()).isTrue();
                    assertThat(reader.load()).isEqualTo(3);
                    assertThatThrownBy(() -> reader.store(4)).hasMessageContaining("readonly");
                    assertThat(context.getBean(AtomicsRegistry.class).mappings())
                            .as("the writable entries share a read-write mapping; readonly ones a read-only one")
                            .extracting(AtomicsMapping::readonly)
                            .containsExactly(false, true);
                });
        file.toFile().setWritable(false);
        runner.withPropertyValues("atomics.shared.reader.file=" + file, "atomics.shared.reader.readonly=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("reader", AtomicInt.class)
                                    .load())
                            .isEqualTo(3);
                    assertThat(context.getBean(AtomicsRegistry.class).mappings())
                            .singleElement()
                            .satisfies(m -> assertThat(m.readonly()).isTrue());
                });
    }

    @Test
    void shmViewsShareOneMappingAndSeeEachOther() {
        String name = shm.name();
        runner.withPropertyValues(
                        "atomics.shared.jobs-done.shm=" + name,
                        "atomics.shared.jobs-done.create=true",
                        "atomics.shared.flags.shm=/" + name,
                        "atomics.shared.flags.offset=8",
                        "atomics.shared.flags.type=bytes",
                        "atomics.shared.flags.width=4",
                        "atomics.shared.flags.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicInt jobs = context.getBean(AtomicsRegistry.class).get("jobs-done", AtomicInt.class);
                    jobs.add(41);
                    jobs.inc();
                    context.getBean(AtomicsRegistry.class)
                            .get("flags", AtomicBytes.class)
                            .store(new byte[] {1, 2, 3, 4});
                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    assertThat(registry.mappings()).singleElement().satisfies(m -> {
                        assertThat(m.kind()).isEqualTo("shm");
                        assertThat(m.atomics()).containsExactly("jobs-done", "flags");
                        assertThat(m.size()).isEqualTo(12);
                    });
                    assertThat(registry.get("jobs-done").source()).isEqualTo(new AtomicSource.SharedMemory(name, 0));
                    // another mapping of the same object (as another process would have) sees the values
                    try (SharedMemory other = SharedMemory.open(name);
                            var ctx = other.atomicView(0, 8, AtomicType.INT)) {
                        assertThat(ctx.open().load()).isEqualTo(42);
                    }
                });
        assertThat(SharedMemory.exists(name))
                .as("closing the context does not unlink the object")
                .isTrue();
    }

    @Test
    void readonlyShmViewsUseAReadOnlyMapping() {
        String name = shm.name();
        runner.withPropertyValues(
                        "atomics.shared.reader.shm=" + name,
                        "atomics.shared.reader.create=true",
                        "atomics.shared.reader.readonly=true",
                        "atomics.shared.writer.shm=" + name,
                        "atomics.shared.writer.offset=8")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicInt reader = context.getBean(AtomicsRegistry.class).get("reader", AtomicInt.class);
                    assertThat(reader.readonly()).isTrue();
                    assertThatThrownBy(() -> reader.inc()).hasMessageContaining("readonly");
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("writer", AtomicInt.class)
                                    .readonly())
                            .isFalse();
                    assertThat(context.getBean(AtomicsRegistry.class).mappings())
                            .hasSize(2)
                            .extracting(AtomicsMapping::readonly)
                            .containsExactly(false, true);
                });
    }

    @Test
    void shutdownReleasesViewsAfterTheirUsersThenClosesMappings() {
        String name = shm.name();
        Path file = dir.resolve("order.bin");
        AtomicReference<AtomicsRegistry> registryRef = new AtomicReference<>();
        List<AtomicInt> views = new ArrayList<>();
        Worker.log.clear();
        runner.withUserConfiguration(WorkerConfiguration.class)
                .withPropertyValues(
                        "atomics.shared.jobs-done.shm=" + name,
                        "atomics.shared.jobs-done.create=true",
                        "atomics.shared.other.shm=" + name,
                        "atomics.shared.other.offset=8",
                        "atomics.shared.other.create=true",
                        "atomics.shared.in-file.file=" + file,
                        "atomics.shared.in-file.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    registryRef.set(context.getBean(AtomicsRegistry.class));
                    views.add(context.getBean(AtomicsRegistry.class).get("jobs-done", AtomicInt.class));
                    views.add(context.getBean(AtomicsRegistry.class).get("in-file", AtomicInt.class));
                });
        // the worker used the view in its own destroy callback: the registry was still open then
        assertThat(Worker.log).containsExactly("destroyed with jobs-done=1");
        AtomicsRegistry registry = registryRef.get();
        assertThat(registry.isClosed()).isTrue();
        for (AtomicInt view : views) {
            assertThatThrownBy(view::load).isInstanceOf(ViewContextException.class);
        }
        assertThat(registry.mappings())
                .allSatisfy(m -> assertThat(m.status().problem()).contains("closed"));
    }

    @Configuration(proxyBeanMethods = false)
    static class WorkerConfiguration {
        @Bean
        Worker worker(@Qualifier("jobs-done") AtomicInt jobsDone) {
            return new Worker(jobsDone);
        }
    }

    static class Worker implements DisposableBean {
        static final List<String> log = new ArrayList<>();
        private final AtomicInt counter;

        Worker(AtomicInt counter) {
            this.counter = counter;
        }

        @Override
        public void destroy() {
            log.add("destroyed with jobs-done=" + (counter.fetchInc() + 1));
        }
    }
}
