package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicIntegral;
import dev.atomics.AtomicType;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.AlignmentException;
import dev.atomics.Engine;
import dev.atomics.NativeLibraryException;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryNameException;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link AtomicsRegistry} from {@link AtomicsProperties}: checks every entry first (so that a bad
 * entry fails startup before anything is created or mapped), then creates the instances, opens each shared
 * object or file once for all the entries on it, and opens their views.
 *
 * <p>Building is all or nothing: if anything fails before the registry is returned, everything opened is closed
 * again, and every shared-memory object, file and directory that this call created is removed (objects and files
 * that existed before stay, even if this call grew them). Once the registry is returned it owns the mappings, and
 * closing it never removes anything, also when the application context fails to start later: from then on the
 * application's beans and other processes may already be using the memory.
 */
final class AtomicsRegistryFactory {

    private static final Log logger = LogFactory.getLog(AtomicsRegistryFactory.class);

    static final String INSTANCES = "atomics.instances";
    static final String SHARED = "atomics.shared";

    /** Names become bean names, URL path segments and tag values. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    /**
     * The largest {@code offset + width} of a shared-memory object: the object is mapped whole, and no 64-bit
     * platform gives a process more than 128 TiB of address space to map it into.
     */
    static final long MAX_SHM_END = 1L << 47;

    /** How much of a configured value error messages quote. */
    private static final int QUOTE = 100;

    private AtomicsRegistryFactory() {
    }

    private record InstanceSpec(String name, AtomicType<?, ?, ?> type, int width, Engine engine, String initialValue) {
    }

    static AtomicsRegistry create(AtomicsProperties properties) {
        if (properties.getPatomicLibrary() != null && !properties.getPatomicLibrary().isBlank()) {
            NativeLibrarySelector.select(properties.getPatomicLibrary());
        }
        Engine defaultEngine = engine("atomics.engine", properties.getEngine(), Engine.AUTO);
        checkNames(properties.getInstances().keySet(), properties.getShared().keySet());

        List<InstanceSpec> instances = new ArrayList<>();
        properties.getInstances().forEach((name, instance) -> instances.add(instanceSpec(name, instance, defaultEngine)));
        List<SharedSpec> shared = new ArrayList<>();
        properties.getShared().forEach((name, entry) -> shared.add(sharedSpec(name, entry, defaultEngine)));

        List<AtomicsEntry> entries = new ArrayList<>();
        for (InstanceSpec spec : instances) {
            entries.add(new AtomicsEntry(spec.name(), spec.type(), createInstance(spec), new AtomicSource.Instance()));
        }

        // One mapping per shared-memory object or file and access mode; writable ones first, so that a readonly
        // entry with create=true finds the object its writable siblings created.
        Map<String, List<SharedSpec>> groups = new LinkedHashMap<>();
        shared.stream().filter(s -> !s.readonly()).forEach(s -> groups.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s));
        shared.stream().filter(SharedSpec::readonly).forEach(s -> groups.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s));

        Opened opened = new Opened();
        try {
            Map<String, AtomicsEntry> sharedEntries = new LinkedHashMap<>();
            for (List<SharedSpec> group : groups.values()) {
                SharedSpec first = group.get(0);
                List<SharedSpec> sameTarget = sameTarget(shared, first);
                long createSize = sameTarget.stream().anyMatch(SharedSpec::create) ? OpenMapping.required(sameTarget) : 0;
                OpenMapping mapping;
                if (first.shm()) {
                    mapping = ShmMapping.open(first.target(), first.readonly(), group, createSize);
                    opened.mapping(mapping, null);
                } else {
                    Path missing = firstMissingDirectory(first.file());
                    mapping = FileMapping.open(first.file(), first.readonly(), group, createSize,
                            FileMapping.followSymlinks(sameTarget));
                    opened.mapping(mapping, missing == null ? null : new CreatedDirectories(first.file().getParent(), missing));
                }
                for (SharedSpec spec : group) {
                    AtomicViewContext<?> context = openView(mapping, spec);
                    opened.contexts.add(context);
                    AtomicSource source = spec.shm() ? new AtomicSource.SharedMemory(spec.target(), spec.offset())
                            : new AtomicSource.MappedFile(spec.file(), spec.offset());
                    sharedEntries.put(spec.name(), new AtomicsEntry(spec.name(), spec.type(), context.open(), source));
                }
            }
            // Entries in configuration order, whatever the grouping.
            for (SharedSpec spec : shared) {
                entries.add(sharedEntries.get(spec.name()));
            }
            return new AtomicsRegistry(entries, opened.contexts, opened.mappings);
        } catch (RuntimeException | Error e) {
            opened.rollBack(e);
            throw e;
        }
    }

    /**
     * What {@link #create} opened so far, and which directories it created for files: closed and, where created
     * by this startup, removed again if the registry cannot be built.
     */
    private static final class Opened {

        final List<AtomicViewContext<?>> contexts = new ArrayList<>();
        final List<OpenMapping> mappings = new ArrayList<>();
        private final Map<OpenMapping, CreatedDirectories> createdDirectories = new IdentityHashMap<>();

        /** Records a mapping, and the directories that did not exist before its file was opened (or null). */
        void mapping(OpenMapping mapping, CreatedDirectories directories) {
            mappings.add(mapping);
            if (directories != null) {
                createdDirectories.put(mapping, directories);
            }
        }

        /**
         * Closes the views and mappings, then removes, newest first, every object, file and directory this startup
         * created. Failures are added to {@code failure} as suppressed exceptions: it stays the one reported.
         */
        void rollBack(Throwable failure) {
            // Names first, while the mappings are still open: each can then tell whether its name still refers
            // to the object it created (a closed file's inode number may already be reused by a newcomer).
            List<OpenMapping> removed = new ArrayList<>();
            for (int i = mappings.size() - 1; i >= 0; i--) {
                OpenMapping mapping = mappings.get(i);
                if (mapping.created()) {
                    try {
                        mapping.remove();
                        removed.add(mapping);
                        logger.info("Startup failed: removed " + mapping.kind() + " " + mapping.target()
                                + ", which it had created");
                    } catch (RuntimeException e) {
                        failure.addSuppressed(e);
                    }
                }
            }
            try {
                new AtomicsRegistry(List.of(), contexts, mappings).close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            for (OpenMapping mapping : removed) {
                CreatedDirectories directories = createdDirectories.get(mapping);
                if (directories != null) {
                    directories.removeEmpty();
                }
            }
        }
    }

    /** The topmost ancestor directory of {@code file} that does not exist, or null if its parent exists. */
    private static Path firstMissingDirectory(Path file) {
        Path missing = null;
        for (Path dir = file.getParent(); dir != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS); dir = dir.getParent()) {
            missing = dir;
        }
        return missing;
    }

    /** The directories from {@code parent} (a file's directory) up to {@code top} that did not exist before. */
    private record CreatedDirectories(Path parent, Path top) {

        /**
         * Deletes them, innermost first, each only while empty: a directory that something else put a file into
         * in the meantime stays, with its parents.
         */
        void removeEmpty() {
            for (Path d = parent; d != null && d.startsWith(top); d = d.getParent()) {
                try {
                    Files.delete(d);
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /** Every entry on the same shared-memory object or file as {@code spec}, whatever its access mode. */
    private static List<SharedSpec> sameTarget(List<SharedSpec> shared, SharedSpec spec) {
        return shared.stream().filter(s -> target(s).equals(target(spec))).toList();
    }

    private static String target(SharedSpec s) {
        return s.shm() ? "shm:" + SharedMemory.posixName(s.target()) : "file:" + s.file();
    }

    private static String key(SharedSpec s) {
        return target(s) + (s.readonly() ? ":ro" : ":rw");
    }

    // ---------------------------------------------------------------------------------------------
    // Checks
    // ---------------------------------------------------------------------------------------------

    /** Checks the keys of {@code atomics.instances} and {@code atomics.shared}: valid names, none used twice. */
    static void checkNames(Set<String> instances, Set<String> shared) {
        for (String name : instances) {
            checkName(INSTANCES, name);
        }
        for (String name : shared) {
            checkName(SHARED, name);
            if (instances.contains(name)) {
                throw new AtomicsConfigurationException(SHARED + "." + name, name, "the name is also used by " + INSTANCES
                        + "." + name + ", and every atomic needs its own name (it is its bean name)",
                        "Rename one of the two entries.");
            }
        }
    }

    private static void checkName(String map, String name) {
        if (!NAME.matcher(name).matches()) {
            String quoted = AtomicValues.abbreviate(name, QUOTE); // an invalid name may be of any length
            throw new AtomicsConfigurationException(map + "." + quoted, name, "'" + quoted + "' is not a valid atomic name:"
                    + " names are bean names, URL path segments of /actuator/atomics and metric tags, so they start with"
                    + " a letter or digit and contain only letters, digits, '-' and '_' (at most 100 characters)",
                    "Rename the entry, e.g. to '" + suggestName(name) + "'.");
        }
    }

    private static String suggestName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[-_]+", "").replaceAll("-+$", "");
        if (s.isEmpty()) {
            s = "counter";
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Engine engine(String property, String value, Engine fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Engine.parse(value);
        } catch (IllegalArgumentException e) {
            throw new AtomicsConfigurationException(property, value, "unknown engine", "Use auto, patomic or jvm.");
        }
    }

    /** The type named by {@code value}, the {@code type} property of the entry {@code prefix}. */
    static AtomicType<?, ?, ?> type(String prefix, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "int": return AtomicType.INT;
            case "uint": return AtomicType.UINT;
            case "bytes": return AtomicType.BYTES;
            default:
                throw new AtomicsConfigurationException(prefix + ".type", value, "unknown atomic type",
                        "Use int (signed integer), uint (unsigned integer) or bytes (raw bytes).");
        }
    }

    private static int width(String prefix, AtomicType<?, ?, ?> type, Integer width, Engine engine) {
        if (width == null) {
            if (type.isIntegral()) {
                return 8;
            }
            throw new AtomicsConfigurationException(prefix + ".width", null, "a bytes atomic has no default width",
                    "Set " + prefix + ".width to its size in bytes, e.g. 4 or 8.");
        }
        // The core decides which widths exist and which engine serves them (one place for that rule): a trial
        // object answers without touching shared memory.
        try {
            if (type == AtomicType.BYTES) {
                Atomics.atomic(width, AtomicType.BYTES, engine);
            } else {
                Atomics.atomic(width, AtomicType.INT, engine);
            }
        } catch (UnsupportedWidthException e) {
            throw unsupportedWidth(prefix, width, e);
        } catch (NativeLibraryException e) {
            throw new AtomicsConfigurationException(prefix + ".engine", engine.name().toLowerCase(Locale.ROOT),
                    "an atomic of width " + width + " needs the patomic library, which cannot be loaded: " + e.getMessage(),
                    "Point atomics.patomic-library at a libpatomic built for this platform, or use widths 4 and 8 with"
                            + " the jvm engine (atomics.engine=jvm), which needs no native library.", e);
        }
        return width;
    }

    private static AtomicsConfigurationException unsupportedWidth(String prefix, int width, UnsupportedWidthException e) {
        return new AtomicsConfigurationException(prefix + ".width", width, "unsupported width: " + e.getMessage(),
                "Use a width the engine supports, or choose another engine with " + prefix + ".engine (or atomics.engine).", e);
    }

    private static InstanceSpec instanceSpec(String name, AtomicsProperties.Instance instance, Engine defaultEngine) {
        String prefix = INSTANCES + "." + name;
        AtomicType<?, ?, ?> type = type(prefix, instance.getType());
        Engine engine = engine(prefix + ".engine", instance.getEngine(), defaultEngine);
        int width = width(prefix, type, instance.getWidth(), engine);
        String initial = instance.getInitialValue();
        if (initial != null && !initial.isBlank()) {
            try {
                if (type == AtomicType.BYTES) {
                    AtomicValues.parseBytes(initial, width);
                } else {
                    AtomicValues.parseIntegral(initial, width, type == AtomicType.INT);
                }
            } catch (IllegalArgumentException e) {
                throw new AtomicsConfigurationException(prefix + ".initial-value", initial, "initial value out of range: "
                        + e.getMessage(), type == AtomicType.BYTES
                        ? "Give exactly " + width + " bytes as hex, e.g. 0x" + "00".repeat(width) + "."
                        : "Use a value in the range of " + type.name() + " of width " + width + ", or a wider atomic ("
                          + prefix + ".width).", e);
            }
        }
        return new InstanceSpec(name, type, width, engine, initial);
    }

    private static SharedSpec sharedSpec(String name, AtomicsProperties.Shared entry, Engine defaultEngine) {
        String prefix = SHARED + "." + name;
        AtomicType<?, ?, ?> type = type(prefix, entry.getType());
        Engine engine = engine(prefix + ".engine", entry.getEngine(), defaultEngine);
        int width = width(prefix, type, entry.getWidth(), engine);
        boolean hasShm = entry.getShm() != null && !entry.getShm().isBlank();
        boolean hasFile = entry.getFile() != null && !entry.getFile().isBlank();
        if (hasShm && hasFile) {
            throw new AtomicsConfigurationException(prefix + ".shm", entry.getShm(), "both 'shm' and 'file' ("
                    + AtomicValues.abbreviate(entry.getFile(), QUOTE) + ") are set, but a shared atomic lives in exactly one of them",
                    "Remove " + prefix + ".shm or " + prefix + ".file.");
        }
        if (!hasShm && !hasFile) {
            throw new AtomicsConfigurationException(prefix + ".shm", null, "neither 'shm' nor 'file' is set, so there is no"
                    + " memory to view", "Set " + prefix + ".shm to a shared-memory name or " + prefix + ".file to a file"
                    + " path, or move the entry to atomics.instances for memory owned by this process.");
        }
        long offset = entry.getOffset();
        if (offset < 0) {
            throw new AtomicsConfigurationException(prefix + ".offset", offset, "the offset is negative",
                    "Use an offset of 0 or more, a multiple of " + alignment(width) + ".");
        }
        long alignment = alignment(width);
        if (offset % alignment != 0) {
            long below = offset / alignment * alignment;
            throw new AtomicsConfigurationException(prefix + ".offset", offset, "misaligned offset: an atomic of width "
                    + width + " must start at a multiple of " + alignment + " bytes",
                    "Use an offset that is a multiple of " + alignment + ", e.g. " + below + " or " + (below + alignment) + ".");
        }
        checkEnd(prefix, offset, width, hasShm);
        String target;
        Path file = null;
        if (hasShm) {
            target = entry.getShm().trim();
            try {
                SharedMemory.posixName(target);
            } catch (SharedMemoryNameException e) {
                throw ShmMapping.badName(new SharedSpec(name, type, width, engine, true, target, null, offset,
                        entry.isCreate(), entry.isReadonly(), false), e);
            }
        } else {
            target = entry.getFile().trim();
            try {
                file = Path.of(target).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                // (the exception's message repeats the whole input: give the reason and the position only)
                throw new AtomicsConfigurationException(prefix + ".file", target, "not a valid path: " + e.getReason()
                        + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""),
                        "Set " + prefix + ".file to the path of the file to map.", e);
            }
        }
        if (hasShm && entry.isFollowSymlinks()) {
            throw new AtomicsConfigurationException(prefix + ".follow-symlinks", true, "follow-symlinks applies to 'file'"
                    + " entries only: a shared-memory name is never a link", "Remove " + prefix + ".follow-symlinks.");
        }
        return new SharedSpec(name, type, width, engine, hasShm, target, file, offset, entry.isCreate(), entry.isReadonly(),
                entry.isFollowSymlinks());
    }

    /**
     * Refuses an offset no object can reach: {@code offset + width} beyond the largest size a file can have
     * ({@code Long.MAX_VALUE} bytes; the sum would overflow) or a shared-memory object can be mapped with
     * ({@link #MAX_SHM_END}). Caught here, it never turns into a create or grow request of an absurd size.
     */
    private static void checkEnd(String prefix, long offset, int width, boolean shm) {
        long max = shm ? MAX_SHM_END : Long.MAX_VALUE;
        if (offset > max - width) {
            String limit = shm ? "a shared-memory object is mapped whole, so its atomics must end within " + MAX_SHM_END
                    + " bytes (128 TiB)" : "no file can be larger than " + Long.MAX_VALUE + " bytes";
            throw new AtomicsConfigurationException(prefix + ".offset", offset, "offset " + offset + " + width " + width
                    + " is beyond the end of any possible " + (shm ? "shared-memory object" : "file") + ": " + limit,
                    "Use the offset of the atomic within the " + (shm ? "object" : "file") + ", counted in bytes from its"
                            + " start, e.g. 0 or " + alignment(width) * 8 + ".");
        }
    }

    /** The alignment an atomic of {@code width} bytes needs within page-aligned memory: its largest power-of-two factor. */
    private static long alignment(int width) {
        return Integer.lowestOneBit(width);
    }

    // ---------------------------------------------------------------------------------------------
    // Creation
    // ---------------------------------------------------------------------------------------------

    private static Atomic createInstance(InstanceSpec spec) {
        String prefix = INSTANCES + "." + spec.name();
        Atomic atomic;
        try {
            atomic = Atomics.atomic(spec.width(), spec.type(), spec.engine());
        } catch (UnsupportedWidthException e) {
            throw unsupportedWidth(prefix, spec.width(), e);
        }
        String initial = spec.initialValue();
        if (initial != null && !initial.isBlank()) {
            if (atomic instanceof AtomicBytes bytes) {
                bytes.store(AtomicValues.parseBytes(initial, spec.width()));
            } else {
                ((AtomicIntegral) atomic).store(AtomicValues.parseIntegral(initial, spec.width(), spec.type() == AtomicType.INT));
            }
        }
        return atomic;
    }

    private static AtomicViewContext<?> openView(OpenMapping mapping, SharedSpec spec) {
        try {
            return mapping.view(spec);
        } catch (UnsupportedWidthException e) {
            throw unsupportedWidth(spec.prefix(), spec.width(), e);
        } catch (AlignmentException e) {
            throw new AtomicsConfigurationException(spec.prefix() + ".offset", spec.offset(), "misaligned offset: "
                    + e.getMessage(), "Use an offset that is a multiple of the alignment named in the message.", e);
        }
    }
}
