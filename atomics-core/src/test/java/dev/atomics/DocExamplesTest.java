package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.DocExamples;
import dev.atomics.testing.DocExamples.Example;
import dev.atomics.testing.Patomic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java examples of README.md and docs/*.md: each says who checks it (see {@link DocExamples}), and those for
 * atomics-core run here, read from the document itself. Shared-memory names in examples start with
 * {@code myapp-}; each run gives them a suffix of its own and removes the objects afterwards.
 */
class DocExamplesTest {

    private static final Pattern TARGET =
            Pattern.compile("(run|compile) [a-z0-9-]+(, [a-z0-9 ]+)?|guide-example|not (compiled|executed): .+");

    @Test
    void everyJavaExampleSaysWhoChecksIt() {
        List<Example> java = DocExamples.all().stream()
                .filter(e -> e.language().equals("java"))
                .toList();
        assertThat(java).hasSizeGreaterThan(5);
        for (Example e : java) {
            assertThat(e.marker()).as("marker of the java block at %s", e).matches(TARGET);
            if (e.target().startsWith("run ") || e.target().startsWith("compile ")) {
                String module = e.target().substring(e.target().indexOf(' ') + 1);
                assertThat(DocExamples.repositoryRoot().resolve(module).resolve("pom.xml"))
                        .as("module of the example at %s", e)
                        .isRegularFile();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> coreExamplesRunFromTheirDocument() {
        List<Example> examples = DocExamples.marked("run atomics-core");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        return examples.stream()
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    if (e.requires("width 16")) {
                        Patomic.assume();
                        Assumptions.assumeTrue(Atomics.nativeInfo().widths().contains(16), "a 16-byte CAS on this CPU");
                    }
                    String prefix = "myapp-doc"
                            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + "-";
                    try {
                        DocExamples.run(e, code -> code.replace("\"myapp-", "\"" + prefix));
                    } finally {
                        removeShm(prefix);
                    }
                }));
    }

    private static void removeShm(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            return;
        }
        try (Stream<Path> objects = Files.list(shm)) {
            for (Path p : objects.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
