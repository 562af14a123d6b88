package dev.atomics.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test utility (no JUnit dependency): reads a built shared library with GNU binutils (for this machine
 * or, with a tool prefix such as {@code aarch64-linux-gnu-}, for a cross target): its exported and
 * undefined dynamic symbols, its NEEDED entries, and the instructions of each function.
 */
public final class NativeBinary {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern LABEL = Pattern.compile("^([0-9a-f]+) <([^>]+)>:$");
    private static final Pattern INSN = Pattern.compile("^\\s+([0-9a-f]+):\\s+(.*)$");
    private static final Pattern NM_LINE = Pattern.compile("^([0-9a-f]+) ([tTwW]) (\\S+)$");

    private final String toolPrefix;
    private final Path library;

    /** @param toolPrefix "" for this machine's binutils, e.g. "aarch64-linux-gnu-" for a cross target */
    public NativeBinary(String toolPrefix, Path library) {
        this.toolPrefix = toolPrefix;
        this.library = library;
    }

    /** Whether this prefix's objdump, nm and readelf are on the PATH. */
    public static boolean toolsAvailable(String toolPrefix) {
        return CCompiler.isOnPath(toolPrefix + "objdump")
                && CCompiler.isOnPath(toolPrefix + "nm")
                && CCompiler.isOnPath(toolPrefix + "readelf");
    }

    private String run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(toolPrefix + tool);
        command.addAll(List.of(args));
        command.add(library.toString());
        CCompiler.Result r = CCompiler.runCommand(command, TIMEOUT);
        if (!r.succeeded()) {
            throw new AssertionError(String.join(" ", command) + ": " + r);
        }
        return r.output();
    }

    /** Names of the defined dynamic (exported) symbols. */
    public Set<String> exportedSymbols() {
        return symbolNames(run("nm", "-D", "--defined-only"));
    }

    /** Names of the undefined dynamic symbols (what the library needs from others). */
    public Set<String> undefinedSymbols() {
        return symbolNames(run("nm", "-D", "--undefined-only"));
    }

    private static Set<String> symbolNames(String nmOutput) {
        Set<String> names = new TreeSet<>();
        for (String line : nmOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                String name = f[f.length - 1];
                int at = name.indexOf('@');
                names.add(at > 0 ? name.substring(0, at) : name);
            }
        }
        return names;
    }

    /** The NEEDED entries of the dynamic section (shared libraries it links against). */
    public List<String> needed() {
        List<String> out = new ArrayList<>();
        Matcher m =
                Pattern.compile("\\(NEEDED\\)\\s+Shared library: \\[([^]]+)]").matcher(run("readelf", "-d"));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The SONAME of the dynamic section, or {@code null} if it has none. */
    public String soname() {
        Matcher m =
                Pattern.compile("\\(SONAME\\)\\s+Library soname: \\[([^]]+)]").matcher(run("readelf", "-d"));
        return m.find() ? m.group(1) : null;
    }

    /** {@code readelf -h}: the ELF header, e.g. to check the machine. */
    public String elfHeader() {
        return run("readelf", "-h");
    }

    /**
     * Every function symbol (local ones too, from the symbol table) whose name matches {@code names},
     * with the instructions (mnemonic and operands) of the code at its address. Symbols that share an
     * address (aliases) share the instructions.
     */
    public Map<String, List<String>> functions(Pattern names) {
        Map<Long, List<String>> blocks = new HashMap<>();
        List<String> current = null;
        for (String line : run("objdump", "-d", "--no-show-raw-insn").split("\n")) {
            Matcher label = LABEL.matcher(line);
            if (label.matches()) {
                current = new ArrayList<>();
                blocks.put(Long.parseUnsignedLong(label.group(1), 16), current);
                continue;
            }
            Matcher insn = INSN.matcher(line);
            if (insn.matches() && current != null) {
                current.add(insn.group(2).trim().replaceAll("\\s+", " "));
            } else if (line.isBlank()) {
                current = null;
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : run("nm", "--defined-only").split("\n")) {
            Matcher m = NM_LINE.matcher(line.trim());
            if (m.matches() && names.matcher(m.group(3)).matches()) {
                out.put(m.group(3), blocks.getOrDefault(Long.parseUnsignedLong(m.group(1), 16), List.of()));
            }
        }
        return out;
    }

    /** Whether any instruction's mnemonic (its first word) matches {@code mnemonic}. */
    public static boolean hasMnemonic(List<String> instructions, String mnemonicRegex) {
        Pattern p = Pattern.compile(mnemonicRegex);
        for (String insn : instructions) {
            String[] words = insn.split(" ");
            // "lock cmpxchg16b (%rdi)": the prefix and the instruction are both mnemonics
            for (int i = 0; i < Math.min(2, words.length); i++) {
                if (p.matcher(words[i]).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
