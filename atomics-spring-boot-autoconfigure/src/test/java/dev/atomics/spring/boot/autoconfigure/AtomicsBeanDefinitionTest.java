package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.Atomic;
import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanRegistryAdapter;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bean definitions of atomics: an unknown type ends in the failure report, whoever injects the atomic, how and when;
 * an atomic's bean is qualified by its name and named by its property prefix, so it never takes an application bean's
 * name.
 */
class AtomicsBeanDefinitionTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    /** The startup failed with Boot's failure report for {@code property}: description and action. */
    private static ContextConsumer<AssertableApplicationContext> reports(
            String property, String description, String action) {
        return context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis)
                    .as("failure analysis of %s", context.getStartupFailure())
                    .isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith("Invalid atomics configuration: " + property + " ")
                    .contains(description)
                    .doesNotContain("\n");
            assertThat(analysis.getAction()).contains(action);
        };
    }

    // ---- unknown types ---------------------------------------------------------------------------

    private static final String[] HITS_INTEGER = {"atomics.instances.hits.type=integer"};

    private ContextConsumer<AssertableApplicationContext> unknownType() {
        return reports("atomics.instances.hits.type", "= 'integer': unknown atomic type", "Use int (signed integer)");
    }

    @Test
    void unknownTypeWithTheAtomicInjectedByTypeAndQualifierBeforeAnythingElse() {
        // a user bean is created before the auto-configured registry: it used to fail on a missing AtomicInt bean
        runner.withUserConfiguration(ByQualifier.class)
                .withPropertyValues(HITS_INTEGER)
                .run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicLookedUpByName() {
        runner.withUserConfiguration(ByName.class)
                .withPropertyValues(HITS_INTEGER)
                .run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicInjectedAfterTheRegistry() {
        runner.withUserConfiguration(AfterTheRegistry.class)
                .withPropertyValues(HITS_INTEGER)
                .run(unknownType());
    }

    @Test
    void unknownTypeWithTheAtomicLookedUpAfterEverythingElse() {
        runner.withUserConfiguration(AfterEverything.class)
                .withPropertyValues(HITS_INTEGER)
                .run(unknownType());
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
                    Atomic hits = context.getBean(AtomicsRegistry.class).get("hits", Atomic.class);
                    assertThat(context.getBean(ByQualifier.class).hits).isSameAs(hits);
                    assertThat(context.getBean("byName")).isSameAs(hits);
                    assertThat(context.getBean("afterTheRegistry")).isSameAs(hits);
                    assertThat(context.getBean(AfterEverything.Lookup.class).hits)
                            .isSameAs(hits);
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
            return beans.getBean(AtomicsRegistry.class).get("hits").atomic();
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

    // ---- names the application's beans also have --------------------------------------------------

    @Test
    void anAtomicAndAnApplicationBeanOfTheSameNameCoexist() {
        runner.withBean("orders", Orders.class)
                .withUserConfiguration(OrdersUser.class)
                .withPropertyValues("atomics.cluster.orders.redis=unused", "atomics.instances.orders.type=int")
                .run(reports("atomics.cluster.orders", "the name is also used by atomics.instances.orders", "Rename"));
        runner.withBean("orders", Orders.class)
                .withUserConfiguration(OrdersUser.class)
                .withPropertyValues("atomics.instances.orders.type=int")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicInt atomic = context.getBean(AtomicsRegistry.class).get("orders", AtomicInt.class);
                    assertThat(context.getBean("orders")).isInstanceOf(Orders.class);
                    assertThat(context.getBean(OrdersUser.class).orders).isSameAs(atomic);
                    assertThat(context.getBean(OrdersUser.class).service).isSameAs(context.getBean(Orders.class));
                    assertThat(context.getBean("atomics.instances.orders")).isSameAs(atomic);
                });
    }

    @Test
    void namesOfTheApplicationContextsOwnBeansAreAtomicNamesLikeAnyOther() {
        runner.withUserConfiguration(EnvironmentUser.class)
                .withPropertyValues(
                        "atomics.instances.environment.type=int", "atomics.instances.messageSource.type=uint")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EnvironmentUser.class).environment)
                            .isSameAs(context.getEnvironment());
                    assertThat(context.getBean(EnvironmentUser.class).atomic)
                            .isSameAs(context.getBean(AtomicsRegistry.class)
                                    .get("environment")
                                    .atomic());
                });
    }

    @Test
    void theRegistrarRegistersQualifiedBeansUnderTheirPropertyPrefix() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        MockEnvironment environment = new MockEnvironment().withProperty("atomics.instances.environment.type", "int");
        BeanRegistryAdapter registry = new BeanRegistryAdapter(
                beanFactory, beanFactory, environment, AtomicsBeanRegistrar.class, new LinkedMultiValueMap<>());
        new AtomicsBeanRegistrar().register(registry, environment);
        assertThat(beanFactory.getBeanDefinitionNames())
                .containsExactly("atomics.instances.environment", AtomicsBeanRegistrar.QUALIFIERS);
        beanFactory
                .getBean(AtomicsBeanRegistrar.QUALIFIERS, BeanFactoryPostProcessor.class)
                .postProcessBeanFactory(beanFactory);
        assertThat(((AbstractBeanDefinition) beanFactory.getBeanDefinition("atomics.instances.environment"))
                        .getQualifier(Qualifier.class.getName())
                        .getAttribute("value"))
                .isEqualTo("environment");
    }

    @org.springframework.stereotype.Service
    static class Orders {}

    @Configuration(proxyBeanMethods = false)
    static class OrdersUser {
        final AtomicInt orders;
        final Orders service;

        OrdersUser(@Qualifier("orders") AtomicInt orders, @Qualifier("orders") Orders service) {
            this.orders = orders;
            this.service = service;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EnvironmentUser {
        final Environment environment;
        final AtomicInt atomic;

        EnvironmentUser(Environment environment, @Qualifier("environment") AtomicInt atomic) {
            this.environment = environment;
            this.atomic = atomic;
        }
    }
}
