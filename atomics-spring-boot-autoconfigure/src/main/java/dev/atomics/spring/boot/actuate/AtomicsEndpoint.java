package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomic;
import dev.atomics.AtomicView;
import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;
import dev.atomics.UnsupportedOpException;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.AtomicsProblem;
import dev.atomics.spring.boot.AtomicsRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code atomics} actuator endpoint: {@code GET /actuator/atomics} lists every configured atomic with its
 * current value, {@code GET /actuator/atomics/{name}} shows one, and {@code POST /actuator/atomics/{name}} performs
 * {@code store}, {@code add}, {@code sub} or {@code cmpxchg} on it.
 *
 * <p>Integral values are decimal strings (so 64- and 128-bit values stay exact in JSON), bytes values are hex. The
 * write operation is off by default ({@link Access#READ_ONLY}); enable it with
 * {@code management.endpoint.atomics.access=unrestricted}, and protect it like any state-changing endpoint.
 * It never creates an atomic. Failures are answered by {@link AtomicsProblem}'s table as RFC 9457 problem bodies:
 * 400 for an operand or operation the atomic cannot take, 404 for an unknown atomic, 409 for a backend value an
 * operator must look at, 503 (with {@code retryable}) when the backend cannot answer, 504 (with
 * {@code "outcome": "unknown"}) when a write was sent and its outcome is unknown; never 500.
 */
@Endpoint(id = "atomics", defaultAccess = Access.READ_ONLY)
public class AtomicsEndpoint {

    private static final Log logger = LogFactory.getLog(AtomicsEndpoint.class);
    private static final String AVAILABLE = "available";
    private static final String UNAVAILABLE = "unavailable";

    private final AtomicsRegistry registry;

    public AtomicsEndpoint(AtomicsRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every configured atomic, by name, and the native library of this JVM. Each mapping is checked once; an
     * atomic whose memory a peer took away (shrank, removed, replaced) is listed as unavailable, not read.
     */
    @ReadOperation
    public AtomicsDescriptor atomics() {
        NativeLibraryDescriptor nativeLibrary = nativeLibrary();
        Map<String, AtomicDescriptor> atomics = new LinkedHashMap<>();
        for (AtomicReading reading : registry.readAll()) {
            atomics.put(reading.name(), describe(registry.get(reading.name()), reading, () -> nativeLibrary));
        }
        return new AtomicsDescriptor(atomics, nativeLibrary);
    }

    /** The atomic named {@code name} (an {@link AtomicDescriptor}), or a 404 problem if there is none. */
    @ReadOperation
    public WebEndpointResponse<Object> atomic(@Selector String name) {
        try {
            return new WebEndpointResponse<>(describe(registry.get(name), registry.read(name), this::nativeLibrary));
        } catch (RuntimeException e) {
            return problem(AtomicsProblem.of(e), e);
        }
    }

    /**
     * Performs one operation on an existing atomic.
     *
     * @param name      the atomic
     * @param operation {@code store} (operand {@code value}), {@code add} or {@code sub} (operand {@code value};
     *                  int and uint only) or {@code cmpxchg} (operands {@code expected} and {@code desired}; a
     *                  strong compare-and-exchange)
     * @param value     decimal (or 0x hex) integer of at most {@value AtomicValues#MAX_INTEGER_CHARS} characters, or
     *                  hex bytes for a bytes atomic (at most {@link AtomicValues#maxBytesChars(int)} characters);
     *                  longer operands are refused before they are parsed
     * @param expected  like {@code value}
     * @param desired   like {@code value}
     * @return the {@link OperationResult}, with the value before and after; or a problem (see the class comment)
     */
    @WriteOperation
    public WebEndpointResponse<Object> operate(
            @Selector String name,
            String operation,
            @Nullable String value,
            @Nullable String expected,
            @Nullable String desired) {
        try {
            AtomicsEntry entry = registry.get(name);
            if (registry.backendOf(name) instanceof AtomicsMapping) {
                AtomicReading reading = registry.read(name);
                if (!reading.available()) {
                    // touching it could crash the JVM (a shrunk object) or split the counter (a replaced one)
                    return problem(
                            AtomicsProblem.unavailable(
                                    "atomic '" + name + "' is unavailable: " + reading.problem(), false),
                            null);
                }
            }
            if (entry.atomic().readonly()) {
                throw new UnsupportedOpException("atomic '" + name + "' is readonly ("
                        + entry.source().description() + "): it refuses " + AtomicValues.abbreviate(operation));
            }
            AtomicValues.Outcome outcome = AtomicValues.operate(entry.atomic(), operation, value, expected, desired);
            return new WebEndpointResponse<>(new OperationResult(
                    name,
                    operation.trim().toLowerCase(Locale.ROOT),
                    outcome.success(),
                    outcome.previous(),
                    outcome.value()));
        } catch (RuntimeException | InternalError e) {
            return problem(AtomicsProblem.of(e), e);
        }
    }

    private static WebEndpointResponse<Object> problem(AtomicsProblem problem, @Nullable Throwable failure) {
        if (problem.status() >= 500 && failure != null) {
            logger.warn("atomics endpoint: " + problem.status() + " " + problem.detail(), failure);
        }
        return new WebEndpointResponse<>(problem.toMap(), problem.status());
    }

    // ---------------------------------------------------------------------------------------------
    // Descriptors
    // ---------------------------------------------------------------------------------------------

    private AtomicDescriptor describe(
            AtomicsEntry entry, AtomicReading reading, Supplier<NativeLibraryDescriptor> nativeLibrary) {
        Atomic a = entry.atomic();
        if (registry.isClosed() && a instanceof AtomicView) {
            return new AtomicDescriptor(
                    entry.name(),
                    entry.type().name(),
                    null,
                    null,
                    null,
                    UNAVAILABLE,
                    reading.problem(),
                    null,
                    List.of(),
                    source(entry.source()),
                    null,
                    null);
        }
        Boolean signed = AtomicValues.signed(a);
        List<String> ops = AtomicValues.opNames(a);
        String served;
        if (a.engine() == Engine.JVM) {
            served = "none: the JVM engine (VarHandles)";
        } else if (a.engine() == Engine.REDIS) {
            served = "none: the Redis server performs the operations";
        } else if (a.engine() == Engine.ZOOKEEPER) {
            served = "none: the ZooKeeper ensemble performs the operations";
        } else {
            NativeLibraryDescriptor lib = nativeLibrary.get();
            served = lib.error() != null
                    ? "unavailable: " + lib.error()
                    : "patomic " + lib.version() + " (" + (Boolean.TRUE.equals(lib.bundled()) ? "bundled" : "upstream")
                            + ") " + lib.path();
        }
        return new AtomicDescriptor(
                entry.name(),
                entry.type().name(),
                a.width(),
                signed,
                a.readonly(),
                reading.available() ? AVAILABLE : UNAVAILABLE,
                reading.problem(),
                reading.value(),
                ops,
                source(entry.source()),
                a.engine().name().toLowerCase(Locale.ROOT),
                served);
    }

    private static SourceDescriptor source(AtomicSource source) {
        return new SourceDescriptor(source.kind(), source.target(), source.targetOffset(), source.description());
    }

    private NativeLibraryDescriptor nativeLibrary() {
        // the engine the starter created its atomics with (atomics.engine, the Spring property, wins over the JVM's)
        String defaultEngine = registry.defaultEngine().name().toLowerCase(Locale.ROOT);
        if (registry.entries().stream().noneMatch(e -> e.atomic().engine() == Engine.PATOMIC)) {
            // the JVM engine never loads (nor extracts) the library: neither does a look at it
            return new NativeLibraryDescriptor(false, null, null, null, null, null, defaultEngine, null);
        }
        try {
            NativeInfo info = Atomics.nativeInfo();
            if (!info.available()) {
                return new NativeLibraryDescriptor(
                        false, null, null, null, null, null, defaultEngine, info.unavailableReason());
            }
            return new NativeLibraryDescriptor(
                    true,
                    String.valueOf(info.patomicLibrary()),
                    info.bundled(),
                    info.patomicVersion(),
                    String.valueOf(info.bridgeLibrary()),
                    info.widths(),
                    defaultEngine,
                    null);
        } catch (AtomicsException | LinkageError e) {
            return new NativeLibraryDescriptor(false, null, null, null, null, null, defaultEngine, e.getMessage());
        }
    }

    /** The response of {@code GET /actuator/atomics}. */
    public record AtomicsDescriptor(Map<String, AtomicDescriptor> atomics, NativeLibraryDescriptor nativeLibrary) {}

    /**
     * One atomic.
     *
     * @param type          {@code int}, {@code uint} or {@code bytes}
     * @param signed        whether integral values are signed; {@code null} for bytes
     * @param status        {@code available}, or {@code unavailable} when it was not read because a peer shrank,
     *                      removed or replaced the shared object, the Redis server did not answer, or the registry
     *                      is closed
     * @param problem       why it is unavailable; {@code null} when available
     * @param value         decimal for int and uint, hex (memory order) for bytes; {@code null} when unavailable
     * @param opsSupported  the operations it supports, lower case ({@code load}, {@code fetch_add}, ...)
     * @param engine        {@code jvm}, {@code patomic} or {@code redis}
     * @param nativeLibrary the native library performing its operations, or why there is none
     */
    public record AtomicDescriptor(
            String name,
            String type,
            @Nullable Integer width,
            @Nullable Boolean signed,
            @Nullable Boolean readonly,
            String status,
            @Nullable String problem,
            @Nullable String value,
            List<String> opsSupported,
            SourceDescriptor source,
            @Nullable String engine,
            @Nullable String nativeLibrary) {}

    /**
     * Where an atomic lives.
     *
     * @param kind   {@code instance}, {@code shm}, {@code file} or {@code redis}
     * @param target the shared-memory name, file path or Redis key; {@code null} for an instance
     * @param offset the byte offset in it; {@code null} for an instance or a Redis key
     */
    public record SourceDescriptor(
            String kind, @Nullable String target, @Nullable Long offset, String description) {}

    /**
     * The patomic library of this JVM, or the error that keeps it from loading.
     *
     * @param loaded        whether it is loaded: only when an atomic uses the patomic engine, which is never loaded
     *                      (nor extracted) otherwise
     * @param defaultEngine the engine of the atomics configured without one ({@link AtomicsRegistry#defaultEngine()})
     */
    public record NativeLibraryDescriptor(
            boolean loaded,
            @Nullable String path,
            @Nullable Boolean bundled,
            @Nullable String version,
            @Nullable String bridge,
            @Nullable List<Integer> widths,
            @Nullable String defaultEngine,
            @Nullable String error) {}

    /**
     * The outcome of a write operation.
     *
     * @param success  {@code false} only for a {@code cmpxchg} that found another value
     * @param previous the value before the operation ({@code add}, {@code sub}, {@code cmpxchg}); {@code null} for
     * {@code store}
     * @param value    the value right after the operation (later changes by others may already show)
     */
    public record OperationResult(
            String name,
            String operation,
            boolean success,
            @Nullable String previous,
            String value) {}
}
