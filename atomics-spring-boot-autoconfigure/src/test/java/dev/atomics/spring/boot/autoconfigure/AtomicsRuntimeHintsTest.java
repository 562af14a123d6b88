package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

/** The hints a native image of an application with the starter needs, registered by the auto-configuration. */
class AtomicsRuntimeHintsTest {

    private final RuntimeHints hints = registered();

    private static RuntimeHints registered() {
        RuntimeHints hints = new RuntimeHints();
        new AtomicsRuntimeHints().registerHints(hints, AtomicsRuntimeHintsTest.class.getClassLoader());
        return hints;
    }

    @Test
    void theAutoConfigurationRegistersThem() {
        assertThat(AtomicsAutoConfiguration.class
                        .getAnnotation(ImportRuntimeHints.class)
                        .value())
                .containsExactly(AtomicsRuntimeHints.class);
    }

    @Test
    void theBundledNativeLibrariesOfBothPlatforms() {
        for (String platform : AtomicsRuntimeHints.PLATFORMS) {
            for (String library : AtomicsRuntimeHints.LIBRARIES) {
                assertThat(RuntimeHintsPredicates.resource().forResource(platform + "/" + library))
                        .accepts(hints);
            }
        }
        // the names are those the jar has (this platform's folder at least)
        for (String library : AtomicsRuntimeHints.LIBRARIES) {
            assertThat(getClass().getClassLoader().getResource(Platform.RESOURCE_PREFIX + "/" + library))
                    .as(Platform.RESOURCE_PREFIX + "/" + library)
                    .isNotNull();
        }
        assertThat(AtomicsRuntimeHints.PLATFORMS).contains(Platform.RESOURCE_PREFIX);
    }

    @Test
    void atomicsRedissScript() {
        assertThat(RuntimeHintsPredicates.resource().forResource(AtomicsRuntimeHints.REDIS_SCRIPT))
                .accepts(hints);
        assertThat(getClass().getClassLoader().getResource(AtomicsRuntimeHints.REDIS_SCRIPT))
                .isNotNull();
    }

    @Test
    void atomicsCoresJnaInterfacesAndBridge() throws Exception {
        for (String name : AtomicsRuntimeHints.JNA_INTERFACES) {
            Class<?> type = Class.forName(name); // the names are those of real interfaces
            assertThat(type.isInterface()).isTrue();
            assertThat(RuntimeHintsPredicates.proxies().forInterfaces(type)).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of(Class.forName(AtomicsRuntimeHints.BRIDGE))))
                .accepts(hints);
    }

    @Test
    void bindingOfTheConfigurationProperties() {
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AtomicsProperties.Shared.class, "setMode"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AtomicsProperties.Entry.class, "setMeter"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AtomicsProperties.Test.class, "setIsolate"))
                .accepts(hints);
    }

    @Test
    void theEndpointsAnswers() {
        assertThat(RuntimeHintsPredicates.reflection().onType(AtomicsEndpoint.AtomicsDescriptor.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(AtomicsEndpoint.SourceDescriptor.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(AtomicsEndpoint.OperationResult.class))
                .accepts(hints);
    }
}
