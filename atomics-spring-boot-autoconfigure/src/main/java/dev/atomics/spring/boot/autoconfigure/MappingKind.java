package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AlignmentException;
import dev.atomics.AtomicViewContext;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the two kinds of {@code atomics.shared} entries have in common: an offset into an object that is mapped once
 * per access mode for every entry on it ({@link ShmKind}: a named shared-memory object, {@link FileKind}: a file),
 * and views into that mapping.
 */
abstract class MappingKind implements SourceKind<AtomicsProperties.Shared, SharedSpec> {

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
    abstract SharedSpec spec(Basics basics, AtomicsProperties.Shared entry, long offset);

    /** The object an entry is on, whatever the access mode: entries on one object agree on its size. */
    abstract String target(SharedSpec spec);

    /**
     * Opens the mapping for {@code group} (entries on one object with one access mode) and records it, with what it
     * created, in {@code startup}. {@code createSize} is positive if an entry on the object, in either access mode, says
     * {@code create}; {@code sameTarget} are all of those entries.
     */
    abstract OpenMapping openGroup(List<SharedSpec> group, List<SharedSpec> sameTarget, long createSize, Startup startup);

    @Override
    public final SharedSpec validate(Basics b, AtomicsProperties.Shared entry) {
        String prefix = b.prefix();
        int width = b.width();
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
        // caught here, an unreachable offset never turns into a create or grow request of an absurd size
        if (offset > maxEnd() - width) {
            String what = shm() ? "shared-memory object" : "file";
            throw new AtomicsConfigurationException(prefix + ".offset", offset, "offset " + offset + " + width " + width
                    + " is beyond the end of any possible " + what + ": " + maxEndReason(),
                    "Use the offset of the atomic within the " + (shm() ? "object" : "file") + ", counted in bytes from its"
                            + " start, e.g. 0 or " + alignment(width) * 8 + ".");
        }
        return spec(b, entry, offset);
    }

    /** The alignment an atomic of {@code width} bytes needs within page-aligned memory: its largest power-of-two factor. */
    private static long alignment(int width) {
        return Integer.lowestOneBit(width);
    }

    @Override
    public final void open(List<SharedSpec> specs, Startup startup) {
        // One mapping per object and access mode; writable ones first, so that a readonly entry with create=true finds
        // the object its writable siblings created.
        Map<String, List<SharedSpec>> groups = new LinkedHashMap<>();
        specs.stream().filter(s -> !s.readonly()).forEach(s -> groups.computeIfAbsent(target(s) + ":rw", k -> new ArrayList<>()).add(s));
        specs.stream().filter(SharedSpec::readonly).forEach(s -> groups.computeIfAbsent(target(s) + ":ro", k -> new ArrayList<>()).add(s));
        for (List<SharedSpec> group : groups.values()) {
            String target = target(group.get(0));
            List<SharedSpec> sameTarget = specs.stream().filter(s -> target(s).equals(target)).toList();
            long createSize = OpenMapping.anyCreate(sameTarget) ? OpenMapping.required(sameTarget) : 0;
            OpenMapping mapping = openGroup(group, sameTarget, createSize, startup);
            for (SharedSpec spec : group) {
                startup.entry(new AtomicsEntry(spec.name(), spec.type(), openView(mapping, spec).open(), mapping.source(spec)));
            }
        }
    }

    private static AtomicViewContext<?> openView(OpenMapping mapping, SharedSpec spec) {
        try {
            return mapping.view(spec);
        } catch (UnsupportedWidthException e) {
            throw AtomicsRegistryFactory.unsupportedWidth(spec.prefix(), spec.width(), e);
        } catch (AlignmentException e) {
            throw new AtomicsConfigurationException(spec.prefix() + ".offset", spec.offset(), "misaligned offset: "
                    + e.getMessage(), "Use an offset that is a multiple of the alignment named in the message.", e);
        }
    }

    /** Undoes the creation of a mapping's object or file; {@code directories} removes the directories created for it. */
    static Startup.Created created(OpenMapping mapping, Runnable directories) {
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
