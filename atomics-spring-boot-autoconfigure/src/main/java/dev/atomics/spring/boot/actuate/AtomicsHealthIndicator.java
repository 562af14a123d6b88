package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import dev.atomics.NativeLibraryException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Health of the configured atomics: {@code UP} with the native library in use and the mappings; {@code DOWN}
 * with the reason when a mapping became unusable (its shared-memory object was unlinked or shrunk, its file
 * deleted, replaced or truncated), when the registry was closed, or when atomics served by patomic cannot
 * reach the native library.
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
        Map<String, Object> mappings = new LinkedHashMap<>();
        StringBuilder reasons = new StringBuilder();
        for (AtomicsMapping mapping : registry.mappings()) {
            Optional<String> problem = mapping.problem();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", mapping.kind());
            m.put("size", mapping.size());
            m.put("atomics", mapping.atomics());
            m.put("status", problem.isPresent() ? "DOWN" : "UP");
            problem.ifPresent(p -> {
                m.put("problem", p);
                reasons.append(reasons.length() == 0 ? "" : "; ").append(p);
            });
            mappings.put(mapping.kind() + ":" + mapping.target() + (mapping.readonly() ? " (readonly)" : ""), m);
        }
        if (!mappings.isEmpty()) {
            builder.withDetail("mappings", mappings);
        }
        if (reasons.length() > 0) {
            builder.down().withDetail("reason", reasons.toString());
        }
    }
}
