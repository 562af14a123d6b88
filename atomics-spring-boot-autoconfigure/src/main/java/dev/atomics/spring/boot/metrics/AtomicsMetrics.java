package dev.atomics.spring.boot.metrics;

import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registers a gauge {@value #METER} per integral atomic of the {@link AtomicsRegistry}, tagged {@code name}
 * (the configuration key), {@code type} ({@code int} or {@code uint}) and {@code source} (the source kind:
 * {@code instance}, {@code shm}, {@code file} or {@code redis}). Each scrape reads the current value (an acquire
 * load; a {@code GET} for a Redis atomic). Bytes atomics have no gauge.
 *
 * <p>Gauges are doubles: values beyond 2^53 in magnitude (possible at widths 8 and 16) are rounded to the nearest
 * double (ties to even; a 16-byte value keeps its magnitude, up to 2^128 ≈ 3.4e38, and its 53 leading bits). Use
 * the {@code atomics} endpoint, which shows the exact decimal value, where that matters. Each scrape
 * reads through {@link AtomicsRegistry#read(String)}: an atomic whose shared memory another process shrank,
 * removed or replaced, whose view has been closed, or whose Redis server does not answer within the timeout,
 * reports {@code NaN} (and memory that is gone is not touched).
 */
public class AtomicsMetrics implements MeterBinder {

    /** The gauge name. */
    public static final String METER = "atomics.value";

    private final AtomicsRegistry registry;

    public AtomicsMetrics(AtomicsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        for (AtomicsEntry entry : registry.entries()) {
            if (entry.integral()) {
                String name = entry.name();
                Gauge.builder(METER, registry, r -> r.read(name).number())
                        .tags(Tags.of("name", entry.name(), "type", entry.type().name(), "source", entry.source().kind()))
                        .description("Current value of a configured atomic (exact up to 2^53)")
                        .strongReference(true)
                        .register(meterRegistry);
            }
        }
    }
}
