package dev.atomics.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The backend of atomics whose memory this process owns (and of entries whose views the caller manages): nothing
 * else can take the memory away, so they are read directly, with an acquire load. It has no health of its own and
 * nothing to close: the atomics free their memory when they are unreachable.
 */
public final class OwnedAtomics implements AtomicsBackend {

    private final List<String> atomics;

    /** The backend of the atomics named {@code atomics}. */
    public OwnedAtomics(List<String> atomics) {
        this.atomics = List.copyOf(atomics);
    }

    @Override
    public String kind() {
        return "instance";
    }

    @Override
    public String target() {
        return "this process";
    }

    @Override
    public List<String> atomics() {
        return atomics;
    }

    @Override
    public List<AtomicReading> read(List<AtomicsEntry> entries) {
        List<AtomicReading> readings = new ArrayList<>(entries.size());
        for (AtomicsEntry entry : entries) {
            readings.add(read(entry));
        }
        return readings;
    }

    /** One acquire load of {@code entry}'s atomic, formatted; unavailable if it throws (a view that died). */
    public static AtomicReading read(AtomicsEntry entry) {
        return AtomicValues.read(entry.name(), entry.atomic());
    }

    @Override
    public @Nullable BackendHealth health(List<AtomicReading> readings) {
        return null;
    }

    @Override
    public void close() {
        // owned memory is freed by the garbage collector
    }

    @Override
    public String toString() {
        return "OwnedAtomics" + atomics;
    }
}
