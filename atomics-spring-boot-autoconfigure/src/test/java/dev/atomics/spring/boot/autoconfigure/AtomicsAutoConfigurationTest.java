package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.registry.NativeLibrarySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Conditions and properties of {@link AtomicsAutoConfiguration} for {@code atomics.instances}. */
class AtomicsAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @AfterEach
    void restoreSystemProperty() {
        System.clearProperty(NativeLibrarySelector.SYSTEM_PROPERTY);
    }

    @Test
    void emptyConfigurationGivesAnEmptyRegistry() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(AtomicsRegistry.class)
                    .doesNotHaveBean(Atomic.class);
            assertThat(context.getBean(AtomicsRegistry.class).entries()).isEmpty();
        });
    }

    @Test
    void disabledCreatesNothing() {
        runner.withPropertyValues(
                        "atomics.enabled=false",
                        "atomics.instances.requests.type=int",
                        "atomics.instances.broken.type=nonsense")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(AtomicsRegistry.class)
                        .doesNotHaveBean(Atomic.class)
                        .doesNotHaveBean("requests"));
    }

    @Test
    void backsOffWithoutAtomicsCore() {
        runner.withClassLoader(new FilteredClassLoader(Atomics.class))
                .withPropertyValues("atomics.instances.requests.type=int")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsRegistry.class));
    }

    @Test
    void oneBeanPerInstanceQualifiedByKeyAndTypedByType() {
        runner.withPropertyValues(
                        "atomics.instances.requests.type=int",
                        "atomics.instances.requests.width=8",
                        "atomics.instances.level.type=uint",
                        "atomics.instances.level.width=1",
                        "atomics.instances.level.initial-value=3",
                        "atomics.instances.flags.type=bytes",
                        "atomics.instances.flags.width=4")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(AtomicInt.class)).containsOnlyKeys("atomics.instances.requests");
                    assertThat(context.getBeansOfType(AtomicUint.class)).containsOnlyKeys("atomics.instances.level");
                    assertThat(context.getBeansOfType(AtomicBytes.class)).containsOnlyKeys("atomics.instances.flags");
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("requests", AtomicInt.class)
                                    .width())
                            .isEqualTo(8);
                    AtomicUint level = context.getBean(AtomicsRegistry.class).get("level", AtomicUint.class);
                    assertThat(level.width()).isEqualTo(1);
                    assertThat(level.load()).isEqualTo(3);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("flags", AtomicBytes.class)
                                    .load())
                            .containsExactly(0, 0, 0, 0);

                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    assertThat(registry.names()).containsExactly("requests", "level", "flags");
                    AtomicsEntry requests = registry.get("requests");
                    assertThat(requests.type()).isSameAs(AtomicType.INT);
                    assertThat(requests.source()).isEqualTo(new AtomicSource.Instance());
                    assertThat(requests.atomic()).isSameAs(context.getBean("atomics.instances.requests"));
                    assertThat(registry.get("level", AtomicUint.class)).isSameAs(level);
                });
    }

    @Test
    void injectsByQualifier() {
        runner.withUserConfiguration(Consumer.class)
                .withPropertyValues(
                        "atomics.instances.requests.type=int",
                        "atomics.instances.errors.type=int",
                        "atomics.instances.level.type=uint",
                        "atomics.instances.flags.type=bytes",
                        "atomics.instances.flags.width=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Consumer consumer = context.getBean(Consumer.class);
                    consumer.requests.inc();
                    consumer.requests.inc();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("requests", AtomicInt.class)
                                    .load())
                            .isEqualTo(2);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("errors", AtomicInt.class)
                                    .load())
                            .isZero();
                    assertThat(consumer.level).isSameAs(context.getBean("atomics.instances.level"));
                    assertThat(consumer.flags.width()).isEqualTo(2);
                });
    }

    @Test
    void typeIsCaseInsensitiveAndDefaultsToInt() {
        runner.withPropertyValues(
                        "atomics.instances.a.type=UINT",
                        "atomics.instances.b.type=Bytes",
                        "atomics.instances.b.width=1",
                        "atomics.instances.c.width=4")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("atomics.instances.a")).isInstanceOf(AtomicUint.class);
                    assertThat(context.getBean("atomics.instances.b")).isInstanceOf(AtomicBytes.class);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("c", AtomicInt.class)
                                    .width())
                            .isEqualTo(4);
                });
    }

    @Test
    void widthDefaultsToEightForIntegralTypes() {
        runner.withPropertyValues("atomics.instances.a.type=int", "atomics.instances.b.type=uint")
                .run(context -> {
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("a", AtomicInt.class)
                                    .width())
                            .isEqualTo(8);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("b", AtomicUint.class)
                                    .width())
                            .isEqualTo(8);
                });
    }

    @Test
    void initialValuesCoverTheWholeRange() {
        runner.withPropertyValues(
                        "atomics.instances.min.type=int",
                        "atomics.instances.min.initial-value=-9223372036854775808",
                        "atomics.instances.max.type=uint",
                        "atomics.instances.max.initial-value=18446744073709551615",
                        "atomics.instances.small.type=int",
                        "atomics.instances.small.width=2",
                        "atomics.instances.small.initial-value=0x7fff",
                        "atomics.instances.raw.type=bytes",
                        "atomics.instances.raw.width=4",
                        "atomics.instances.raw.initial-value=0xdeadbeef")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("min", AtomicInt.class)
                                    .load())
                            .isEqualTo(Long.MIN_VALUE);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("max", AtomicUint.class)
                                    .load())
                            .isEqualTo(-1L);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("small", AtomicInt.class)
                                    .load())
                            .isEqualTo(32767);
                    assertThat(HexFormat.of()
                                    .formatHex(context.getBean(AtomicsRegistry.class)
                                            .get("raw", AtomicBytes.class)
                                            .load()))
                            .isEqualTo("deadbeef");
                });
    }

    @Test
    void globalEngineAndPerEntryOverride() {
        runner.withPropertyValues(
                        "atomics.engine=patomic",
                        "atomics.instances.a.type=int",
                        "atomics.instances.b.type=int",
                        "atomics.instances.b.engine=JVM",
                        "atomics.instances.c.type=uint",
                        "atomics.instances.c.width=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("a", AtomicInt.class)
                                    .engine())
                            .isEqualTo(Engine.PATOMIC);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("b", AtomicInt.class)
                                    .engine())
                            .isEqualTo(Engine.JVM);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("c", AtomicUint.class)
                                    .engine())
                            .isEqualTo(Engine.PATOMIC);
                });
        runner.withPropertyValues(
                        "atomics.instances.a.type=int",
                        "atomics.instances.a.width=4",
                        "atomics.instances.b.type=int",
                        "atomics.instances.b.width=2")
                .run(context -> {
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("a", AtomicInt.class)
                                    .engine())
                            .isEqualTo(Engine.JVM);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("b", AtomicInt.class)
                                    .engine())
                            .as("auto: jvm at every width")
                            .isEqualTo(Engine.JVM);
                });
    }

    @Test
    void patomicLibraryAcceptsTheLibraryAlreadyInUse() {
        Path loaded = Atomics.nativeInfo().patomicLibrary();
        runner.withPropertyValues(
                        "atomics.patomic-library=" + loaded,
                        "atomics.instances.a.type=int",
                        "atomics.instances.a.width=1",
                        "atomics.instances.a.engine=patomic")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("a", AtomicInt.class)
                                    .engine())
                            .isEqualTo(Engine.PATOMIC);
                    assertThat(System.getProperty(NativeLibrarySelector.SYSTEM_PROPERTY))
                            .isEqualTo(loaded.toString());
                });
    }

    @Test
    void userRegistryReplacesTheAutoConfiguredOne() {
        runner.withUserConfiguration(CustomRegistry.class)
                .withPropertyValues("atomics.instances.custom.type=int")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AtomicsRegistry.class);
                    assertThat(context.getBean(AtomicsRegistry.class)).isSameAs(context.getBean("myRegistry"));
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("custom", AtomicInt.class)
                                    .load())
                            .isEqualTo(42);
                });
    }

    @Test
    void userRegistryMustHoldTheConfiguredNames() {
        runner.withUserConfiguration(CustomRegistry.class)
                .withPropertyValues("atomics.instances.other.type=int")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("no atomic named 'other'")
                        .hasMessageContaining("[custom]"));
    }

    @Test
    void registryIsEagerInALazyContextSoErrorsStillStopStartup() {
        runner.withInitializer(ctx -> ctx.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
                .withPropertyValues("atomics.instances.a.type=nonsense")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void configurationMetadataListsTheProperties() throws Exception {
        String metadata;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(metadata)
                .contains(
                        "\"atomics.enabled\"",
                        "\"atomics.patomic-library\"",
                        "\"atomics.engine\"",
                        "\"atomics.instances\"",
                        "\"atomics.shared\"",
                        "\"atomics.metrics.enabled\"",
                        "\"management.endpoint.atomics.access\"",
                        "\"management.health.atomics.enabled\"");
    }

    @Test
    void propertiesBindEveryField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.bin");
        Files.write(file, new byte[16]);
        runner.withPropertyValues(
                        "atomics.shared.s.file=" + file,
                        "atomics.shared.s.offset=8",
                        "atomics.shared.s.type=uint",
                        "atomics.shared.s.width=4",
                        "atomics.shared.s.create=false",
                        "atomics.shared.s.readonly=true",
                        "atomics.shared.s.engine=patomic",
                        "atomics.metrics.enabled=false")
                .run(context -> {
                    AtomicsProperties p = context.getBean(AtomicsProperties.class);
                    AtomicsProperties.Shared s = p.getShared().get("s");
                    assertThat(s.getFile()).isEqualTo(file.toString());
                    assertThat(s.getOffset()).isEqualTo(8);
                    assertThat(s.getType()).isEqualTo("uint");
                    assertThat(s.getWidth()).isEqualTo(4);
                    assertThat(s.isCreate()).isFalse();
                    assertThat(s.isReadonly()).isTrue();
                    assertThat(s.getEngine()).isEqualTo("patomic");
                    assertThat(p.getMetrics().isEnabled()).isFalse();
                    assertThat(p.isEnabled()).isTrue();
                    AtomicUint view = context.getBean(AtomicsRegistry.class).get("s", AtomicUint.class);
                    assertThat(view.readonly()).isTrue();
                    assertThat(view.engine()).isEqualTo(Engine.PATOMIC);
                });
    }

    static class Consumer {
        final AtomicInt requests;
        final AtomicUint level;
        final AtomicBytes flags;

        Consumer(
                @Qualifier("requests") AtomicInt requests,
                @Qualifier("level") AtomicUint level,
                @Qualifier("flags") AtomicBytes flags) {
            this.requests = requests;
            this.level = level;
            this.flags = flags;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomRegistry {
        @Bean
        AtomicsRegistry myRegistry() {
            AtomicInt custom = Atomics.atomic(8, AtomicType.INT);
            custom.store(42);
            return AtomicsRegistry.of(new AtomicsEntry("custom", AtomicType.INT, custom, new AtomicSource.Instance()));
        }
    }
}
