package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.atomics.testing.CCompiler;
import dev.atomics.testing.CCompiler.Result;
import dev.atomics.testing.NativeBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The linux-aarch64 libraries that build.sh cross-compiles into the jar beside linux-x86-64: the C checks,
 * cross-compiled too, run under {@code qemu-aarch64} with the cross libc, on CPU models without FEAT_LSE
 * (cortex-a57: width 16 through ldxp/stxp) and with it (neoverse-n1, max: casp). QEMU 7.2 offers no CPU
 * with FEAT_LSE2, so the ldp load runs in a test-only build that assumes it (model checks only: such an
 * ldp is not atomic in the emulator). And as binaries: AArch64 ELF, exactly the patomic 1.x exports, no
 * libatomic, casp or ldxp/stxp inline in every width-16 function, loads that never write.
 *
 * <p>Needs Debian's gcc-aarch64-linux-gnu, libc6-dev-arm64-cross and qemu-user (bash .ci/run installs
 * them); skipped without them, naming what to install, unless {@code ATOMICS_NATIVE_CROSS=aarch64}.
 */
class Aarch64LibraryTest {

    private static final String PREFIX = "linux-aarch64";
    private static final Path SYSROOT = Path.of("/usr/aarch64-linux-gnu");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private static Path libDir;
    private static Path abiCheck;
    private static Path width16Check;
    private static Path bridgeCheck;

    /** Why these checks cannot run here, or null: reported on every test as a skipped assumption. */
    private static String skipReason;

    @BeforeAll
    static void toolsLibrariesAndPrograms() {
        if (!Platform.isLinux() || !Platform.ARCH.equals("x86-64")) {
            skipReason = "the linux-aarch64 libraries are cross-built and emulated on x86-64 Linux only";
            return;
        }
        List<String> missing = new ArrayList<>();
        if (CCompiler.findAarch64Compiler().isEmpty()) {
            missing.add("gcc-aarch64-linux-gnu (aarch64-linux-gnu-gcc)");
        }
        if (!Files.isRegularFile(SYSROOT.resolve("lib/libc.so.6")) || !Files.exists(SYSROOT.resolve("lib/libc.so"))) {
            missing.add("libc6-dev-arm64-cross (" + SYSROOT + ")");
        }
        if (!CCompiler.isOnPath("qemu-aarch64")) {
            missing.add("qemu-user (qemu-aarch64)");
        }
        if (!NativeBinary.toolsAvailable("aarch64-linux-gnu-")) {
            missing.add("binutils-aarch64-linux-gnu");
        }
        if (!missing.isEmpty()) {
            skipReason = "the linux-aarch64 checks need " + String.join(", ", missing)
                    + ": apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user (bash .ci/run does)";
            if (CCompiler.aarch64Required()) {
                fail(skipReason + "; ATOMICS_NATIVE_CROSS=aarch64 requires them");
            }
            return;
        }
        libDir = CCompiler.libraryDir(PREFIX);
        assertThat(libDir.resolve("libpatomic.so"))
                .as("build.sh builds linux-aarch64 when the cross compiler" + " is installed")
                .isRegularFile();
        assertThat(libDir.resolve("libatomics_bridge.so")).isRegularFile();

        List<String> cc = CCompiler.findAarch64Compiler().orElseThrow();
        Path out = CCompiler.outputDir().resolve("aarch64");
        String[] link = {"-L" + libDir, "-Wl,-rpath," + CCompiler.sonameDir(libDir), "-lpatomic"};
        abiCheck = CCompiler.compileWith(cc, CCompiler.testSource("abi_check.c"), out.resolve("abi_check"), link);
        width16Check = CCompiler.compileWith(
                cc,
                CCompiler.testSource("width16_check.c"),
                out.resolve("width16_check"),
                link[0],
                link[1],
                link[2],
                "-pthread");
        bridgeCheck =
                CCompiler.compileWith(cc, CCompiler.testSource("bridge_check.c"), out.resolve("bridge_check"), "-ldl");
    }

    @BeforeEach
    void runnable() {
        assumeTrue(skipReason == null, skipReason);
    }

    private static Result qemu(String cpu, Path exe, String... args) {
        List<String> command =
                new ArrayList<>(List.of("qemu-aarch64", "-cpu", cpu, "-L", SYSROOT.toString(), exe.toString()));
        command.addAll(List.of(args));
        return CCompiler.runCommand(command, RUN_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}: width 16 via {1}")
    @CsvSource({"cortex-a57, ldxp/stxp", "neoverse-n1, casp", "max, casp"})
    void theAbiChecksPassUnderEmulation(String cpu, String cas) {
        Result abi = qemu(cpu, abiCheck);
        assertThat(abi.exitCode()).as("abi_check on %s: %s", cpu, abi).isZero();
        assertThat(abi.output()).contains("width 16 on this CPU: cas 1 (" + cas + ")", " 0 failed");

        Result w16 = qemu(cpu, width16Check);
        assertThat(w16.exitCode()).as("width16_check on %s: %s", cpu, w16).isZero();
        assertThat(w16.output())
                .contains(
                        "load slot: NULL",
                        "carry into the high half: exact",
                        "at other addresses: exact",
                        ", 0 torn",
                        " 0 failed");

        Result bridge = qemu(
                cpu,
                bridgeCheck,
                libDir.resolve("libatomics_bridge.so").toString(),
                libDir.resolve("libpatomic.so").toString());
        assertThat(bridge.exitCode()).as("bridge_check on %s: %s", cpu, bridge).isZero();
        assertThat(bridge.output()).contains("width 16: load slot NULL", " 0 failed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cortex-a57", "max"})
    void theLse2LoadMatchesTheModel(String cpu) {
        // a test-only library: PATOMIC_TEST_ONLY_ASSUME_LSE2 reports an atomic ldp on any CPU
        List<String> cc = CCompiler.findAarch64Compiler().orElseThrow();
        Path dir = CCompiler.outputDir().resolve("aarch64-assume-lse2");
        Path lib = CCompiler.compileWith(
                cc,
                CCompiler.moduleDir().resolve("src/main/c/patomic.c"),
                dir.resolve("libpatomic.so"),
                "-shared",
                "-fPIC",
                "-fvisibility=hidden",
                "-Werror",
                "-DPATOMIC_TEST_ONLY_ASSUME_LSE2=1",
                "-Wl,-soname,libpatomic.so");
        Path exe = CCompiler.compileWith(
                cc,
                CCompiler.testSource("width16_check.c"),
                dir.resolve("width16_check"),
                "-L" + lib.getParent(),
                "-Wl,-rpath," + lib.getParent(),
                "-lpatomic",
                "-pthread");

        Result w16 = qemu(cpu, exe, "100", "1", "model");
        assertThat(w16.exitCode())
                .as("width16_check (ldp load) on %s: %s", cpu, w16)
                .isZero();
        assertThat(w16.output()).contains("load slot: present", "concurrency checks skipped", " 0 failed");
    }

    @Test
    void theLibrariesAreAarch64WithInlineAtomicsAndNoLibatomic() {
        NativeBinary patomic = new NativeBinary("aarch64-linux-gnu-", libDir.resolve("libpatomic.so"));
        NativeBinary bridge = new NativeBinary("aarch64-linux-gnu-", libDir.resolve("libatomics_bridge.so"));
        for (NativeBinary lib : List.of(patomic, bridge)) {
            assertThat(lib.elfHeader()).contains("AArch64", "ELF64");
            assertThat(lib.needed()).noneMatch(n -> n.contains("atomic") || n.contains("patomic"));
            assertThat(lib.undefinedSymbols())
                    .noneMatch(s -> s.startsWith("__atomic_") || s.startsWith("__sync_") || s.startsWith("__aarch64_"));
        }
        assertThat(patomic.exportedSymbols())
                .filteredOn(s -> !s.startsWith("_"))
                .containsExactlyInAnyOrderElementsOf(NativeLibraryBinaryTest.PATOMIC_1X_EXPORTS);
        assertThat(patomic.soname()).isEqualTo(CCompiler.PATOMIC_SONAME);
        assertThat(bridge.exportedSymbols())
                .filteredOn(s -> !s.startsWith("_"))
                .containsExactlyInAnyOrderElementsOf(NativeLibraryBinaryTest.BRIDGE_EXPORTS);

        Map<String, List<String>> fns = patomic.functions(Pattern.compile("pa_[ei]_\\w+_128(lse|llsc)(_\\w+)?"));
        assertThat(fns).as("width-16 functions, two variants").hasSize(2 * NativeLibraryBinaryTest.WIDTH16_FUNCTIONS);
        Pattern pureReads = Pattern.compile("pa_[ei]_(load|test)_128(lse|llsc)(_\\w+)?");
        for (Map.Entry<String, List<String>> f : fns.entrySet()) {
            String name = f.getKey();
            List<String> code = f.getValue();
            assertThat(code).as(name).isNotEmpty().noneMatch(i -> i.startsWith("bl ") || i.contains("@plt"));
            if (pureReads.matcher(name).matches()) {
                assertThat(NativeBinary.hasMnemonic(code, "ldp"))
                        .as("%s: one ldp\n%s", name, code)
                        .isTrue();
                assertThat(NativeBinary.hasMnemonic(code, "st(l)?xp|casp.*|ld(a)?xp"))
                        .as("%s writes\n%s", name, code)
                        .isFalse();
            } else if (name.contains("128lse")) {
                assertThat(NativeBinary.hasMnemonic(code, "casp(a|l|al)?"))
                        .as("%s: casp inline\n%s", name, code)
                        .isTrue();
            } else {
                assertThat(NativeBinary.hasMnemonic(code, "ld(a)?xp") && NativeBinary.hasMnemonic(code, "st(l)?xp"))
                        .as("%s: ldxp/stxp inline\n%s", name, code)
                        .isTrue();
            }
        }
    }
}
