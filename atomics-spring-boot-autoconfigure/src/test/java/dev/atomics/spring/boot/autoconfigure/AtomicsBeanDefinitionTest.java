package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsConfigurationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanRegistryAdapter;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bean definitions of atomics: an unknown type and a name that another bean already has end in the failure
 * report, whoever injects the atomic, how and when, and whichever bean is defined first.
 */
class AtomicsBeanDefinitionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    /** The startup failed with Boot's failure report for {@code property}: description and action. */
    private static ContextConsumer<AssertableApplicationContext> reports(String property, String description, String action) {
        return context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).startsWith("Invalid atomics configuration: " + property + " ")
                    .contains(description).doesNotContain("\n");
            assertThat(analysis.getAction()).contains(action);
        };
    }

    // ---- unknown types ---------------------------------------------------------------------------

    private static final String[] HITS_INTEGER = { "atomics.instances.hits.type=integer" };

    private ContextConsumer<AssertableApplicationContext> unknownType() {
        return reports("atomics.instances.hits.type", "= 'integer': unknown atomic type", "Use int (signed integer)");
    }

    @Test
    void unknownTypeWithTheAtomicInjectedByTypeAndQualifierBeforeAnythingElse() {
        // a user bean is created before the auto-configured registry: it used to fail on a missing AtomicInt bean
        runner.withUserConfiguration(ByQualifier.class).withPropertyValues(HITS_INTEGER).run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicLookedUpByName() {
        runner.withUserConfiguration(ByName.class).withPropertyValues(HITS_INTEGER).run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicInjectedAfterTheRegistry() {
        runner.withUserConfiguration(AfterTheRegistry.class).withPropertyValues(HITS_INTEGER).run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicLookedUpAfterEverythingElse() {
        runner.withUserConfiguration(AfterEverything.class).withPropertyValues(HITS_INTEGER).run(unknownType());
    }

    @Test
    void unknownTypeOfASharedEntryWithoutAnyUser() {
        runner.withPropertyValues("atomics.shared.jobs.type=long", "atomics.shared.jobs.shm=x")
                .run(reports("atomics.shared.jobs.type", "= 'long': unknown atomic type", "Use int"));
    }

    @Test
    void theBeanOfAKnownTypeIsInjectedByTypeAndQualifier() {
        runner.withUserConfiguration(ByQualifier.class, ByName.class, AfterTheRegistry.class, AfterEverything.class)
                .withPropertyValues("atomics.instances.hits.type=int")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Atomic hits = context.getBean("hits", Atomic.class);
                    assertThat(context.getBean(ByQualifier.class).hits).isSameAs(hits);
                    assertThat(context.getBean("byName")).isSameAs(hits);
                    assertThat(context.getBean("afterTheRegistry")).isSameAs(hits);
                    assertThat(context.getBean(AfterEverything.Lookup.class).hits).isSameAs(hits);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ByQualifier {
        final AtomicInt hits;

        ByQualifier(@Qualifier("hits") AtomicInt hits) {
            this.hits = hits;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ByName {
        @Bean
        Object byName(BeanFactory beans) {
            return beans.getBean("hits");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AfterTheRegistry {
        @Bean
        @DependsOn("atomicsRegistry")
        AtomicInt afterTheRegistry(@Qualifier("hits") AtomicInt hits) {
            return hits;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AfterEverything {
        @Bean
        Lookup lookup(@Qualifier("hits") ObjectProvider<AtomicInt> hits) {
            return new Lookup(hits);
        }

        /** Resolves the atomic once every singleton exists. */
        static class Lookup implements SmartInitializingSingleton {
            private final ObjectProvider<AtomicInt> provider;
            AtomicInt hits;

            Lookup(ObjectProvider<AtomicInt> provider) {
                this.provider = provider;
            }

            @Override
            public void afterSingletonsInstantiated() {
                hits = provider.getObject();
            }
        }
    }

    // ---- names taken by other beans --------------------------------------------------------------

    @Test
    void namesOfTheApplicationContextsOwnBeans() {
        runner.withPropertyValues("atomics.instances.environment.type=int")
                .run(reports("atomics.instances.environment", "the name 'environment' is already taken by the application"
                        + " context's own Environment bean 'environment'", "Rename the atomic: give"
                        + " atomics.instances.environment another key, e.g. 'environment-count'"));
        // these two are registered by the context only after every bean definition is loaded
        runner.withPropertyValues("atomics.instances.messageSource.type=uint")
                .run(reports("atomics.instances.messageSource", "own MessageSource bean 'messageSource'", "Rename the atomic"));
        runner.withPropertyValues("atomics.shared.applicationEventMulticaster.shm=x")
                .run(reports("atomics.shared.applicationEventMulticaster",
                        "own ApplicationEventMulticaster bean 'applicationEventMulticaster'", "Rename the atomic"));
    }

    @Test
    void nameOfAUserBeanDefinedBefore() {
        runner.withUserConfiguration(UserRequests.class).withPropertyValues("atomics.instances.requests.type=int")
                .run(reports("atomics.instances.requests", "already taken by bean 'requests' (@Bean method requests)"
                        + " defined in " + UserRequests.class.getName(), "Rename the atomic"));
        // with bean overriding allowed, the atomic would silently have replaced the user's bean
        runner.withAllowBeanDefinitionOverriding(true).withUserConfiguration(UserRequests.class)
                .withPropertyValues("atomics.instances.requests.type=int")
                .run(reports("atomics.instances.requests", "already taken by bean 'requests'", "Rename the atomic"));
        runner.withBean("requests", String.class, () -> "mine").withPropertyValues("atomics.instances.requests.type=int")
                .run(reports("atomics.instances.requests", "already taken by bean 'requests' (java.lang.String)",
                        "Rename the atomic"));
        // the registry's own name is taken too
        runner.withPropertyValues("atomics.instances.atomicsRegistry.type=int")
                .run(reports("atomics.instances.atomicsRegistry", "already taken by bean 'atomicsRegistry'", "Rename"));
    }

    @Test
    void nameOfABeanDefinedLaterWithOverridingDisabled() {
        runner.withConfiguration(AutoConfigurations.of(LaterRequests.class))
                .withPropertyValues("atomics.instances.requests.type=int")
                .run(context -> {
                    assertThat(context).hasFailed();
                    // Spring refuses the later bean; the report says which atomic is in the way (not "allow overriding")
                    assertThat(context.getStartupFailure()).isInstanceOf(BeanDefinitionOverrideException.class);
                    reports("atomics.instances.requests", "already taken by bean 'requests' defined in "
                            + LaterRequests.class.getName(), "Rename the atomic").accept(context);
                });
    }

    @Test
    void nameOfABeanRegisteredLaterWithOverridingAllowed() {
        // the later registration replaced the atomic's definition
        runner.withAllowBeanDefinitionOverriding(true).withConfiguration(AutoConfigurations.of(LaterRegistration.class))
                .withPropertyValues("atomics.shared.requests.file=/nonexistent/never-opened.bin")
                .run(reports("atomics.shared.requests", "already taken by bean 'requests' (java.lang.String)",
                        "Rename the atomic"));
    }

    @Test
    void collisionsAreFoundBeforeAnythingIsCreated(@TempDir Path dir) {
        Path file = dir.resolve("never.bin");
        runner.withUserConfiguration(UserRequests.class)
                .withPropertyValues("atomics.shared.ok.file=" + file, "atomics.shared.ok.create=true",
                        "atomics.instances.requests.type=int")
                .run(reports("atomics.instances.requests", "already taken", "Rename"));
        assertThat(file).doesNotExist();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRequests {
        @Bean
        String requests() {
            return "the user's bean";
        }
    }

    @AutoConfiguration(after = AtomicsAutoConfiguration.class)
    static class LaterRequests {
        @Bean
        String requests() {
            return "a later bean";
        }
    }

    @AutoConfiguration(after = AtomicsAutoConfiguration.class)
    @Import(LaterRegistration.Registrar.class)
    static class LaterRegistration {
        static class Registrar implements ImportBeanDefinitionRegistrar {
            @Override
            public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition("requests", new RootBeanDefinition(String.class));
            }
        }
    }

    /**
     * An AOT-processed application runs the bean registrar again at run time, without AtomicsBeanNameCheck (that ran
     * at build time): the registrar itself refuses the names of the context's own beans, which are registered later.
     */
    @Test
    void theRegistrarAloneRefusesTheContextsOwnBeanNames() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        MockEnvironment environment = new MockEnvironment().withProperty("atomics.instances.environment.type", "int");
        BeanRegistryAdapter registry = new BeanRegistryAdapter(beanFactory, beanFactory, environment,
                AtomicsBeanRegistrar.class, new LinkedMultiValueMap<>());
        assertThatExceptionOfType(AtomicsConfigurationException.class)
                .isThrownBy(() -> new AtomicsBeanRegistrar().register(registry, environment))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("atomics.instances.environment"))
                .withMessageContaining("already taken by the application context's own Environment bean 'environment'");
        assertThat(beanFactory.getBeanDefinitionNames()).isEmpty();
    }
}
