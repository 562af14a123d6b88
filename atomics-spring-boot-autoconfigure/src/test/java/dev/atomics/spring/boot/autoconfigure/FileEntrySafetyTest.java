package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.FileAccessOverride;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code file:} entries cannot be used to write files the application should not touch, even when it runs as
 * root: a symbolic link planted at the configured path, a device, a FIFO, a /proc file, another user's file to
 * grow. Each is refused at startup with a failure report, and the file it points at is left as it was.
 */
class FileEntrySafetyTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void aSymlinkPlantedAtTheConfiguredPathIsRefusedAndItsTargetNeitherGrownNorWritten() throws Exception {
        Path target = dir.resolve("passwd-copy");
        byte[] content = Files.readAllBytes(Path.of("/etc/passwd"));
        Files.write(target, content);
        Path link = Files.createSymbolicLink(dir.resolve("counters.bin"), target);

        runner.withPropertyValues(
                        "atomics.shared.x.file=" + link, "atomics.shared.x.offset=4096", "atomics.shared.x.create=true")
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.file",
                        "it is a symbolic link",
                        "atomics.shared.x.follow-symlinks=true"));
        assertThat(Files.readAllBytes(target))
                .as("the link's target is untouched")
                .isEqualTo(content);
    }

    @Test
    void followSymlinksIsTheExplicitOptInForLinks() throws Exception {
        Path target = Files.write(dir.resolve("real.bin"), new byte[16]);
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), target);
        runner.withPropertyValues(
                        "atomics.shared.x.file=" + link,
                        "atomics.shared.x.offset=8",
                        "atomics.shared.x.follow-symlinks=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(AtomicsRegistry.class)
                            .get("x", AtomicInt.class)
                            .store(7);
                });
        assertThat(Files.readAllBytes(target)[8]).isEqualTo((byte) 7);

        runner.withPropertyValues(
                        "atomics.shared.x.file=" + link,
                        "atomics.shared.x.follow-symlinks=true",
                        "atomics.shared.y.file=" + link,
                        "atomics.shared.y.offset=8")
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.follow-symlinks",
                        "disagree",
                        "same value on every entry"));
        runner.withPropertyValues("atomics.shared.x.shm=whatever", "atomics.shared.x.follow-symlinks=true")
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.follow-symlinks",
                        "'file' entries only",
                        "Remove atomics.shared.x.follow-symlinks"));
    }

    @Test
    void devicesFifosAndProcFilesAreRefused() throws Exception {
        runner.withPropertyValues("atomics.shared.x.file=/dev/zero", "atomics.shared.x.create=true")
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.file",
                        "a character device, not a regular file",
                        "at a regular file"));
        runner.withPropertyValues("atomics.shared.x.file=/proc/sys/kernel/hostname")
                .run(context -> assertReport(
                        context.getStartupFailure(), "atomics.shared.x.file", "proc file system", "at a regular file"));
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        runner.withPropertyValues("atomics.shared.x.file=" + fifo)
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.file",
                        "a FIFO, not a regular file",
                        "at a regular file"));
    }

    @Test
    void anotherUsersFileIsNeverGrown() throws Exception {
        assumeThat(new com.sun.security.auth.module.UnixSystem().getUid())
                .as("only root can give a file away")
                .isZero();
        Path file = Files.write(dir.resolve("theirs.bin"), new byte[16]);
        Files.setAttribute(file, "unix:uid", 65534);
        runner.withPropertyValues(
                        "atomics.shared.x.file=" + file, "atomics.shared.x.offset=64", "atomics.shared.x.create=true")
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.file",
                        "owned by uid 65534",
                        "Grow the file as its owner"));
        assertThat(Files.size(file)).isEqualTo(16);
    }

    @Test
    void anUnreadableFileIsReportedAsAPermissionProblem() throws Exception {
        Path file = Files.write(dir.resolve("locked.bin"), new byte[16]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        FileAccessOverride.withoutOverride(() -> runner.withPropertyValues("atomics.shared.x.file=" + file)
                .run(context -> assertReport(
                        context.getStartupFailure(),
                        "atomics.shared.x.file",
                        "permission denied",
                        "read and write access to " + file)));
        FileAccessOverride.withoutOverride(
                () -> runner.withPropertyValues("atomics.shared.x.file=" + file, "atomics.shared.x.readonly=true")
                        .run(context -> assertReport(
                                context.getStartupFailure(),
                                "atomics.shared.x.file",
                                "Permission denied",
                                "read access to " + file)));
    }

    private static void assertReport(Throwable failure, String property, String description, String action) {
        assertThat(failure).as("startup failed").isNotNull();
        Throwable t = failure;
        while (t != null && !(t instanceof AtomicsConfigurationException)) {
            t = t.getCause();
        }
        assertThat(t).as("AtomicsConfigurationException in %s", failure).isNotNull();
        assertThat(((AtomicsConfigurationException) t).getProperty()).isEqualTo(property);
        FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .startsWith("Invalid atomics configuration: " + property)
                .contains(description)
                .doesNotContain("\n");
        assertThat(analysis.getAction()).contains(action);
    }
}
