package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicsMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    AtomicsAutoConfiguration.class, AtomicsMetricsAutoConfiguration.class))
            .withPropertyValues("atomics.instances.requests.type=int", "atomics.instances.level.type=uint",
                    "atomics.instances.level.width=1", "atomics.instances.flags.type=bytes",
                    "atomics.instances.flags.width=4");

    @TempDir
    Path dir;

    @Test
    void gaugePerIntegralAtomicWithConstantTagKeys() {
        runner.withPropertyValues("atomics.shared.jobs-done.file=" + dir.resolve("c.bin"), "atomics.shared.jobs-done.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AtomicsMetrics.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    context.getBean("requests", AtomicInt.class).add(12);
                    context.getBean("level", AtomicUint.class).store(200);
                    context.getBean("jobs-done", AtomicInt.class).add(-3);
                    assertThat(meters.get(AtomicsMetrics.METER).tags("name", "requests").gauge().value()).isEqualTo(12.0);
                    Gauge level = meters.get(AtomicsMetrics.METER).tags("name", "level").gauge();
                    assertThat(level.value()).isEqualTo(200.0);
                    assertThat(level.getId().getTag("type")).isEqualTo("uint");
                    assertThat(level.getId().getTag("source")).isEqualTo("instance");
                    Gauge jobs = meters.get(AtomicsMetrics.METER).tags("name", "jobs-done", "type", "int", "source", "file").gauge();
                    assertThat(jobs.value()).isEqualTo(-3.0);
                    assertThat(meters.find(AtomicsMetrics.METER).tags("name", "flags").meters()).isEmpty();
                    assertThat(meters.find(AtomicsMetrics.METER).meters()).hasSize(3)
                            .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(t -> t.getKey())
                                    .containsExactlyInAnyOrder("name", "type", "source"));
                    // the gauge reads the value at scrape time
                    context.getBean("requests", AtomicInt.class).inc();
                    assertThat(meters.get(AtomicsMetrics.METER).tags("name", "requests").gauge().value()).isEqualTo(13.0);
                });
    }

    @Test
    void metricsCanBeTurnedOff() {
        runner.withPropertyValues("atomics.metrics.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class);
            assertThat(context.getBean(MeterRegistry.class).find(AtomicsMetrics.METER).meters()).isEmpty();
        });
    }

    @Test
    void noGaugesWhenAtomicsAreDisabled() {
        runner.withPropertyValues("atomics.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class));
    }

    @Test
    void backsOffWithoutMicrometer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsMetricsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class));
    }

    @Test
    void userBinderReplacesOurs() {
        runner.withBean("custom", AtomicsMetrics.class, () -> new AtomicsMetrics(dev.atomics.spring.boot.AtomicsRegistry.of()))
                .run(context -> {
                    assertThat(context).hasSingleBean(AtomicsMetrics.class).hasBean("custom");
                    assertThat(context.getBean(MeterRegistry.class).find(AtomicsMetrics.METER).meters()).isEmpty();
                });
    }

}
