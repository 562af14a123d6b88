package dev.atomics.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.test.IsolatedAtomics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@IsolatedAtomics // this test context's own shared memory, removed when the context closes
class LevelControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("level")
    AtomicUint level;

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    @Autowired
    AtomicsRegistry registry;

    @Test
    void casChangesTheLevelOnlyFromTheExpectedValue() {
        RestClient api = RestClient.create("http://localhost:" + port);
        assertThat(api.post()
                        .uri("/api/level/cas?expected=3&desired=4")
                        .retrieve()
                        .body(String.class))
                .isEqualTo("4");
        assertThat(level.load()).isEqualTo(4);
        level.store(3); // the context is shared by the test classes with the same configuration
    }

    @Test
    void jobsDoneCountsInSharedMemoryOfItsOwn() {
        long before = jobsDone.load(); // no other test JVM, and no running application, counts here
        jobsDone.inc();
        assertThat(jobsDone.load()).isEqualTo(before + 1);
        // the object's actual name, e.g. for a C or Python peer the test starts
        assertThat(registry.get("jobs-done").source().target()).startsWith("guide-jobs-test-");
    }
}
