package dev.atomics.spring.boot.it;

import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import dev.atomics.spring.boot.autoconfigure.AtomicsAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A process for {@link JvmEngineLoadsNoNativeLibraryTest}: starts the starter with the given arguments, reads every
 * atomic, asks the health indicator and the endpoint, writes once through the endpoint, and prints {@code done}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(AtomicsAutoConfiguration.class)
public class JvmEngineApp {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(JvmEngineApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(args)) {
            AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
            registry.readAll();
            System.out.println(
                    "health " + new AtomicsHealthIndicator(registry).health().getDetails());
            AtomicsEndpoint endpoint = new AtomicsEndpoint(registry);
            System.out.println("endpoint " + endpoint.atomics().nativeLibrary());
            System.out.println("write "
                    + endpoint.operate("counter", "add", "2", null, null).getStatus());
        }
        System.out.println("done");
    }
}
