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
import dev.atomics.spring.boot.AtomicsMapping;
import dev.atomics.spring.boot.AtomicsRegistry;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the {@link AtomicsRegistry} from {@link AtomicsProperties}: checks every entry first (so that a bad
 * entry fails startup before anything is created or mapped), then creates the instances, opens each shared
 * object or file once for all the entries on it, and opens their views. Anything opened before a failure is
 * closed again.
 */
final class AtomicsRegistryFactory {

    static final String INSTANCES = "atomics.instances";
    static final String SHARED = "atomics.shared";

    /** Names become bean names, URL path segments and tag values. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private AtomicsRegistryFactory() {
    }

    private record InstanceSpec(String name, AtomicType<?, ?, ?> type, int width, Engine engine, String initialValue) {
    }

    static AtomicsRegistry create(AtomicsProperties properties) {
        if (properties.getPatomicLibrary() != null && !properties.getPatomicLibrary().isBlank()) {
            NativeLibrarySelector.select(properties.getPatomicLibrary());
        }
        Engine defaultEngine = engine("atomics.engine", properties.getEngine(), Engine.AUTO);
        checkNames(properties);

        List<InstanceSpec> instances = new ArrayList<>();
        properties.getInstances().forEach((name, instance) -> instances.add(instanceSpec(name, instance, defaultEngine)));
        List<SharedSpec> shared = new ArrayList<>();
        properties.getShared().forEach((name, entry) -> shared.add(sharedSpec(name, entry, defaultEngine)));

        List<AtomicsEntry> entries = new ArrayList<>();
        for (InstanceSpec spec : instances) {
            entries.add(new AtomicsEntry(spec.name(), spec.type(), createInstance(spec), new AtomicSource.Instance()));
        }

        // One mapping per file, and per shared-memory object and access mode; writable ones first, so that a
        // readonly entry with create=true finds the object its writable siblings created.
        Map<String, List<SharedSpec>> groups = new LinkedHashMap<>();
        shared.stream().filter(s -> !(s.shm() && s.readonly())).forEach(s -> groups.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s));
        shared.stream().filter(s -> s.shm() && s.readonly()).forEach(s -> groups.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s));

        List<AtomicViewContext<?>> contexts = new ArrayList<>();
        List<AtomicsMapping> mappings = new ArrayList<>();
        Map<String, AtomicsEntry> sharedEntries = new LinkedHashMap<>();
        try {
            for (List<SharedSpec> group : groups.values()) {
                SharedSpec first = group.get(0);
                OpenMapping mapping = first.shm()
                        ? ShmMapping.open(first.target(), first.readonly(), group, createSize(shared, first))
                        : FileMapping.open(first.file(), group);
                mappings.add(mapping);
                for (SharedSpec spec : group) {
                    AtomicViewContext<?> context = openView(mapping, spec);
                    contexts.add(context);
                    AtomicSource source = spec.shm() ? new AtomicSource.SharedMemory(spec.target(), spec.offset())
                            : new AtomicSource.MappedFile(spec.file(), spec.offset());
                    sharedEntries.put(spec.name(), new AtomicsEntry(spec.name(), spec.type(), context.open(), source));
                }
            }
        } catch (RuntimeException e) {
            try {
                new AtomicsRegistry(List.of(), contexts, mappings).close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        // Entries in configuration order, whatever the grouping.
        for (SharedSpec spec : shared) {
            entries.add(sharedEntries.get(spec.name()));
        }
        return new AtomicsRegistry(entries, contexts, mappings);
    }

    /** The size to create or grow the shm object of {@code spec} to: 0 unless an entry on it says create. */
    private static long createSize(List<SharedSpec> shared, SharedSpec spec) {
        String posix = SharedMemory.posixName(spec.target());
        List<SharedSpec> same = shared.stream().filter(s -> s.shm() && SharedMemory.posixName(s.target()).equals(posix)).toList();
        return same.stream().anyMatch(SharedSpec::create) ? OpenMapping.required(same) : 0;
    }

    private static String key(SharedSpec s) {
        if (s.shm()) {
            return "shm:" + SharedMemory.posixName(s.target()) + (s.readonly() ? ":ro" : ":rw");
        }
        return "file:" + s.file();
    }

    // ---------------------------------------------------------------------------------------------
    // Checks
    // ---------------------------------------------------------------------------------------------

    private static void checkNames(AtomicsProperties properties) {
        for (String name : properties.getInstances().keySet()) {
            checkName(INSTANCES, name);
        }
        for (String name : properties.getShared().keySet()) {
            checkName(SHARED, name);
            if (properties.getInstances().containsKey(name)) {
                throw new AtomicsConfigurationException(SHARED + "." + name, name, "the name is also used by " + INSTANCES
                        + "." + name + ", and every atomic needs its own name (it is its bean name)",
                        "Rename one of the two entries.");
            }
        }
    }

    private static void checkName(String map, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new AtomicsConfigurationException(map + "." + name, name, "'" + name + "' is not a valid atomic name:"
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

    private static AtomicType<?, ?, ?> type(String prefix, String value) {
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
                    "Point atomics.patomic-library at a libpatomic built for this platform, or use the jvm engine"
                            + " (engine auto or jvm), which serves widths 1, 2, 4 and 8 without a native library.", e);
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
            throw new AtomicsConfigurationException(prefix + ".shm", entry.getShm(), "both 'shm' and 'file' (" + entry.getFile()
                    + ") are set, but a shared atomic lives in exactly one of them",
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
        String target;
        Path file = null;
        if (hasShm) {
            target = entry.getShm().trim();
            try {
                SharedMemory.posixName(target);
            } catch (SharedMemoryNameException e) {
                throw ShmMapping.badName(new SharedSpec(name, type, width, engine, true, target, null, offset,
                        entry.isCreate(), entry.isReadonly()), e);
            }
        } else {
            target = entry.getFile().trim();
            try {
                file = Path.of(target).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new AtomicsConfigurationException(prefix + ".file", target, "not a valid path: " + e.getMessage(),
                        "Set " + prefix + ".file to the path of the file to map.", e);
            }
        }
        return new SharedSpec(name, type, width, engine, hasShm, target, file, offset, entry.isCreate(), entry.isReadonly());
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
