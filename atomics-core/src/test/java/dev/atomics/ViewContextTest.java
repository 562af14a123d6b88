package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.memory.MemoryRegion;
import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The view-context contract: open once, release only while closed, and nothing works after the end. */
class ViewContextTest {

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(8);

    @Test
    void openReturnsAViewOnTheBuffer() {
        try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT)) {
            AtomicIntView v = ctx.open();
            v.store(0x0102030405060708L);
            assertThat(buffer.order(java.nio.ByteOrder.nativeOrder()).getLong(0))
                    .isEqualTo(0x0102030405060708L);
            assertThat(ctx.isOpen()).isTrue();
        }
    }

    @Test
    void openingTwiceThrows() {
        try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT)) {
            ctx.open();
            assertThatThrownBy(ctx::open)
                    .isInstanceOf(ViewContextException.class)
                    .hasMessageContaining("twice");
        }
    }

    @Test
    void releasingWhileOpenThrows() {
        try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT)) {
            AtomicIntView v = ctx.open();
            assertThatThrownBy(ctx::release)
                    .isInstanceOf(ViewContextException.class)
                    .hasMessageContaining("while it is open");
            v.inc();
            assertThat(v.load()).isEqualTo(1);
        }
    }

    @Test
    void openingAfterReleaseOrCloseThrows() {
        AtomicIntViewContext released = Atomics.atomicView(buffer, AtomicType.INT);
        released.release();
        assertThatThrownBy(released::open)
                .isInstanceOf(ViewContextException.class)
                .hasMessageContaining("after it was released");
        AtomicIntViewContext closed = Atomics.atomicView(buffer, AtomicType.INT);
        closed.open();
        closed.close();
        assertThatThrownBy(closed::open)
                .isInstanceOf(ViewContextException.class)
                .hasMessageContaining("after it was released");
    }

    @Test
    void releaseAndCloseAreIdempotentWhereAllowed() {
        AtomicUintViewContext ctx = Atomics.atomicView(buffer, AtomicType.UINT);
        assertThatCode(() -> {
                    ctx.release();
                    ctx.release();
                    ctx.close();
                    ctx.close();
                    ctx.release();
                })
                .doesNotThrowAnyException();
        assertThat(ctx.isReleased()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"PATOMIC", "JVM"})
    void everyUseOfAViewAfterCloseThrowsWithoutTouchingMemory(Engine engine) {
        Patomic.assumeServes(engine);
        AtomicIntView v;
        try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT, engine)) {
            v = ctx.open();
            v.store(7);
        }
        buffer.putLong(0, 42);
        assertThatThrownBy(v::load).isInstanceOf(ViewContextException.class).hasMessageContaining("AtomicIntView");
        assertThatThrownBy(() -> v.store(1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::inc).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.fetchAdd(1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.cmpxchgStrong(42, 1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.compareAndSet(42, 1)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.bitSet(0)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.binNot()).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::width).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::readonly).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::opsSupported).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::signed).isInstanceOf(ViewContextException.class);
        assertThat(v.toString()).isEqualTo("AtomicIntView(released)");
        assertThat(buffer.getLong(0)).isEqualTo(42);
    }

    @Test
    void bytesViewsDieToo() {
        AtomicBytesView v;
        try (AtomicBytesViewContext ctx = Atomics.atomicView(buffer.slice(0, 2), AtomicType.BYTES)) {
            v = ctx.open();
            assertThat(v.width()).isEqualTo(2);
        }
        assertThatThrownBy(v::load).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.binOr(new byte[2])).isInstanceOf(ViewContextException.class);
    }

    @Test
    void theMemorySourceHearsOfTheReleaseExactlyOnce() {
        AtomicInteger releases = new AtomicInteger();
        AtomicIntViewContext ctx = Atomics.atomicView(
                MemoryRegion.of(buffer, "test", releases::incrementAndGet), AtomicType.INT, Engine.AUTO);
        ctx.open();
        assertThat(releases).hasValue(0);
        ctx.close();
        ctx.close();
        ctx.release();
        assertThat(releases).hasValue(1);
    }

    @Test
    void aFailedConstructionReleasesTheMemorySource() {
        AtomicInteger releases = new AtomicInteger();
        ByteBuffer misaligned = buffer.slice(1, 4);
        assertThatThrownBy(() -> Atomics.atomicView(
                        MemoryRegion.of(misaligned, "test", releases::incrementAndGet), AtomicType.INT, Engine.AUTO))
                .isInstanceOf(AlignmentException.class);
        assertThat(releases).hasValue(1);
    }

    @Test
    void toStringShowsTheValueAndProperties() {
        assertThat(Atomics.atomic(4, AtomicType.INT, Engine.JVM).toString())
                .isEqualTo("AtomicInt(value=0, width=4, readonly=false, signed=true, engine=jvm)");
        AtomicUint u = Atomics.atomic(8, AtomicType.UINT);
        u.store(-1);
        assertThat(u.toString())
                .isEqualTo("AtomicUint(value=18446744073709551615, width=8, readonly=false, signed=false, engine=jvm)");
        AtomicUint u1 = Atomics.atomic(1, AtomicType.UINT);
        u1.store(255);
        assertThat(u1.toString()).isEqualTo("AtomicUint(value=255, width=1, readonly=false, signed=false, engine=jvm)");
        try (AtomicBytesViewContext ctx = Atomics.atomicView(buffer.slice(0, 2).asReadOnlyBuffer(), AtomicType.BYTES)) {
            assertThat(ctx.open().toString())
                    .isEqualTo("AtomicBytesView(value=[00 00], width=2, readonly=true, engine=jvm)");
        }
        if (Patomic.available()) {
            AtomicInt p = Atomics.atomic(2, AtomicType.INT, Engine.PATOMIC);
            p.store(-2);
            assertThat(p.toString())
                    .isEqualTo("AtomicInt(value=-2, width=2, readonly=false, signed=true, engine=patomic)");
        }
    }
}
