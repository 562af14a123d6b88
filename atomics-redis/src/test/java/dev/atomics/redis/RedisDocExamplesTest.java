package dev.atomics.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.redis.testing.RedisServer;
import dev.atomics.testing.DocExamples;
import dev.atomics.testing.DocExamples.Example;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples of README.md and docs/*.md marked {@code run atomics-redis}, read from their document and run on
 * the test server instead of the {@code localhost:6379} they name.
 */
class RedisDocExamplesTest {

    @TestFactory
    Stream<DynamicTest> redisExamplesRunFromTheirDocument() {
        List<Example> examples = DocExamples.marked("run atomics-redis");
        assertThat(examples).isNotEmpty();
        RedisServer server = RedisServer.shared();
        return examples.stream()
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    assertThat(e.code()).contains("\"localhost\", 6379");
                    server.call("DEL", "myapp:orders");
                    DocExamples.run(
                            e,
                            code -> code.replace("\"localhost\", 6379", "\"" + server.host() + "\", " + server.port()));
                    assertThat(server.call("GET", "myapp:orders")).isEqualTo("1");
                }));
    }
}
