package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.CCompiler;
import dev.atomics.testing.Patomic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing another libpatomic: by system property or environment variable, reported by
 * {@code Atomics.nativeInfo()}, and refused with a clear message when the file is missing or is not a
 * patomic library. Each case runs in a fresh JVM, since a JVM loads its library once. (No upstream build
 * is reachable here, so a copy of the bundled library plays the upstream one: what is tested is that the
 * binding takes its ops tables from the file it is given.)
 */
class UpstreamLibraryTest {

    @TempDir
    Path dir;

    /** The children load the call bridge from the class path: not there in the run without native libraries. */
    @BeforeEach
    void nativeLibrariesOnTheClassPath() {
        Patomic.assume();
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> jvmArgs, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED"); // JNA, quietly on Java 24+ (accepted since 17)
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(NativeInfoPrinter.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("ATOMICS_PATOMIC_LIBRARY");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    private Path upstreamCopy() throws Exception {
        Path copy = dir.resolve("libpatomic-upstream.so");
        Files.copy(CCompiler.bundledLibrary("patomic"), copy);
        return copy;
    }

    @Test
    void theBundledLibraryServesByDefault() throws Exception {
        Run r = run(List.of(), Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("available=true", "jvm=42 engine=JVM", "bundled=true", "version=1.1.0", "value=42");
    }

    @Test
    void aSystemPropertyNamesAnotherLibrary() throws Exception {
        Path upstream = upstreamCopy();
        Run r = run(List.of("-Datomics.patomic.library=" + upstream), Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("path=" + upstream, "bundled=false", "value=42");
    }

    @Test
    void anEnvironmentVariableNamesAnotherLibraryAndThePropertyWins() throws Exception {
        Path upstream = upstreamCopy();
        Run env = run(List.of(), Map.of("ATOMICS_PATOMIC_LIBRARY", upstream.toString()));
        assertThat(env.output()).contains("path=" + upstream, "bundled=false");
        Run both = run(
                List.of("-Datomics.patomic.library=" + upstream),
                Map.of("ATOMICS_PATOMIC_LIBRARY", "/nowhere/libpatomic.so"));
        assertThat(both.exit()).as(both.output()).isZero();
        assertThat(both.output()).contains("path=" + upstream);
    }

    @Test
    void aMissingFileIsRefusedByNameAndTheJvmEngineStillWorks() throws Exception {
        Run r = run(List.of("-Datomics.patomic.library=/nowhere/libpatomic.so"), Map.of());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.output())
                .contains("available=false", "reason=patomic library '/nowhere/libpatomic.so'", "does not exist")
                .contains("jvm=42 engine=JVM")
                .contains("error=NativeLibraryException: the patomic engine is unavailable: patomic library "
                        + "'/nowhere/libpatomic.so'");
    }

    @Test
    void aLibraryThatIsNotPatomicIsRefused() throws Exception {
        Run r = run(List.of("-Datomics.patomic.library=" + CCompiler.bundledLibrary("atomics_bridge")), Map.of());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.output()).contains("NativeLibraryException", "does not export patomic_version_string");
    }
}
