package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.atomics.testing.CCompiler;
import dev.atomics.testing.CCompiler.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The x86-64 library's width-16 choices on CPUs this machine is not: the C checks run under
 * {@code qemu-x86_64} (Debian: qemu-user) with CPU models that lack CMPXCHG16B (width 16 must be all
 * NULL), have it without AVX (no atomic 16-byte read: load and test NULL, everything else there), or have
 * both, from Intel and from AMD. (The emulated movdqa is not atomic, so those two run the model only.)
 */
class X86CpuModelsTest {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static Path abiCheck;
    private static Path width16Check;
    private static Path bridgeCheck;

    /** Why these checks cannot run here, or null: reported on every test as a skipped assumption. */
    private static String skipReason;

    @BeforeAll
    static void qemuAndPrograms() {
        if (!Platform.isLinux() || !Platform.ARCH.equals("x86-64")) {
            skipReason = "the x86-64 CPU-model checks run on x86-64 Linux only";
            return;
        }
        if (!CCompiler.isOnPath("qemu-x86_64")) {
            skipReason = "qemu-x86_64 is missing: install Debian's qemu-user to run the x86-64 CPU-model"
                    + " checks (bash .ci/run installs it)";
            if (CCompiler.aarch64Required()) {
                fail(skipReason + " (ATOMICS_NATIVE_CROSS=aarch64 requires the emulators)");
            }
            return;
        }
        Path out = CCompiler.outputDir().resolve("x86-models");
        abiCheck =
                CCompiler.compileAgainstBundledPatomic(CCompiler.testSource("abi_check.c"), out.resolve("abi_check"));
        width16Check = CCompiler.compileAgainstBundledPatomic(
                CCompiler.testSource("width16_check.c"), out.resolve("width16_check"), "-pthread");
        bridgeCheck = CCompiler.compile(CCompiler.testSource("bridge_check.c"), out.resolve("bridge_check"), "-ldl");
    }

    @BeforeEach
    void runnable() {
        assumeTrue(skipReason == null, skipReason);
    }

    private static Result qemu(String cpu, Path exe, String... args) {
        List<String> command = new ArrayList<>(List.of("qemu-x86_64", "-cpu", cpu, exe.toString()));
        command.addAll(List.of(args));
        // the programs carry an rpath to the bundled library directory
        return CCompiler.runCommand(command, RUN_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}: cas {1}, load {2}")
    @CsvSource({"Conroe, 0, 0", "Westmere, 1, 0", "SandyBridge, 1, 1", "EPYC, 1, 1"})
    void theWidth16TableFollowsTheCpu(String cpu, int cas, int load) {
        Result abi = qemu(cpu, abiCheck);
        assertThat(abi.exitCode()).as("abi_check on %s: %s", cpu, abi).isZero();
        assertThat(abi.output())
                .contains(
                        "width 16 on this CPU: cas (cx16) " + cas + ", atomic load (avx, Intel/AMD) " + load,
                        " 0 failed");

        // QEMU 7.2 emulates movdqa as two 8-byte reads whatever CPU it models, so where the table has the
        // movdqa load only the model runs here; the real CPU runs the concurrency checks (BundledAbiTest).
        // lock cmpxchg16b is emulated atomically: without the load, the threads and processes run too.
        Result w16 = load == 1 ? qemu(cpu, width16Check, "50", "1", "model") : qemu(cpu, width16Check, "50");
        assertThat(w16.exitCode()).as("width16_check on %s: %s", cpu, w16).isZero();
        if (cas == 0) {
            assertThat(w16.output()).contains("width 16 is unsupported (all NULL)");
        } else if (load == 1) {
            assertThat(w16.output()).contains("load slot: present", "concurrency checks skipped", " 0 failed");
        } else {
            assertThat(w16.output())
                    .contains(
                            "load slot: NULL",
                            "carry into the high half: exact",
                            "at other addresses: exact",
                            ", 0 torn",
                            " 0 failed");
        }

        Result bridge = qemu(
                cpu,
                bridgeCheck,
                CCompiler.bundledLibrary("atomics_bridge").toString(),
                CCompiler.bundledLibrary("patomic").toString());
        assertThat(bridge.exitCode()).as("bridge_check on %s: %s", cpu, bridge).isZero();
        assertThat(bridge.output()).contains(" 0 failed");
    }
}
