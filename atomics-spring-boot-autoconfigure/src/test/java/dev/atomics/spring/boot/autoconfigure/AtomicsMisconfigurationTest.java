package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.Atomics;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.TestShm;
import dev.atomics.spring.boot.autoconfigure.registry.NativeLibrarySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/**
 * Every misconfiguration stops startup with an {@link AtomicsConfigurationException} naming the property, and
 * {@link AtomicsFailureAnalyzer} turns it into a one-line description and an action.
 */
class AtomicsMisconfigurationTest {

    private final TestShm shm = new TestShm("misconf");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        shm.cleanup();
        System.clearProperty(NativeLibrarySelector.SYSTEM_PROPERTY);
    }

    /** Asserts the failure, and returns the analysis for further checks. */
    private static ContextConsumer<AssertableApplicationContext> fails(
            String property, String description, String action) {
        return context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            AtomicsConfigurationException cause = findCause(failure);
            assertThat(cause).as("AtomicsConfigurationException in %s", failure).isNotNull();
            assertThat(cause.getProperty()).isEqualTo(property);
            FailureAnalysis analysis = new AtomicsFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith("Invalid atomics configuration: " + property)
                    .contains(description)
                    .doesNotContain("\n");
            assertThat(analysis.getAction()).contains(action);
            assertThat(analysis.getCause()).isSameAs(cause);
        };
    }

    private static AtomicsConfigurationException findCause(Throwable t) {
        while (t != null) {
            if (t instanceof AtomicsConfigurationException e) {
                return e;
            }
            t = t.getCause();
        }
        return null;
    }

    // ---- meters --------------------------------------------------------------------------------

    @Test
    void unknownMeter() {
        runner.withPropertyValues("atomics.instances.requests.meter=histogram")
                .run(fails("atomics.instances.requests.meter", "'histogram': unknown meter", "Use gauge"));
    }

    @Test
    void aCounterOfBytes() {
        runner.withPropertyValues(
                        "atomics.instances.flags.type=bytes",
                        "atomics.instances.flags.width=4",
                        "atomics.instances.flags.meter=counter")
                .run(fails("atomics.instances.flags.meter", "a bytes atomic has no meter", "use type int or uint"));
    }

    // ---- names ---------------------------------------------------------------------------------

    @Test
    void badName() {
        runner.withPropertyValues("atomics.instances.[bad name!].type=int")
                .run(fails(
                        "atomics.instances.bad name!",
                        "'bad name!' is not a valid atomic name",
                        "Rename the entry, e.g. to 'bad-name'"));
    }

    @Test
    void sameNameInInstancesAndShared() {
        runner.withPropertyValues(
                        "atomics.instances.jobs.type=int",
                        "atomics.shared.jobs.file=" + dir.resolve("f"),
                        "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs", "also used by atomics.instances.jobs", "Rename one of the two entries"));
    }

    // ---- type, width, engine, initial value ---------------------------------------------------------

    @Test
    void unknownType() {
        runner.withPropertyValues("atomics.instances.requests.type=float")
                .run(fails(
                        "atomics.instances.requests.type",
                        "= 'float': unknown atomic type",
                        "Use int (signed integer), uint"));
        runner.withPropertyValues("atomics.shared.jobs.type=integral", "atomics.shared.jobs.shm=x")
                .run(fails("atomics.shared.jobs.type", "unknown atomic type", "Use int"));
    }

    @Test
    void unsupportedIntegralWidth() {
        runner.withPropertyValues("atomics.instances.requests.type=int", "atomics.instances.requests.width=3")
                .run(fails(
                        "atomics.instances.requests.width",
                        "unsupported width: no lock-free atomic operations for width 3",
                        "Use a width the engine supports"));
        runner.withPropertyValues("atomics.instances.requests.type=uint", "atomics.instances.requests.width=32")
                .run(fails(
                        "atomics.instances.requests.width",
                        "objects of 1, 2, 4, 8 or 16 bytes",
                        "Use a width the engine supports"));
        runner.withPropertyValues("atomics.instances.requests.type=int", "atomics.instances.requests.width=0")
                .run(fails(
                        "atomics.instances.requests.width",
                        "unsupported width: width must be positive: 0",
                        "Use a width the engine supports"));
    }

    @Test
    void unsupportedWidthForTheEngine() {
        runner.withPropertyValues(
                        "atomics.instances.small.type=int",
                        "atomics.instances.small.width=3",
                        "atomics.instances.small.engine=jvm")
                .run(fails(
                        "atomics.instances.small.width",
                        "the jvm engine supports widths 1, 2, 4 and 8, not 3",
                        "choose another engine with atomics.instances.small.engine"));
        runner.withPropertyValues("atomics.instances.raw.type=bytes", "atomics.instances.raw.width=3")
                .run(fails("atomics.instances.raw.width", "unsupported width", "Use a width the engine supports"));
    }

    @Test
    void bytesNeedAWidth() {
        runner.withPropertyValues("atomics.instances.flags.type=bytes")
                .run(fails(
                        "atomics.instances.flags.width",
                        "(not set): a bytes atomic has no default width",
                        "Set atomics.instances.flags.width"));
    }

    @Test
    void unknownEngine() {
        runner.withPropertyValues("atomics.engine=fast", "atomics.instances.a.type=int")
                .run(fails("atomics.engine", "= 'fast': unknown engine", "Use auto, patomic or jvm."));
        runner.withPropertyValues("atomics.instances.a.type=int", "atomics.instances.a.engine=gpu")
                .run(fails("atomics.instances.a.engine", "unknown engine", "Use auto, patomic or jvm."));
    }

    @Test
    void initialValueOutOfRange() {
        runner.withPropertyValues(
                        "atomics.instances.level.type=uint",
                        "atomics.instances.level.width=1",
                        "atomics.instances.level.initial-value=256")
                .run(fails(
                        "atomics.instances.level.initial-value",
                        "initial value out of range: 256 does not fit uint of width 1: the range is [0, 255]",
                        "Use a value in the range of uint of width 1, or a wider atomic"));
        runner.withPropertyValues("atomics.instances.level.type=uint", "atomics.instances.level.initial-value=-1")
                .run(fails("atomics.instances.level.initial-value", "[0, 18446744073709551615]", "wider atomic"));
        runner.withPropertyValues(
                        "atomics.instances.n.type=int",
                        "atomics.instances.n.width=1",
                        "atomics.instances.n.initial-value=-129")
                .run(fails("atomics.instances.n.initial-value", "[-128, 127]", "Use a value"));
        runner.withPropertyValues("atomics.instances.n.type=int", "atomics.instances.n.initial-value=lots")
                .run(fails("atomics.instances.n.initial-value", "'lots' is not an integer", "Use a value"));
        runner.withPropertyValues(
                        "atomics.instances.raw.type=bytes",
                        "atomics.instances.raw.width=4",
                        "atomics.instances.raw.initial-value=0x0102")
                .run(fails(
                        "atomics.instances.raw.initial-value",
                        "is 2 bytes; the atomic has width 4",
                        "Give exactly 4 bytes as hex, e.g. 0x00000000."));
    }

    @Test
    void valuesThatDoNotBindAreReportedByBoot() {
        runner.withPropertyValues("atomics.instances.a.width=wide").run(context -> {
            assertThat(context).hasFailed();
            Throwable t = context.getStartupFailure();
            while (t != null && !(t instanceof BindException)) {
                t = t.getCause();
            }
            // Boot's own BindFailureAnalyzer reports these, naming the property and the value
            assertThat(t).isInstanceOf(BindException.class).hasMessageContaining("atomics.instances.a.width");
        });
    }

    // ---- shm / file --------------------------------------------------------------------------------

    @Test
    void bothShmAndFile() {
        runner.withPropertyValues("atomics.shared.jobs.shm=counters", "atomics.shared.jobs.file=/tmp/counters.bin")
                .run(fails(
                        "atomics.shared.jobs.shm",
                        "both 'shm' and 'file' (/tmp/counters.bin) are set",
                        "Remove atomics.shared.jobs.shm or atomics.shared.jobs.file."));
    }

    @Test
    void neitherShmNorFile() {
        runner.withPropertyValues("atomics.shared.jobs.type=int", "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs.shm",
                        "neither 'shm' nor 'file' is set",
                        "or move the entry to atomics.instances"));
    }

    @Test
    void missingShmWithoutCreate() {
        String name = shm.name();
        runner.withPropertyValues("atomics.shared.jobs.shm=" + name)
                .run(fails(
                        "atomics.shared.jobs.shm",
                        "shared-memory object /" + name + " does not exist",
                        "set atomics.shared.jobs.create=true to create it at startup"));
        assertThat(SharedMemory.exists(name)).isFalse();
    }

    @Test
    void missingFileWithoutCreate() {
        Path file = dir.resolve("nope.bin");
        runner.withPropertyValues("atomics.shared.jobs.file=" + file)
                .run(fails("atomics.shared.jobs.file", "file " + file + " does not exist", "create=true"));
        assertThat(file).doesNotExist();
    }

    @Test
    void shmOffsetPlusWidthPastTheEnd() {
        String name = shm.name();
        SharedMemory.create(name, 8).close();
        runner.withPropertyValues("atomics.shared.jobs.shm=" + name, "atomics.shared.jobs.offset=8")
                .run(fails(
                        "atomics.shared.jobs.offset",
                        "offset 8 + width 8 = 16 is past the end of shared-memory object /" + name
                                + ", which has 8 bytes",
                        "Use an offset of at most 0"));
    }

    @Test
    void fileOffsetPlusWidthPastTheEnd() throws Exception {
        Path file = dir.resolve("short.bin");
        Files.write(file, new byte[12]);
        runner.withPropertyValues(
                        "atomics.shared.a.file=" + file, "atomics.shared.b.file=" + file, "atomics.shared.b.offset=8")
                .run(fails(
                        "atomics.shared.b.offset",
                        "offset 8 + width 8 = 16 is past the end of file " + file + ", which has 12 bytes",
                        "or set atomics.shared.b.create=true to extend"));
        assertThat(Files.size(file)).isEqualTo(12);
    }

    @Test
    void misalignedOffset() {
        runner.withPropertyValues(
                        "atomics.shared.jobs.shm=" + shm.name(),
                        "atomics.shared.jobs.offset=12",
                        "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs.offset",
                        "misaligned offset: an atomic of width 8 must start at a multiple of 8 bytes",
                        "e.g. 8 or 16"));
        runner.withPropertyValues(
                        "atomics.shared.half.file=" + dir.resolve("f"),
                        "atomics.shared.half.offset=3",
                        "atomics.shared.half.width=2",
                        "atomics.shared.half.create=true")
                .run(fails("atomics.shared.half.offset", "multiple of 2 bytes", "e.g. 2 or 4"));
        assertThat(dir.resolve("f")).doesNotExist();
    }

    @Test
    void offsetSoLargeThatNoObjectCanReachIt() {
        String name = shm.name();
        // with create, this used to become a create request of a negative size and the advice "does not exist"
        runner.withPropertyValues(
                        "atomics.shared.jobs.shm=" + name,
                        "atomics.shared.jobs.offset=9223372036854775800",
                        "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs.offset",
                        "offset 9223372036854775800 + width 8 is beyond the end of any"
                                + " possible shared-memory object",
                        "counted in bytes from its start"));
        runner.withPropertyValues("atomics.shared.jobs.shm=" + name, "atomics.shared.jobs.offset=9223372036854775800")
                .run(fails(
                        "atomics.shared.jobs.offset", "beyond the end of any possible shared-memory object", "e.g. 0"));
        // a shared-memory object is mapped whole: 128 TiB is out of reach too
        runner.withPropertyValues(
                        "atomics.shared.jobs.shm=" + name,
                        "atomics.shared.jobs.offset=" + (1L << 47),
                        "atomics.shared.jobs.create=true")
                .run(fails("atomics.shared.jobs.offset", "must end within 140737488355328 bytes (128 TiB)", "e.g. 0"));
        assertThat(SharedMemory.exists(name)).isFalse();
        Path file = dir.resolve("far.bin");
        runner.withPropertyValues(
                        "atomics.shared.far.file=" + file,
                        "atomics.shared.far.offset=9223372036854775800",
                        "atomics.shared.far.create=true")
                .run(fails(
                        "atomics.shared.far.offset",
                        "offset 9223372036854775800 + width 8 is beyond the end of any"
                                + " possible file: no file can be larger than 9223372036854775807 bytes",
                        "e.g. 0"));
        runner.withPropertyValues(
                        "atomics.shared.far.file=" + file,
                        "atomics.shared.far.offset=9223372036854775806",
                        "atomics.shared.far.width=2",
                        "atomics.shared.far.create=true")
                .run(fails("atomics.shared.far.offset", "+ width 2 is beyond the end", "e.g. 0 or 16"));
        assertThat(file).doesNotExist();
    }

    @Test
    void hugeValuesAreQuotedShortly() {
        String huge = "9".repeat(1_000_000);
        runner.withPropertyValues("atomics.instances.n.type=int", "atomics.instances.n.initial-value=" + huge)
                .run(fails("atomics.instances.n.initial-value", "is 1000000 characters long", "Use a value"));
        runner.withPropertyValues("atomics.instances.n.type=int", "atomics.instances.n.initial-value=" + huge)
                .run(context -> assertThat(new AtomicsFailureAnalyzer()
                                .analyze(context.getStartupFailure())
                                .getDescription())
                        .hasSizeLessThan(400));
        runner.withPropertyValues("atomics.instances.n.type=" + "x".repeat(100_000))
                .run(context -> assertThat(new AtomicsFailureAnalyzer()
                                .analyze(context.getStartupFailure())
                                .getDescription())
                        .contains("unknown atomic type")
                        .hasSizeLessThan(300));
        runner.withPropertyValues("atomics.shared.j.shm=" + "y".repeat(100_000), "atomics.shared.j.create=true")
                .run(context -> assertThat(new AtomicsFailureAnalyzer()
                                .analyze(context.getStartupFailure())
                                .getDescription())
                        .contains("invalid shared memory name")
                        .contains("bytes long")
                        .hasSizeLessThan(400));
        runner.withPropertyValues("atomics.shared.j.file=/tmp/a\u0000b", "atomics.shared.j.create=true")
                .run(fails(
                        "atomics.shared.j.file",
                        "not a valid path: Nul character not allowed",
                        "Set atomics.shared.j.file"));
        runner.withPropertyValues("atomics.patomic-library=/tmp/lib\u0000patomic.so")
                .run(fails("atomics.patomic-library", "does not exist", "or remove it"));
    }

    @Test
    void negativeOffset() {
        runner.withPropertyValues("atomics.shared.jobs.shm=x", "atomics.shared.jobs.offset=-8")
                .run(fails("atomics.shared.jobs.offset", "the offset is negative", "Use an offset of 0 or more"));
    }

    @Test
    void badShmName() {
        runner.withPropertyValues("atomics.shared.jobs.shm=my/counters", "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs.shm",
                        "invalid shared memory name 'my/counters'",
                        "Use a single path component"));
        runner.withPropertyValues("atomics.shared.jobs.shm=" + "x".repeat(300), "atomics.shared.jobs.create=true")
                .run(fails("atomics.shared.jobs.shm", "bytes long", "Use a single path component"));
    }

    @Test
    void fileThatIsADirectory() {
        runner.withPropertyValues("atomics.shared.jobs.file=" + dir, "atomics.shared.jobs.create=true")
                .run(fails(
                        "atomics.shared.jobs.file",
                        "it is a directory, not a regular file",
                        "Point atomics.shared.jobs.file at a regular file"));
    }

    @Test
    void failureAfterOpeningClosesWhatWasOpened() {
        String name = shm.name();
        SharedMemory.create(name, 8).close();
        // the first mapping opens fine, the second entry names a file that does not exist
        Path file = dir.resolve("short.bin");
        runner.withPropertyValues(
                        "atomics.shared.ok.shm=" + name,
                        "atomics.shared.ok.create=true",
                        "atomics.shared.bad.file=" + file)
                .run(fails("atomics.shared.bad.file", "does not exist", "create=true"));
        // the shm mapping was closed again: a fresh open / close / unlink works and nothing is busy
        // (AtomicsStartupRollbackTest: what the failed startup created is also removed)
        try (SharedMemory m = SharedMemory.open(name)) {
            assertThat(m.size()).isEqualTo(8);
        }
    }

    // ---- native library ----------------------------------------------------------------------------

    @Test
    void patomicLibraryThatDoesNotExist() {
        runner.withPropertyValues("atomics.patomic-library=/nonexistent/libpatomic.so")
                .run(fails(
                        "atomics.patomic-library",
                        "the file does not exist",
                        "or remove it to use the library bundled"));
        assertThat(System.getProperty(NativeLibrarySelector.SYSTEM_PROPERTY)).isNull();
    }

    @Test
    void patomicLibraryOtherThanTheOneAlreadyLoaded() throws Exception {
        Atomics.nativeInfo();
        Path other = Files.write(dir.resolve("libpatomic.so"), new byte[] {0});
        runner.withPropertyValues("atomics.patomic-library=" + other)
                .run(fails(
                        "atomics.patomic-library",
                        "this JVM already loaded the patomic library",
                        "start the JVM with -Datomics.patomic.library=" + other));
        assertThat(System.getProperty(NativeLibrarySelector.SYSTEM_PROPERTY)).isNull();
    }

    @Test
    void analyzerIgnoresOtherFailures() {
        assertThat(new AtomicsFailureAnalyzer().analyze(new IllegalStateException("x")))
                .isNull();
    }

    @Test
    void analyzerIsRegisteredInSpringFactories() throws Exception {
        String factories;
        try (var in = AtomicsFailureAnalyzer.class.getResourceAsStream("/META-INF/spring.factories")) {
            factories = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(factories)
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer")
                .contains(AtomicsFailureAnalyzer.class.getName());
    }
}
