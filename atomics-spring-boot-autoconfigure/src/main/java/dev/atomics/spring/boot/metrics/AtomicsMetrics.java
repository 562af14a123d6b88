package dev.atomics.spring.boot.metrics;

import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.Set;

/**
 * Registers a meter per integral atomic of the {@link AtomicsRegistry}: a gauge {@value #METER}, or, for the atomics
 * configured with {@code meter: counter}, a {@link FunctionCounter} {@value #COUNTER} ({@code atomics_count_total} in
 * Prometheus, so that {@code rate()} works across restarts). Both are tagged {@code name} (the configuration key),
 * {@code type} ({@code int} or {@code uint}) and {@code source} (the source kind: {@code instance}, {@code shm},
 * {@code file} or {@code redis}). Each scrape reads the current value (an acquire load; a {@code GET} for a Redis
 * atomic). Bytes atomics have no meter.
 *
 * <p>Meters are doubles: values beyond 2^53 in magnitude (possible at widths 8 and 16) are rounded to the nearest
 * double (ties to even; a 16-byte value keeps its magnitude, up to 2^128 ≈ 3.4e38, and its 53 leading bits). Use
 * the {@code atomics} endpoint, which shows the exact decimal value, where that matters. Each scrape
 * reads through {@link AtomicsRegistry#read(String)}: an atomic whose shared memory another process shrank,
 * removed or replaced, whose view has been closed, or whose Redis server does not answer within the timeout,
 * reports {@code NaN} (and memory that is gone is not touched). A counter also reports {@code NaN} while its value is
 * negative: Prometheus refuses a negative counter, and would fail the whole scrape for it.
 */
public class AtomicsMetrics implements MeterBinder {

    /** The gauge name. */
    public static final String METER = "atomics.value";

    /** The counter name ({@code atomics_count_total} in Prometheus). */
    public static final String COUNTER = "atomics.count";

    private final AtomicsRegistry registry;
    private final Set<String> counters;

    /** Gauges for every integral atomic of {@code registry}. */
    public AtomicsMetrics(AtomicsRegistry registry) {
        this(registry, Set.of());
    }

    /**
     * Counters for the integral atomics named in {@code counters}, gauges for the others.
     *
     * @param counters names of atomics that only grow (names the registry lacks are ignored)
     */
    public AtomicsMetrics(AtomicsRegistry registry, Collection<String> counters) {
        this.registry = registry;
        this.counters = Set.copyOf(counters);
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        for (AtomicsEntry entry : registry.entries()) {
            if (!entry.integral()) {
                continue;
            }
            String name = entry.name();
            Tags tags = Tags.of(
                    "name",
                    name,
                    "type",
                    entry.type().name(),
                    "source",
                    entry.source().kind());
            if (counters.contains(name)) {
                // (a function counter holds the registry weakly: the application context holds it)
                FunctionCounter.builder(
                                COUNTER, registry, r -> count(r.read(name).number()))
                        .tags(tags)
                        .description("Count kept by a configured atomic (exact up to 2^53)")
                        .register(meterRegistry);
            } else {
                Gauge.builder(METER, registry, r -> r.read(name).number())
                        .tags(tags)
                        .description("Current value of a configured atomic (exact up to 2^53)")
                        .strongReference(true)
                        .register(meterRegistry);
            }
        }
    }

    /** A counter's value: NaN where Prometheus would refuse it (negative), as for an unavailable atomic. */
    private static double count(double value) {
        return value < 0 ? Double.NaN : value;
    }
}
