package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.AlignmentException;
import dev.atomics.AtomicViewContext;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.shm.SharedMemory;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the two kinds of {@code atomics.shared} entries have in common: an offset into an object that is mapped once
 * per access mode for every entry on it ({@link ShmKind}: a named shared-memory object, {@link FileKind}: a file),
 * and views into that mapping.
 */
abstract class MappingKind implements SourceKind<AtomicsProperties.Shared> {

    /** The default permission bits of created objects and files: this user only. */
    static final int DEFAULT_MODE = 0600;

    /** Under test isolation, the context's own names and directory; {@code null} otherwise. */
    final @Nullable Isolation isolation;

    MappingKind(@Nullable Isolation isolation) {
        this.isolation = isolation;
    }

    /**
     * Whether the entry's object or file is created if missing: it says so, or test isolation gives it one of its own.
     */
    final boolean create(AtomicsProperties.Shared entry) {
        return entry.isCreate() || isolation != null;
    }

    @Override
    public final EntryMap<AtomicsProperties.Shared> map() {
        return EntryMap.SHARED;
    }

    @Override
    public final String selector() {
        return name();
    }

    /** Whether this is the shm kind: its entries name an object, not a file. */
    abstract boolean shm();

    /** The largest {@code offset + width} an object of this kind can reach. */
    abstract long maxEnd();

    /** Why no object can reach further than {@link #maxEnd()}, for the failure report. */
    abstract String maxEndReason();

    /** The validated entry, given its checked offset: the kind checks the target (name, path) and its options. */
    abstract ResolvedAtomic spec(ResolvedAtomic basics, AtomicsProperties.Shared entry, long offset);

    /** The object an entry is on, whatever the access mode: entries on one object agree on its size. */
    abstract String target(ResolvedAtomic spec);

    /**
     * Opens the mapping for {@code group} (entries on one object with one access mode) and records it, with what it
     * created, in {@code startup} ({@link #record}). {@code createSize} is positive if an entry on the object, in
     * either
     * access mode, says {@code create}, and {@code mode} is what to create it with; {@code sameTarget} are all of those
     * entries.
     */
    abstract OpenMapping openGroup(
            List<ResolvedAtomic> group, List<ResolvedAtomic> sameTarget, long createSize, int mode, Startup startup);

    @Override
    public final ResolvedAtomic validate(ResolvedAtomic b, AtomicsProperties.Shared entry) {
        String prefix = b.prefix();
        int width = b.width();
        long offset = entry.getOffset();
        if (offset < 0) {
            throw new AtomicsConfigurationException(
                    prefix + ".offset",
                    offset,
                    "the offset is negative",
                    "Use an offset of 0 or more, a multiple of " + alignment(width) + ".");
        }
        long alignment = alignment(width);
        if (offset % alignment != 0) {
            long below = offset / alignment * alignment;
            throw new AtomicsConfigurationException(
                    prefix + ".offset",
                    offset,
                    "misaligned offset: an atomic of width " + width + " must start at a multiple of " + alignment
                            + " bytes",
                    "Use an offset that is a multiple of " + alignment + ", e.g. " + below + " or "
                            + (below + alignment) + ".");
        }
        // caught here, an unreachable offset never turns into a create or grow request of an absurd size
        if (offset > maxEnd() - width) {
            String what = shm() ? "shared-memory object" : "file";
            throw new AtomicsConfigurationException(
                    prefix + ".offset",
                    offset,
                    "offset " + offset + " + width " + width + " is beyond the end of any possible " + what + ": "
                            + maxEndReason(),
                    "Use the offset of the atomic within the " + (shm() ? "object" : "file")
                            + ", counted in bytes from its" + " start, e.g. 0 or " + alignment(width) * 8 + ".");
        }
        return spec(b, entry, offset);
    }

    /**
     * The permission bits {@code value} of the entry {@code prefix} names, or {@code null} if it names none.
     *
     * @throws AtomicsConfigurationException unless it is four octal digits starting with 0 that let the owner read and
     * write
     */
    static @Nullable Integer mode(String prefix, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("0[0-7]{3}")) {
            // YAML 1.1 reads an unquoted 0660 as the octal number 432, which then arrives here as "432"
            throw new AtomicsConfigurationException(
                    prefix + ".mode",
                    value,
                    "not a permission mode: a mode is four octal"
                            + " digits starting with 0, such as 0660 (an unquoted 0660 in YAML is the number 432)",
                    "Write the mode as a quoted string, e.g. mode: \"0660\" (owner and group read and write) or "
                            + "\"0600\""
                            + " (the owner only, the default).");
        }
        int mode = Integer.parseInt(v, 8);
        if ((mode & 0600) != 0600) {
            throw new AtomicsConfigurationException(
                    prefix + ".mode",
                    value,
                    "the owner (the user running this"
                            + " application) could not read and write what it creates, nor open it again",
                    "Keep read and write for the owner: a mode of the form 06xx, e.g. \"0660\" or \"0640\".");
        }
        return mode;
    }

    /**
     * The mode to create the object of {@code sameTarget} (the entries on one object or file) with: the one its entries
     * set, which must agree, or {@link #DEFAULT_MODE}.
     *
     * @throws AtomicsConfigurationException if two entries set different modes, or one sets a mode but none says create
     */
    static int createMode(List<ResolvedAtomic> sameTarget) {
        ResolvedAtomic first =
                sameTarget.stream().filter(s -> s.mode() != null).findFirst().orElse(null);
        if (first == null) {
            return DEFAULT_MODE;
        }
        String what =
                first.shm() ? "shared-memory object " + SharedMemory.posixName(first.target()) : "file " + first.file();
        for (ResolvedAtomic s : sameTarget) {
            if (s.mode() != null && !s.mode().equals(first.mode())) {
                throw new AtomicsConfigurationException(
                        s.prefix() + ".mode",
                        octal(s.mode()),
                        "entries on " + what + " disagree: " + first.prefix() + ".mode is " + octal(first.mode()),
                        "Set the same mode on every entry of it that sets one (or on one entry only).");
            }
        }
        if (!OpenMapping.anyCreate(sameTarget)) {
            throw new AtomicsConfigurationException(
                    first.prefix() + ".mode",
                    octal(first.mode()),
                    "a mode applies only"
                            + " when this application creates the " + (first.shm() ? "object" : "file")
                            + ", and no entry on "
                            + what + " says create",
                    "Set " + first.prefix() + ".create=true, or remove the mode (an existing"
                            + " object keeps its own: change it with chmod).");
        }
        return first.mode();
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }

    /**
     * The alignment an atomic of {@code width} bytes needs within page-aligned memory: its largest power-of-two factor.
     */
    private static long alignment(int width) {
        return Integer.lowestOneBit(width);
    }

    @Override
    public final void open(List<ResolvedAtomic> specs, Startup startup) {
        // One mapping per object and access mode; writable ones first, so that a readonly entry with create=true finds
        // the object its writable siblings created.
        Map<String, List<ResolvedAtomic>> groups = new LinkedHashMap<>();
        specs.stream()
                .filter(s -> !s.readonly())
                .forEach(s -> groups.computeIfAbsent(target(s) + ":rw", k -> new ArrayList<>())
                        .add(s));
        specs.stream()
                .filter(ResolvedAtomic::readonly)
                .forEach(s -> groups.computeIfAbsent(target(s) + ":ro", k -> new ArrayList<>())
                        .add(s));
        // what entries on one object must agree on is checked for every object before any is opened
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (List<ResolvedAtomic> group : groups.values()) {
            String target = target(group.get(0));
            modes.computeIfAbsent(
                    target,
                    t -> createMode(
                            specs.stream().filter(s -> target(s).equals(t)).toList()));
        }
        for (List<ResolvedAtomic> group : groups.values()) {
            String target = target(group.get(0));
            List<ResolvedAtomic> sameTarget =
                    specs.stream().filter(s -> target(s).equals(target)).toList();
            long createSize = OpenMapping.anyCreate(sameTarget) ? OpenMapping.required(sameTarget) : 0;
            OpenMapping mapping = openGroup(group, sameTarget, createSize, modes.get(target), startup);
            for (ResolvedAtomic spec : group) {
                startup.entry(new AtomicsEntry(
                        spec.name(), spec.type(), openView(mapping, spec).open(), mapping.source(spec)));
            }
        }
    }

    private static AtomicViewContext<?> openView(OpenMapping mapping, ResolvedAtomic spec) {
        try {
            return mapping.view(spec);
        } catch (UnsupportedWidthException e) {
            throw AtomicsRegistryFactory.unsupportedWidth(spec.prefix(), spec.width(), e);
        } catch (AlignmentException e) {
            throw new AtomicsConfigurationException(
                    spec.prefix() + ".offset",
                    spec.offset(),
                    "misaligned offset: " + e.getMessage(),
                    "Use an offset that is a multiple of the alignment named in the message.",
                    e);
        }
    }

    /**
     * Records the opened {@code mapping} in {@code startup}, with how to undo its creation if it created its object or
     * file ({@code directories}, if not null, removes the directories created for it).
     */
    static void record(Startup startup, OpenMapping mapping, @Nullable Runnable directories) {
        startup.backend(mapping, mapping.created() ? created(mapping, directories) : null);
    }

    /**
     * Undoes the creation of a mapping's object or file; {@code directories} removes the directories created for it.
     */
    private static Startup.Created created(OpenMapping mapping, @Nullable Runnable directories) {
        return new Startup.Created() {
            @Override
            public String describe() {
                return mapping.kind() + " " + mapping.target();
            }

            @Override
            public void remove() {
                mapping.remove();
            }

            @Override
            public void afterClose() {
                if (directories != null) {
                    directories.run();
                }
            }
        };
    }
}
