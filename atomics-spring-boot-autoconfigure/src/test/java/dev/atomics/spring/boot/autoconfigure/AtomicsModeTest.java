package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.TestShm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/**
 * {@code atomics.shared.<name>.mode}: the permission bits of what the application creates, exactly, and only when it
 * creates it; a bad or contradictory mode stops startup with the failure report.
 */
class AtomicsModeTest {

    private final TestShm shm = new TestShm("mode");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Path devShm(String name) {
        return Path.of("/dev/shm", name);
    }

    @Test
    void createdObjectsAndFilesGetTheModeExactly() {
        String name = shm.name();
        Path file = dir.resolve("counters.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.a.mode=0660",
                        "atomics.shared.b.shm=" + name,
                        "atomics.shared.b.offset=8",
                        "atomics.shared.c.file=" + file,
                        "atomics.shared.c.create=true",
                        "atomics.shared.c.mode= 0644 ")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // set exactly: the umask (typically 022) would have taken the group's write bit
                    assertThat(permissions(devShm(name))).isEqualTo("rw-rw----");
                    assertThat(permissions(file)).isEqualTo("rw-r--r--");
                });
    }

    @Test
    void theDefaultIsTheOwnerOnly() {
        String name = shm.name();
        Path file = dir.resolve("counters.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.c.file=" + file,
                        "atomics.shared.c.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(permissions(devShm(name))).isEqualTo("rw-------");
                    assertThat(permissions(file)).isEqualTo("rw-------");
                });
    }

    @Test
    void anExistingObjectOrFileKeepsItsMode() throws Exception {
        String name = shm.name();
        SharedMemory.create(name, 8).close();
        Path file = dir.resolve("counters.bin");
        Files.write(file, new byte[8]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.a.offset=8",
                        "atomics.shared.a.mode=0666",
                        "atomics.shared.c.file=" + file,
                        "atomics.shared.c.create=true",
                        "atomics.shared.c.offset=8",
                        "atomics.shared.c.mode=0666")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(permissions(devShm(name))).isEqualTo("rw-------");
                    assertThat(permissions(file)).isEqualTo("rw-r-----");
                    assertThat(Files.size(file)).isEqualTo(16); // grown, as create says
                });
    }

    private static ContextConsumer<AssertableApplicationContext> fails(
            String property, String description, String action) {
        return context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(((AtomicsConfigurationException) analysis.getCause()).getProperty())
                    .isEqualTo(property);
            assertThat(analysis.getDescription())
                    .startsWith("Invalid atomics configuration: " + property)
                    .contains(description)
                    .doesNotContain("\n");
            assertThat(analysis.getAction()).contains(action);
        };
    }

    @Test
    void aModeThatIsNotFourOctalDigitsIsReported() {
        String name = shm.name();
        for (String bad : new String[] {"660", "0o660", "0800", "rw-rw----", "01660"}) {
            runner.withPropertyValues(
                            "atomics.shared.a.shm=" + name,
                            "atomics.shared.a.create=true",
                            "atomics.shared.a.mode=" + bad)
                    .run(fails("atomics.shared.a.mode", "'" + bad + "': not a permission mode", "mode: \"0660\""));
        }
        // an unquoted 0660 in YAML arrives as 432
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name, "atomics.shared.a.create=true", "atomics.shared.a.mode=432")
                .run(fails("atomics.shared.a.mode", "an unquoted 0660 in YAML is the number 432", "quoted string"));
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void aModeThatLocksTheOwnerOutIsReported() {
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + shm.name(),
                        "atomics.shared.a.create=true",
                        "atomics.shared.a.mode=0460")
                .run(fails(
                        "atomics.shared.a.mode",
                        "the owner (the user running this application) could not read and write",
                        "06xx"));
    }

    @Test
    void entriesOnOneObjectMustAgree() {
        String name = shm.name();
        Path file = dir.resolve("f.bin");
        runner.withPropertyValues(
                        "atomics.shared.a.shm=" + name,
                        "atomics.shared.a.create=true",
                        "atomics.shared.a.mode=0660",
                        "atomics.shared.b.shm=/" + name,
                        "atomics.shared.b.offset=8",
                        "atomics.shared.b.readonly=true",
                        "atomics.shared.b.mode=0640")
                .run(fails(
                        "atomics.shared.b.mode",
                        "entries on shared-memory object /" + name + " disagree: atomics.shared.a.mode is 0660",
                        "Set the same mode"));
        runner.withPropertyValues(
                        "atomics.shared.a.file=" + file,
                        "atomics.shared.a.create=true",
                        "atomics.shared.a.mode=0600",
                        "atomics.shared.b.file=" + file,
                        "atomics.shared.b.offset=8",
                        "atomics.shared.b.mode=0666")
                .run(fails("atomics.shared.b.mode", "entries on file " + file + " disagree", "Set the same mode"));
        // nothing was created: the check comes before anything is opened
        assertThat(SharedMemory.exists(name)).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void aModeWithoutCreateIsReported() {
        String name = shm.name();
        SharedMemory.create(name, 8).close();
        runner.withPropertyValues("atomics.shared.a.shm=" + name, "atomics.shared.a.mode=0660")
                .run(fails(
                        "atomics.shared.a.mode",
                        "a mode applies only when this application creates the object",
                        "Set atomics.shared.a.create=true, or remove the mode"));
    }
}
