package dev.atomics.spring.boot.autoconfigure;

import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.descriptor;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.problem;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.Engine;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicsDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.OperationResult;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/** The {@code atomics} endpoint's availability and its operations, called directly. */
class AtomicsEndpointTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    EndpointAutoConfiguration.class,
                    AtomicsAutoConfiguration.class,
                    AtomicsEndpointAutoConfiguration.class))
            .withPropertyValues(
                    "management.endpoints.web.exposure.include=atomics",
                    "atomics.instances.requests.type=int",
                    "atomics.instances.level.type=uint",
                    "atomics.instances.level.width=1",
                    "atomics.instances.level.engine=patomic",
                    "atomics.instances.big.type=uint",
                    "atomics.instances.flags.type=bytes",
                    "atomics.instances.flags.width=4",
                    "atomics.instances.flags.initial-value=0x01020304");

    @TempDir
    Path dir;

    private void withEndpoint(ContextConsumer<AssertableApplicationContext> consumer) {
        runner.withPropertyValues(
                        "atomics.shared.ro.file=" + dir.resolve("ro.bin"),
                        "atomics.shared.ro.create=true",
                        "atomics.shared.ro.readonly=true",
                        "atomics.shared.ro.offset=8")
                .run(consumer);
    }

    @Test
    void availableOnlyWhenExposed() {
        runner.run(context -> assertThat(context).hasSingleBean(AtomicsEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(AtomicsEndpoint.class));
        // (upper case: the runner's environment lacks SpringApplication's lenient enum conversion)
        runner.withPropertyValues("management.endpoint.atomics.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(AtomicsEndpoint.class));
        runner.withPropertyValues("atomics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AtomicsEndpoint.class));
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtomicsEndpoint.class));
        runner.withBean("mine", AtomicsEndpoint.class, () -> new AtomicsEndpoint(AtomicsRegistry.of()))
                .run(context ->
                        assertThat(context).hasSingleBean(AtomicsEndpoint.class).hasBean("mine"));
    }

    @Test
    void listsEveryAtomicWithExactValues() {
        withEndpoint(context -> {
            context.getBean(AtomicsRegistry.class)
                    .get("requests", AtomicInt.class)
                    .store(-5);
            context.getBean(AtomicsRegistry.class).get("big", AtomicUint.class).store(-1L);
            AtomicsDescriptor all = context.getBean(AtomicsEndpoint.class).atomics();
            assertThat(all.atomics()).containsOnlyKeys("requests", "level", "big", "flags", "ro");
            assertThat(all.atomics().get("requests").value()).isEqualTo("-5");
            assertThat(all.atomics().get("big").value()).isEqualTo("18446744073709551615");
            AtomicDescriptor flags = all.atomics().get("flags");
            assertThat(flags.value()).isEqualTo("01020304");
            assertThat(flags.signed()).isNull();
            assertThat(flags.opsSupported())
                    .contains("load", "store", "cmpxchg_strong")
                    .doesNotContain("add");
            AtomicDescriptor ro = all.atomics().get("ro");
            assertThat(ro.readonly()).isTrue();
            assertThat(ro.opsSupported()).containsExactly("load", "bit_test");
            assertThat(ro.source().kind()).isEqualTo("file");
            assertThat(ro.source().target()).isEqualTo(dir.resolve("ro.bin").toString());
            assertThat(ro.source().offset()).isEqualTo(8);
            assertThat(all.nativeLibrary().error()).isNull();
            assertThat(all.nativeLibrary().version()).isNotBlank();
        });
    }

    @Test
    void theDefaultEngineIsTheOneTheStarterUsesTheSpringPropertyWinning() {
        runner.withPropertyValues("atomics.engine=jvm").run(context -> {
            AtomicsDescriptor all = context.getBean(AtomicsEndpoint.class).atomics();
            assertThat(all.nativeLibrary().defaultEngine()).isEqualTo("jvm");
            assertThat(all.atomics().get("requests").engine()).isEqualTo("jvm");
            assertThat(all.atomics().get("level").engine()).isEqualTo("patomic"); // its own engine wins
        });
        runner.run(context -> assertThat(context.getBean(AtomicsEndpoint.class)
                        .atomics()
                        .nativeLibrary()
                        .defaultEngine())
                .isEqualTo("auto"));
    }

    @Test
    void withTheSpringPropertyAtAutoTheDefaultEngineIsTheJvmsSystemProperty() {
        System.setProperty(Engine.PROPERTY, "jvm");
        try {
            runner.run(context -> assertThat(context.getBean(AtomicsEndpoint.class)
                            .atomics()
                            .nativeLibrary()
                            .defaultEngine())
                    .isEqualTo("jvm"));
            runner.withPropertyValues("atomics.engine=patomic").run(context -> {
                AtomicsDescriptor all = context.getBean(AtomicsEndpoint.class).atomics();
                assertThat(all.nativeLibrary().defaultEngine()).isEqualTo("patomic");
                assertThat(all.atomics().get("requests").engine()).isEqualTo("patomic");
            });
        } finally {
            System.clearProperty(Engine.PROPERTY);
        }
    }

    @Test
    void showsOneAtomicOrNullForUnknownNames() {
        withEndpoint(context -> {
            AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
            AtomicDescriptor level = descriptor(endpoint.atomic("level"));
            assertThat(level.name()).isEqualTo("level");
            assertThat(level.type()).isEqualTo("uint");
            assertThat(level.width()).isEqualTo(1);
            assertThat(level.signed()).isFalse();
            assertThat(level.engine()).isEqualTo("patomic");
            assertThat(level.nativeLibrary()).startsWith("patomic ");
            assertThat(level.source().kind()).isEqualTo("instance");
            assertThat(descriptor(endpoint.atomic("requests")).nativeLibrary()).contains("JVM engine");
            problem(404, () -> endpoint.atomic("nope"), "no atomic named 'nope'");
        });
    }

    @Test
    void writeOperations() {
        withEndpoint(context -> {
            AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
            assertThat(result(endpoint.operate("requests", "store", "10", null, null)))
                    .isEqualTo(new OperationResult("requests", "store", true, null, "10"));
            assertThat(result(endpoint.operate("requests", "ADD", "5", null, null)))
                    .isEqualTo(new OperationResult("requests", "add", true, "10", "15"));
            assertThat(result(endpoint.operate("requests", "sub", "20", null, null)))
                    .isEqualTo(new OperationResult("requests", "sub", true, "15", "-5"));
            assertThat(result(endpoint.operate("requests", "cmpxchg", null, "7", "8")))
                    .isEqualTo(new OperationResult("requests", "cmpxchg", false, "-5", "-5"));
            assertThat(result(endpoint.operate("requests", "cmpxchg", null, "-5", "8")))
                    .isEqualTo(new OperationResult("requests", "cmpxchg", true, "-5", "8"));
            assertThat(result(endpoint.operate("big", "store", "18446744073709551615", null, null))
                            .value())
                    .isEqualTo("18446744073709551615");
            assertThat(result(endpoint.operate("big", "add", "2", null, null)).value())
                    .isEqualTo("1");
            assertThat(result(endpoint.operate("level", "add", "255", null, null))
                            .value())
                    .isEqualTo("255");
            assertThat(result(endpoint.operate("flags", "store", "0xa0b0c0d0", null, null))
                            .value())
                    .isEqualTo("a0b0c0d0");
            assertThat(result(endpoint.operate("flags", "cmpxchg", null, "a0b0c0d0", "00000001")))
                    .isEqualTo(new OperationResult("flags", "cmpxchg", true, "a0b0c0d0", "00000001"));
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("requests", AtomicInt.class)
                            .load())
                    .isEqualTo(8);
        });
    }

    @Test
    void badRequestsAreRefusedWithAMessage() {
        withEndpoint(context -> {
            AtomicsEndpoint e = context.getBean(AtomicsEndpoint.class);
            problem(404, () -> e.operate("nope", "store", "1", null, null), "no atomic named 'nope'");
            problem(400, () -> e.operate("ro", "store", "1", null, null), "atomic 'ro' is readonly");
            problem(
                    400,
                    () -> e.operate("requests", "mul", "2", null, null),
                    "unknown operation 'mul'",
                    "[store, add, sub, cmpxchg]");
            problem(400, () -> e.operate("requests", "store", null, null, null), "operand 'value' is required");
            problem(400, () -> e.operate("requests", "store", "ten", null, null), "'ten' is not an integer");
            problem(400, () -> e.operate("requests", "cmpxchg", null, "1", null), "operand 'desired' is required");
            problem(
                    400,
                    () -> e.operate("requests", "store", "9223372036854775808", null, null),
                    "does not fit int of width 8");
            problem(400, () -> e.operate("level", "store", "256", null, null), "does not fit uint of width 1");
            problem(400, () -> e.operate("big", "add", "-1", null, null), "does not fit uint of width 8");
            problem(400, () -> e.operate("flags", "add", "1", null, null), "bytes atomics have no arithmetic");
            problem(400, () -> e.operate("flags", "store", "0x01", null, null), "is 1 bytes; the atomic has width 4");
            assertThat(result(e.operate("requests", "store", "1", null, null)).value())
                    .isEqualTo("1");
        });
    }

    @Test
    void hugeInputIsRefusedWithAShortMessage() {
        withEndpoint(context -> {
            AtomicsEndpoint e = context.getBean(AtomicsEndpoint.class);
            String huge = "1".repeat(1_000_000);
            assertShortProblem(
                    () -> e.operate("requests", "store", huge, null, null),
                    "operand 'value': '11111111111111111111…' is 1000000 characters long; an integer has at most 64");
            assertShortProblem(
                    () -> e.operate("requests", "cmpxchg", null, "0", huge), "operand 'desired'", "1000000 characters");
            assertShortProblem(
                    () -> e.operate("flags", "store", "ab".repeat(500_000), null, null),
                    "hex bytes for width 4 take at most 20");
            assertShortProblem(
                    () -> e.operate(huge, "store", "1", null, null), "no atomic named '11111111111111111111…'");
            assertShortProblem(
                    () -> e.operate("requests", huge, "1", null, null), "unknown operation '11111111111111111111…'");
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("requests", AtomicInt.class)
                            .load())
                    .isZero();
        });
    }

    /** The request is refused, and the problem's detail carries no more than a short prefix of the input. */
    private static void assertShortProblem(Supplier<WebEndpointResponse<Object>> call, String... fragments) {
        WebEndpointResponse<Object> response = call.get();
        assertThat(response.getStatus()).isIn(400, 404);
        assertThat(response.getBody().toString()).contains(fragments).hasSizeLessThan(400);
    }
}
