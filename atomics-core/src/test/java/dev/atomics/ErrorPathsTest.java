package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.memory.MemoryRegion;
import dev.atomics.shm.SharedAtomicHandle;
import dev.atomics.shm.SharedAtomics;
import dev.atomics.shm.SharedMemory;
import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way to misuse the API fails with a precise exception, and leaves memory as it was. */
class ErrorPathsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3, 5, 12, 32, 33})
    void unsupportedWidthsAreRefused(int width) {
        assertThatThrownBy(() -> Atomics.atomic(width, AtomicType.INT)).isInstanceOf(UnsupportedWidthException.class);
        assertThatThrownBy(() -> Atomics.atomic(width, AtomicType.BYTES, Engine.JVM))
                .isInstanceOf(UnsupportedWidthException.class);
        if (Patomic.available()) {
            assertThatThrownBy(() -> Atomics.atomic(width, AtomicType.BYTES, Engine.PATOMIC))
                    .isInstanceOf(UnsupportedWidthException.class);
        }
    }

    @Test
    void theUnsupportedWidthMessageListsTheSupportedOnes() {
        assertThatThrownBy(() -> Atomics.atomic(3, AtomicType.UINT))
                .hasMessageContaining("width 3") // 16 too where the bundled library serves it
                .hasMessageMatching("(?s).*\\[1, 2, 4, 8(, 16)?].*");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 6, 7, 16})
    void theJvmEngineRefusesWidthsOtherThan1_2_4_8(int width) {
        assertThatThrownBy(() -> Atomics.atomic(width, AtomicType.UINT, Engine.JVM))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining(width == 16 ? "UINT128" : "width");
        if (width < 8) {
            assertThatThrownBy(() -> Atomics.atomic(width, AtomicType.UINT, Engine.JVM))
                    .hasMessageContaining("jvm engine supports widths 1, 2, 4 and 8, not " + width);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void theJvmEngineServesEveryWidthAndTypeUpTo8ByDefault(int width) {
        assertThat(Atomics.atomic(width, AtomicType.UINT, Engine.JVM).engine()).isEqualTo(Engine.JVM);
        assertThat(Atomics.atomic(width, AtomicType.BYTES, Engine.JVM).engine()).isEqualTo(Engine.JVM);
        assertThat(Atomics.atomic(width, AtomicType.INT).engine()).as("auto").isEqualTo(Engine.JVM);
        assertThat(Atomics.atomic(width, AtomicType.BYTES).engine()).as("auto").isEqualTo(Engine.JVM);
        AtomicUint u = Atomics.atomic(width, AtomicType.UINT, Engine.JVM);
        u.store(width == 8 ? -1 : (1L << (8 * width)) - 1);
        assertThat(u.fetchInc()).isEqualTo(width == 8 ? -1 : (1L << (8 * width)) - 1);
        assertThat(u.load()).as("wraps around").isZero();
    }

    @Test
    void integralNeedsASignedness() {
        assertThatThrownBy(() -> Atomics.atomic(4, AtomicType.INTEGRAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AtomicType.INT");
        assertThat(Atomics.atomicIntegral(4, false)).isInstanceOf(AtomicUint.class);
        assertThat(Atomics.atomicIntegral(2, true)).isInstanceOf(AtomicInt.class);
    }

    @Test
    void anyObjectsHaveOnlyProperties() {
        Atomic a = Atomics.atomic(4, AtomicType.ANY);
        assertThat(a.opsSupported()).isEmpty();
        assertThat(a.width()).isEqualTo(4);
        assertThat(a.toString()).startsWith("Atomic(width=4");
    }

    @Test
    void heapBuffersAreRefused() {
        assertThatThrownBy(() -> Atomics.atomicView(ByteBuffer.allocate(8), AtomicType.INT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap ByteBuffer");
        assertThatThrownBy(() -> Atomics.atomicView(ByteBuffer.wrap(new byte[8]), AtomicType.BYTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no other process can see it");
    }

    @Test
    void emptyBuffersAreRefused() {
        ByteBuffer b = ByteBuffer.allocateDirect(8);
        b.position(8);
        assertThatThrownBy(() -> Atomics.atomicView(b, AtomicType.INT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no remaining bytes");
    }

    @Test
    void theWidthOfAViewIsTheRemainingBytes() {
        ByteBuffer b = ByteBuffer.allocateDirect(16);
        b.position(8).limit(12);
        try (AtomicIntViewContext ctx = Atomics.atomicView(b, AtomicType.INT)) {
            assertThat(ctx.open().width()).isEqualTo(4);
        }
        b.limit(11);
        assertThatThrownBy(() -> Atomics.atomicView(b, AtomicType.INT)).isInstanceOf(UnsupportedWidthException.class);
    }

    @Test
    void misalignedMemoryIsRefused() {
        ByteBuffer b = ByteBuffer.allocateDirect(32);
        assertThat(new Alignment(8).isValid(b.alignedSlice(8))).isTrue();
        ByteBuffer odd = b.alignedSlice(8).slice(1, 4);
        assertThat(new Alignment(4).isValid(odd)).isFalse();
        assertThatThrownBy(() -> Atomics.atomicView(odd, AtomicType.INT))
                .isInstanceOf(AlignmentException.class)
                .hasMessageContaining("not aligned to 4 bytes");
        assertThatThrownBy(() -> Atomics.atomicView(b.alignedSlice(8).slice(2, 8), AtomicType.UINT, Engine.JVM))
                .isInstanceOf(AlignmentException.class);
        assertThatThrownBy(() -> Atomics.atomicView(b.alignedSlice(8).slice(3, 2), AtomicType.UINT))
                .isInstanceOf(AlignmentException.class)
                .hasMessageContaining("not aligned to 2 bytes");
        if (Patomic.available()) {
            assertThatThrownBy(() -> Atomics.atomicView(b.alignedSlice(8).slice(2, 8), AtomicType.UINT, Engine.PATOMIC))
                    .isInstanceOf(AlignmentException.class);
        }
        try (AtomicBytesViewContext ctx = Atomics.atomicView(b.alignedSlice(8).slice(1, 1), AtomicType.BYTES)) {
            assertThat(ctx.open().width()).as("width 1 needs no alignment").isEqualTo(1);
        }
    }

    @Test
    void alignmentReportsWhatPatomicReports() {
        Alignment a = new Alignment(8);
        assertThat(a.recommended()).isEqualTo(8);
        assertThat(a.minimum()).isEqualTo(8);
        assertThat(a.sizeWithin()).isZero();
        assertThat(a.isValidRecommended(16)).isTrue();
        assertThat(a.isValidRecommended(12)).isFalse();
        assertThat(a.isValidMinimum(24)).isTrue();
        Alignment odd = new Alignment(3);
        assertThat(odd.recommended()).isEqualTo(1);
    }

    @Test
    void operandsOutsideTheRangeAreRefusedBeforeMemoryIsTouched() {
        AtomicInt i1 = Atomics.atomic(1, AtomicType.INT);
        i1.store(5);
        assertThatThrownBy(() -> i1.store(128))
                .isInstanceOf(OperandRangeException.class)
                .hasMessageContaining("operand 128")
                .hasMessageContaining("[-128, 127]");
        assertThatThrownBy(() -> i1.add(-129)).isInstanceOf(OperandRangeException.class);
        assertThatThrownBy(() -> i1.cmpxchgStrong(5, 200)).isInstanceOf(OperandRangeException.class);
        assertThat(i1.load()).isEqualTo(5);
        AtomicUint u2 = Atomics.atomic(2, AtomicType.UINT);
        assertThatThrownBy(() -> u2.store(-1))
                .isInstanceOf(OperandRangeException.class)
                .hasMessageContaining("[0, 65535]");
        assertThatThrownBy(() -> u2.fetchAdd(65536)).isInstanceOf(OperandRangeException.class);
        u2.store(65535);
        assertThat(u2.load()).isEqualTo(65535);
        AtomicUint u8 = Atomics.atomic(8, AtomicType.UINT);
        u8.store(-1);
        assertThat(Long.toUnsignedString(u8.load())).isEqualTo("18446744073709551615");
        AtomicInt i4 = Atomics.atomic(4, AtomicType.INT, Engine.JVM);
        assertThatThrownBy(() -> i4.store(1L << 31)).isInstanceOf(OperandRangeException.class);
        assertThat(i4.load()).isZero();
    }

    @Test
    void bitOffsetsOutsideTheObjectAreRefused() {
        AtomicInt a = Atomics.atomic(2, AtomicType.INT);
        assertThatThrownBy(() -> a.bitSet(16))
                .isInstanceOf(OperandRangeException.class)
                .hasMessageContaining("[0, 16)");
        assertThatThrownBy(() -> a.bitTest(-1)).isInstanceOf(OperandRangeException.class);
        AtomicBytes b = Atomics.atomic(8, AtomicType.BYTES);
        assertThatThrownBy(() -> b.bitCompl(64)).isInstanceOf(OperandRangeException.class);
        assertThat(a.load()).isZero();
    }

    @Test
    void byteArraysOfTheWrongLengthAreRefused() {
        AtomicBytes b = Atomics.atomic(4, AtomicType.BYTES);
        assertThatThrownBy(() -> b.store(new byte[3]))
                .isInstanceOf(OperandRangeException.class)
                .hasMessageContaining("exactly 4 bytes, not 3");
        assertThatThrownBy(() -> b.cmpxchgStrong(new byte[4], new byte[8])).isInstanceOf(OperandRangeException.class);
        assertThatThrownBy(() -> b.binXor(new byte[0])).isInstanceOf(OperandRangeException.class);
    }

    @Test
    void readonlyViewsSupportOnlyLoadAndBitTest() {
        ByteBuffer b = ByteBuffer.allocateDirect(8);
        b.order(java.nio.ByteOrder.nativeOrder()).putLong(0, 3);
        for (Engine engine : Patomic.available() ? List.of(Engine.PATOMIC, Engine.JVM) : List.of(Engine.JVM)) {
            try (AtomicIntViewContext ctx = Atomics.atomicView(b.asReadOnlyBuffer(), AtomicType.INT, engine)) {
                AtomicIntView v = ctx.open();
                assertThat(v.readonly()).isTrue();
                assertThat(v.opsSupported()).containsExactly(Op.LOAD, Op.BIT_TEST);
                assertThat(v.bitTest(1)).isTrue();
                assertThatThrownBy(() -> v.store(1))
                        .isInstanceOf(UnsupportedOpException.class)
                        .hasMessageContaining("STORE")
                        .hasMessageContaining("readonly");
                assertThatThrownBy(v::inc).isInstanceOf(UnsupportedOpException.class);
                assertThatThrownBy(() -> v.bitSet(0)).isInstanceOf(UnsupportedOpException.class);
                assertThatThrownBy(() -> v.cmpxchgWeak(3, 4)).isInstanceOf(UnsupportedOpException.class);
                assertThat(v.load()).isEqualTo(3);
            }
        }
    }

    @Test
    void writableObjectsSupportEveryOperationOfTheirType() {
        assertThat(Atomics.atomic(2, AtomicType.INT).opsSupported()).containsExactly(Op.values());
        assertThat(Atomics.atomic(8, AtomicType.BYTES).opsSupported())
                .hasSize(17)
                .doesNotContain(Op.ADD, Op.FETCH_NEG);
    }

    @Test
    void jnaPointersWork() {
        try (Memory mem = new Memory(16)) {
            mem.clear();
            try (AtomicUintViewContext ctx = Atomics.atomicView(mem.share(8), 8, AtomicType.UINT)) {
                ctx.open().fetchAdd(9);
            }
            assertThat(mem.getLong(8)).isEqualTo(9);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void narrowReadonlyViewsLoadTheirBytesAndRefuseWrites(int width) {
        ByteBuffer b = ByteBuffer.allocateDirect(16).alignedSlice(8);
        for (int i = 0; i < 8; i++) {
            b.put(i, (byte) (0x81 + i));
        }
        for (int at = 0; at < 8; at += width) {
            try (AtomicBytesViewContext ctx =
                    Atomics.atomicView(b.slice(at, width).asReadOnlyBuffer(), AtomicType.BYTES, Engine.JVM)) {
                AtomicBytesView v = ctx.open();
                byte[] expected = new byte[width];
                b.get(at, expected);
                assertThat(v.load()).isEqualTo(expected);
                boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
                for (int bit = 0; bit < 8 * width; bit++) {
                    byte holder = expected[little ? bit / 8 : width - 1 - bit / 8];
                    assertThat(v.bitTest(bit)).as("bit %d", bit).isEqualTo(((holder >> (bit % 8)) & 1) != 0);
                }
                assertThatThrownBy(() -> v.binOr(new byte[width])).isInstanceOf(UnsupportedOpException.class);
            }
        }
    }

    @Test
    void nativeInfoSaysWhichLibraryServes() {
        Patomic.assume();
        NativeInfo info = Atomics.nativeInfo();
        assertThat(info.available()).isTrue();
        assertThat(info.unavailableReason()).isNull();
        assertThat(info.bundled()).isTrue();
        assertThat(info.patomicVersion()).isEqualTo("1.1.0");
        // the bundled library adds 16 where the CPU has a 16-byte CAS (cmpxchg16b, aarch64 always)
        assertThat(info.widths()).startsWith(1, 2, 4, 8).isSubsetOf(1, 2, 4, 8, 16);
        assertThat(info.patomicLibrary().getFileName().toString()).contains("patomic");
    }

    @Test
    void typesParseByName() {
        assertThat(AtomicType.parse("INT")).isSameAs(AtomicType.INT);
        assertThat(AtomicType.parse(" uint ")).isSameAs(AtomicType.UINT);
        assertThatThrownBy(() -> AtomicType.parse("float"))
                .hasMessageContaining("use int, uint, bytes, int128 or uint128");
        assertThat(Engine.parse("JVM")).isEqualTo(Engine.JVM);
        assertThatThrownBy(() -> Engine.parse("gpu")).hasMessageContaining("auto, patomic or jvm");
    }

    /** REDIS is what atomics on Redis keys report; no memory object can be served by it. */
    @Test
    void theRedisEngineServesNoMemory() {
        assertThatThrownBy(() -> Atomics.atomic(8, AtomicType.INT, Engine.REDIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not memory");
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        assertThatThrownBy(() -> Atomics.atomicView(direct, AtomicType.INT, Engine.REDIS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Engine.parse("redis")).hasMessageContaining("auto, patomic or jvm");
    }

    // ---- null arguments: never a silent default ------------------------------------------------------

    @Test
    void aNullEngineIsRefusedRatherThanMeaningPatomic() {
        assertNullNamed(() -> Atomics.atomic(8, AtomicType.INT, null), "engine");
        assertNullNamed(() -> Atomics.atomic(4, AtomicType.BYTES, null), "engine");
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        assertNullNamed(() -> Atomics.atomicView(direct, AtomicType.INT, null), "engine");
    }

    @Test
    void nullTypesBuffersPointersAndRegionsAreRefusedNamingTheParameter() {
        assertNullNamed(() -> Atomics.atomic(8, null), "type");
        assertNullNamed(() -> Atomics.atomic(8, null, Engine.JVM), "type");
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        assertNullNamed(() -> Atomics.atomicView(direct, null), "type");
        assertNullNamed(() -> Atomics.atomicView((ByteBuffer) null, AtomicType.INT), "buffer");
        assertNullNamed(() -> Atomics.atomicView((Pointer) null, 8, AtomicType.INT), "pointer");
        assertNullNamed(() -> Atomics.atomicView((MemoryRegion) null, AtomicType.INT, Engine.AUTO), "region");
    }

    @Test
    void aRegionIsReleasedWhenItsViewIsRefusedForANullArgument() {
        AtomicBoolean released = new AtomicBoolean();
        MemoryRegion region = MemoryRegion.of(ByteBuffer.allocateDirect(8), "test region", () -> released.set(true));
        assertNullNamed(() -> Atomics.atomicView(region, AtomicType.INT, null), "engine");
        assertThat(released).isTrue();
    }

    @Test
    void nullMemoryOrdersAndOperandsAreRefusedBeforeMemoryIsTouched() {
        AtomicInt a = Atomics.atomic(8, AtomicType.INT);
        a.store(5);
        assertNullNamed(() -> a.load(null), "memory order");
        assertNullNamed(() -> a.store(1, null), "memory order");
        assertNullNamed(() -> a.fetchAdd(1, null), "memory order");
        assertNullNamed(() -> a.bitTest(0, null), "memory order");
        assertNullNamed(() -> a.cmpxchgStrong(5, 1, null, MemoryOrder.RELAXED), "success memory order");
        assertNullNamed(() -> a.cmpxchgWeak(5, 1, MemoryOrder.SEQ_CST, null), "failure memory order");
        assertThat(a.load()).isEqualTo(5);
        AtomicBytes b = Atomics.atomic(4, AtomicType.BYTES);
        assertNullNamed(() -> b.store(null), "byte array operand");
        assertNullNamed(() -> b.cmpxchgStrong(null, new byte[4]), "byte array operand");
        assertThat(b.load()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void sharedAtomicFactoriesRefuseNullsBeforeTouchingSharedMemory() {
        String name = "atomics-test-" + ProcessHandle.current().pid() + "-errorpaths-null";
        assertNullNamed(() -> SharedAtomics.create(name, 8, null), "type");
        assertNullNamed(() -> SharedAtomics.openOrCreate(name, 0, 8, null), "type");
        assertNullNamed(() -> SharedAtomics.attach((SharedAtomicHandle) null), "handle");
        assertNullNamed(
                () -> SharedAtomics.attach(SharedAtomicHandle.of(name, 0, 8, AtomicType.INT), AtomicType.INT, null),
                "engine");
        assertNullNamed(() -> SharedAtomicHandle.of(name, 0, 8, null), "type");
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    private static void assertNullNamed(Runnable call, String parameter) {
        assertThatNullPointerException().isThrownBy(call::run).withMessage(parameter);
    }
}
