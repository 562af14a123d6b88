package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Engine;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.ViewContextException;
import dev.atomics.testing.Patomic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Owning atomics in shared memory, handles, and attaching in the same process. */
@ExtendWith(ShmCleanup.class)
class SharedAtomicsTest {

    @Test
    void createThenAttachByHandleStringSharesTheAtomic() {
        String name = uniqueName();
        try (SharedAtomic<AtomicInt> counter = SharedAtomics.create(name, 8, AtomicType.INT)) {
            assertThat(counter.handle().toString()).isEqualTo("shm:/" + name + "@0:8:int");
            assertThat(counter.ownsMemory()).isTrue();
            assertThat(counter.memory().size()).isEqualTo(8);
            assertThat(counter.memory().openViews()).isEqualTo(1);
            counter.get().add(40);
            try (SharedAtomic<? extends Atomic> attached =
                    SharedAtomics.attach(counter.handle().toString())) {
                assertThat(attached.get()).isInstanceOf(AtomicInt.class);
                AtomicInt other = (AtomicInt) attached.get();
                other.add(2);
                assertThat(other.load()).isEqualTo(42);
                assertThat(attached.memory()).isNotSameAs(counter.memory());
            }
            assertThat(counter.get().load()).isEqualTo(42);
            assertThat(counter.toString()).contains("shm:/" + name + "@0:8:int").contains("value=42");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void everyTypeAndWidthAtAlignedOffsetsInOneObject(int width) {
        String name = uniqueName();
        long intAt = SharedAtomics.alignUp(3, width);
        long uintAt = SharedAtomics.alignUp(intAt + width, width);
        long bytesAt = SharedAtomics.alignUp(uintAt + width, width);
        try (SharedAtomic<AtomicInt> i = SharedAtomics.openOrCreate(name, intAt, width, AtomicType.INT);
                SharedAtomic<AtomicUint> u = SharedAtomics.openOrCreate(name, uintAt, width, AtomicType.UINT);
                SharedAtomic<AtomicBytes> b = SharedAtomics.openOrCreate(name, bytesAt, width, AtomicType.BYTES)) {
            assertThat(b.memory().size()).isEqualTo(bytesAt + width);
            i.get().store(-3);
            u.get().store(-1L >>> (64 - 8 * width));
            byte[] pattern = new byte[width];
            for (int k = 0; k < width; k++) {
                pattern[k] = (byte) (0xA0 + k);
            }
            b.get().store(pattern);

            try (SharedAtomic<AtomicInt> i2 =
                            i.handle().attach(AtomicType.INT, Patomic.available() ? Engine.PATOMIC : Engine.JVM);
                    SharedAtomic<AtomicUint> u2 = u.handle().attach(AtomicType.UINT);
                    SharedAtomic<AtomicBytes> b2 = b.handle().attach(AtomicType.BYTES)) {
                assertThat(i2.get().load()).isEqualTo(-3);
                assertThat(i2.get().width()).isEqualTo(width);
                assertThat(u2.get().load()).isEqualTo(-1L >>> (64 - 8 * width));
                assertThat(u2.get().signed()).isFalse();
                assertThat(b2.get().load()).containsExactly(pattern);
            }
            // native byte order, as a C or Python peer reads it
            try (SharedMemory raw = SharedMemory.open(name)) {
                ByteBuffer bb = raw.slice(intAt, width).order(ByteOrder.nativeOrder());
                long v = width == 1
                        ? bb.get(0)
                        : width == 2 ? bb.getShort(0) : width == 4 ? bb.getInt(0) : bb.getLong(0);
                assertThat(v).isEqualTo(-3);
                assertThat(raw.slice(bytesAt, width).get(0)).isEqualTo((byte) 0xA0);
            }
        }
    }

    @Test
    void anAtomicInACallersMappingCountsAsItsUserUntilClosed() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            SharedAtomic<AtomicUint> a = SharedAtomics.in(shm, 32, 4, AtomicType.UINT);
            assertThat(a.ownsMemory()).isFalse();
            assertThat(a.memory()).isSameAs(shm);
            assertThat(shm.openViews()).isEqualTo(1);
            assertThat(shm.users()).containsExactly("SharedAtomic shm:/" + name + "@32:4:uint");
            AtomicUint u = a.get();
            u.store(7);
            a.close();
            a.close();
            assertThat(a.isClosed()).isTrue();
            assertThat(shm.openViews()).isZero();
            assertThat(shm.isClosed()).isFalse();
            assertThatThrownBy(a::get)
                    .isInstanceOf(SharedMemoryClosedException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(u::load).isInstanceOf(ViewContextException.class);
            assertThat(a.toString()).contains("closed");
            assertThat(shm.slice(32, 4).getInt(0)).isEqualTo(7);
        }
    }

    @Test
    void closingAnOwningSharedAtomicClosesItsMapping() {
        String name = uniqueName();
        SharedAtomic<AtomicInt> a = SharedAtomics.create(name, 8, AtomicType.INT);
        SharedMemory shm = a.memory();
        a.close();
        assertThat(shm.isClosed()).isTrue();
        assertThat(SharedMemory.exists(name)).as("closing does not unlink").isTrue();
    }

    @Test
    void handleStringFormatRoundTrips() {
        SharedAtomicHandle h = SharedAtomicHandle.parse("shm:/myapp-counters@64:8:int");
        assertThat(h.name()).isEqualTo("/myapp-counters");
        assertThat(h.bareName()).isEqualTo("myapp-counters");
        assertThat(h.offset()).isEqualTo(64);
        assertThat(h.width()).isEqualTo(8);
        assertThat(h.type()).isEqualTo("int");
        assertThat(h.atomicType()).isSameAs(AtomicType.INT);
        assertThat(SharedAtomicHandle.parse(h.toString())).isEqualTo(h);
        assertThat(SharedAtomicHandle.parse("shm:myapp-counters@64:8:INT")).isEqualTo(h);
        assertThat(new SharedAtomicHandle("myapp-counters", 64, 8, " Int ")).isEqualTo(h);
        assertThat(SharedAtomicHandle.of("/a@b", 2, 2, AtomicType.BYTES).toString())
                .isEqualTo("shm:/a@b@2:2:bytes");
        assertThat(SharedAtomicHandle.parse("shm:/a@b@2:2:bytes").name()).isEqualTo("/a@b");
        assertThat(SharedAtomicHandle.parse("shm:/x@5:3:uint").width())
                .as("odd widths are the engine's business")
                .isEqualTo(3);
    }

    @Test
    void handlesSerialize() throws Exception {
        SharedAtomicHandle h = new SharedAtomicHandle("/x", 16, 4, "uint");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(h);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(h);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "foo",
                "shm:",
                "/x@0:8:int",
                "shm:/x@-8:8:int",
                "shm:/x@0:8",
                "shm:/x@0:8:",
                "shm:/x@a:8:int",
                "shm:/x@0:8:float",
                "shm:/x@0:0:int",
                "shm:/x@4:8:int",
                "shm:/x@99999999999999999999:8:int",
                "shm:/x@0:8:int junk"
            })
    void badHandleStringsAreRefused(String bad) {
        assertThatThrownBy(() -> SharedAtomicHandle.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badHandleFieldsAreRefused() {
        assertThatThrownBy(() -> SharedAtomicHandle.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shm:/<name>@<offset>:<width>:<int|uint|bytes>");
        assertThatThrownBy(() -> SharedAtomicHandle.parse("shm:/a/b@0:8:int"))
                .isInstanceOf(SharedMemoryNameException.class);
        assertThatThrownBy(() -> new SharedAtomicHandle("x", 12, 8, "int"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not aligned");
        assertThatThrownBy(() -> new SharedAtomicHandle("x", 0, 8, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedAtomics.create(uniqueName(), 8, AtomicType.ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use int, uint or bytes");
        assertThatThrownBy(() -> SharedAtomics.create(uniqueName(), 8, AtomicType.INTEGRAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attachErrorsAreReportedAndLeakNothing() {
        String name = uniqueName();
        assertThatThrownBy(
                        () -> SharedAtomicHandle.of(name, 0, 8, AtomicType.INT).attach())
                .isInstanceOf(SharedMemoryNotFoundException.class)
                .hasMessageContaining(name);
        try (SharedAtomic<AtomicInt> a = SharedAtomics.create(name, 8, AtomicType.INT)) {
            assertThatThrownBy(() -> a.handle().attach(AtomicType.UINT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is of type int, not uint");
            assertThatThrownBy(() ->
                            SharedAtomicHandle.of(name, 8, 8, AtomicType.INT).attach())
                    .isInstanceOf(SharedMemoryBoundsException.class)
                    .hasMessageContaining("size 8");
            assertThatThrownBy(() -> SharedAtomics.create(name, 8, AtomicType.INT))
                    .isInstanceOf(SharedMemoryExistsException.class);
            assertThat(a.get().load()).isZero();
        }
        String odd = uniqueName();
        assertThatThrownBy(() -> SharedAtomics.create(odd, 3, AtomicType.INT))
                .isInstanceOf(UnsupportedWidthException.class);
        assertThat(SharedMemory.exists(odd))
                .as("a failed create leaves no object")
                .isFalse();
    }

    @Test
    void alignUpRoundsToTheWidth() {
        assertThat(SharedAtomics.alignUp(0, 8)).isZero();
        assertThat(SharedAtomics.alignUp(1, 8)).isEqualTo(8);
        assertThat(SharedAtomics.alignUp(8, 8)).isEqualTo(8);
        assertThat(SharedAtomics.alignUp(9, 4)).isEqualTo(12);
        assertThat(SharedAtomics.alignUp(5, 1)).isEqualTo(5);
        assertThatThrownBy(() -> SharedAtomics.alignUp(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
