package dev.atomics;

import static dev.atomics.Op.BIT_TEST;
import static dev.atomics.Op.LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What width 16 adds to the conformance kit's model tests ({@link ConformanceTest}): who serves it and why not,
 * its types, alignment and readonly rule, closed views, and the identity of compare-and-exchange results.
 */
class Width16Test {

    /** Why width 16 cannot be tested here, or {@code null} if it can. */
    static String width16Missing() {
        NativeInfo info = Atomics.nativeInfo();
        if (!info.available()) {
            return "needs the patomic library: " + info.unavailableReason();
        }
        return info.widths().contains(16) ? null : "no width 16 in this library on this CPU: " + info.widths();
    }

    /**
     * Width 16 is patomic's, where the library has a width-16 table (the bundled one: where the CPU has a 16-byte
     * compare-and-swap); elsewhere every engine refuses it with {@link UnsupportedWidthException} saying why.
     */
    @Test
    void width16IsServedOrRefusedWithAReason() {
        assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT128, Engine.JVM))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("not 16")
                .hasMessageContaining("16-byte compare-and-swap");
        if (width16Missing() == null) {
            for (AtomicType<?, ?, ?> type :
                    List.of(AtomicType.INT128, AtomicType.UINT128, AtomicType.BYTES, AtomicType.ANY)) {
                Atomic a = Atomics.atomic(16, type);
                assertThat(a.engine()).as("auto picks patomic for %s", type).isEqualTo(Engine.PATOMIC);
                assertThat(a.width()).isEqualTo(16);
                assertThat(a.type()).isSameAs(type);
                assertThat(Atomics.atomic(16, type, Engine.PATOMIC).engine()).isEqualTo(Engine.PATOMIC);
            }
            assertThat(new Alignment(16).recommended()).isEqualTo(16);
        } else if (!Patomic.available()) {
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT128))
                    .isInstanceOf(UnsupportedWidthException.class)
                    .hasMessageContaining("width 16")
                    .hasMessageContaining("patomic library");
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT128, Engine.PATOMIC))
                    .isInstanceOf(NativeLibraryException.class);
        } else {
            assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT128))
                    .isInstanceOf(UnsupportedWidthException.class)
                    .hasMessageContaining("no lock-free 16-byte operations");
        }
    }

    /**
     * A {@code long} holds 8 bytes: the 1-to-8-byte types refuse 16 naming the 16-byte ones, and the other way round.
     */
    @Test
    void eachIntegerTypeHasItsWidths() {
        assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.INT))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("AtomicType.INT128");
        assertThatThrownBy(() -> Atomics.atomic(16, AtomicType.UINT))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("AtomicType.UINT128");
        assertThatThrownBy(() -> Atomics.atomic(8, AtomicType.INT128))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("16 bytes, not 8")
                .hasMessageContaining("AtomicType.INT");
        assertThat(AtomicType.INT.forWidth(16)).isSameAs(AtomicType.INT128);
        assertThat(AtomicType.UINT128.forWidth(4)).isSameAs(AtomicType.UINT);
        assertThat(AtomicType.parse("uint128")).isSameAs(AtomicType.UINT128);
    }

    /**
     * Views need 16-byte alignment (checked before any native call: a misaligned cmpxchg16b faults), and a readonly
     * one either reads (where the CPU has an atomic 16-byte read) or is refused, never read by a
     * compare-and-exchange.
     */
    @Test
    void viewsOfWidth16AreAlignedAndReadonlyOnesOnlyRead() {
        Assumptions.assumeTrue(width16Missing() == null, Width16Test::width16Missing);
        ByteBuffer memory = ByteBuffer.allocateDirect(64).alignedSlice(16).order(ByteOrder.nativeOrder());
        for (int offset : new int[] {1, 4, 8, 12}) {
            assertThatThrownBy(() -> Atomics.atomicView(memory.slice(offset, 16), AtomicType.UINT128))
                    .isInstanceOf(AlignmentException.class)
                    .hasMessageContaining("16 bytes");
        }
        memory.putLong(16, -1L).putLong(24, 7L);
        AtomicViewContext<AtomicUint128View> ctx;
        try {
            ctx = Atomics.atomicView(memory.slice(16, 16).asReadOnlyBuffer(), AtomicType.UINT128);
        } catch (UnsupportedWidthException e) {
            assertThat(e).hasMessageContaining("readonly").hasMessageContaining("atomic 16-byte read");
            return;
        }
        try (ctx) {
            AtomicUint128View v = ctx.open();
            assertThat(v.readonly()).isTrue();
            assertThat(v.opsSupported()).containsExactly(LOAD, BIT_TEST);
            Int128 expected =
                    ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? new Int128(7, -1) : new Int128(-1, 7);
            assertThat(v.load()).isEqualTo(expected);
            assertThat(v.loadBigInteger()).isEqualTo(expected.toUnsignedBigInteger());
            assertThat(v.bitTest(64)).isEqualTo((expected.high() & 1) != 0);
            assertThat(v.toString())
                    .contains("value=" + expected.toUnsignedString())
                    .contains("width=16");
            assertThatThrownBy(() -> v.store(Int128.ONE))
                    .isInstanceOf(UnsupportedOpException.class)
                    .hasMessageContaining("readonly");
            assertThatThrownBy(() -> v.compareAndSet(expected, Int128.ONE)).isInstanceOf(UnsupportedOpException.class);
            assertThatThrownBy(v::inc).isInstanceOf(UnsupportedOpException.class);
            assertThat(v.load()).isEqualTo(expected);
        }
    }

    /** A closed view of width 16 refuses every operation, as at the other widths. */
    @Test
    void closedViewsOfWidth16RefuseEverything() {
        Assumptions.assumeTrue(width16Missing() == null, Width16Test::width16Missing);
        ByteBuffer memory = ByteBuffer.allocateDirect(32).alignedSlice(16).slice(0, 16);
        AtomicViewContext<AtomicInt128View> ctx = Atomics.atomicView(memory, AtomicType.INT128);
        AtomicInt128View v = ctx.open();
        v.store(Int128.MIN_VALUE);
        assertThat(v.loadBigInteger()).isEqualTo(Int128.MIN_VALUE.toBigInteger());
        ctx.close();
        assertThatThrownBy(v::load).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.store(Int128.ONE)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::inc).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(() -> v.bitTest(3)).isInstanceOf(ViewContextException.class);
        assertThatThrownBy(v::loadBytes).isInstanceOf(ViewContextException.class);
        assertThat(v.toString()).isEqualTo("AtomicInt128View(released)");
        try (AtomicBytesViewContext b = Atomics.atomicView(memory, AtomicType.BYTES)) {
            AtomicBytesView bytes = b.open();
            byte[] image = new byte[16];
            image[ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 15 : 0] = (byte) 0x80;
            assertThat(bytes.load()).containsExactly(image);
            b.close();
            assertThatThrownBy(bytes::load).isInstanceOf(ViewContextException.class);
        }
    }

    /** On success the compare-and-exchanges return the expected object itself: {@code w != e} is a failure test. */
    @Test
    void successfulCompareAndExchangesReturnTheExpectedObject() {
        Assumptions.assumeTrue(width16Missing() == null, Width16Test::width16Missing);
        List<AtomicIntegral128> objects = new ArrayList<>();
        objects.add(Atomics.atomic(16, AtomicType.INT128));
        objects.add(Atomics.atomic(16, AtomicType.UINT128));
        for (AtomicIntegral128 a : objects) {
            Int128 zero = new Int128(0, 0);
            Int128 one = new Int128(0, 1);
            assertThat(a.compareAndExchange(zero, one)).as("%s", a).isSameAs(zero);
            Int128 w = a.compareAndExchange(zero, one);
            assertThat(w).as("%s", a).isNotSameAs(zero).isEqualTo(Int128.ONE);
            assertThat(a.cmpxchgStrong(one, zero).expected()).isSameAs(one);
            assertThat(a.cmpxchgWeak(zero, one).expected()).isSameAs(zero);
        }
    }

    @Test
    void int128PrintsAndConvertsExactly() {
        assertThatThrownBy(() -> Int128.valueOf(java.math.BigInteger.ONE.shiftLeft(128)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Int128.ALL_ONES.toUnsignedString()).isEqualTo("340282366920938463463374607431768211455");
        assertThat(Int128.MIN_VALUE.toString()).isEqualTo("-170141183460469231731687303715884105728");
        assertThat(Int128.MAX_VALUE.toString()).isEqualTo("170141183460469231731687303715884105727");
        assertThat(Int128.valueOf(-1L)).isEqualTo(Int128.ALL_ONES);
        assertThat(Int128.ofUnsigned(-1L).toUnsignedString()).isEqualTo("18446744073709551615");
        assertThatThrownBy(() -> new Int128(1, 0).longValueExact()).isInstanceOf(ArithmeticException.class);
    }
}
