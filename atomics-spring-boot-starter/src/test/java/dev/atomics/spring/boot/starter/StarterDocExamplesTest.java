package dev.atomics.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.DocExamples;
import dev.atomics.testing.DocExamples.Example;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Spring examples of README.md and docs/*.md marked {@code compile atomics-spring-boot-starter} compile, read
 * from their document, against what an application with this starter (and Spring Data Redis) has on its class
 * path.
 */
class StarterDocExamplesTest {

    @TestFactory
    Stream<DynamicTest> springExamplesCompileFromTheirDocument() {
        List<Example> examples = DocExamples.marked("compile atomics-spring-boot-starter");
        assertThat(examples).isNotEmpty();
        return examples.stream()
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    ClassLoader classes = DocExamples.compile(e, UnaryOperator.identity());
                    assertThat(classes.loadClass(e.declaredType())).isNotNull();
                }));
    }
}
