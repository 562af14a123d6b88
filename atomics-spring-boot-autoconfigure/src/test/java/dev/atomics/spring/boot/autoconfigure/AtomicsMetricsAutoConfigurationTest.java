package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Atomics;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AtomicsMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    AtomicsAutoConfiguration.class,
                    AtomicsMetricsAutoConfiguration.class))
            .withPropertyValues(
                    "atomics.instances.requests.type=int",
                    "atomics.instances.level.type=uint",
                    "atomics.instances.level.width=1",
                    "atomics.instances.flags.type=bytes",
                    "atomics.instances.flags.width=4");

    @TempDir
    Path dir;

    @Test
    void gaugePerIntegralAtomicWithConstantTagKeys() {
        runner.withPropertyValues(
                        "atomics.shared.jobs-done.file=" + dir.resolve("c.bin"), "atomics.shared.jobs-done.create=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AtomicsMetrics.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    context.getBean(AtomicsRegistry.class)
                            .get("requests", AtomicInt.class)
                            .add(12);
                    context.getBean(AtomicsRegistry.class)
                            .get("level", AtomicUint.class)
                            .store(200);
                    context.getBean(AtomicsRegistry.class)
                            .get("jobs-done", AtomicInt.class)
                            .add(-3);
                    assertThat(meters.get(AtomicsMetrics.METER)
                                    .tags("name", "requests")
                                    .gauge()
                                    .value())
                            .isEqualTo(12.0);
                    Gauge level = meters.get(AtomicsMetrics.METER)
                            .tags("name", "level")
                            .gauge();
                    assertThat(level.value()).isEqualTo(200.0);
                    assertThat(level.getId().getTag("type")).isEqualTo("uint");
                    assertThat(level.getId().getTag("source")).isEqualTo("instance");
                    Gauge jobs = meters.get(AtomicsMetrics.METER)
                            .tags("name", "jobs-done", "type", "int", "source", "file")
                            .gauge();
                    assertThat(jobs.value()).isEqualTo(-3.0);
                    assertThat(meters.find(AtomicsMetrics.METER)
                                    .tags("name", "flags")
                                    .meters())
                            .isEmpty();
                    assertThat(meters.find(AtomicsMetrics.METER).meters())
                            .hasSize(3)
                            .allSatisfy(m -> assertThat(m.getId().getTags())
                                    .extracting(t -> t.getKey())
                                    .containsExactlyInAnyOrder("name", "type", "source"));
                    // the gauge reads the value at scrape time
                    context.getBean(AtomicsRegistry.class)
                            .get("requests", AtomicInt.class)
                            .inc();
                    assertThat(meters.get(AtomicsMetrics.METER)
                                    .tags("name", "requests")
                                    .gauge()
                                    .value())
                            .isEqualTo(13.0);
                });
    }

    @Test
    void counterForEntriesThatSaySoGaugeForTheOthers() {
        Path file = dir.resolve("c.bin");
        runner.withPropertyValues(
                        "atomics.instances.requests.meter=counter",
                        "atomics.instances.level.meter=GAUGE",
                        "atomics.shared.jobs-done.file=" + file,
                        "atomics.shared.jobs-done.create=true",
                        "atomics.shared.jobs-done.offset=8",
                        "atomics.shared.jobs-done.meter= Counter ")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    AtomicInt requests = context.getBean(AtomicsRegistry.class).get("requests", AtomicInt.class);
                    requests.add(12);
                    FunctionCounter counter = meters.get(AtomicsMetrics.COUNTER)
                            .tags("name", "requests")
                            .functionCounter();
                    assertThat(counter.count()).isEqualTo(12.0);
                    assertThat(counter.getId().getTags())
                            .extracting(t -> t.getKey() + "=" + t.getValue())
                            .containsExactlyInAnyOrder("name=requests", "type=int", "source=instance");
                    assertThat(meters.find(AtomicsMetrics.METER)
                                    .tags("name", "requests")
                                    .meters())
                            .isEmpty();
                    assertThat(meters.get(AtomicsMetrics.METER)
                                    .tags("name", "level")
                                    .gauge()
                                    .value())
                            .isZero();
                    assertThat(meters.find(AtomicsMetrics.COUNTER).meters()).hasSize(2);
                    // read at scrape time
                    requests.inc();
                    assertThat(counter.count()).isEqualTo(13.0);
                    // negative: NaN (Prometheus refuses negative counters); unavailable: NaN, as gauges do
                    requests.store(-1);
                    assertThat(counter.count()).isNaN();
                    FunctionCounter jobs = meters.get(AtomicsMetrics.COUNTER)
                            .tags("name", "jobs-done", "source", "file")
                            .functionCounter();
                    context.getBean(AtomicsRegistry.class)
                            .get("jobs-done", AtomicInt.class)
                            .add(5);
                    assertThat(jobs.count()).isEqualTo(5.0);
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                        raf.setLength(8); // a peer shrank the file below the counter
                    }
                    assertThat(jobs.count()).isNaN();
                });
    }

    @Test
    void prometheusScrapesCountersAsTotalsAndANegativeOneAsNaNWithoutFailing() {
        AtomicInt requests = Atomics.atomic(8, AtomicType.INT);
        requests.store(42);
        AtomicInt negative = Atomics.atomic(8, AtomicType.INT);
        negative.store(-3);
        AtomicUint level = Atomics.atomic(1, AtomicType.UINT);
        level.store(3);
        AtomicsRegistry registry = AtomicsRegistry.of(
                new AtomicsEntry("requests", AtomicType.INT, requests, new AtomicSource.Instance()),
                new AtomicsEntry("negative", AtomicType.INT, negative, new AtomicSource.Instance()),
                new AtomicsEntry("level", AtomicType.UINT, level, new AtomicSource.Instance()));
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new AtomicsMetrics(registry, Set.of("requests", "negative")).bindTo(prometheus);
        List<String> lines = prometheus.scrape().lines().toList();
        assertThat(lines)
                .contains(
                        "atomics_count_total{name=\"requests\",source=\"instance\",type=\"int\"} 42.0",
                        "atomics_count_total{name=\"negative\",source=\"instance\",type=\"int\"} NaN",
                        "atomics_value{name=\"level\",source=\"instance\",type=\"uint\"} 3.0");
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).startsWith("# TYPE atomics_count").endsWith(" counter"));
    }

    @Test
    void metricsCanBeTurnedOff() {
        runner.withPropertyValues("atomics.metrics.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class);
            assertThat(context.getBean(MeterRegistry.class)
                            .find(AtomicsMetrics.METER)
                            .meters())
                    .isEmpty();
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
                .withConfiguration(
                        AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsMetricsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsMetrics.class));
    }

    @Test
    void userBinderReplacesOurs() {
        runner.withBean("custom", AtomicsMetrics.class, () -> new AtomicsMetrics(AtomicsRegistry.of()))
                .run(context -> {
                    assertThat(context).hasSingleBean(AtomicsMetrics.class).hasBean("custom");
                    assertThat(context.getBean(MeterRegistry.class)
                                    .find(AtomicsMetrics.METER)
                                    .meters())
                            .isEmpty();
                });
    }
}
