package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.gcUntil;
import static dev.atomics.shm.ShmTestSupport.mapsOf;
import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntView;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUintViewContext;
import dev.atomics.Engine;
import dev.atomics.ViewContextException;
import dev.atomics.testing.Patomic;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way to touch shared memory after it was closed or collected: the JVM must survive each (a fault
 * would kill the test JVM), and whatever still writes writes the shared object, never other memory.
 */
@ExtendWith(ShmCleanup.class)
class SharedMemoryLifetimeTest {

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    // ---------------------------------------------------------------------------------------------
    // Close refuses while users are open
    // ---------------------------------------------------------------------------------------------

    @Test
    void closeRefusesWhileUsersAreOpenAndNamesThem() {
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 64);
        AtomicIntViewContext a = shm.atomicView(0, 8, AtomicType.INT);
        AtomicUintViewContext b = shm.atomicView(12, 4, AtomicType.UINT);
        SharedAtomic<AtomicInt> c = SharedAtomics.in(shm, 16, 8, AtomicType.INT);
        AtomicIntViewContext neverOpened = shm.atomicView(24, 8, AtomicType.INT);
        neverOpened.release();
        a.open().inc();
        assertThat(shm.openViews()).isEqualTo(3);

        assertThatThrownBy(shm::close)
                .isInstanceOf(SharedMemoryBusyException.class)
                .hasMessageContaining("cannot close shared memory '" + name + "'")
                .hasMessageContaining("3 open users")
                .hasMessageContaining("AtomicIntView at offset 0, width 8")
                .hasMessageContaining("AtomicUintView at offset 12, width 4")
                .hasMessageContaining("SharedAtomic shm:/" + name + "@16:8:int")
                .satisfies(
                        e -> assertThat(((SharedMemoryBusyException) e).users()).hasSize(3));
        assertThat(shm.isClosed()).isFalse();

        // still fully usable after the refusal; closing users one by one
        c.get().store(5);
        assertThat(shm.slice(16, 8).getLong(0)).isEqualTo(5);
        a.close();
        assertThatThrownBy(shm::close)
                .isInstanceOf(SharedMemoryBusyException.class)
                .hasMessageContaining("2 open users");
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.memory().isClosed())
                .as("a shared atomic made in() a mapping leaves it open")
                .isFalse();
        assertThatThrownBy(shm::close)
                .isInstanceOf(SharedMemoryBusyException.class)
                .hasMessageContaining("1 open user still uses the mapping: AtomicUintView at offset 12, width 4");
        b.release();
        assertThat(shm.openViews()).isZero();
        shm.close();
        assertThat(shm.isClosed()).isTrue();
        shm.close(); // twice: no-op
        assertThat(shm.range().unmapped())
                .as("the dead views still reference their buffers: still mapped")
                .isFalse();
    }

    // ---------------------------------------------------------------------------------------------
    // Touching memory after close
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"JVM", "PATOMIC"})
    void aViewAfterItsContextClosedThrowsAndTouchesNothing(Engine engine) {
        Patomic.assumeServes(engine);
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 64);
        AtomicIntViewContext ctx = shm.atomicView(8, 8, AtomicType.INT, engine);
        AtomicIntView v = ctx.open();
        v.store(11);
        ctx.close();
        assertThatThrownBy(v::load).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::inc).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::width).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(ctx::open).isInstanceOf(ViewContextException.class);
        assertThat(v.toString()).contains("released");
        shm.close();
        assertThatThrownBy(v::load).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.store(1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.compareAndSet(11, 12)).isInstanceOf(ViewContextException.class);
        assertThat(v.toString()).contains("released");
    }

    @Test
    void aClosedSharedMemoryRefusesNewSlicesViewsAndAtomics() {
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 64);
        shm.close();
        assertThat(shm.range().unmapped())
                .as("nothing referenced the range: unmapped at once")
                .isTrue();
        assertThatThrownBy(() -> shm.slice(0, 8))
                .isInstanceOf(SharedMemoryClosedException.class)
                .hasMessageContaining("cannot take a slice")
                .hasMessageContaining(name)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> shm.atomicView(0, 8, AtomicType.INT))
                .isInstanceOf(SharedMemoryClosedException.class)
                .hasMessageContaining("cannot create an atomic view");
        assertThatThrownBy(() -> SharedAtomics.in(shm, 0, 8, AtomicType.INT))
                .isInstanceOf(SharedMemoryClosedException.class);
        assertThat(shm.toString()).contains("closed");
        assertThat(shm.openViews()).isZero();
        shm.close();
        shm.unlink();
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void aSliceKeptAfterCloseStillSharesTheObjectUntilUnreachable() {
        String name = uniqueName();
        SharedMemory shm = SharedMemory.create(name, 4096);
        ByteBuffer kept = shm.slice(0, 64);
        ByteBuffer derived = kept.slice(8, 8).order(ByteOrder.nativeOrder());
        kept.putLong(0, 1234);
        MappedRange range = shm.range();
        shm.close();

        // like a MappedByteBuffer kept after its channel closed: still the object's pages, never another memory
        assertThat(range.unmapped()).as("the kept slice still holds the range").isFalse();
        if (ShmTestSupport.isLinux()) {
            assertThat(mapsOf(name)).hasSize(1);
        }
        kept.putLong(0, 777);
        derived.putLong(0, 888);
        assertThat((long) LONGS.getAndAdd(kept, 16, 5L)).isZero();
        for (Engine engine : Patomic.available()
                ? new Engine[] {Engine.JVM, Engine.PATOMIC}
                : new Engine[] {Engine.JVM, Engine.JVM}) {
            try (AtomicIntViewContext late =
                    dev.atomics.Atomics.atomicView(kept.slice(24, 8), AtomicType.INT, engine)) {
                late.open().add(3);
            }
        }
        assertThat(longsOf(name, 4)).as("what another mapping sees").containsExactly(777L, 888L, 5L, 6L);

        kept = null;
        derived = null;
        assertThat(gcUntil(range::unmapped))
                .as("unmapped once the buffers are unreachable")
                .isTrue();
        if (ShmTestSupport.isLinux()) {
            assertThat(gcUntil(() -> mapsOf(name).isEmpty()))
                    .as("no mapping of the object is left")
                    .isTrue();
        }
    }

    @Test
    void threadsHammeringSlicesWhileTheMappingClosesSurviveAndKeepWritingTheObject() throws Exception {
        for (int round = 0; round < 20; round++) {
            String name = uniqueName();
            SharedMemory shm = SharedMemory.create(name, 4096);
            MappedRange range = shm.range();
            List<ByteBuffer> slices = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slices.add(shm.slice(i * 1024L, 1024));
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(slices.size());
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong added = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (ByteBuffer s : slices) {
                Thread t = new Thread(() -> {
                    try {
                        started.countDown();
                        long i = 0;
                        while (!stop.get()) {
                            LONGS.getAndAdd(s, (int) (i % 128) * 8, 1L);
                            i++;
                        }
                        added.addAndGet(i);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            slices.clear();
            started.await();
            Thread.sleep(2);
            shm.close();
            Thread.sleep(2);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            try (SharedMemory observer = SharedMemory.open(name)) {
                assertThat(sum(observer.slice(0, 4096)))
                        .as("every add, before and after close, reached the object")
                        .isEqualTo(added.get());
            }
            threads.clear();
            assertThat(gcUntil(range::unmapped)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"JVM", "PATOMIC"})
    void threadsUsingAViewWhileItsContextAndTheMappingCloseSurvive(Engine engine) throws Exception {
        Patomic.assumeServes(engine);
        for (int round = 0; round < 20; round++) {
            String name = uniqueName();
            SharedMemory shm = SharedMemory.create(name, 64);
            AtomicIntViewContext ctx = shm.atomicView(0, 8, AtomicType.INT, engine);
            AtomicIntView view = ctx.open();
            AtomicLong done = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(3);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    started.countDown();
                    try {
                        while (true) {
                            view.inc();
                            done.incrementAndGet();
                        }
                    } catch (ViewContextException expected) {
                        // the context closed under us: the way out
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            started.await();
            Thread.sleep(1);
            ctx.close();
            shm.close(); // no user left: succeeds even while a thread may still be inside an operation
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            try (SharedMemory observer = SharedMemory.open(name)) {
                assertThat(observer.slice(0, 8).getLong(0))
                        .as("every inc that returned reached the object")
                        .isPositive()
                        .isEqualTo(done.get());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Garbage collection
    // ---------------------------------------------------------------------------------------------

    @Test
    void anUnclosedSharedMemoryIsUnmappedWhenCollected() {
        String name = uniqueName();
        MappedRange mapping = createAndDrop(name);
        assertThat(gcUntil(mapping::unmapped)).isTrue();
        if (ShmTestSupport.isLinux()) {
            assertThat(mapsOf(name)).isEmpty();
        }
        assertThat(SharedMemory.exists(name))
                .as("collection unmaps, it does not unlink")
                .isTrue();
    }

    private static MappedRange createAndDrop(String name) {
        SharedMemory shm = SharedMemory.create(name, 64);
        shm.slice(0, 8).putLong(0, 1);
        return shm.range();
    }

    @Test
    void aSliceKeepsTheObjectMappedAfterItsSharedMemoryIsCollected() {
        String name = uniqueName();
        MappedRange[] mapping = new MappedRange[1];
        ByteBuffer slice = sliceOfDropped(name, mapping);
        gcUntil(() -> mapping[0].holds() == 1);
        assertThat(mapping[0].holds()).as("only the slice holds the range").isEqualTo(1);
        slice.putLong(0, 4242);
        try (SharedMemory observer = SharedMemory.open(name)) {
            assertThat(observer.slice(0, 8).getLong(0))
                    .as("still the shared object")
                    .isEqualTo(4242);
        }
        assertThat(mapping[0].unmapped()).isFalse();
        slice = null;
        assertThat(gcUntil(mapping[0]::unmapped)).isTrue();
    }

    private static ByteBuffer sliceOfDropped(String name, MappedRange[] mapping) {
        SharedMemory shm = SharedMemory.create(name, 64);
        mapping[0] = shm.range();
        // a slice of a slice: the JDK's derived buffers keep the buffer they came from reachable
        return shm.slice(0, 64).slice(0, 8).order(ByteOrder.nativeOrder());
    }

    @Test
    void aViewKeepsItsSharedMemoryAliveAndAnUnreachableViewStopsCounting() {
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64)) {
            AtomicIntViewContext kept = viewOnDropped(name);
            AtomicIntView v = kept.open();
            System.gc();
            v.store(99);
            assertThat(shm.slice(0, 8).getLong(0)).isEqualTo(99);
            kept.close();

            openAndForget(shm);
            assertThat(shm.openViews()).isEqualTo(1);
            assertThatThrownBy(shm::close).isInstanceOf(SharedMemoryBusyException.class);
            assertThat(gcUntil(() -> shm.openViews() == 0))
                    .as("a view nobody can reach no longer counts")
                    .isTrue();
        }
    }

    private static AtomicIntViewContext viewOnDropped(String name) {
        SharedMemory other = SharedMemory.open(name);
        return other.atomicView(0, 8, AtomicType.INT);
    }

    private static void openAndForget(SharedMemory shm) {
        shm.atomicView(8, 8, AtomicType.INT).open().inc();
    }

    @Test
    void anOwningSharedAtomicIsUnmappedWhenCollectedAndItsAtomicKeepsItAlive() {
        String name = uniqueName();
        MappedRange[] mapping = new MappedRange[1];
        AtomicInt atomic = atomicOfDropped(name, mapping);
        System.gc();
        atomic.add(5);
        assertThat(loadAttached(name)).isEqualTo(5);
        assertThat(mapping[0].unmapped()).isFalse();
        atomic = null;
        assertThat(gcUntil(mapping[0]::unmapped)).isTrue();
    }

    /**
     * Reads through a second attachment, in its own frame: it reuses the range, and a local of the test method would
     * keep its buffer reachable (the interpreter's frames hold every reference slot).
     */
    private static long loadAttached(String name) {
        try (SharedAtomic<AtomicInt> other =
                SharedAtomicHandle.of(name, 0, 8, AtomicType.INT).attach(AtomicType.INT)) {
            return other.get().load();
        }
    }

    private static AtomicInt atomicOfDropped(String name, MappedRange[] mapping) {
        SharedAtomic<AtomicInt> shared = SharedAtomics.create(name, 8, AtomicType.INT);
        mapping[0] = shared.memory().range();
        return shared.get();
    }

    /** The first {@code count} longs of the object, read through a mapping that is gone when this returns. */
    private static List<Long> longsOf(String name, int count) {
        try (SharedMemory observer = SharedMemory.open(name)) {
            ByteBuffer b = observer.slice(0, 8 * count);
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(b.getLong(8 * i));
            }
            return values;
        }
    }

    private static long sum(ByteBuffer b) {
        long s = 0;
        for (int i = 0; i < b.capacity(); i += 8) {
            s += b.getLong(i);
        }
        return s;
    }
}
