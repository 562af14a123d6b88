package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.NativeLibraryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The binding property, on the classes directory (the Java 17 {@link Bridge}, whatever runs the tests: a classes
 * directory is not multi-release). {@link BindingIT} checks the packaged jar.
 */
class NativeBindingTest {

    @AfterEach
    void clear() {
        System.clearProperty(NativeBinding.PROPERTY);
    }

    @Test
    void autoFfmAndJnaAreAcceptedInAnyCase() {
        assertThat(NativeBinding.requested()).isEqualTo(NativeBinding.AUTO);
        System.setProperty(NativeBinding.PROPERTY, " FFM ");
        assertThat(NativeBinding.requested()).isEqualTo(NativeBinding.FFM);
        System.setProperty(NativeBinding.PROPERTY, "jna");
        assertThat(NativeBinding.requested()).isEqualTo(NativeBinding.JNA);
        System.setProperty(NativeBinding.PROPERTY, "");
        assertThat(NativeBinding.requested()).isEqualTo(NativeBinding.AUTO);
    }

    @Test
    void anythingElseIsRefusedByName() {
        System.setProperty(NativeBinding.PROPERTY, "panama\n" + "x".repeat(100));
        assertThatThrownBy(NativeBinding::requested)
                .isInstanceOf(NativeLibraryException.class)
                .hasMessageContaining(NativeBinding.PROPERTY)
                .hasMessageContaining("auto, ffm or jna")
                .hasMessageContaining("'panama?xxx")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("x".repeat(50));
    }

    @Test
    void theJava17ClassServesJnaAndRefusesAnFfmRequestSayingWhy() {
        assertThat(Bridge.binding()).isEqualTo(NativeBinding.JNA);
        System.setProperty(NativeBinding.PROPERTY, "ffm");
        assertThatThrownBy(Bridge::init)
                .isInstanceOf(NativeLibraryException.class)
                .hasMessageContaining("needs Java 22 or later")
                .hasMessageContaining("META-INF/versions/22");
    }
}
