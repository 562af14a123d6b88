package dev.atomics.testing;

import com.sun.jna.Platform;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test utility (no JUnit dependency): compiles C test programs with the machine's C compiler, the
 * way {@code src/main/c/build.sh} picks it, and runs them against the native libraries that the
 * build put into {@code target/classes/<JNA resource prefix>/}.
 *
 * <p>Paths are resolved against the atomics-core module directory, which is the working directory
 * of surefire; running from the repository root also works.
 */
public final class CCompiler {

    /** Exit code and combined stdout + stderr of a finished process. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(2);

    private CCompiler() {}

    // ---------------------------------------------------------------------------------------------
    // Locations
    // ---------------------------------------------------------------------------------------------

    /** The atomics-core module directory (holds {@code src/main/c/build.sh}). */
    public static Path moduleDir() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(cwd, cwd.resolve("atomics-core"))) {
            if (Files.isRegularFile(candidate.resolve("src/main/c/build.sh"))) {
                return candidate;
            }
        }
        throw new AssertionError("cannot find the atomics-core module directory from " + cwd
                + " (expected src/main/c/build.sh below it)");
    }

    /** JNA's resource prefix for this machine, e.g. {@code linux-x86-64}. */
    public static String resourcePrefix() {
        return Platform.RESOURCE_PREFIX;
    }

    /** {@code target/classes/<prefix>}: where build.sh put libpatomic and libatomics_bridge. */
    public static Path bundledLibraryDir() {
        return moduleDir().resolve("target/classes").resolve(resourcePrefix());
    }

    /** The file name of a shared library on this OS, e.g. {@code libpatomic.so}. */
    public static String libraryFileName(String name) {
        return System.mapLibraryName(name);
    }

    /** A bundled library by name ({@code "patomic"}, {@code "atomics_bridge"}). */
    public static Path bundledLibrary(String name) {
        return bundledLibraryDir().resolve(libraryFileName(name));
    }

    /** {@code src/test/c/<name>}. */
    public static Path testSource(String name) {
        return moduleDir().resolve("src/test/c").resolve(name);
    }

    /** {@code src/main/c/include}: the patomic ABI header. */
    public static Path includeDir() {
        return moduleDir().resolve("src/main/c/include");
    }

    /** {@code target/c-tests}, created if needed: where compiled test programs go. */
    public static Path outputDir() {
        Path dir = moduleDir().resolve("target/c-tests");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    // ---------------------------------------------------------------------------------------------
    // Compiler
    // ---------------------------------------------------------------------------------------------

    /** The compiler command: $CC if set (may hold several words), else cc, gcc or clang. */
    public static Optional<List<String>> findCompiler() {
        String cc = System.getenv("CC");
        if (cc != null && !cc.isBlank()) {
            return Optional.of(Arrays.asList(cc.trim().split("\\s+")));
        }
        for (String candidate : List.of("cc", "gcc", "clang")) {
            if (onPath(candidate)) {
                return Optional.of(List.of(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * The aarch64 cross compiler: $CC_AARCH64 if set, else {@code aarch64-linux-gnu-gcc} if on the PATH
     * (Debian: gcc-aarch64-linux-gnu), as build.sh picks it.
     */
    public static Optional<List<String>> findAarch64Compiler() {
        String cc = System.getenv("CC_AARCH64");
        List<String> words =
                cc != null && !cc.isBlank() ? Arrays.asList(cc.trim().split("\\s+")) : List.of("aarch64-linux-gnu-gcc");
        return onPath(words.get(0)) || Files.isExecutable(Path.of(words.get(0)))
                ? Optional.of(words)
                : Optional.empty();
    }

    /**
     * Whether the build was told that the linux-aarch64 libraries are required
     * ({@code ATOMICS_NATIVE_CROSS=aarch64}, as CI sets it): then their tests fail instead of skipping
     * when a tool is missing.
     */
    public static boolean aarch64Required() {
        return "aarch64".equals(System.getenv("ATOMICS_NATIVE_CROSS"));
    }

    /** {@code target/classes/<prefix>} for another platform's prefix, e.g. {@code linux-aarch64}. */
    public static Path libraryDir(String prefix) {
        return moduleDir().resolve("target/classes").resolve(prefix);
    }

    /** Whether a program is on the PATH. */
    public static boolean isOnPath(String program) {
        return onPath(program);
    }

    /** Whether a C compiler is available. */
    public static boolean available() {
        return findCompiler().isPresent();
    }

    private static List<String> compilerOrFail() {
        return findCompiler()
                .orElseThrow(() -> new AssertionError(
                        "atomics-core needs a C compiler (cc/gcc/clang) for its native tests; install one,"
                                + " e.g. apt-get install gcc"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles one C source to an executable: {@code cc -std=c11 -O2 -Wall -Wextra
     * -I<module>/src/main/c/include -o <output> <source> <extraArgs...>} (libraries such as
     * {@code -lpatomic} belong in extraArgs, after the source). Returns {@code output}.
     *
     * @throws AssertionError with the compiler's output if compilation fails
     */
    public static Path compile(Path source, Path output, String... extraArgs) {
        return compileWith(compilerOrFail(), source, output, extraArgs);
    }

    /** {@link #compile} with another compiler, e.g. a cross compiler from {@link #findAarch64Compiler}. */
    public static Path compileWith(List<String> compiler, Path source, Path output, String... extraArgs) {
        List<String> command = new ArrayList<>(compiler);
        command.addAll(List.of(
                "-std=c11",
                "-O2",
                "-Wall",
                "-Wextra",
                "-I" + includeDir(),
                "-o",
                output.toString(),
                source.toString()));
        command.addAll(Arrays.asList(extraArgs));
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result result = exec(command, Map.of(), COMPILE_TIMEOUT);
        if (!result.succeeded()) {
            throw new AssertionError(
                    "compiling " + source + " failed: " + String.join(" ", command) + "\n" + result.output());
        }
        return output;
    }

    /** The bundled libpatomic's SONAME, upstream's: what a program linked with {@code -lpatomic} asks for. */
    public static final String PATOMIC_SONAME = "libpatomic.so.1";

    /**
     * A directory holding {@value #PATOMIC_SONAME}, a link to {@code libDir}'s libpatomic, as a system's
     * library directory holds upstream's: a program linked against the bundled library asks the loader for
     * its SONAME, which the jar does not ship (one file per platform). Created if needed, under
     * {@link #outputDir()}.
     */
    public static Path sonameDir(Path libDir) {
        Path dir = outputDir().resolve("soname").resolve(libDir.getFileName().toString());
        Path link = dir.resolve(PATOMIC_SONAME);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(
                    link, libDir.resolve(libraryFileName("patomic")).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * {@link #compile} with the flags to link against the bundled libpatomic
     * ({@code -L<dir> -Wl,-rpath,<soname dir> -lpatomic}, see {@link #sonameDir}) before {@code extraArgs}.
     */
    public static Path compileAgainstBundledPatomic(Path source, Path output, String... extraArgs) {
        String dir = bundledLibraryDir().toString();
        String runDir = Platform.isLinux() ? sonameDir(bundledLibraryDir()).toString() : dir;
        List<String> args = new ArrayList<>(List.of("-L" + dir, "-Wl,-rpath," + runDir, "-lpatomic"));
        args.addAll(Arrays.asList(extraArgs));
        return compile(source, output, args.toArray(String[]::new));
    }

    // ---------------------------------------------------------------------------------------------
    // Running
    // ---------------------------------------------------------------------------------------------

    /**
     * Runs a program with the bundled library directory on LD_LIBRARY_PATH (DYLD_LIBRARY_PATH on
     * macOS), returning its exit code and combined output.
     *
     * @throws AssertionError if it does not finish within {@code timeout} (it is killed)
     */
    public static Result run(Path exe, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(exe.toAbsolutePath().toString());
        command.addAll(args);
        String libDir = bundledLibraryDir().toString();
        String var = Platform.isMac() ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH";
        String existing = System.getenv(var);
        String value = existing == null || existing.isEmpty() ? libDir : libDir + File.pathSeparator + existing;
        return exec(command, Map.of(var, value), timeout);
    }

    /**
     * Runs any command (no library path added), returning its exit code and combined output.
     *
     * @throws AssertionError if it does not finish within {@code timeout} (it is killed)
     */
    public static Result runCommand(List<String> command, Duration timeout) {
        return exec(command, Map.of(), timeout);
    }

    private static Result exec(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + String.join(" ", command) + ": " + e, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(
                () -> {
                    try (InputStream in = process.getInputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // the process went away; keep what was read
                    }
                },
                "ccompiler-output");
        drain.setDaemon(true);
        drain.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                drain.join(TimeUnit.SECONDS.toMillis(5));
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "; output so far:\n" + text(out));
            }
            drain.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(process.exitValue(), text(out));
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(Charset.defaultCharset());
        }
    }
}
