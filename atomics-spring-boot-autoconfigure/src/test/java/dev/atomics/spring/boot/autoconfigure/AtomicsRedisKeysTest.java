package dev.atomics.spring.boot.autoconfigure;

import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.descriptor;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisForeignKeyException;
import dev.atomics.redis.RedisMissingKeyException;
import dev.atomics.redis.RedisMissingKeyPolicy;
import dev.atomics.redis.testing.RedisServer;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Redis keys that change under the application, through the starter: a key of another type or form is unavailable on
 * the endpoint, DOWN in health naming it, and 409 for writes; a missing key is created at startup loudly (WARN, health
 * detail, counter) and reported afterwards; entries' on-missing, initial-value and wait.
 */
@ExtendWith(OutputCaptureExtension.class)
class AtomicsRedisKeysTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    private final RedisServer server = RedisServer.shared();
    private final String key = "starter-keys:" + ProcessHandle.current().pid() + ":" + KEYS.incrementAndGet();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataRedisAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    EndpointAutoConfiguration.class,
                    AtomicsAutoConfiguration.class,
                    AtomicsRedisAutoConfiguration.class,
                    AtomicsMetricsAutoConfiguration.class,
                    AtomicsEndpointAutoConfiguration.class,
                    AtomicsHealthAutoConfiguration.class))
            .withPropertyValues(
                    "spring.data.redis.host=" + server.host(),
                    "spring.data.redis.port=" + server.port(),
                    "spring.data.redis.timeout=2s",
                    "management.endpoints.web.exposure.include=atomics",
                    "management.endpoint.atomics.access=UNRESTRICTED");

    @Test
    void aKeyOfAnotherTypeIsUnavailableDownAnd409() {
        server.call("HSET", key, "field", "1");
        server.call("SET", key + ":b", "abc");
        runner.withPropertyValues(
                        "atomics.cluster.orders.redis=" + key,
                        "atomics.cluster.flags.redis=" + key + ":b",
                        "atomics.cluster.flags.type=bytes",
                        "atomics.cluster.flags.width=4")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
                    AtomicDescriptor d = descriptor(endpoint.atomic("orders"));
                    assertThat(d.status()).isEqualTo("unavailable");
                    assertThat(d.problem()).contains("'" + key + "' holds a hash");
                    assertThat(descriptor(endpoint.atomic("flags")).problem()).contains("a string of 3 bytes");
                    Map<String, Object> body = problem(
                            409, () -> endpoint.operate("orders", "store", "5", null, null), key, "holds a hash");
                    assertThat(body).containsEntry("exception", "RedisForeignKeyException");
                    problem(409, () -> endpoint.operate("flags", "store", "0x01020304", null, null), "3 bytes");
                    assertThat(server.call("TYPE", key)).as("never overwritten").isEqualTo("hash");
                    assertThat(server.call("GET", key + ":b")).isEqualTo("abc");
                    Health health =
                            context.getBean(AtomicsHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) health.getDetails().get("reason"))
                            .contains("orders")
                            .contains(key)
                            .contains("holds a hash");
                    AtomicInt orders = context.getBean(AtomicsRegistry.class).get("orders", AtomicInt.class);
                    assertThatThrownBy(orders::load).isInstanceOf(RedisForeignKeyException.class);
                    assertThat(context.getBean(MeterRegistry.class)
                                    .get("atomics.value")
                                    .tags("name", "orders")
                                    .gauge()
                                    .value())
                            .isNaN();
                });
    }

    @Test
    void aMissingKeyIsCreatedAtStartupLoudlyThenReported(CapturedOutput output) {
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.initial-value=1000")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(server.call("GET", key)).isEqualTo("1000");
                    assertThat(output)
                            .contains("WARN")
                            .contains("Redis key '" + key + "'")
                            .contains("was missing");
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("atomics.redis.keys.created")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(1.0);
                    AtomicsHealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                    Health up = indicator.health();
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails().toString()).contains("created").contains(key);
                    AtomicInt orders = context.getBean(AtomicsRegistry.class).get("orders", AtomicInt.class);
                    assertThat(orders.fetchInc()).isEqualTo(1000);

                    server.call("DEL", key); // expired, deleted, lost by Redis
                    assertThatThrownBy(orders::inc).isInstanceOf(RedisMissingKeyException.class);
                    Health down = indicator.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) down.getDetails().get("reason")).contains("'" + key + "' does not exist");
                    AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
                    assertThat(problem(409, () -> endpoint.operate("orders", "add", "1", null, null), key))
                            .containsEntry("exception", "RedisMissingKeyException");
                    assertThat(server.call("EXISTS", key)).isEqualTo("0");
                    assertThat(meters.get("atomics.redis.keys.created")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(1.0);
                });
    }

    @Test
    void onMissingFailNeverCreatesAndRecreateIsTheOldBehaviour() {
        runner.withPropertyValues(
                        "atomics.cluster.strict.redis=" + key,
                        "atomics.cluster.strict.on-missing=fail",
                        "atomics.cluster.loose.redis=" + key + ":l",
                        "atomics.cluster.loose.on-missing=recreate")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    assertThat(((RedisAtomic) registry.get("strict", AtomicInt.class)).onMissing())
                            .isEqualTo(RedisMissingKeyPolicy.FAIL);
                    assertThat(server.call("EXISTS", key)).isEqualTo("0");
                    assertThat(context.getBean(AtomicsHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.DOWN);
                    assertThatThrownBy(() ->
                                    registry.get("strict", AtomicInt.class).inc())
                            .isInstanceOf(RedisMissingKeyException.class);
                    server.call("SET", key, "3"); // the operator creates it
                    assertThat(registry.get("strict", AtomicInt.class).fetchInc())
                            .isEqualTo(3);
                    AtomicInt loose = registry.get("loose", AtomicInt.class);
                    assertThat(loose.load()).isZero();
                    loose.inc();
                    server.call("DEL", key + ":l");
                    loose.inc();
                    assertThat(server.call("GET", key + ":l"))
                            .as("recreated from zero")
                            .isEqualTo("1");
                    assertThat(context.getBean(AtomicsHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    @Test
    void aWaitWithoutReplicasAnswers504AppliedNotReplicated() {
        runner.withPropertyValues(
                        "atomics.cluster.orders.redis=" + key,
                        "atomics.cluster.orders.wait.replicas=1",
                        "atomics.cluster.orders.wait.timeout=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
                    Map<String, Object> body = problem(
                            504, () -> endpoint.operate("orders", "add", "2", null, null), "only 0 of 1 replica(s)");
                    assertThat(body)
                            .containsEntry("outcome", "applied-not-replicated")
                            .containsEntry("exception", "RedisNotReplicatedException");
                    assertThat(server.call("GET", key))
                            .as("applied on the primary")
                            .isEqualTo("2");
                });
    }

    @Test
    void badPoliciesWaitsAndInitialValuesStopStartup() {
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.on-missing=create")
                .run(context -> assertThat(cause(context.getStartupFailure()).getProperty())
                        .isEqualTo("atomics.cluster.orders.on-missing"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.wait.replicas=0")
                .run(context -> assertThat(cause(context.getStartupFailure()).getProperty())
                        .isEqualTo("atomics.cluster.orders.wait"));
        runner.withPropertyValues(
                        "atomics.cluster.orders.redis=" + key,
                        "atomics.cluster.orders.width=1",
                        "atomics.cluster.orders.initial-value=300")
                .run(context -> assertThat(cause(context.getStartupFailure()).getProperty())
                        .isEqualTo("atomics.cluster.orders.initial-value"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.wait.replica=1")
                .run(context -> assertThat(cause(context.getStartupFailure()).getProperty())
                        .isEqualTo("atomics.cluster.orders.wait.replica"));
        assertThat(server.call("EXISTS", key)).isEqualTo("0");
    }

    private static AtomicsConfigurationException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AtomicsConfigurationException e) {
                return e;
            }
        }
        throw new AssertionError("no AtomicsConfigurationException in " + failure, failure);
    }
}
