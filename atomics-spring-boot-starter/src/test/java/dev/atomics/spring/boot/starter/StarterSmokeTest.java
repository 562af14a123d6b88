package dev.atomics.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The starter alone is enough: an application gets its configured atomics injected. */
@SpringBootTest(properties = {"atomics.instances.requests.type=int", "atomics.instances.requests.initial-value=41"})
class StarterSmokeTest {

    @SpringBootApplication
    static class App {}

    @Autowired
    @Qualifier("requests")
    AtomicInt requests;

    @Autowired
    AtomicsRegistry registry;

    @Test
    void injectsConfiguredAtomics() {
        assertThat(requests.fetchInc() + 1).isEqualTo(42);
        assertThat(registry.names()).containsExactly("requests");
    }
}
