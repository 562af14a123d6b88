package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.TestShm;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AtomicsHealthTest {

    private final TestShm shm = new TestShm("health");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsHealthAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    @Test
    void upWithTheNativeLibraryAndMappings() {
        String name = shm.name();
        runner.withPropertyValues(
                        "atomics.instances.requests.type=int",
                        "atomics.instances.requests.engine=patomic",
                        "atomics.shared.jobs.shm=" + name,
                        "atomics.shared.jobs.create=true")
                .run(context -> {
                    assertThat(context)
                            .hasSingleBean(AtomicsHealthIndicator.class)
                            .hasBean("atomicsHealthIndicator");
                    Health health =
                            context.getBean(AtomicsHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("atomics", 2)
                            .containsKeys("nativeLibrary", "mappings");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> lib =
                            (Map<String, Object>) health.getDetails().get("nativeLibrary");
                    assertThat(lib).containsKeys("path", "bundled", "version");
                    assertThat(health.getDetails())
                            .containsEntry("engines", Map.of("patomic", List.of("requests"), "jvm", List.of("jobs")));
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> mappings = (Map<String, Map<String, Object>>)
                            health.getDetails().get("mappings");
                    assertThat(mappings.get("shm:" + name))
                            .containsEntry("status", "UP")
                            .containsEntry("size", 8L);
                });
    }

    @Test
    void showsTheEngineEachAtomicWasResolvedToAndNoLibraryWithoutPatomic() {
        runner.withPropertyValues("atomics.engine=jvm", "atomics.instances.requests.type=int")
                .run(context -> {
                    Map<String, Object> details = context.getBean(AtomicsHealthIndicator.class)
                            .health()
                            .getDetails();
                    assertThat(details)
                            .containsEntry("engines", Map.of("jvm", List.of("requests")))
                            .containsEntry("nativeLibrary", "not loaded: no atomic uses the patomic engine");
                });
        // auto is resolved per atomic: jvm at widths 1 to 8, never "auto"
        runner.withPropertyValues(
                        "atomics.instances.requests.type=int",
                        "atomics.instances.level.type=uint",
                        "atomics.instances.level.width=1")
                .run(context -> assertThat(context.getBean(AtomicsHealthIndicator.class)
                                .health()
                                .getDetails())
                        .containsEntry("engines", Map.of("jvm", List.of("requests", "level"))));
    }

    @Test
    void downWhenAFileIsTruncatedOrDeleted() throws Exception {
        Path file = dir.resolve("c.bin");
        runner.withPropertyValues(
                        "atomics.shared.jobs.file=" + file,
                        "atomics.shared.jobs.offset=8",
                        "atomics.shared.jobs.create=true")
                .run(context -> {
                    HealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                        raf.setLength(4);
                    }
                    Health truncated = indicator.health();
                    assertThat(truncated.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) truncated.getDetails().get("reason"))
                            .contains("atomics [jobs] unavailable")
                            .contains("shrank from 16 to 4 bytes");
                    Files.delete(file);
                    assertThat((String) indicator.health().getDetails().get("reason"))
                            .contains("name was removed");
                    Files.write(file, new byte[16]);
                    assertThat((String) indicator.health().getDetails().get("reason"))
                            .contains("refers to a different object");
                });
    }

    @Test
    void downWhenShmIsUnlinked() {
        String name = shm.name();
        runner.withPropertyValues("atomics.shared.jobs.shm=" + name, "atomics.shared.jobs.create=true")
                .run(context -> {
                    HealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                    SharedMemory.unlink(name);
                    Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) health.getDetails().get("reason"))
                            .contains("atomics [jobs] unavailable")
                            .contains("/" + name)
                            .contains("its name was removed");
                });
    }

    @Test
    void downWhenTheRegistryIsClosed() {
        runner.withPropertyValues("atomics.instances.requests.type=int").run(context -> {
            context.getBean(AtomicsRegistry.class).close();
            Health health = context.getBean(AtomicsHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("reason")).contains("closed");
        });
    }

    @Test
    void conditions() {
        runner.withPropertyValues("management.health.atomics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AtomicsHealthIndicator.class));
        runner.withPropertyValues("atomics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AtomicsHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsHealthIndicator.class));
        runner.withBean(
                        "atomicsHealthIndicator",
                        HealthIndicator.class,
                        () -> () -> Health.up().build())
                .run(context -> assertThat(context)
                        .doesNotHaveBean(AtomicsHealthIndicator.class)
                        .hasBean("atomicsHealthIndicator"));
    }
}
