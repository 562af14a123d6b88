package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import dev.atomics.NativeLibraryException;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.BackendHealth;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Health of the configured atomics: {@code UP} with the native library in use and what each backend reports (the
 * mappings of shared-memory objects and files, the Redis server); {@code DOWN}, naming the atomics concerned and the
 * reason, when a backend became unusable (another process shrank a mapped object below an atomic, unlinked or
 * deleted it, or put a different object or file under its name; the Redis server does not answer), when the
 * registry was closed, or when atomics served by patomic cannot reach the native library. Nothing that a check
 * finds unusable is read. The indicator knows no source kind: every backend reads its own atomics and judges.
 */
public class AtomicsHealthIndicator extends AbstractHealthIndicator {

    private final AtomicsRegistry registry;

    public AtomicsHealthIndicator(AtomicsRegistry registry) {
        super("Atomics health check failed");
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        builder.withDetail("atomics", registry.names().size());
        if (registry.isClosed()) {
            builder.down().withDetail("reason", "the atomics registry is closed: its views are released");
            return;
        }
        try {
            NativeInfo info = Atomics.nativeInfo();
            if (!info.available()) {
                // the JVM engine needs no native library; only patomic-engine atomics (none can exist) would
                throw new NativeLibraryException(info.unavailableReason());
            }
            Map<String, Object> lib = new LinkedHashMap<>();
            lib.put("path", String.valueOf(info.patomicLibrary()));
            lib.put("bundled", info.bundled());
            lib.put("version", info.patomicVersion());
            // the engine the starter created its atomics with: atomics.engine (Spring) wins over the JVM's default
            lib.put("defaultEngine", registry.defaultEngine().name().toLowerCase(java.util.Locale.ROOT));
            builder.withDetail("nativeLibrary", lib);
        } catch (AtomicsException | LinkageError e) {
            boolean patomicInUse = registry.entries().stream().map(AtomicsEntry::atomic)
                    .anyMatch(a -> a.engine() == Engine.PATOMIC);
            builder.withDetail("nativeLibrary", "unavailable: " + e.getMessage());
            if (patomicInUse) {
                builder.down().withDetail("reason", "atomics served by patomic cannot reach the native library: " + e.getMessage());
            }
        }
        // every backend reads its own atomics once, then says what that means for its health
        Map<String, AtomicReading> readings = new LinkedHashMap<>();
        for (AtomicReading reading : registry.readAll()) {
            readings.put(reading.name(), reading);
        }
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (AtomicsBackend backend : registry.backends()) {
            BackendHealth health = backend.health(backend.atomics().stream().map(readings::get).toList());
            if (health == null) {
                continue;
            }
            groups.computeIfAbsent(health.group(), g -> new LinkedHashMap<>()).put(health.name(), health.details());
            if (!health.up()) {
                reasons.add(health.reason());
                explained.addAll(health.unavailable());
            }
        }
        groups.forEach(builder::withDetail);
        for (AtomicReading reading : readings.values()) {
            if (!reading.available() && !explained.contains(reading.name())) {
                reasons.add("atomic '" + reading.name() + "' unavailable: " + reading.problem());
            }
        }
        if (!reasons.isEmpty()) {
            builder.down().withDetail("reason", String.join("; ", reasons));
        }
    }
}
