package dev.atomics.spring.boot.autoconfigure;

import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.descriptor;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.problem;
import static dev.atomics.spring.boot.autoconfigure.EndpointCalls.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicUint128;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.TestShm;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.OperationResult;
import dev.atomics.spring.boot.metrics.AtomicsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Width-16 entries ({@code {type: uint, width: 16}}, instances and shared): beans, exact decimal values in the
 * endpoint and its write operation with 128-bit operands, doubles in the gauges, the registry's reads.
 */
class AtomicsWidth16Tests {

    private static final String MAX_U128 = "340282366920938463463374607431768211455";
    private static final String MIN_I128 = "-170141183460469231731687303715884105728";

    private final TestShm shm = new TestShm("w16");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    EndpointAutoConfiguration.class,
                    AtomicsAutoConfiguration.class,
                    AtomicsEndpointAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    AtomicsMetricsAutoConfiguration.class))
            .withPropertyValues(
                    "management.endpoints.web.exposure.include=atomics",
                    "atomics.instances.wide.type=uint",
                    "atomics.instances.wide.width=16",
                    "atomics.instances.wide.initial-value=" + MAX_U128,
                    "atomics.instances.signed.type=int",
                    "atomics.instances.signed.width=16",
                    "atomics.instances.signed.initial-value=" + MIN_I128,
                    "atomics.instances.pair.type=bytes",
                    "atomics.instances.pair.width=16",
                    "atomics.instances.pair.initial-value=0x000102030405060708090a0b0c0d0e0f");

    @TempDir
    Path dir;

    @BeforeEach
    void needsWidth16() {
        assumeThat(Atomics.nativeInfo().widths())
                .as("a 16-byte compare-and-swap on this CPU")
                .contains(16);
    }

    @AfterEach
    void cleanup() {
        shm.cleanup();
    }

    @Test
    void instancesOfWidth16AreBeansWithTheirInitialValues() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AtomicUint128 wide = context.getBean(AtomicsRegistry.class).get("wide", AtomicUint128.class);
            assertThat(wide.width()).isEqualTo(16);
            assertThat(wide.engine()).as("auto picks patomic at width 16").isEqualTo(Engine.PATOMIC);
            assertThat(wide.load()).isEqualTo(Int128.ALL_ONES);
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("signed", AtomicInt128.class)
                            .load())
                    .isEqualTo(Int128.MIN_VALUE);
            assertThat(context.getBean(AtomicsRegistry.class)
                            .get("pair", AtomicBytes.class)
                            .load())
                    .hasSize(16)
                    .startsWith(0, 1, 2)
                    .endsWith(15);
        });
    }

    @Test
    void theEndpointShowsExactDecimalsAndTakes128BitOperands() {
        runner.run(context -> {
            AtomicsEndpoint endpoint = context.getBean(AtomicsEndpoint.class);
            AtomicDescriptor wide = descriptor(endpoint.atomic("wide"));
            assertThat(wide.value()).isEqualTo(MAX_U128);
            assertThat(wide.width()).isEqualTo(16);
            assertThat(wide.engine()).isEqualTo("patomic");
            assertThat(descriptor(endpoint.atomic("signed")).value()).isEqualTo(MIN_I128);
            assertThat(descriptor(endpoint.atomic("pair")).value()).isEqualTo("000102030405060708090a0b0c0d0e0f");

            OperationResult add = result(endpoint.operate("wide", "add", "1", null, null));
            assertThat(add.previous()).isEqualTo(MAX_U128);
            assertThat(add.value()).as("wraps around modulo 2^128").isEqualTo("0");
            OperationResult store = result(endpoint.operate("wide", "store", "18_446_744_073_709_551_615", null, null));
            assertThat(store.value()).isEqualTo("18446744073709551615");
            OperationResult carry = result(endpoint.operate("wide", "add", "0x1", null, null));
            assertThat(carry.value()).as("the carry reaches the high half").isEqualTo("18446744073709551616");
            OperationResult sub = result(endpoint.operate("wide", "sub", "18446744073709551617", null, null));
            assertThat(sub.value()).isEqualTo(MAX_U128);
            OperationResult cas = result(
                    endpoint.operate("wide", "cmpxchg", null, MAX_U128, "12345678901234567890123456789012345678"));
            assertThat(cas.success()).isTrue();
            assertThat(cas.value()).isEqualTo("12345678901234567890123456789012345678");
            OperationResult failed = result(endpoint.operate("wide", "cmpxchg", null, "0", "1"));
            assertThat(failed.success()).isFalse();
            assertThat(failed.previous()).isEqualTo("12345678901234567890123456789012345678");

            OperationResult signed = result(endpoint.operate("signed", "sub", "1", null, null));
            assertThat(signed.previous()).isEqualTo(MIN_I128);
            assertThat(signed.value())
                    .as("wraps to the largest signed value")
                    .isEqualTo("170141183460469231731687303715884105727");

            problem(
                    400,
                    () -> endpoint.operate("wide", "store", "340282366920938463463374607431768211456", null, null),
                    "does not fit uint of width 16");
            problem(400, () -> endpoint.operate("wide", "store", "-1", null, null), "range is [0, " + MAX_U128 + "]");
            problem(
                    400,
                    () -> endpoint.operate("signed", "store", "170141183460469231731687303715884105728", null, null),
                    "does not fit int of width 16");
            assertThat(descriptor(endpoint.atomic("signed")).value())
                    .as("refused operands change nothing")
                    .isEqualTo("170141183460469231731687303715884105727");
        });
    }

    @Test
    void gaugesAreDoublesRoundedToTheNearest() {
        runner.run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(AtomicsMetrics.METER)
                            .tags("name", "wide")
                            .gauge()
                            .value())
                    .as("2^128 - 1 rounds to 2^128")
                    .isEqualTo(0x1p128);
            assertThat(meters.get(AtomicsMetrics.METER)
                            .tags("name", "signed")
                            .gauge()
                            .value())
                    .isEqualTo(-0x1p127);
            context.getBean(AtomicsRegistry.class)
                    .get("wide", AtomicUint128.class)
                    .store(Int128.ofUnsigned((1L << 53) + 1));
            assertThat(meters.get(AtomicsMetrics.METER)
                            .tags("name", "wide")
                            .gauge()
                            .value())
                    .as("beyond 2^53: ties to even")
                    .isEqualTo(0x1p53);
            context.getBean(AtomicsRegistry.class)
                    .get("wide", AtomicUint128.class)
                    .store(Int128.valueOf(12));
            assertThat(meters.get(AtomicsMetrics.METER)
                            .tags("name", "wide")
                            .gauge()
                            .value())
                    .isEqualTo(12.0);
            assertThat(meters.find(AtomicsMetrics.METER).tags("name", "pair").meters())
                    .as("bytes have no gauge")
                    .isEmpty();
        });
    }

    /**
     * Shared entries of width 16: read through their views (the JVM has no atomic 16-byte read), after the status
     * check.
     */
    @Test
    void sharedEntriesOfWidth16() {
        String name = shm.name();
        runner.withPropertyValues(
                        "atomics.shared.ticket.shm=" + name,
                        "atomics.shared.ticket.create=true",
                        "atomics.shared.ticket.offset=16",
                        "atomics.shared.ticket.type=uint",
                        "atomics.shared.ticket.width=16",
                        "atomics.shared.seq.file=" + dir.resolve("seq.bin"),
                        "atomics.shared.seq.create=true",
                        "atomics.shared.seq.type=int",
                        "atomics.shared.seq.width=16")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AtomicUint128 ticket =
                            context.getBean(AtomicsRegistry.class).get("ticket", AtomicUint128.class);
                    ticket.store(new Int128(3, 5));
                    AtomicsRegistry registry = context.getBean(AtomicsRegistry.class);
                    AtomicReading r = registry.read("ticket");
                    assertThat(r.value())
                            .isEqualTo(new BigInteger("3")
                                    .shiftLeft(64)
                                    .add(BigInteger.valueOf(5))
                                    .toString());
                    assertThat(r.number()).isEqualTo(3 * 0x1p64 + 5);
                    context.getBean(AtomicsRegistry.class)
                            .get("seq", AtomicInt128.class)
                            .dec();
                    assertThat(registry.read("seq").value()).isEqualTo("-1");
                    assertThat(result(context.getBean(AtomicsEndpoint.class)
                                            .operate("seq", "add", MAX_U128.substring(1), null, null))
                                    .value())
                            .isEqualTo(new BigInteger(MAX_U128.substring(1))
                                    .subtract(BigInteger.ONE)
                                    .toString());
                });
    }

    @Test
    void misalignedOrUnsupportedWidth16EntriesStopStartup() {
        runner.withPropertyValues(
                        "atomics.shared.bad.file=" + dir.resolve("bad.bin"),
                        "atomics.shared.bad.create=true",
                        "atomics.shared.bad.offset=8",
                        "atomics.shared.bad.type=uint",
                        "atomics.shared.bad.width=16")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootConfigurationError(context.getStartupFailure())
                                    .getMessage())
                            .contains("atomics.shared.bad.offset")
                            .contains("multiple of 16");
                });
        runner.withPropertyValues(
                        "atomics.instances.jvm16.type=uint",
                        "atomics.instances.jvm16.width=16",
                        "atomics.instances.jvm16.engine=jvm")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootConfigurationError(context.getStartupFailure())
                                    .getMessage())
                            .contains("atomics.instances.jvm16.width")
                            .contains("16-byte compare-and-swap");
                });
    }

    @Test
    void valuesOfWidth16AsText() {
        assertThat(AtomicValues.parseInt128(MAX_U128, 16, false)).isEqualTo(Int128.ALL_ONES);
        assertThat(AtomicValues.parseInt128("0x" + "f".repeat(32), 16, false)).isEqualTo(Int128.ALL_ONES);
        assertThat(AtomicValues.parseInt128(MIN_I128, 16, true)).isEqualTo(Int128.MIN_VALUE);
        assertThat(AtomicValues.parseInt128("-1", 16, true)).isEqualTo(Int128.ALL_ONES);
        assertThat(AtomicValues.parseInt128("255", 1, false)).isEqualTo(Int128.valueOf(255));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseInt128("-1", 16, false))
                .withMessageContaining("does not fit uint of width 16");
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseInt128("256", 1, false));
        assertThatIllegalArgumentException()
                .as("a long cannot hold it: never truncated")
                .isThrownBy(() -> AtomicValues.parseIntegral("1", 16, false))
                .withMessageContaining("parseInt128");
        assertThat(AtomicValues.formatInt128(false, Int128.ALL_ONES)).isEqualTo(MAX_U128);
        assertThat(AtomicValues.formatInt128(true, Int128.ALL_ONES)).isEqualTo("-1");
        assertThat(AtomicValues.asDouble(Int128.ALL_ONES, false)).isEqualTo(0x1p128);
        assertThat(AtomicValues.asDouble(Int128.ALL_ONES, true)).isEqualTo(-1.0);
        assertThat(AtomicValues.asDouble(Int128.ofUnsigned(-1L), false)).isEqualTo(0x1p64);
        assertThat(AtomicValues.asDouble(Int128.MIN_VALUE, true)).isEqualTo(-0x1p127);
    }

    private static AtomicsConfigurationException rootConfigurationError(Throwable t) {
        while (t != null) {
            if (t instanceof AtomicsConfigurationException e) {
                return e;
            }
            t = t.getCause();
        }
        throw new AssertionError("no AtomicsConfigurationException");
    }
}
