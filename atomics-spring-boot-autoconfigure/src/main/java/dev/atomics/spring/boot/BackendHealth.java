package dev.atomics.spring.boot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link AtomicsBackend} contributes to the {@code atomics} health component.
 *
 * @param group       the detail it is listed under, e.g. {@code mappings} (shared-memory objects and files) or
 *                    {@code redis}
 * @param name        its key in that group, e.g. {@code shm:myapp-counters} or {@code localhost:6379}
 * @param up          whether it is healthy; one that is not turns the component {@code DOWN}
 * @param details     what the health endpoint shows about it
 * @param unavailable the atomics it could not read, which {@link #reason()} names
 * @param reason      why it is not healthy, for the component's {@code reason}; {@code null} when up
 */
public record BackendHealth(
        String group,
        String name,
        boolean up,
        Map<String, Object> details,
        List<String> unavailable,
        @Nullable String reason) {}
