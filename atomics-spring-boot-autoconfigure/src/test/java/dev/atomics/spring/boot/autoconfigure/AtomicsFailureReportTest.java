package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * End to end through {@link SpringApplication}: the analyzer is found through {@code META-INF/spring.factories}
 * and Boot prints its description and action; a valid configuration starts, also lazily.
 */
@ExtendWith(OutputCaptureExtension.class)
class AtomicsFailureReportTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AtomicsAutoConfiguration.class)
    static class App {}

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AtomicsAutoConfiguration.class, LaterRequests.class})
    static class AppWithLaterBean {}

    @org.springframework.boot.autoconfigure.AutoConfiguration(after = AtomicsAutoConfiguration.class)
    static class LaterRequests {
        @org.springframework.context.annotation.Bean
        String requests() {
            return "a later bean";
        }
    }

    @Component
    static class HitsUser {
        HitsUser(@Qualifier("hits") AtomicInt hits) {}
    }

    private static SpringApplication application() {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app;
    }

    @Test
    void startupFailureReportNamesThePropertyAndTheFix(CapturedOutput output) {
        assertThatException().isThrownBy(() -> application().run("--atomics.instances.requests.type=float"));
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Description:")
                .contains(
                        "Invalid atomics configuration: atomics.instances.requests.type = 'float': unknown atomic type")
                .contains("Action:")
                .contains("Use int (signed integer), uint (unsigned integer) or bytes (raw bytes).");
    }

    @Test
    void lazyInitializationStillChecksAtStartup(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> application()
                        .run(
                                "--spring.main.lazy-initialization=true",
                                "--atomics.instances.level.type=uint",
                                "--atomics.instances.level.width=1",
                                "--atomics.instances.level.initial-value=300"));
        assertThat(output)
                .contains("atomics.instances.level.initial-value = '300'")
                .contains("[0, 255]");
    }

    @Test
    void unknownTypeOfAnAtomicInjectedByTypeAndQualifier(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class, HitsUser.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> app.run("--atomics.instances.hits.type=integer"));
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid atomics configuration: atomics.instances.hits.type = 'integer': unknown atomic type")
                .doesNotContain("NoSuchBeanDefinitionException");
    }

    @Test
    void atomicsNamedLikeTheContextsAndTheApplicationsBeansStart() {
        SpringApplication app = new SpringApplication(AppWithLaterBean.class, RequestsUser.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(
                "--atomics.instances.requests.type=int",
                "--atomics.instances.environment.type=int",
                "--atomics.instances.environment.initial-value=3")) {
            AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
            assertThat(context.getBean("requests")).isEqualTo("a later bean");
            assertThat(context.getBean(RequestsUser.class).requests)
                    .isSameAs(registry.get("requests").atomic());
            assertThat(registry.get("environment", AtomicInt.class).load()).isEqualTo(3);
            assertThat(context.getBean("environment")).isSameAs(context.getEnvironment());
        }
    }

    @Component
    static class RequestsUser {
        final AtomicInt requests;

        RequestsUser(@Qualifier("requests") AtomicInt requests) {
            this.requests = requests;
        }
    }

    @Test
    void validConfigurationStarts() {
        try (ConfigurableApplicationContext context = application()
                .run("--atomics.instances.requests.type=int", "--atomics.instances.requests.initial-value=7")) {
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("requests", AtomicInt.class)
                            .load())
                    .isEqualTo(7);
        }
    }
}
