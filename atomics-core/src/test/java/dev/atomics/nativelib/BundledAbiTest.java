package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.CCompiler;
import dev.atomics.testing.CCompiler.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled native libraries from C: {@code abi_check.c} against libpatomic (the whole patomic
 * 1.x ABI: versions, orders, layouts, table shapes, combine, feature checks, ids and kinds, transactions,
 * the calls that abort, every op of widths 1 to 8), {@code width16_check.c} (width 16 against an
 * {@code unsigned __int128} model, every op and order, and exact 16-byte CAS counts from threads and
 * processes), and {@code bridge_check.c} driving libatomics_bridge with function pointers from libpatomic's
 * explicit tables, as the JNA binding does (values as {@code int64_t} and by address).
 */
class BundledAbiTest {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @BeforeAll
    static void librariesWereBuilt() {
        assertThat(CCompiler.bundledLibrary("patomic"))
                .as("libpatomic built by src/main/c/build.sh during generate-resources")
                .isRegularFile();
        assertThat(CCompiler.bundledLibrary("atomics_bridge"))
                .as("libatomics_bridge built by src/main/c/build.sh during generate-resources")
                .isRegularFile();
    }

    @Test
    void bundledLibpatomicImplementsTheAbi() {
        Path exe = CCompiler.compileAgainstBundledPatomic(
                CCompiler.testSource("abi_check.c"), CCompiler.outputDir().resolve("abi_check"));

        Result result = CCompiler.run(exe, List.of(), RUN_TIMEOUT);

        assertThat(result.exitCode()).as("abi_check %s", result).isZero();
        assertThat(result.output()).as("abi_check output").contains(" 0 failed");
    }

    @Test
    void width16MatchesTheModelAndCountsExactlyAcrossThreadsAndProcesses() {
        Path exe = CCompiler.compileAgainstBundledPatomic(
                CCompiler.testSource("width16_check.c"), CCompiler.outputDir().resolve("width16_check"), "-pthread");

        Result result = CCompiler.run(exe, List.of(), RUN_TIMEOUT);

        assertThat(result.exitCode()).as("width16_check %s", result).isZero();
        assertThat(result.output()).as("width16_check output").contains(" 0 failed");
        if (!result.output().contains("width 16 is unsupported")) {
            assertThat(result.output())
                    .as("width16_check output")
                    .contains(
                            "threads: 4 x 200001 increments, carry into the high half: exact",
                            "processes: 4 x 200001 increments on a shared file mapping, at other addresses: exact",
                            ", 0 torn");
        }
    }

    @Test
    void bridgeCallsThroughExplicitTablePointers() {
        Path exe = CCompiler.compile(
                CCompiler.testSource("bridge_check.c"), CCompiler.outputDir().resolve("bridge_check"), "-ldl");

        Result result = CCompiler.run(
                exe,
                List.of(
                        CCompiler.bundledLibrary("atomics_bridge").toString(),
                        CCompiler.bundledLibrary("patomic").toString()),
                RUN_TIMEOUT);

        assertThat(result.exitCode()).as("bridge_check %s", result).isZero();
        assertThat(result.output()).as("bridge_check output").contains(" 0 failed");
    }
}
