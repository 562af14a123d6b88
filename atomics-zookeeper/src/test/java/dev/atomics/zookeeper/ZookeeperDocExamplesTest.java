package dev.atomics.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.DocExamples;
import dev.atomics.testing.DocExamples.Example;
import dev.atomics.zookeeper.testing.ZookeeperServer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples of README.md and docs/*.md marked {@code run atomics-zookeeper}, read from their document and run on
 * the test server instead of the {@code localhost:2181} they name.
 */
class ZookeeperDocExamplesTest {

    @TestFactory
    Stream<DynamicTest> zookeeperExamplesRunFromTheirDocument() {
        List<Example> examples = DocExamples.marked("run atomics-zookeeper");
        assertThat(examples).isNotEmpty();
        String ensemble = ZookeeperServer.shared().getConnectString();
        return examples.stream()
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    assertThat(e.code()).contains("\"localhost:2181\"");
                    try (CuratorFramework plain = ZookeeperServer.client(ensemble)) {
                        if (plain.checkExists().forPath("/myapp/orders") != null) {
                            plain.delete().forPath("/myapp/orders");
                        }
                        DocExamples.run(e, code -> code.replace("\"localhost:2181\"", "\"" + ensemble + "\""));
                        assertThat(plain.getData().forPath("/myapp/orders"))
                                .isEqualTo(ByteBuffer.allocate(8).putLong(1).array());
                    }
                }));
    }
}
