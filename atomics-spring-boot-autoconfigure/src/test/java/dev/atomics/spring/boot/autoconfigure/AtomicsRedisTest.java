package dev.atomics.spring.boot.autoconfigure;

import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.descriptor;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.problem;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.Engine;
import dev.atomics.UnsupportedOpException;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.redis.testing.RedisServer;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsHealthIndicator;
import dev.atomics.spring.boot.autoconfigure.registry.RedisKind;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * {@code atomics.cluster} entries on a real redis-server: wired only with Spring Data Redis and a connection factory,
 * beans like any other atomic, Boot's {@code spring.data.redis.*} settings, failure reports, and the endpoint, gauges
 * and health when the server goes away and comes back.
 */
class AtomicsRedisTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    private final RedisServer server = RedisServer.shared();
    private final String key = "starter:" + ProcessHandle.current().pid() + ":" + KEYS.incrementAndGet();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataRedisAutoConfiguration.class,
                    AtomicsAutoConfiguration.class,
                    AtomicsRedisAutoConfiguration.class))
            .withPropertyValues(
                    "spring.data.redis.host=" + server.host(),
                    "spring.data.redis.port=" + server.port(),
                    "spring.data.redis.timeout=2s");

    /** Asserts the failure report, as AtomicsMisconfigurationTest does. */
    private static ContextConsumer<AssertableApplicationContext> fails(
            String property, String description, String action) {
        return context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            AtomicsConfigurationException cause = null;
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof AtomicsConfigurationException e) {
                    cause = e;
                }
            }
            assertThat(cause).as("AtomicsConfigurationException in %s", failure).isNotNull();
            assertThat(cause.getProperty()).isEqualTo(property);
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription())
                    .startsWith("Invalid atomics configuration: " + property)
                    .contains(description)
                    .doesNotContain("\n");
            assertThat(analysis.getAction()).contains(action);
        };
    }

    @Test
    void clusterEntriesAreBeansOnRedisKeys() {
        runner.withPropertyValues(
                        "atomics.cluster.orders.redis=" + key,
                        "atomics.cluster.orders.type=int",
                        "atomics.cluster.level.redis=" + key + ":level",
                        "atomics.cluster.level.type=uint",
                        "atomics.cluster.level.width=1",
                        "atomics.cluster.flags.redis=" + key + ":flags",
                        "atomics.cluster.flags.type=bytes",
                        "atomics.cluster.flags.width=4",
                        "atomics.cluster.seen.redis=" + key,
                        "atomics.cluster.seen.readonly=true",
                        "atomics.instances.local.type=int")
                .withUserConfiguration(UsesOrders.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedisKind.class);
                    AtomicInt orders = context.getBean(UsesOrders.class).orders;
                    assertThat(orders)
                            .isSameAs(context.getBean("atomics.cluster.orders"))
                            .isInstanceOf(RedisAtomic.class);
                    assertThat(orders.engine()).isEqualTo(Engine.REDIS);
                    assertThat(orders.fetchInc()).isZero();
                    orders.add(41);
                    assertThat(server.call("GET", key)).isEqualTo("42");
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("level", AtomicUint.class)
                                    .width())
                            .isEqualTo(1);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("flags", AtomicBytes.class)
                                    .width())
                            .isEqualTo(4);
                    AtomicInt seen = context.getBean(AtomicsRegistry.class).get("seen", AtomicInt.class);
                    assertThat(seen.load()).isEqualTo(42);
                    assertThat(seen.readonly()).isTrue();
                    assertThatThrownBy(seen::inc).isInstanceOf(UnsupportedOpException.class);

                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    assertThat(registry.entries())
                            .extracting(AtomicsEntry::name)
                            .containsExactly("local", "orders", "level", "flags", "seen");
                    AtomicsEntry entry = registry.get("orders");
                    assertThat(entry.source().kind()).isEqualTo("redis");
                    assertThat(entry.source().target()).isEqualTo(key);
                    assertThat(entry.source().targetOffset()).isNull();
                    assertThat(entry.source().description())
                            .isEqualTo("redis key " + key + " on " + server.host() + ":" + server.port());
                    assertThat(registry.read("orders")).isEqualTo(AtomicReading.of("orders", "42", 42.0));
                    assertThat(registry.backendOf("orders").kind()).isEqualTo("redis");
                    assertThat(registry.backendOf("orders")).isSameAs(registry.backendOf("flags"));
                    assertThat(registry.readAll())
                            .extracting(AtomicReading::value)
                            .containsExactly("0", "42", "0", "00000000", "42");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class UsesOrders {
        final AtomicInt orders;

        UsesOrders(@Qualifier("orders") AtomicInt orders) {
            this.orders = orders;
        }
    }

    @Test
    void bootsRedisSettingsApply() {
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "spring.data.redis.database=3")
                .run(context -> {
                    context.getBean(AtomicsRegistry.class)
                            .get("orders", AtomicInt.class)
                            .inc();
                    assertThat(server.call("GET", key)).as("database 0").isNull();
                    try (var client = server.client()) {
                        client.call("SELECT", "3");
                        assertThat(client.call("GET", key)).isEqualTo("1");
                    }
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .get("orders")
                                    .source()
                                    .description())
                            .endsWith("(database 3)");
                });
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.redis.timeout=750ms")
                .withConfiguration(AutoConfigurations.of(AtomicsHealthAutoConfiguration.class))
                .run(context -> {
                    Health health =
                            context.getBean(AtomicsHealthIndicator.class).health();
                    assertThat(health.getDetails().get("redis").toString()).contains("timeout=PT0.75S");
                });
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key)
                .withConfiguration(AutoConfigurations.of(AtomicsHealthAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(AtomicsHealthIndicator.class)
                                .health()
                                .getDetails()
                                .get("redis")
                                .toString())
                        .as("spring.data.redis.timeout")
                        .contains("timeout=PT2S"));
    }

    @Test
    void twoApplicationContextsCountIntoOneKeyExactly() throws Exception {
        String shared = key + ":shared";
        ApplicationContextRunner app = runner.withPropertyValues("atomics.cluster.sequence.redis=" + shared);
        int threadsPerContext = 3;
        int each = 300;
        app.run(first -> app.run(second -> {
            AtomicInt a = first.getBean(AtomicsRegistry.class).get("sequence", AtomicInt.class);
            AtomicInt b = second.getBean(AtomicsRegistry.class).get("sequence", AtomicInt.class);
            assertThat(a).isNotSameAs(b);
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerContext);
            try {
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int t = 0; t < 2 * threadsPerContext; t++) {
                    AtomicInt counter = t % 2 == 0 ? a : b;
                    Callable<List<Long>> task = () -> {
                        List<Long> got = new ArrayList<>();
                        for (int n = 0; n < each; n++) {
                            got.add(counter.fetchInc());
                        }
                        return got;
                    };
                    futures.add(pool.submit(task));
                }
                Set<Long> numbers = new HashSet<>();
                for (Future<List<Long>> f : futures) {
                    numbers.addAll(f.get(60, TimeUnit.SECONDS));
                }
                int total = 2 * threadsPerContext * each;
                assertThat(numbers).as("every number handed out once").hasSize(total);
                assertThat(a.load()).isEqualTo(total);
                assertThat(server.call("GET", shared)).isEqualTo(Integer.toString(total));
            } finally {
                pool.shutdownNow();
            }
        }));
    }

    @Test
    void wiredOnlyWithSpringDataRedisAndAConnectionFactory() {
        ApplicationContextRunner withoutFactory = new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsRedisAutoConfiguration.class));
        withoutFactory
                .withPropertyValues("atomics.instances.local.type=int")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisKind.class));
        withoutFactory
                .withPropertyValues("atomics.cluster.orders.redis=" + key)
                .run(fails(
                        "atomics.cluster.orders.redis",
                        "atomics on Redis need Spring Data Redis with Lettuce",
                        "spring-boot-starter-data-redis"));
        runner.withClassLoader(new FilteredClassLoader(RedisAtomics.class))
                .withPropertyValues("atomics.instances.local.type=int")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisKind.class));
        runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
                .withPropertyValues("atomics.cluster.orders.redis=" + key)
                .run(fails("atomics.cluster.orders.redis", "need Spring Data Redis", "spring-boot-starter-data-redis"));
        runner.withPropertyValues("atomics.enabled=false", "atomics.cluster.orders.redis=" + key)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(RedisKind.class)
                        .doesNotHaveBean("orders"));
        runner.withPropertyValues("atomics.instances.local.type=int")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RedisKind.class));
    }

    @Test
    void misconfiguredClusterEntriesGetTheFailureReport() {
        runner.withPropertyValues("atomics.cluster.orders.type=int")
                .run(fails(
                        "atomics.cluster.orders.redis",
                        "neither 'redis' nor 'zookeeper' is set, so there is no key to keep it in",
                        "Set atomics.cluster.orders.redis to the Redis key"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.width=3")
                .run(fails(
                        "atomics.cluster.orders.width",
                        "unsupported width: a cluster atomic has 1, 2, 4, 8 or 16 bytes",
                        "Use a width of 1, 2, 4, 8 or 16"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.width=16")
                .run(fails(
                        "atomics.cluster.orders.width",
                        "an atomic on a Redis key has 1, 2, 4 or 8 bytes",
                        "a zookeeper entry for 16 bytes"));
        runner.withPropertyValues("atomics.cluster.flags.redis=" + key, "atomics.cluster.flags.type=bytes")
                .run(fails("atomics.cluster.flags.width", "a bytes atomic has no default width", "e.g. 4 or 8"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.cluster.orders.type=long")
                .run(fails("atomics.cluster.orders.type", "unknown atomic type", "Use int"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.instances.orders.type=int")
                .run(fails(
                        "atomics.cluster.orders",
                        "also used by atomics.instances.orders",
                        "Rename one of the two entries"));
        runner.withPropertyValues("atomics.cluster.orders.redis=" + key, "atomics.redis.timeout=0s")
                .run(fails("atomics.redis.timeout", "not positive", "e.g. 500ms"));
        runner.withPropertyValues("atomics.cluster.[bad key!].redis=" + key)
                .run(fails("atomics.cluster.bad key!", "is not a valid atomic name", "Rename the entry"));
        // a connection factory of another client than Lettuce (Jedis, ...)
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsRedisAutoConfiguration.class))
                .withBean(RedisConnectionFactory.class, () -> (RedisConnectionFactory) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {RedisConnectionFactory.class}, (p, m, a) -> null))
                .withPropertyValues("atomics.cluster.orders.redis=" + key)
                .run(fails("atomics.cluster.orders.redis", "need a LettuceConnectionFactory", "Use Lettuce"));
    }

    @Test
    void endpointGaugesAndHealthShowTheKeyAndItsServerGoingAwayAndComingBack() {
        try (RedisServer own = RedisServer.start()) {
            new ApplicationContextRunner()
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
                            "spring.data.redis.host=" + own.host(),
                            "spring.data.redis.port=" + own.port(),
                            "atomics.redis.timeout=1s",
                            "management.endpoints.web.exposure.include=atomics",
                            "management.endpoint.atomics.access=UNRESTRICTED",
                            "atomics.cluster.orders.redis=orders",
                            "atomics.instances.local.type=int")
                    .run(context -> {
                        AtomicInt orders =
                                context.getBean(AtomicsRegistry.class).get("orders", AtomicInt.class);
                        orders.add(7);
                        AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
                        AtomicDescriptor d = descriptor(endpoint.atomic("orders"));
                        assertThat(d.status()).isEqualTo("available");
                        assertThat(d.value()).isEqualTo("7");
                        assertThat(d.engine()).isEqualTo("redis");
                        assertThat(d.nativeLibrary()).contains("Redis server");
                        assertThat(d.source().kind()).isEqualTo("redis");
                        assertThat(d.source().target()).isEqualTo("orders");
                        assertThat(d.source().offset()).isNull();
                        // the write operation works on Redis atomics like on any other
                        assertThat(result(endpoint.operate("orders", "add", "5", null, null))
                                        .previous())
                                .isEqualTo("7");
                        assertThat(result(endpoint.operate("orders", "cmpxchg", null, "12", "7"))
                                        .success())
                                .isTrue();
                        // the status table with a real server: 409 for a value an operator must look at, 504 for a
                        // write sent whose reply did not come, 503 (retryable) while the server is down
                        try (RedisConnection c =
                                context.getBean(RedisConnectionFactory.class).getConnection()) {
                            c.stringCommands().set("orders".getBytes(), "not a number".getBytes());
                            problem(409, () -> endpoint.operate("orders", "add", "1", null, null), "orders");
                            c.stringCommands().set("orders".getBytes(), "7".getBytes());
                            c.execute("CLIENT", "PAUSE".getBytes(), "1500".getBytes(), "WRITE".getBytes());
                            assertThat(problem(504, () -> endpoint.operate("orders", "add", "1", null, null)))
                                    .containsEntry("outcome", "unknown");
                            c.execute("CLIENT", "UNPAUSE".getBytes());
                            // the unanswered add may still happen: that is what "outcome unknown" means
                            Thread.sleep(300);
                            c.stringCommands().set("orders".getBytes(), "7".getBytes());
                        }
                        MeterRegistry meters = context.getBean(MeterRegistry.class);
                        assertThat(meters.get(AtomicsMetrics.METER)
                                        .tags("name", "orders", "source", "redis")
                                        .gauge()
                                        .value())
                                .isEqualTo(7.0);
                        AtomicsHealthIndicator indicator = context.getBean(AtomicsHealthIndicator.class);
                        Health up = indicator.health();
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        @SuppressWarnings("unchecked")
                        Map<String, Map<String, Object>> redis = (Map<String, Map<String, Object>>)
                                up.getDetails().get("redis");
                        assertThat(redis.get(own.host() + ":" + own.port()))
                                .containsEntry("status", "UP")
                                .containsEntry("atomics", List.of("orders"));

                        own.kill();
                        long start = System.nanoTime();
                        Health down = indicator.health();
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat((String) down.getDetails().get("reason"))
                                .contains("atomics [orders] unavailable")
                                .contains("Redis at " + own.host() + ":" + own.port());
                        assertThat(descriptor(endpoint.atomic("orders")).status())
                                .isEqualTo("unavailable");
                        assertThat(problem(503, () -> endpoint.operate("orders", "add", "1", null, null)))
                                .containsEntry("retryable", true);
                        assertThat(descriptor(endpoint.atomic("orders")).problem())
                                .contains("orders");
                        assertThat(descriptor(endpoint.atomic("local")).status())
                                .isEqualTo("available");
                        assertThat(meters.get(AtomicsMetrics.METER)
                                        .tags("name", "orders")
                                        .gauge()
                                        .value())
                                .isNaN();
                        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                                .as("no hang")
                                .isLessThan(10_000);

                        own.restart(); // empty: no persistence, so the key is gone, and is not silently recreated
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (!String.valueOf(indicator.health().getDetails().get("reason"))
                                        .contains("does not exist")
                                && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        Health lost = indicator.health();
                        assertThat(lost.getStatus()).isEqualTo(Status.DOWN);
                        assertThat((String) lost.getDetails().get("reason")).contains("'orders' does not exist");
                        problem(409, () -> endpoint.operate("orders", "add", "1", null, null), "'orders'");
                        own.call("SET", "orders", "0"); // the operator recreates it
                        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                        assertThat(descriptor(endpoint.atomic("orders")).value())
                                .isEqualTo("0");
                        orders.inc();
                        assertThat(meters.get(AtomicsMetrics.METER)
                                        .tags("name", "orders")
                                        .gauge()
                                        .value())
                                .isEqualTo(1.0);
                    });
        }
    }

    @Test
    void propertiesAreInTheMetadataAndBind() throws Exception {
        String metadata;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains("\"atomics.cluster\"", "\"atomics.redis.timeout\"");
        runner.withPropertyValues(
                        "atomics.cluster.c.redis=" + key,
                        "atomics.cluster.c.type=uint",
                        "atomics.cluster.c.width=2",
                        "atomics.cluster.c.readonly=true",
                        "atomics.redis.timeout=3s")
                .run(context -> {
                    AtomicsProperties p = context.getBean(AtomicsProperties.class);
                    AtomicsProperties.Cluster c = p.getCluster().get("c");
                    assertThat(c.getRedis()).isEqualTo(key);
                    assertThat(c.getType()).isEqualTo("uint");
                    assertThat(c.getWidth()).isEqualTo(2);
                    assertThat(c.isReadonly()).isTrue();
                    assertThat(p.getRedis().getTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
                });
    }

    @Test
    void theApplicationStartsWhileRedisIsDown() {
        RedisServer down = RedisServer.start();
        down.kill();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataRedisAutoConfiguration.class,
                        AtomicsAutoConfiguration.class,
                        AtomicsRedisAutoConfiguration.class,
                        AtomicsHealthAutoConfiguration.class))
                .withPropertyValues(
                        "spring.data.redis.port=" + down.port(),
                        "spring.data.redis.host=" + down.host(),
                        "atomics.cluster.orders.redis=orders")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AtomicsHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.DOWN);
                    assertThat(context.getBean(AtomicsRegistry.class)
                                    .read("orders")
                                    .problem())
                            .contains("cannot connect");
                });
    }
}
