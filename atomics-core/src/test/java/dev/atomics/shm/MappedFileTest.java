package dev.atomics.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.UnsupportedOpException;
import dev.atomics.shm.MappedFile.Option;
import dev.atomics.shm.MappedFileRefusedException.Reason;
import dev.atomics.shm.MappingStatus.State;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MappedFile}: what it maps, what it refuses so that a path from configuration cannot make a process
 * (often root) write where it should not, and what {@link SharedMapping#status()} sees when the file changes.
 */
class MappedFileTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------
    // Creating, opening, growing
    // ---------------------------------------------------------------------------------------------

    @Test
    void createMakesANewFileExclusivelyWithMode0600AndMapsItShared() throws Exception {
        Path file = dir.resolve("counters.bin");
        try (MappedFile mapped = MappedFile.open(file, 64, Option.CREATE);
                AtomicIntViewContext ctx = mapped.atomicView(8, 8, AtomicType.INT)) {
            assertThat(mapped.created()).isTrue();
            assertThat(mapped.size()).isEqualTo(64);
            assertThat(mapped.path()).isEqualTo(file.toAbsolutePath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            ctx.open().add(42);
            assertThat(mapped.status().state()).isEqualTo(State.OK);
        }
        assertThat(longAt(file, 8)).as("written to the file itself").isEqualTo(42);
        try (MappedFile again = MappedFile.open(file, 16, Option.CREATE)) {
            assertThat(again.created()).isFalse();
            assertThat(again.size()).as("never shrunk").isEqualTo(64);
        }
    }

    @Test
    void createGrowsAnOwnFileAndKeepsItsBytes() throws Exception {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (MappedFile mapped = MappedFile.open(file, 4096, Option.CREATE)) {
            assertThat(mapped.created()).isFalse();
            assertThat(mapped.size()).isEqualTo(4096);
            assertThat(mapped.slice(0, 8).get(7)).isEqualTo((byte) 8);
        }
        assertThat(Files.size(file)).isEqualTo(4096);
    }

    @Test
    void withoutCreateAMissingFileOrOneTooSmallIsAnErrorAndNothingChanges() throws Exception {
        Path missing = dir.resolve("missing.bin");
        assertThatThrownBy(() -> MappedFile.open(missing, 8))
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
        assertThatThrownBy(() -> MappedFile.open(dir.resolve("no-such-dir/x.bin"), 8, Option.CREATE))
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .hasMessageContaining("directory");

        Path small = dir.resolve("small.bin");
        Files.write(small, new byte[8]);
        assertThatThrownBy(() -> MappedFile.open(small, 16))
                .isInstanceOf(SharedMemoryBoundsException.class)
                .hasMessageContaining("has 8 bytes; 16 are needed");
        assertThat(Files.size(small)).isEqualTo(8);
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        assertThatThrownBy(() -> MappedFile.open(empty, 0))
                .isInstanceOf(SharedMemoryBoundsException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void readonlyMapsReadOnly() throws Exception {
        Path file = dir.resolve("ro.bin");
        Files.write(file, new byte[16]);
        try (MappedFile mapped = MappedFile.open(file, 16, Option.READONLY);
                AtomicIntViewContext ctx = mapped.atomicView(8, 8, AtomicType.INT)) {
            AtomicIntView view = ctx.open();
            assertThat(mapped.readonly()).isTrue();
            assertThat(view.load()).isZero();
            assertThatThrownBy(() -> view.store(1)).isInstanceOf(UnsupportedOpException.class);
            assertThat(mapped.slice(0, 8).isReadOnly()).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Refusals: nothing is written where it should not be
    // ---------------------------------------------------------------------------------------------

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetUntouchedUnlessLinksAreAllowed() throws Exception {
        Path target = dir.resolve("passwd-copy");
        byte[] content = "root:x:0:0:root:/root:/bin/bash\n".getBytes();
        Files.write(target, content);
        Path link = Files.createSymbolicLink(dir.resolve("counters.bin"), target);

        assertThatThrownBy(() -> MappedFile.open(link, 4096, Option.CREATE))
                .isInstanceOfSatisfying(
                        MappedFileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SYMLINK))
                .hasMessageContaining("symbolic link")
                .hasMessageContaining("FOLLOW_LINKS");
        assertThatThrownBy(() -> MappedFile.open(link, 8))
                .isInstanceOfSatisfying(
                        MappedFileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SYMLINK));
        assertThat(Files.readAllBytes(target)).as("neither grown nor written").isEqualTo(content);

        try (MappedFile followed = MappedFile.open(link, 8, Option.FOLLOW_LINKS)) {
            assertThat(followed.slice(0, 4).get(0)).isEqualTo((byte) 'r');
            assertThat(followed.status().state()).isEqualTo(State.OK);
        }
    }

    @Test
    void aDanglingSymbolicLinkIsNotAWayToCreateAFileElsewhere() throws Exception {
        Path target = dir.resolve("elsewhere/created-by-the-link");
        Files.createDirectories(target.getParent());
        Path link = Files.createSymbolicLink(dir.resolve("counters.bin"), target);
        assertThatThrownBy(() -> MappedFile.open(link, 64, Option.CREATE))
                .isInstanceOfSatisfying(
                        MappedFileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SYMLINK));
        assertThat(target).doesNotExist();
    }

    @Test
    void devicesFifosAndDirectoriesAreRefusedBeforeTheyAreOpened() throws Exception {
        assertRefused(Path.of("/dev/null"), Reason.NOT_REGULAR, "a character device");
        assertRefused(dir, Reason.NOT_REGULAR, "a directory");
        Path fifo = dir.resolve("fifo");
        Process mkfifo =
                new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeThat(mkfifo.exitValue()).as("mkfifo available").isZero();
        // opening a FIFO for reading would block until a writer comes: refused before it is opened
        assertRefused(fifo, Reason.NOT_REGULAR, "a FIFO");
    }

    @Test
    void kernelPseudoFilesAreRefused() {
        assumeThat(ShmTestSupport.isLinux()).isTrue();
        assertRefused(Path.of("/proc/self/status"), Reason.PSEUDO_FILE_SYSTEM, "proc");
        assertRefused(Path.of("/proc/sys/kernel/hostname"), Reason.PSEUDO_FILE_SYSTEM, "proc"); // writable by root
    }

    @Test
    void anotherUsersFileIsMappedAsItIsButNeverGrown() throws Exception {
        assumeThat(new com.sun.security.auth.module.UnixSystem().getUid())
                .as("only root can give a file away")
                .isZero();
        Path file = dir.resolve("theirs.bin");
        Files.write(file, new byte[16]);
        Files.setAttribute(file, "unix:uid", 65534);
        assertThatThrownBy(() -> MappedFile.open(file, 4096, Option.CREATE))
                .isInstanceOfSatisfying(
                        MappedFileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OWNED))
                .hasMessageContaining("owned by uid 65534");
        assertThat(Files.size(file)).isEqualTo(16);
        try (MappedFile mapped = MappedFile.open(file, 16, Option.CREATE)) {
            assertThat(mapped.size()).as("large enough: opened without growing").isEqualTo(16);
        }
    }

    private static void assertRefused(Path path, Reason reason, String words) {
        assertThatThrownBy(() -> MappedFile.open(path, 8, Option.CREATE))
                .isInstanceOfSatisfying(MappedFileRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e).hasMessageContaining(words).hasMessageContaining(path.toString());
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Status: what happened to the file since it was mapped
    // ---------------------------------------------------------------------------------------------

    @Test
    void statusSeesATruncatedDeletedReplacedOrLinkedFile() throws Exception {
        Path file = dir.resolve("watched.bin");
        try (MappedFile mapped = MappedFile.open(file, 8192, Option.CREATE)) {
            assertThat(mapped.status().state()).isEqualTo(State.OK);

            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(100);
            }
            MappingStatus shrunk = mapped.status();
            assertThat(shrunk.state()).isEqualTo(State.SHRUNK);
            assertThat(shrunk.covers(64, 8)).isTrue();
            assertThat(shrunk.covers(4096, 8)).isFalse();
            Files.write(file, new byte[8192], java.nio.file.StandardOpenOption.WRITE);
            assertThat(mapped.status().state()).isEqualTo(State.OK);

            Path other = Files.write(dir.resolve("other.bin"), new byte[8192]);
            Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertThat(mapped.status().state()).isEqualTo(State.REPLACED);
            assertThat(mapped.status().problem()).contains(file.toString()).contains("different object");

            Files.delete(file);
            assertThat(mapped.status().state()).isEqualTo(State.REMOVED);

            Files.createSymbolicLink(file, dir.resolve("anything"));
            assertThat(mapped.status().state())
                    .as("a link now stands where the file was")
                    .isEqualTo(State.REPLACED);
        }
    }

    private static long longAt(Path file, int offset) throws IOException {
        byte[] bytes = Arrays.copyOfRange(Files.readAllBytes(file), offset, offset + 8);
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getLong();
    }
}
