package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A cluster entry's {@code on-missing}: what a missing key or znode means. Parsed once here for every kind; each
 * kind refuses the policies it cannot honour.
 */
enum OnMissing {
    /** The first contact creates an absent key or znode with the entry's initial value (the default). */
    CREATE_AT_STARTUP,
    /** Never created by the application. */
    FAIL,
    /** A missing key reads as zero and the next write creates it (Redis only). */
    RECREATE;

    /** The policy {@code value} names (case-insensitive, {@code _} or {@code -}); blank or absent: the default. */
    static OnMissing of(ResolvedAtomic b, @Nullable String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (v) {
            case "", "create-at-startup" -> CREATE_AT_STARTUP;
            case "fail" -> FAIL;
            case "recreate" -> RECREATE;
            default ->
                throw new AtomicsConfigurationException(
                        b.prefix() + ".on-missing",
                        value,
                        "unknown policy for a missing key or znode",
                        "Use create-at-startup (default), fail or, on redis only, recreate.");
        };
    }
}
