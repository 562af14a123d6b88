package dev.atomics.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The code blocks of the repository's Markdown documents (README.md and docs/*.md), so that tests run the examples
 * from the file a reader sees them in, never from a copy that could drift.
 *
 * <p>Every fenced {@code java} block carries a marker comment on the line before it, which says who checks it:
 * <pre>
 * &lt;!-- example: run atomics-core --&gt;                compiled and run by that module's doc test
 * &lt;!-- example: run atomics-core, width 16 --&gt;      ... where the named requirement holds
 * &lt;!-- example: compile atomics-spring-boot-starter --&gt;   compiled only
 * &lt;!-- example: guide-example --&gt;                   a source file of the guide-example module, verbatim
 * &lt;!-- example: not compiled: why --&gt;               (or "not executed": why), for what cannot run here
 * </pre>
 * A block of statements (after its imports) runs as the body of a method; a block that declares a class is compiled
 * as it is. Assertions ({@code assert}) in an example are enabled, so an example checks what its text claims.
 */
public final class DocExamples {

    private static final Pattern MARKER = Pattern.compile("^<!-- example: (.*?) -->$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("(?m)^(@\\w+.*\\n)*((public|final|abstract)\\s+)*(class|record|interface|enum)\\s+(\\w+)");

    private DocExamples() {}

    /** One fenced code block of a document. */
    public record Example(Path file, int line, String language, String marker, String code) {

        /** The marker without its options: {@code run atomics-core}, {@code guide-example}, ... ({@code ""}: none). */
        public String target() {
            int comma = marker.indexOf(',');
            return (comma < 0 ? marker : marker.substring(0, comma)).trim();
        }

        /** Whether the marker names {@code option} after the target, e.g. {@code width 16}. */
        public boolean requires(String option) {
            int comma = marker.indexOf(',');
            return comma >= 0 && marker.substring(comma + 1).trim().equals(option);
        }

        /** The class the block declares (its first type), or {@code null} for a block of statements. */
        public String declaredType() {
            Matcher m = TYPE_DECLARATION.matcher(code);
            return m.find() ? m.group(5) : null;
        }

        @Override
        public String toString() {
            return repositoryRoot().relativize(file) + ":" + line + " (" + marker + ")";
        }
    }

    /** The repository's root: the nearest directory above the working directory with README.md and docs/. */
    public static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no README.md with docs/ above " + Path.of("").toAbsolutePath());
    }

    /** README.md and every docs/*.md. */
    public static List<Path> documents() {
        Path root = repositoryRoot();
        List<Path> result = new ArrayList<>();
        result.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Every fenced block of every document, in order. */
    public static List<Example> all() {
        List<Example> result = new ArrayList<>();
        for (Path doc : documents()) {
            result.addAll(blocks(doc));
        }
        return result;
    }

    /** The blocks whose marker's target is {@code target}, e.g. {@code run atomics-redis}. */
    public static List<Example> marked(String target) {
        return all().stream().filter(e -> e.target().equals(target)).toList();
    }

    /** The fenced blocks of one document. */
    public static List<Example> blocks(Path doc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).trim()) : null;
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).equals("```")) {
                code.append(lines.get(j)).append('\n');
                j++;
            }
            String said = marker != null && marker.matches() ? marker.group(1) : "";
            result.add(new Example(doc, i + 2, open.group(1), said, code.toString()));
            i = j;
        }
        return result;
    }

    /** Compiles the example, after {@code edit} (e.g. a test server's port for the example's); returns its classes. */
    public static ClassLoader compile(Example example, UnaryOperator<String> edit) {
        String code = edit.apply(example.code());
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : code.split("\n", -1)) {
            if (body.isEmpty() && (line.startsWith("import ") || line.isBlank())) {
                imports.add(line);
            } else {
                body.add(line);
            }
        }
        String declared = example.declaredType();
        String className = declared != null ? declared : "DocExample" + example.line();
        String source = declared != null
                ? code
                : String.join("\n", imports) + "\npublic final class " + className
                        + " { public static void run() throws Throwable {\n" + String.join("\n", body) + "\n} }\n";
        try {
            Path out = Files.createTempDirectory("doc-example-");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavaFileObject file =
                    new SimpleJavaFileObject(
                            URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    };
            List<String> options =
                    List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file))
                    .call();
            if (!ok) {
                StringBuilder why = new StringBuilder("the example at " + example + " does not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    why.append("  line ")
                            .append(d.getLineNumber())
                            .append(" of the compiled source: ")
                            .append(d.getMessage(Locale.ROOT))
                            .append('\n');
                }
                why.append("compiled source:\n").append(numbered(source));
                throw new AssertionError(why.toString());
            }
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {out.toUri().toURL()}, DocExamples.class.getClassLoader());
            loader.setDefaultAssertionStatus(true); // an example's assert statements check its claims
            return loader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the example and runs it: a block of statements as a method body, a class by its {@code main}. */
    public static void run(Example example, UnaryOperator<String> edit) throws Throwable {
        ClassLoader loader = compile(example, edit);
        String declared = example.declaredType();
        Class<?> type = loader.loadClass(declared != null ? declared : "DocExample" + example.line());
        Method entry = declared != null ? type.getDeclaredMethod("main", String[].class) : type.getMethod("run");
        entry.setAccessible(true);
        try {
            entry.invoke(null, declared != null ? new Object[] {new String[0]} : new Object[0]);
        } catch (InvocationTargetException e) {
            AssertionError failure =
                    new AssertionError("the example at " + example + " failed: " + e.getCause(), e.getCause());
            throw failure;
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path", "") + File.pathSeparator;
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
