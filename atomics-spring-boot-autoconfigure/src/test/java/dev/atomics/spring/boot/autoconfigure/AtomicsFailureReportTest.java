package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicInt;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * End to end through {@link SpringApplication}: the analyzer is found through {@code META-INF/spring.factories}
 * and Boot prints its description and action; a valid configuration starts, also lazily.
 */
@ExtendWith(OutputCaptureExtension.class)
class AtomicsFailureReportTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AtomicsAutoConfiguration.class)
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ AtomicsAutoConfiguration.class, AtomicsBeanDefinitionTest.LaterRequests.class })
    static class AppWithLaterBean {
    }

    @Component
    static class HitsUser {
        HitsUser(@Qualifier("hits") AtomicInt hits) {
        }
    }

    private static SpringApplication application() {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app;
    }

    @Test
    void startupFailureReportNamesThePropertyAndTheFix(CapturedOutput output) {
        assertThatException().isThrownBy(() -> application().run("--atomics.instances.requests.type=float"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Description:")
                .contains("Invalid atomics configuration: atomics.instances.requests.type = 'float': unknown atomic type")
                .contains("Action:")
                .contains("Use int (signed integer), uint (unsigned integer) or bytes (raw bytes).");
    }

    @Test
    void lazyInitializationStillChecksAtStartup(CapturedOutput output) {
        assertThatException().isThrownBy(() -> application().run("--spring.main.lazy-initialization=true",
                "--atomics.instances.level.type=uint", "--atomics.instances.level.width=1",
                "--atomics.instances.level.initial-value=300"));
        assertThat(output).contains("atomics.instances.level.initial-value = '300'").contains("[0, 255]");
    }

    @Test
    void unknownTypeOfAnAtomicInjectedByTypeAndQualifier(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class, HitsUser.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> app.run("--atomics.instances.hits.type=integer"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid atomics configuration: atomics.instances.hits.type = 'integer': unknown atomic type")
                .doesNotContain("NoSuchBeanDefinitionException");
    }

    @Test
    void atomicNamedLikeABeanOfTheContext(CapturedOutput output) {
        assertThatException().isThrownBy(() -> application().run("--atomics.instances.environment.type=int"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid atomics configuration: atomics.instances.environment = 'environment': the name"
                        + " 'environment' is already taken by the application context's own Environment bean 'environment'")
                .contains("Rename the atomic: give atomics.instances.environment another key");
    }

    @Test
    void atomicNamedLikeABeanDefinedLater(CapturedOutput output) {
        SpringApplication app = new SpringApplication(AppWithLaterBean.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> app.run("--atomics.instances.requests.type=int"));
        // our report, not Boot's advice to allow bean definition overriding
        assertThat(output).contains("Invalid atomics configuration: atomics.instances.requests = 'requests': the name"
                        + " 'requests' is already taken by bean 'requests'")
                .doesNotContain("spring.main.allow-bean-definition-overriding");
    }

    @Test
    void validConfigurationStarts() {
        try (ConfigurableApplicationContext context = application().run("--atomics.instances.requests.type=int",
                "--atomics.instances.requests.initial-value=7")) {
            assertThat(context.getBean("requests", AtomicInt.class).load()).isEqualTo(7);
        }
    }
}
