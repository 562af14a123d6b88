package dev.atomics.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The atomics sample: every atomic it uses is declared in {@code application.yml} and injected by name.
 *
 * <p>From the repository root: {@code mvn -q -pl sample-app -am package -DskipTests && java -jar
 * sample-app/target/sample-app.jar}, then open http://localhost:8080/ for the dashboard and
 * {@code /actuator/atomics} for the raw view. {@code sample-app/target/jobs_client} (built alongside) adds to the
 * shared counter from another process.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
