package dev.atomics.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

/** {@link IsolatedAtomics} on a test class: the property is set, and the context's object is its own. */
@SpringBootTest(
        classes = IsolatedAtomicsTest.App.class,
        properties = "atomics.shared.jobs.shm=atomics-isolated-annotation")
@IsolatedAtomics
@DirtiesContext
class IsolatedAtomicsTest {

    /** Nothing but auto-configuration. */
    @SpringBootApplication
    static class App {}

    @Autowired
    Environment environment;

    @Autowired
    AtomicsRegistry registry;

    @Autowired
    @Qualifier("jobs")
    AtomicInt jobs;

    @Test
    void theContextsSharedMemoryIsItsOwn() {
        assertThat(environment.getProperty("atomics.test.isolate")).isEqualTo("true");
        String name = registry.get("jobs").source().target();
        assertThat(name).matches("atomics-isolated-annotation-test-[0-9a-f]{8}");
        assertThat(SharedMemory.exists(name)).isTrue();
        assertThat(SharedMemory.exists("atomics-isolated-annotation")).isFalse();
        assertThat(jobs.fetchInc()).isZero();
    }
}
