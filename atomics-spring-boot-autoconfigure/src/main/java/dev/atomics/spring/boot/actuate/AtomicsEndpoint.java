package dev.atomics.spring.boot.actuate;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicIntegral128;
import dev.atomics.AtomicView;
import dev.atomics.Atomics;
import dev.atomics.AtomicsException;
import dev.atomics.BytesCmpxchgResult;
import dev.atomics.CmpxchgResult;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.Int128CmpxchgResult;
import dev.atomics.NativeInfo;
import dev.atomics.OperandRangeException;
import dev.atomics.UnsupportedOpException;
import dev.atomics.spring.boot.AtomicReading;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code atomics} actuator endpoint: {@code GET /actuator/atomics} lists every configured atomic with its
 * current value, {@code GET /actuator/atomics/{name}} shows one (404 for an unknown name), and
 * {@code POST /actuator/atomics/{name}} performs {@code store}, {@code add}, {@code sub} or {@code cmpxchg}
 * on it.
 *
 * <p>Integral values are decimal strings (so 64- and 128-bit values stay exact in JSON), bytes values are hex. The
 * write operation is off by default ({@link Access#READ_ONLY}); enable it with
 * {@code management.endpoint.atomics.access=unrestricted}, and protect it like any state-changing endpoint.
 * It never creates an atomic, refuses readonly views, and answers 400 with a message for bad operands.
 */
@Endpoint(id = "atomics", defaultAccess = Access.READ_ONLY)
public class AtomicsEndpoint {

    private static final List<String> OPERATIONS = List.of("store", "add", "sub", "cmpxchg");
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

    /** The atomic named {@code name}, or {@code null} (404) if there is none. */
    @ReadOperation
    public @Nullable AtomicDescriptor atomic(@Selector String name) {
        return registry.find(name)
                .map(entry -> describe(entry, registry.read(name), this::nativeLibrary))
                .orElse(null);
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
     * @return the outcome, with the value before and after
     * @throws InvalidEndpointRequestException (400) for an unknown atomic or operation, a readonly atomic, a
     *                                         missing or malformed operand, or one that does not fit
     */
    @WriteOperation
    public OperationResult operate(@Selector String name, String operation, @Nullable String value,
                                   @Nullable String expected, @Nullable String desired) {
        // Name, operation and operands come from the request: messages quote only their start (AtomicValues.abbreviate).
        AtomicsEntry entry = registry.find(name).orElseThrow(() -> invalid("no atomic named '" + AtomicValues.abbreviate(name)
                + "' is configured (this endpoint never creates atomics; configure them under atomics.instances, atomics.shared or"
                + " atomics.cluster)"));
        String op = operation.trim().toLowerCase(Locale.ROOT);
        if (!OPERATIONS.contains(op)) {
            throw invalid("unknown operation '" + AtomicValues.abbreviate(operation) + "': use one of " + OPERATIONS);
        }
        AtomicReading reading = registry.read(name);
        if (!reading.available()) {
            // touching it could crash the JVM (a shrunk object) or split the counter (a replaced one)
            throw invalid("atomic '" + name + "' is unavailable: " + reading.problem());
        }
        Atomic atomic = entry.atomic();
        if (atomic.readonly()) {
            throw invalid("atomic '" + name + "' is readonly (" + entry.source().description() + "): it refuses " + op);
        }
        try {
            if (atomic instanceof AtomicIntegral128 integral) {
                return operateWide(name, op, integral, value, expected, desired);
            }
            if (atomic instanceof AtomicIntegral integral) {
                return operate(name, op, integral, value, expected, desired);
            }
            return operate(name, op, (AtomicBytes) atomic, value, expected, desired);
        } catch (IllegalArgumentException | OperandRangeException | UnsupportedOpException e) {
            throw invalid("cannot " + op + " on atomic '" + name + "': " + e.getMessage());
        }
    }

    private static OperationResult operate(String name, String op, AtomicIntegral a, @Nullable String value,
                                           @Nullable String expected, @Nullable String desired) {
        switch (op) {
            case "store": {
                a.store(integral(a, "value", value));
                return new OperationResult(name, op, true, null, current(a));
            }
            case "add": {
                long previous = a.fetchAdd(integral(a, "value", value));
                return new OperationResult(name, op, true, AtomicValues.formatIntegral(a, previous), current(a));
            }
            case "sub": {
                long previous = a.fetchSub(integral(a, "value", value));
                return new OperationResult(name, op, true, AtomicValues.formatIntegral(a, previous), current(a));
            }
            default: {
                long exp = integral(a, "expected", expected);
                long des = integral(a, "desired", desired);
                CmpxchgResult r = a.cmpxchgStrong(exp, des);
                return new OperationResult(name, op, r.success(), AtomicValues.formatIntegral(a, r.expected()), current(a));
            }
        }
    }

    /** Width 16: the values have 128 bits, so the operations are the {@code Int128} ones. */
    private static OperationResult operateWide(String name, String op, AtomicIntegral128 a, @Nullable String value,
                                               @Nullable String expected, @Nullable String desired) {
        switch (op) {
            case "store": {
                a.store(int128(a, "value", value));
                return new OperationResult(name, op, true, null, current(a));
            }
            case "add": {
                Int128 previous = a.fetchAdd(int128(a, "value", value));
                return new OperationResult(name, op, true, AtomicValues.formatInt128(a.signed(), previous), current(a));
            }
            case "sub": {
                Int128 previous = a.fetchSub(int128(a, "value", value));
                return new OperationResult(name, op, true, AtomicValues.formatInt128(a.signed(), previous), current(a));
            }
            default: {
                Int128 exp = int128(a, "expected", expected);
                Int128 des = int128(a, "desired", desired);
                Int128CmpxchgResult r = a.cmpxchgStrong(exp, des);
                return new OperationResult(name, op, r.success(), AtomicValues.formatInt128(a.signed(), r.expected()), current(a));
            }
        }
    }

    private static OperationResult operate(String name, String op, AtomicBytes a, @Nullable String value,
                                           @Nullable String expected, @Nullable String desired) {
        HexFormat hex = HexFormat.of();
        switch (op) {
            case "store": {
                a.store(bytes(a, "value", value));
                return new OperationResult(name, op, true, null, current(a));
            }
            case "cmpxchg": {
                byte[] exp = bytes(a, "expected", expected);
                byte[] des = bytes(a, "desired", desired);
                BytesCmpxchgResult r = a.cmpxchgStrong(exp, des);
                return new OperationResult(name, op, r.success(), hex.formatHex(r.expected()), current(a));
            }
            default:
                throw new IllegalArgumentException("bytes atomics have no arithmetic; use store or cmpxchg");
        }
    }

    private static long integral(AtomicIntegral a, String operand, @Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("operand '" + operand + "' is required");
        }
        try {
            return AtomicValues.parseIntegral(text, a.width(), a.signed());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operand '" + operand + "': " + e.getMessage());
        }
    }

    private static Int128 int128(AtomicIntegral128 a, String operand, @Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("operand '" + operand + "' is required");
        }
        try {
            return AtomicValues.parseInt128(text, a.width(), a.signed());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operand '" + operand + "': " + e.getMessage());
        }
    }

    private static byte[] bytes(AtomicBytes a, String operand, @Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("operand '" + operand + "' is required (hex bytes)");
        }
        try {
            return AtomicValues.parseBytes(text, a.width());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operand '" + operand + "': " + e.getMessage());
        }
    }

    private static String current(Atomic a) {
        return AtomicValues.format(a);
    }

    private static InvalidEndpointRequestException invalid(String message) {
        return new InvalidEndpointRequestException(message, message);
    }

    // ---------------------------------------------------------------------------------------------
    // Descriptors
    // ---------------------------------------------------------------------------------------------

    private AtomicDescriptor describe(AtomicsEntry entry, AtomicReading reading,
                                      Supplier<NativeLibraryDescriptor> nativeLibrary) {
        Atomic a = entry.atomic();
        if (registry.isClosed() && a instanceof AtomicView) {
            return new AtomicDescriptor(entry.name(), entry.type().name(), null, null, null, UNAVAILABLE,
                    reading.problem(), null, List.of(), source(entry.source()), null, null);
        }
        Boolean signed = a instanceof AtomicIntegral i ? i.signed() : null;
        List<String> ops = a.opsSupported().stream().map(op -> op.name().toLowerCase(Locale.ROOT)).toList();
        String served;
        if (a.engine() == Engine.JVM) {
            served = "none: the JVM engine (VarHandles)";
        } else if (a.engine() == Engine.REDIS) {
            served = "none: the Redis server performs the operations";
        } else {
            NativeLibraryDescriptor lib = nativeLibrary.get();
            served = lib.error() != null ? "unavailable: " + lib.error()
                    : "patomic " + lib.version() + " (" + (Boolean.TRUE.equals(lib.bundled()) ? "bundled" : "upstream") + ") "
                      + lib.path();
        }
        return new AtomicDescriptor(entry.name(), entry.type().name(), a.width(), signed, a.readonly(),
                reading.available() ? AVAILABLE : UNAVAILABLE, reading.problem(), reading.value(), ops,
                source(entry.source()), a.engine().name().toLowerCase(Locale.ROOT), served);
    }

    private static SourceDescriptor source(AtomicSource source) {
        return new SourceDescriptor(source.kind(), source.target(), source.targetOffset(), source.description());
    }

    private NativeLibraryDescriptor nativeLibrary() {
        // the engine the starter created its atomics with (atomics.engine, the Spring property, wins over the JVM's)
        String defaultEngine = registry.defaultEngine().name().toLowerCase(Locale.ROOT);
        try {
            NativeInfo info = Atomics.nativeInfo();
            if (!info.available()) {
                return new NativeLibraryDescriptor(null, null, null, null, null, defaultEngine, info.unavailableReason());
            }
            return new NativeLibraryDescriptor(String.valueOf(info.patomicLibrary()), info.bundled(), info.patomicVersion(),
                    String.valueOf(info.bridgeLibrary()), info.widths(), defaultEngine, null);
        } catch (AtomicsException | LinkageError e) {
            return new NativeLibraryDescriptor(null, null, null, null, null, defaultEngine, e.getMessage());
        }
    }

    /** The response of {@code GET /actuator/atomics}. */
    public record AtomicsDescriptor(Map<String, AtomicDescriptor> atomics, NativeLibraryDescriptor nativeLibrary) {
    }

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
    public record AtomicDescriptor(String name, String type, @Nullable Integer width, @Nullable Boolean signed,
                                   @Nullable Boolean readonly, String status, @Nullable String problem,
                                   @Nullable String value, List<String> opsSupported, SourceDescriptor source,
                                   @Nullable String engine, @Nullable String nativeLibrary) {
    }

    /**
     * Where an atomic lives.
     *
     * @param kind   {@code instance}, {@code shm}, {@code file} or {@code redis}
     * @param target the shared-memory name, file path or Redis key; {@code null} for an instance
     * @param offset the byte offset in it; {@code null} for an instance or a Redis key
     */
    public record SourceDescriptor(String kind, @Nullable String target, @Nullable Long offset, String description) {
    }

    /**
     * The patomic library of this JVM, or the error that keeps it from loading.
     *
     * @param defaultEngine the engine of the atomics configured without one ({@link AtomicsRegistry#defaultEngine()})
     */
    public record NativeLibraryDescriptor(@Nullable String path, @Nullable Boolean bundled, @Nullable String version,
                                          @Nullable String bridge, @Nullable List<Integer> widths,
                                          @Nullable String defaultEngine, @Nullable String error) {
    }

    /**
     * The outcome of a write operation.
     *
     * @param success  {@code false} only for a {@code cmpxchg} that found another value
     * @param previous the value before the operation ({@code add}, {@code sub}, {@code cmpxchg}); {@code null} for {@code store}
     * @param value    the value right after the operation (later changes by others may already show)
     */
    public record OperationResult(String name, String operation, boolean success, @Nullable String previous,
                                  String value) {
    }
}
