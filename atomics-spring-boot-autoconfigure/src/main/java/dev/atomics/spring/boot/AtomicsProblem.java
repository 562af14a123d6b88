package dev.atomics.spring.boot;

import dev.atomics.AlignmentException;
import dev.atomics.MemoryOrderException;
import dev.atomics.OperandRangeException;
import dev.atomics.UnsupportedOpException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.redis.RedisAtomicsException;
import dev.atomics.redis.RedisForeignKeyException;
import dev.atomics.redis.RedisMissingKeyException;
import dev.atomics.redis.RedisNotReplicatedException;
import dev.atomics.redis.RedisValueException;
import dev.atomics.shm.MappedFileRefusedException;
import dev.atomics.shm.SharedMemoryBoundsException;
import dev.atomics.shm.SharedMemoryBusyException;
import dev.atomics.shm.SharedMemoryExistsException;
import dev.atomics.shm.SharedMemoryNameException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The HTTP answer to a failure of an atomic: one table from the library's exceptions to a status and an RFC 9457
 * problem, used by the {@code atomics} endpoint and, through {@code AtomicsProblemDetails}, by applications'
 * controllers. No exception maps to 500.
 * <table>
 *   <caption>Status by exception</caption>
 *   <tr><th>Status</th><th>Meaning</th><th>Exceptions</th></tr>
 *   <tr><td>400</td><td>an operand or operation the atomic cannot take</td><td>{@link InvalidOperandException},
 *       {@link OperandRangeException}, {@link UnsupportedOpException},
 *       {@link UnsupportedWidthException}, {@link AlignmentException}, {@link MemoryOrderException},
 *       {@link SharedMemoryNameException}, {@link SharedMemoryBoundsException}</td></tr>
 *   <tr><td>404</td><td>no such atomic</td><td>{@link UnknownAtomicException}</td></tr>
 *   <tr><td>409</td><td>the backend holds something the library refuses to read or overwrite: an operator must look
 *       (retrying will not help)</td><td>{@code RedisValueException}, {@code RedisForeignKeyException} (a key of
 *       another type or form), {@code RedisMissingKeyException} (a vanished key), {@code ZookeeperValueException} (a
 *       missing znode or one of another length), {@link SharedMemoryExistsException},
 *       {@link MappedFileRefusedException}</td></tr>
 *   <tr><td>503</td><td>the backend cannot answer; {@code "retryable"} says whether a retry may succeed</td>
 *       <td>{@code RedisUnavailableException} and any {@code RedisAtomicsException} whose outcome is known
 *       (retryable), any {@code ZookeeperAtomicsException} whose outcome is known (no quorum, lost session,
 *       contention: retryable), {@link SharedMemoryBusyException} (retryable); every other
 *       {@code SharedMemoryException},
 *       {@code MemoryFaultException}, {@code ViewContextException}, {@code NativeLibraryException},
 *       {@link AtomicsConfigurationException}, any other {@code AtomicsException} and any other failure (not
 *       retryable)</td></tr>
 *   <tr><td>504</td><td>a write was sent and its outcome is unknown: {@code "outcome": "unknown"}, never retry
 *       blindly</td><td>{@code RedisTimeoutException}, and any {@code RedisAtomicsException} or
 *       {@code ZookeeperAtomicsException} whose {@code outcomeUnknown()} is true; {@code RedisNotReplicatedException}
 *       with {@code "outcome": "applied-not-replicated"} (applied by the primary, acknowledged by too few
 *       replicas)</td></tr>
 * </table>
 *
 * @param status    the HTTP status
 * @param title     a short summary of the status's meaning
 * @param detail    what happened: the exception's message
 * @param exception the simple name of the exception's class
 * @param retryable for 503: whether retrying may succeed; {@code null} otherwise
 * @param outcome   for 504: {@code "unknown"} or {@code "applied-not-replicated"}; {@code null} otherwise
 */
public record AtomicsProblem(
        int status,
        String title,
        String detail,
        String exception,
        @Nullable Boolean retryable,
        @Nullable String outcome) {

    private static final boolean REDIS =
            ClassUtils.isPresent("dev.atomics.redis.RedisAtomicsException", AtomicsProblem.class.getClassLoader());
    private static final boolean ZOOKEEPER = ClassUtils.isPresent(
            "dev.atomics.zookeeper.ZookeeperAtomicsException", AtomicsProblem.class.getClassLoader());

    /** The problem {@code failure} is, by the table above. */
    public static AtomicsProblem of(Throwable failure) {
        if (REDIS) {
            AtomicsProblem redis = Redis.of(failure);
            if (redis != null) {
                return redis;
            }
        }
        if (ZOOKEEPER) {
            AtomicsProblem zookeeper = Zookeeper.of(failure);
            if (zookeeper != null) {
                return zookeeper;
            }
        }
        if (failure instanceof UnknownAtomicException) {
            return new AtomicsProblem(404, "Unknown atomic", detail(failure), name(failure), null, null);
        }
        if (failure instanceof InvalidOperandException
                || failure instanceof OperandRangeException
                || failure instanceof UnsupportedOpException
                || failure instanceof UnsupportedWidthException
                || failure instanceof AlignmentException
                || failure instanceof MemoryOrderException
                || failure instanceof SharedMemoryNameException
                || failure instanceof SharedMemoryBoundsException) {
            return new AtomicsProblem(400, "Invalid operation", detail(failure), name(failure), null, null);
        }
        if (failure instanceof SharedMemoryExistsException || failure instanceof MappedFileRefusedException) {
            return conflict(failure);
        }
        return unavailable(failure, failure instanceof SharedMemoryBusyException);
    }

    /** The problem of an atomic that the starter's own check found unusable, without touching it. */
    public static AtomicsProblem unavailable(String detail, boolean retryable) {
        return new AtomicsProblem(503, "Atomic unavailable", detail, "AtomicUnavailable", retryable, null);
    }

    private static AtomicsProblem unavailable(Throwable failure, boolean retryable) {
        return new AtomicsProblem(503, "Atomic unavailable", detail(failure), name(failure), retryable, null);
    }

    private static AtomicsProblem conflict(Throwable failure) {
        return new AtomicsProblem(409, "Backend holds an unusable value", detail(failure), name(failure), null, null);
    }

    private static String detail(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static String name(Throwable failure) {
        return failure.getClass().getSimpleName();
    }

    /**
     * The RFC 9457 members, for JSON: {@code type} ({@code about:blank}), {@code title}, {@code status},
     * {@code detail}, then the extensions {@code exception}, {@code retryable} and {@code outcome} where they apply.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "about:blank");
        map.put("title", title);
        map.put("status", status);
        map.put("detail", detail);
        map.putAll(extensions());
        return map;
    }

    /** The extension members: {@code exception}, and {@code retryable} or {@code outcome} where they apply. */
    public Map<String, Object> extensions() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("exception", exception);
        if (retryable != null) {
            map.put("retryable", retryable);
        }
        if (outcome != null) {
            map.put("outcome", outcome);
        }
        return map;
    }

    /**
     * Kept apart so that atomics-zookeeper, an optional dependency, is loaded only when present: 409 for a missing
     * znode or one of foreign content, 504 for a write whose outcome is unknown, 503 (retryable) otherwise (no
     * quorum, a lost session, contention).
     */
    private static final class Zookeeper {

        static @Nullable AtomicsProblem of(Throwable failure) {
            if (!(failure instanceof dev.atomics.zookeeper.ZookeeperAtomicsException e)) {
                return null;
            }
            if (e.outcomeUnknown()) {
                return new AtomicsProblem(504, "Outcome unknown", detail(e), name(e), null, "unknown");
            }
            if (e instanceof dev.atomics.zookeeper.ZookeeperValueException) {
                return conflict(e);
            }
            return unavailable(e, true);
        }
    }

    /** Kept apart so that atomics-redis, an optional dependency, is loaded only when present. */
    private static final class Redis {

        static @Nullable AtomicsProblem of(Throwable failure) {
            if (!(failure instanceof RedisAtomicsException e)) {
                return null;
            }
            if (e instanceof RedisNotReplicatedException) {
                return new AtomicsProblem(
                        504, "Applied, not replicated", detail(e), name(e), null, "applied-not-replicated");
            }
            if (e.outcomeUnknown()) {
                return new AtomicsProblem(504, "Outcome unknown", detail(e), name(e), null, "unknown");
            }
            if (e instanceof RedisForeignKeyException
                    || e instanceof RedisMissingKeyException
                    || e instanceof RedisValueException) {
                return conflict(e);
            }
            return unavailable(e, true);
        }
    }
}
