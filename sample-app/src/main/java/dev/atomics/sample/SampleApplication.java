package dev.atomics.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The atomics sample: every atomic it uses is declared in {@code application.yml} and injected by name.
 *
 * <p>Run it with {@code mvn -pl sample-app -am spring-boot:run}... see the root README, then open
 * http://localhost:8080/ for the dashboard and {@code /actuator/atomics} for the raw view.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
