package dev.atomics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AlignmentException;
import dev.atomics.AtomicsException;
import dev.atomics.MemoryFaultException;
import dev.atomics.MemoryOrderException;
import dev.atomics.NativeLibraryException;
import dev.atomics.OperandRangeException;
import dev.atomics.UnsupportedOpException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.ViewContextException;
import dev.atomics.redis.RedisAtomicsException;
import dev.atomics.redis.RedisForeignKeyException;
import dev.atomics.redis.RedisMissingKeyException;
import dev.atomics.redis.RedisNotReplicatedException;
import dev.atomics.redis.RedisTimeoutException;
import dev.atomics.redis.RedisUnavailableException;
import dev.atomics.redis.RedisValueException;
import dev.atomics.shm.MappedFileRefusedException;
import dev.atomics.shm.SharedMemoryAccessException;
import dev.atomics.shm.SharedMemoryBoundsException;
import dev.atomics.shm.SharedMemoryBusyException;
import dev.atomics.shm.SharedMemoryClosedException;
import dev.atomics.shm.SharedMemoryException;
import dev.atomics.shm.SharedMemoryExistsException;
import dev.atomics.shm.SharedMemoryNameException;
import dev.atomics.shm.SharedMemoryNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per exception type the library throws: its status, and {@code retryable} or {@code outcome}. */
class AtomicsProblemTest {

    private static final String M = "what happened";

    /** (exception, status, retryable, outcome). */
    static Stream<Arguments> table() {
        return Stream.of(
                row(new InvalidOperandException(M), 400, null, null),
                row(new OperandRangeException(M), 400, null, null),
                row(new UnsupportedOpException(M), 400, null, null),
                row(new UnsupportedWidthException(M), 400, null, null),
                row(new AlignmentException(M), 400, null, null),
                row(new MemoryOrderException(M), 400, null, null),
                row(new SharedMemoryNameException("x", M), 400, null, null),
                row(new SharedMemoryBoundsException("x", M), 400, null, null),
                row(new UnknownAtomicException("x", M), 404, null, null),
                row(new RedisValueException(M, "k", null), 409, null, null),
                row(new RedisForeignKeyException(M, "k", "a hash", null), 409, null, null),
                row(new RedisMissingKeyException(M, "k", null), 409, null, null),
                row(new SharedMemoryExistsException("x", M), 409, null, null),
                row(new MappedFileRefusedException("x", MappedFileRefusedException.Reason.SYMLINK, M), 409, null, null),
                row(new RedisUnavailableException(M, "k", false, null), 503, true, null),
                row(new RedisAtomicsException(M, "k", false, null), 503, true, null),
                row(new SharedMemoryBusyException("x", List.of("a view"), M), 503, true, null),
                row(new SharedMemoryException("x", M), 503, false, null),
                row(new SharedMemoryNotFoundException("x", M), 503, false, null),
                row(new SharedMemoryClosedException("x", M), 503, false, null),
                row(new SharedMemoryAccessException("x", M), 503, false, null),
                row(new MemoryFaultException(M, new InternalError()), 503, false, null),
                row(new ViewContextException(M), 503, false, null),
                row(new NativeLibraryException(M), 503, false, null),
                row(new AtomicsConfigurationException("atomics.x", "1", M, "fix it"), 503, false, null),
                row(new AtomicsException(M), 503, false, null),
                row(new IllegalStateException(M), 503, false, null),
                row(new InternalError(M), 503, false, null),
                row(new RedisTimeoutException(M, "k", null), 504, null, "unknown"),
                row(new RedisUnavailableException(M, "k", true, null), 504, null, "unknown"),
                row(new RedisAtomicsException(M, "k", true, null), 504, null, "unknown"),
                row(new RedisNotReplicatedException(M, "k", 1, 0), 504, null, "applied-not-replicated"));
    }

    private static Arguments row(Throwable e, int status, Boolean retryable, String outcome) {
        return Arguments.of(e, status, retryable, outcome);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void eachExceptionHasItsStatus(Throwable e, int status, Boolean retryable, String outcome) {
        AtomicsProblem problem = AtomicsProblem.of(e);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.retryable()).isEqualTo(retryable);
        assertThat(problem.outcome()).isEqualTo(outcome);
        assertThat(problem.detail()).isEqualTo(e.getMessage());
        assertThat(problem.exception()).isEqualTo(e.getClass().getSimpleName());
        assertThat(problem.toMap())
                .containsEntry("type", "about:blank")
                .containsEntry("status", status)
                .containsEntry("detail", e.getMessage())
                .containsKey("title");
        assertThat(problem.toMap().containsKey("retryable")).isEqualTo(status == 503);
        assertThat(problem.toMap().containsKey("outcome")).isEqualTo(status == 504);
    }

    /** Every exception class of the core, Redis and the starter has a row above: a new one must get its own. */
    @org.junit.jupiter.api.Test
    void everyExceptionTypeOfTheLibraryHasARow() throws IOException {
        Set<String> inTable = new TreeSet<>();
        table().forEach(a -> inTable.add(a.get()[0].getClass().getSimpleName()));
        Set<String> declared = new TreeSet<>();
        Pattern p = Pattern.compile("public class (\\w+) extends \\w*Exception");
        for (String module :
                List.of("../atomics-core/src/main/java", "../atomics-redis/src/main/java", "src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = p.matcher(Files.readString(f));
                    while (m.find()) {
                        declared.add(m.group(1));
                    }
                }
            }
        }
        assertThat(declared).hasSizeGreaterThan(20);
        assertThat(inTable).containsAll(declared);
    }
}
