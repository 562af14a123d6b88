package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import dev.atomics.shm.MappingStatus;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Health of the configured atomics: {@code UP} with the native library in use and the mappings; {@code DOWN},
 * naming the atomics concerned and the reason, when a mapping became unusable (another process shrank its
 * object below an atomic, unlinked or deleted it, or put a different object or file under its name), when the
 * registry was closed, or when atomics served by patomic cannot reach the native library. Nothing that a check
 * finds unusable is read.
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
            Map<String, Object> lib = new LinkedHashMap<>();
            lib.put("path", String.valueOf(info.patomicLibrary()));
            lib.put("bundled", info.bundled());
            lib.put("version", info.patomicVersion());
            lib.put("defaultEngine", info.defaultEngine().name().toLowerCase(java.util.Locale.ROOT));
            builder.withDetail("nativeLibrary", lib);
        } catch (AtomicsException | LinkageError e) {
            boolean patomicInUse = registry.entries().stream().map(AtomicsEntry::atomic)
                    .anyMatch(a -> a.engine() == Engine.PATOMIC);
            builder.withDetail("nativeLibrary", "unavailable: " + e.getMessage());
            if (patomicInUse) {
                builder.down().withDetail("reason", "atomics served by patomic cannot reach the native library: " + e.getMessage());
            }
        }
        Map<String, AtomicReading> unavailable = new LinkedHashMap<>();
        for (AtomicReading reading : registry.readAll()) {
            if (!reading.available()) {
                unavailable.put(reading.name(), reading);
            }
        }
        Map<String, Object> mappings = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (AtomicsMapping mapping : registry.mappings()) {
            MappingStatus status = mapping.status();
            List<String> lost = mapping.atomics().stream().filter(unavailable::containsKey).toList();
            // a shrunk object whose atomics all still fit is harmless; anything else stops sharing or risks SIGBUS
            boolean down = !lost.isEmpty() || !(status.ok() || status.state() == MappingStatus.State.SHRUNK);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", mapping.kind());
            m.put("size", mapping.size());
            m.put("currentSize", status.size());
            m.put("atomics", mapping.atomics());
            m.put("status", down ? "DOWN" : "UP");
            m.put("state", status.state().name().toLowerCase(Locale.ROOT));
            if (!status.ok()) {
                m.put("problem", status.problem());
            }
            if (!lost.isEmpty()) {
                m.put("unavailable", lost);
            }
            if (down) {
                reasons.add((lost.isEmpty() ? "" : "atomics " + lost + " unavailable: ") + status.problem());
            }
            mappings.put(mapping.kind() + ":" + mapping.target() + (mapping.readonly() ? " (readonly)" : ""), m);
        }
        if (!mappings.isEmpty()) {
            builder.withDetail("mappings", mappings);
        }
        for (AtomicReading reading : unavailable.values()) {
            if (registry.mappings().stream().noneMatch(m -> m.atomics().contains(reading.name()))) {
                reasons.add("atomic '" + reading.name() + "' unavailable: " + reading.problem());
            }
        }
        if (!reasons.isEmpty()) {
            builder.down().withDetail("reason", String.join("; ", reasons));
        }
    }
}
