package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.testing.Patomic;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The native library is optional: the build runs the core suite a second time without it on the class path
 * (system property {@value Patomic#EXPECTED} = {@code absent}), as on a platform atomics-core ships no binary
 * for. There, everything but an explicit patomic request works on the JVM engine, and
 * {@link Atomics#nativeInfo()} and the patomic request say why patomic is missing.
 */
class NativeOptionalTest {

    @Test
    void theRunHasTheNativeLibraryItClaims() {
        NativeInfo info = Atomics.nativeInfo();
        assertThat(info.available()).as("%s", info).isEqualTo(!Patomic.expectedAbsent());
    }

    @Test
    void withoutTheLibraryNativeInfoSaysWhy() {
        assumeTrue(Patomic.expectedAbsent(), "only in the run without native libraries");
        NativeInfo info = Atomics.nativeInfo();
        assertThat(info.available()).isFalse();
        assertThat(info.unavailableReason())
                .contains("cannot find the bundled native library")
                .contains(com.sun.jna.Platform.RESOURCE_PREFIX);
        assertThat(info.patomicLibrary()).isNull();
        assertThat(info.widths()).isEmpty();
        assertThat(info.defaultEngine()).isEqualTo(Engine.AUTO);
        assertThat(Atomics.nativeInfo().unavailableReason())
                .as("the same reason every time")
                .isEqualTo(info.unavailableReason());
    }

    @Test
    void withoutTheLibraryOnlyAnExplicitPatomicRequestFails() {
        assumeTrue(Patomic.expectedAbsent(), "only in the run without native libraries");
        String reason = Atomics.nativeInfo().unavailableReason();
        for (int width : new int[] {1, 2, 4, 8}) {
            for (AtomicType<?, ?, ?> type :
                    new AtomicType<?, ?, ?>[] {AtomicType.INT, AtomicType.UINT, AtomicType.BYTES}) {
                assertThat(Atomics.atomic(width, type).engine()).isEqualTo(Engine.JVM);
                assertThatThrownBy(() -> Atomics.atomic(width, type, Engine.PATOMIC))
                        .isInstanceOf(NativeLibraryException.class)
                        .hasMessageContaining("the patomic engine is unavailable")
                        .hasMessageContaining(reason);
            }
            ByteBuffer b = ByteBuffer.allocateDirect(16).alignedSlice(8).slice(0, width);
            try (AtomicUintViewContext ctx = Atomics.atomicView(b, AtomicType.UINT)) {
                assertThat(ctx.open().fetchInc()).isZero();
            }
            assertThat(new Alignment(width).recommended()).isEqualTo(width);
        }
        assertThatThrownBy(() -> Atomics.atomic(3, AtomicType.INT))
                .isInstanceOf(UnsupportedWidthException.class)
                .hasMessageContaining("width 3")
                .hasMessageContaining("[1, 2, 4, 8]")
                .hasMessageContaining(reason);
    }

    @Test
    void withTheLibraryAutoStillMeansTheJvmEngineUpTo8Bytes() {
        Patomic.assume();
        for (int width : new int[] {1, 2, 4, 8}) {
            assertThat(Atomics.atomic(width, AtomicType.BYTES).engine()).isEqualTo(Engine.JVM);
            assertThat(Atomics.atomic(width, AtomicType.BYTES, Engine.PATOMIC).engine())
                    .isEqualTo(Engine.PATOMIC);
        }
    }
}
