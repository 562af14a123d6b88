package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.atomics.AlignmentException;
import dev.atomics.AtomicBytesViewContext;
import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUintViewContext;
import dev.atomics.AtomicsException;
import dev.atomics.Engine;
import dev.atomics.UnsupportedOpException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating, opening, naming, slicing and every error path of {@link SharedMemory}. */
@ExtendWith(ShmCleanup.class)
class SharedMemoryTest {

    // ---------------------------------------------------------------------------------------------
    // Create, open, names
    // ---------------------------------------------------------------------------------------------

    @Test
    void createdObjectsAreZeroFilledAndOpenLearnsTheSize() {
        String name = uniqueName();
        try (SharedMemory created = SharedMemory.create(name, 100)) {
            assertThat(created.name()).isEqualTo(name);
            assertThat(created.posixName()).isEqualTo("/" + name);
            assertThat(created.size()).isEqualTo(100);
            assertThat(created.readonly()).isFalse();
            ByteBuffer all = created.slice(0, 100);
            for (int i = 0; i < 100; i++) {
                assertThat(all.get(i)).isZero();
            }
            all.putLong(8, 0x1122334455667788L);
            try (SharedMemory opened = SharedMemory.open(name)) {
                assertThat(opened.size()).isEqualTo(100);
                assertThat(opened.slice(8, 8).getLong(0)).isEqualTo(0x1122334455667788L);
            }
        }
        assertThat(SharedMemory.exists(name)).isTrue();
    }

    @Test
    void nameWithAndWithoutSlashIsTheSameObjectAndAFileInDevShm() {
        String name = uniqueName();
        try (SharedMemory a = SharedMemory.create(name, 16);
                SharedMemory b = SharedMemory.open("/" + name)) {
            assertThat(b.name()).isEqualTo("/" + name);
            assertThat(b.posixName()).isEqualTo(a.posixName()).isEqualTo("/" + name);
            a.slice(0, 8).putLong(0, 42);
            assertThat(b.slice(0, 8).getLong(0)).isEqualTo(42);
            if (ShmTestSupport.isLinux()) {
                assertThat(Path.of("/dev/shm", name)).exists().hasSize(16);
            }
        }
        assertThat(SharedMemory.exists("/" + name)).isTrue();
        SharedMemory.unlink("/" + name);
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void modeIsExactlyTheOneAsked() throws Exception {
        assumeThat(ShmTestSupport.isLinux()).isTrue();
        String defaultMode = uniqueName();
        String groupMode = uniqueName();
        try (SharedMemory a = SharedMemory.create(defaultMode, 8);
                SharedMemory b = SharedMemory.create(groupMode, 8, 0660)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("/dev/shm", defaultMode))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("/dev/shm", groupMode))))
                    .isEqualTo("rw-rw----");
        }
    }

    @Test
    void openOrCreateCreatesGrowsAndNeverShrinks() {
        String name = uniqueName();
        try (SharedMemory a = SharedMemory.openOrCreate(name, 64)) {
            assertThat(a.size()).isEqualTo(64);
            a.slice(56, 8).putLong(0, 7);
        }
        try (SharedMemory b = SharedMemory.openOrCreate(name, 4096)) {
            assertThat(b.size()).isEqualTo(4096);
            assertThat(b.slice(56, 8).getLong(0))
                    .as("content kept when growing")
                    .isEqualTo(7);
            assertThat(b.slice(4088, 8).getLong(0)).isZero();
        }
        try (SharedMemory c = SharedMemory.openOrCreate(name, 8)) {
            assertThat(c.size()).as("never shrinks").isEqualTo(4096);
        }
    }

    @Test
    void readonlyMappingRefusesWrites() {
        String name = uniqueName();
        try (SharedMemory rw = SharedMemory.create(name, 64);
                SharedMemory ro = SharedMemory.open(name, true)) {
            rw.slice(0, 8).putLong(0, 99);
            assertThat(ro.readonly()).isTrue();
            ByteBuffer slice = ro.slice(0, 8);
            assertThat(slice.isReadOnly()).isTrue();
            assertThat(slice.getLong(0)).isEqualTo(99);
            assertThatThrownBy(() -> slice.putLong(0, 1)).isInstanceOf(ReadOnlyBufferException.class);
            try (AtomicIntViewContext ctx = ro.atomicView(0, 8, AtomicType.INT)) {
                AtomicIntView v = ctx.open();
                assertThat(v.readonly()).isTrue();
                assertThat(v.load()).isEqualTo(99);
                assertThatThrownBy(v::inc).isInstanceOf(UnsupportedOpException.class);
            }
            assertThat(rw.slice(0, 8).getLong(0)).isEqualTo(99);
        }
    }

    @Test
    void slicesAreNativeOrderAndShareMemoryWithViews() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            ByteBuffer slice = shm.slice(16, 16);
            assertThat(slice.order()).isEqualTo(ByteOrder.nativeOrder());
            assertThat(slice.capacity()).isEqualTo(16);
            slice.putInt(4, -7);
            try (AtomicIntViewContext ctx =
                    shm.atomicView(20, 4, AtomicType.INT, Patomic.available() ? Engine.PATOMIC : Engine.JVM)) {
                AtomicIntView v = ctx.open();
                assertThat(v.load()).isEqualTo(-7);
                v.store(123456);
            }
            assertThat(slice.getInt(4)).isEqualTo(123456);
            assertThat(shm.slice(0, 0).capacity()).isZero();
        }
    }

    @Test
    void everyTypeAndWidthWorksAtAlignedOffsets() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            for (int width : new int[] {1, 2, 4, 8}) {
                try (AtomicIntViewContext i = shm.atomicView(width, width, AtomicType.INT);
                        AtomicUintViewContext u = shm.atomicView(16 + width, width, AtomicType.UINT);
                        AtomicBytesViewContext b = shm.atomicView(32 + 2 * width, width, AtomicType.BYTES)) {
                    AtomicIntView iv = i.open();
                    iv.store(-1);
                    assertThat(iv.load()).isEqualTo(-1);
                    assertThat(iv.width()).isEqualTo(width);
                    assertThat(u.open().fetchAdd(3)).isZero();
                    b.open().store(new byte[width]);
                    assertThat(shm.openViews()).isEqualTo(3);
                }
            }
            assertThat(shm.openViews()).isZero();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/b", "/a/b", "//a", ".", "..", "/.", "/..", "nul\0char"})
    void invalidNamesAreRefusedEverywhere(String bad) {
        assertThatThrownBy(() -> SharedMemory.create(bad, 8))
                .isInstanceOf(SharedMemoryNameException.class)
                .hasMessageContaining("invalid shared memory name '" + bad + "'");
        assertThatThrownBy(() -> SharedMemory.open(bad)).isInstanceOf(SharedMemoryNameException.class);
        assertThatThrownBy(() -> SharedMemory.openOrCreate(bad, 8)).isInstanceOf(SharedMemoryNameException.class);
        assertThatThrownBy(() -> SharedMemory.unlink(bad)).isInstanceOf(SharedMemoryNameException.class);
        assertThatThrownBy(() -> SharedMemory.exists(bad)).isInstanceOf(SharedMemoryNameException.class);
        assertThatThrownBy(() -> new SharedAtomicHandle(bad, 0, 8, "int"))
                .isInstanceOf(SharedMemoryNameException.class);
    }

    @Test
    void nullNameIsRefused() {
        assertThatThrownBy(() -> SharedMemory.open(null))
                .isInstanceOf(SharedMemoryNameException.class)
                .hasMessageContaining("null");
    }

    @Test
    void namesLongerThanThePlatformLimitAreRefused() {
        int max = SharedMemory.maxNameLength();
        assertThat(max).isEqualTo(Platform.isMac() ? 30 : 255);
        String longest = ShmTestSupport.PREFIX + "x".repeat(max - ShmTestSupport.PREFIX.length());
        try (SharedMemory ok = SharedMemory.create(longest, 8)) {
            assertThat(ok.posixName()).hasSize(max + 1);
        } finally {
            SharedMemory.unlink(longest);
        }
        String tooLong = longest + "y";
        assertThatThrownBy(() -> SharedMemory.create(tooLong, 8))
                .isInstanceOf(SharedMemoryNameException.class)
                .hasMessageContaining(tooLong)
                .hasMessageContaining("limit on this platform is " + max);
        // multi-byte characters count in UTF-8 bytes
        String wide = "é".repeat(max / 2 + 1);
        assertThatThrownBy(() -> SharedMemory.open(wide)).isInstanceOf(SharedMemoryNameException.class);
    }

    @Test
    void openingAMissingObjectSaysSo() {
        String name = uniqueName();
        assertThatThrownBy(() -> SharedMemory.open(name))
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .isInstanceOf(AtomicsException.class)
                .hasMessageContaining("'" + name + "' (/" + name + ")")
                .hasMessageContaining("No such file or directory")
                .satisfies(e -> assertThat(((SharedMemoryException) e).errno()).isEqualTo(2))
                .satisfies(e -> assertThat(((SharedMemoryException) e).name()).isEqualTo(name));
        assertThatThrownBy(() -> SharedMemory.open(name, true))
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> SharedMemory.unlink(name))
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .hasMessageContaining("cannot unlink shared memory '" + name + "'");
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void exclusiveCreateOfAnExistingObjectSaysSo() {
        String name = uniqueName();
        try (SharedMemory first = SharedMemory.create(name, 8)) {
            first.slice(0, 8).putLong(0, 5);
            assertThatThrownBy(() -> SharedMemory.create("/" + name, 8))
                    .isInstanceOf(SharedMemoryExistsException.class)
                    .hasMessageContaining(name)
                    .hasMessageContaining("File exists");
            assertThat(first.slice(0, 8).getLong(0))
                    .as("the existing object is untouched")
                    .isEqualTo(5);
        }
    }

    @Test
    void unlinkTwiceSaysSo() {
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 8);
        shm.unlink();
        assertThatThrownBy(shm::unlink).isInstanceOf(SharedMemoryNotFoundException.class);
        // the mapping outlives its name
        shm.slice(0, 8).putLong(0, 1);
        assertThat(shm.slice(0, 8).getLong(0)).isEqualTo(1);
        shm.close();
    }

    @Test
    void badSizesAndModesAreRefused() {
        String name = uniqueName();
        assertThatThrownBy(() -> SharedMemory.create(name, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> SharedMemory.openOrCreate(name, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedMemory.create(name, 8, 010000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode");
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void anObjectLargerThanTheSystemCanHoldFailsAtCreateAndLeavesNothing() {
        String name = uniqueName();
        assertThatThrownBy(() -> SharedMemory.create(name, 1L << 52))
                .isInstanceOf(SharedMemoryException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("errno");
        assertThat(SharedMemory.exists(name)).isFalse();
        if (ShmTestSupport.isLinux()) {
            assertThatThrownBy(() -> SharedMemory.create(name, 1L << 52))
                    .hasMessageContaining("cannot reserve")
                    .hasMessageContaining("No space left on device");
            try (SharedMemory small = SharedMemory.create(name, 8)) {
                assertThatThrownBy(() -> SharedMemory.openOrCreate(name, 1L << 52))
                        .isInstanceOf(SharedMemoryException.class)
                        .hasMessageContaining("No space left on device");
            }
        }
    }

    @Test
    void openingAnEmptyObjectSaysSo() {
        String name = uniqueName();
        // shm_open without ftruncate, as a creator does between its two calls
        int fd = Posix.shm().shm_open("/" + name, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600);
        assertThat(fd).isNotNegative();
        Posix.libc().close(fd);
        assertThatThrownBy(() -> SharedMemory.open(name))
                .isInstanceOf(SharedMemoryException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("empty");
        try (SharedMemory grown = SharedMemory.openOrCreate(name, 32)) {
            assertThat(grown.size()).isEqualTo(32);
        }
    }

    @Test
    void slicesAndViewsOutsideTheObjectAreRefused() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            assertThatThrownBy(() -> shm.slice(60, 8))
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("offset 60")
                    .hasMessageContaining("size 64")
                    .hasMessageContaining(name)
                    .hasMessageContaining("end at 68");
            assertThatThrownBy(() -> shm.slice(-1, 1))
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("negative");
            assertThatThrownBy(() -> shm.slice(0, -1)).isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.slice(Long.MAX_VALUE, 8)).isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.atomicView(64, 8, AtomicType.INT))
                    .isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.atomicView(60, 8, AtomicType.INT))
                    .isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.atomicView(-8, 8, AtomicType.INT))
                    .isInstanceOf(SharedMemoryBoundsException.class);
            assertThatThrownBy(() -> shm.atomicView(0, 0, AtomicType.INT))
                    .isInstanceOf(UnsupportedWidthException.class);
            assertThatThrownBy(() -> shm.atomicView(0, 3, AtomicType.INT))
                    .isInstanceOf(UnsupportedWidthException.class);
            assertThat(shm.slice(56, 8).capacity()).isEqualTo(8);
            assertThat(shm.openViews()).as("failed views do not count").isZero();
        }
    }

    @Test
    void misalignedViewsAreRefused() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            assertThatThrownBy(() -> shm.atomicView(4, 8, AtomicType.INT)).isInstanceOf(AlignmentException.class);
            assertThatThrownBy(() -> shm.atomicView(2, 4, AtomicType.UINT, Engine.JVM))
                    .isInstanceOf(AlignmentException.class);
            assertThatThrownBy(() -> shm.atomicView(1, 2, AtomicType.BYTES)).isInstanceOf(AlignmentException.class);
            assertThat(shm.openViews()).isZero();
            shm.close();
        }
    }

    /** libc's setfsuid: per-thread file-system identity; leaving uid 0 drops the DAC override for this thread. */
    interface FsUid extends Library {
        int setfsuid(int uid);
    }

    @Test
    void permissionDeniedCarriesTheErrnoText() throws Exception {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 8, 0400)) {
            AtomicReference<Throwable> readWrite = new AtomicReference<>();
            AtomicReference<Throwable> readOnly = new AtomicReference<>();
            AtomicReference<Boolean> exists = new AtomicReference<>();
            Runnable attempt = () -> {
                readWrite.set(catching(() -> SharedMemory.open(name).close()));
                readOnly.set(catching(() -> SharedMemory.open(name, true).close()));
                exists.set(SharedMemory.exists(name));
            };
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root && Platform.isLinux()) {
                // root bypasses permissions: act as 'nobody' in a thread of our own (setfsuid is per thread)
                FsUid libc = Native.load("c", FsUid.class);
                AtomicReference<Throwable> nobody = new AtomicReference<>();
                Thread t = new Thread(() -> {
                    libc.setfsuid(65534);
                    try {
                        attempt.run();
                        nobody.set(catching(() -> SharedMemory.open(name, true).close()));
                    } finally {
                        libc.setfsuid(0);
                    }
                });
                t.start();
                t.join();
                assertThat(readOnly.get())
                        .as("0400 owned by root is not readable by nobody")
                        .isInstanceOf(SharedMemoryAccessException.class);
            } else {
                assumeThat(root).as("needs a non-root user, or root on Linux").isFalse();
                attempt.run();
                assertThat(readOnly.get())
                        .as("the owner may read a 0400 object")
                        .isNull();
            }
            assertThat(readWrite.get())
                    .isInstanceOf(SharedMemoryAccessException.class)
                    .hasMessageContaining("cannot open shared memory '" + name + "'")
                    .hasMessageContaining("Permission denied")
                    .hasMessageContaining("errno 13");
            assertThat(exists.get()).as("exists() also when not openable").isTrue();
        }
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
