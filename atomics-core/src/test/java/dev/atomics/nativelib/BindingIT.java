package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Run by Failsafe against the packaged jar (a multi-release jar: its Java 22+ classes load only from it, never
 * from a classes directory), once per binding: the build says which binding this JVM must use
 * ({@code atomics.test.binding}: {@code ffm} on Java 22+, {@code jna} on 17 to 21 and where
 * {@code atomics.native.binding=jna} forces it), and the model tests run in the same JVM through that binding.
 */
class BindingIT {

    private static final String EXPECTED = "atomics.test.binding";

    @Test
    void theClassesComeFromThePackagedJar() throws URISyntaxException {
        Path from = Path.of(
                Bridge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(from.getFileName().toString())
                .as("where Bridge loads from")
                .startsWith("atomics-core-")
                .endsWith(".jar");
    }

    @Test
    void theExpectedBindingServesThePatomicEngine() {
        String expected = System.getProperty(EXPECTED);
        assertThat(expected).as("the build sets %s", EXPECTED).isIn(NativeBinding.FFM, NativeBinding.JNA);
        NativeInfo info = Atomics.nativeInfo();
        assertThat(info.available()).as("%s", info).isTrue();
        assertThat(info.binding())
                .as(
                        "binding on Java %s with %s=%s",
                        Runtime.version(), NativeBinding.PROPERTY, System.getProperty(NativeBinding.PROPERTY))
                .isEqualTo(expected);

        AtomicInt a = Atomics.atomic(8, AtomicType.INT, Engine.PATOMIC);
        a.store(Long.MAX_VALUE);
        assertThat(a.fetchInc()).isEqualTo(Long.MAX_VALUE);
        assertThat(a.load()).isEqualTo(Long.MIN_VALUE);
        assertThat(a.cmpxchgStrong(Long.MIN_VALUE, -2).success()).isTrue();
        assertThat(a.load()).isEqualTo(-2);
    }

    @Test
    void ffmIsTheDefaultFromJava22() {
        String forced = System.getProperty(NativeBinding.PROPERTY);
        if (forced == null || forced.equals(NativeBinding.AUTO)) {
            assertThat(Bridge.binding())
                    .isEqualTo(Runtime.version().feature() >= 22 ? NativeBinding.FFM : NativeBinding.JNA);
        }
    }
}
