package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.atomics.AtomicUint;
import dev.atomics.spring.boot.AtomicsRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Unknown keys under {@code atomics.*} fail startup, naming the key and the nearest known one. */
@ExtendWith(OutputCaptureExtension.class)
class AtomicsKeysTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    private static ContextConsumer<AssertableApplicationContext> refuses(String property, String nearest) {
        return context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis)
                    .as("failure analysis of %s", context.getStartupFailure())
                    .isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith("Invalid atomics configuration: " + property + " ")
                    .contains("unknown key")
                    .contains("the nearest is '" + nearest + "'");
            assertThat(analysis.getAction()).startsWith("Rename it to ");
        };
    }

    @Test
    void aTypoInsideAnEntry() {
        runner.withPropertyValues("atomics.instances.level.type=uint", "atomics.instances.level.initial-valu=5")
                .run(refuses("atomics.instances.level.initial-valu", "initial-value"));
        runner.withPropertyValues("atomics.shared.jobs.shm=x", "atomics.shared.jobs.ofset=8")
                .run(refuses("atomics.shared.jobs.ofset", "offset"));
        runner.withPropertyValues("atomics.cluster.orders.redis=k", "atomics.cluster.orders.readonyl=true")
                .run(refuses("atomics.cluster.orders.readonyl", "readonly"));
        // a key of another map's entries is unknown here: a cluster atomic has no offset
        runner.withPropertyValues("atomics.cluster.orders.redis=k", "atomics.cluster.orders.offset=8")
                .run(refuses("atomics.cluster.orders.offset", "meter"));
    }

    @Test
    void aTypoInASection() {
        runner.withPropertyValues("atomics.instanses.level.type=uint").run(refuses("atomics.instanses", "instances"));
        runner.withPropertyValues("atomics.redis.timout=1s").run(refuses("atomics.redis.timout", "redis.timeout"));
        runner.withPropertyValues("atomics.metrics.enable=false")
                .run(refuses("atomics.metrics.enable", "metrics.enabled"));
        runner.withPropertyValues("atomics.engin=jvm").run(refuses("atomics.engin", "engine"));
    }

    @Test
    void knownKeysInEveryRelaxedFormStart() {
        runner.withPropertyValues(
                        "atomics.instances.level.type=uint",
                        "atomics.instances.level.initialValue=5",
                        "atomics.instances.level.METER=counter",
                        "atomics.shared.jobs.file=${java.io.tmpdir}/never",
                        "atomics.shared.jobs.follow_symlinks=false",
                        "atomics.metrics.enabled=true",
                        "atomics.test.isolate=true",
                        "atomics.enabled=true",
                        "atomics.engine=auto")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("level", AtomicUint.class)
                                    .load())
                            .isEqualTo(5);
                });
    }

    /** Process-wide sources hold other tools' variables (ATOMICS_NATIVE_CROSS of this build): never refused. */
    @Test
    void environmentVariablesAndSystemPropertiesAreNotChecked() {
        runner.withSystemProperties("atomics.native.cross=aarch64", "atomics.test.seed=1")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withSystemProperties("atomics.native.cross=aarch64")
                .withPropertyValues("atomics.instanses.level.type=uint")
                .run(refuses("atomics.instanses", "instances"));
    }

    @Test
    void theCoresPropertiesAreKnownKeys() {
        assertThat(AtomicsKeys.CORE_KEYS)
                .contains("atomics.patomic.library", "atomics.native.binding", "atomics.engine");
        // as system properties (how the core reads them) and as Spring properties
        runner.withSystemProperties("atomics.native.binding=jna")
                .withPropertyValues("atomics.instances.a.type=int", "atomics.patomic.library=")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void nearestIsByEditDistance() {
        assertThat(AtomicsKeys.distance("initial-valu", "initial-value")).isEqualTo(1);
        assertThat(AtomicsKeys.distance("", "abc")).isEqualTo(3);
        assertThat(AtomicsKeys.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(AtomicsKeys.nearest("wdth", Set.of("type", "width", "meter")))
                .isEqualTo("width");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AtomicsAutoConfiguration.class)
    static class App {}

    @Test
    void theFailureReportNamesTheKeyAndTheNearestOne(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatException()
                .isThrownBy(() ->
                        app.run("--atomics.instances.level.type=uint", "--atomics.instances.level.initial-valu=5"));
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid atomics configuration: atomics.instances.level.initial-valu = '5': unknown key"
                        + " 'initial-valu'")
                .contains("the nearest is 'initial-value'")
                .contains("Rename it to atomics.instances.level.initial-value");
    }
}
