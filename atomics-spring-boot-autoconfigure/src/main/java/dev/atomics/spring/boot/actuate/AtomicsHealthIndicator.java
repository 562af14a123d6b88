package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.NativeInfo;
import dev.atomics.NativeLibraryException;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.BackendHealth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the configured atomics: {@code UP} with the engine each atomic was resolved to ({@code engines}: jvm,
 * patomic, redis, each with its atomics), the native library where an atomic uses patomic (it is otherwise never
 * loaded), and what each backend reports (the
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
        // what each atomic was resolved to (auto is jvm at widths 1 to 8): only patomic atomics need the library,
        // which is otherwise never loaded, nor extracted
        Map<String, List<String>> engines = new TreeMap<>();
        for (AtomicsEntry entry : registry.entries()) {
            engines.computeIfAbsent(entry.atomic().engine().name().toLowerCase(Locale.ROOT), e -> new ArrayList<>())
                    .add(entry.name());
        }
        builder.withDetail("engines", engines);
        if (!engines.containsKey("patomic")) {
            builder.withDetail("nativeLibrary", "not loaded: no atomic uses the patomic engine");
        } else {
            try {
                NativeInfo info = Atomics.nativeInfo();
                if (!info.available()) {
                    throw new NativeLibraryException(info.unavailableReason());
                }
                Map<String, Object> lib = new LinkedHashMap<>();
                lib.put("path", String.valueOf(info.patomicLibrary()));
                lib.put("bundled", info.bundled());
                lib.put("version", info.patomicVersion());
                builder.withDetail("nativeLibrary", lib);
            } catch (AtomicsException | LinkageError e) {
                builder.withDetail("nativeLibrary", "unavailable: " + e.getMessage());
                builder.down()
                        .withDetail(
                                "reason",
                                "atomics served by patomic cannot reach the native library: " + e.getMessage());
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
            BackendHealth health =
                    backend.health(backend.atomics().stream().map(readings::get).toList());
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
