package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicViewContext;
import dev.atomics.shm.MappingStatus;
import dev.atomics.shm.SharedMapping;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsMapping;

import java.util.Comparator;
import java.util.List;

/**
 * A mapping opened by the factory: a core {@link SharedMapping} (shared memory or file) and the entries on it,
 * whose views it hands out. Offsets of entries are offsets into the mapping.
 */
abstract class OpenMapping implements AtomicsMapping {

    private final List<String> atomics;
    private final SharedMapping mapping;
    private final boolean created;

    /** {@code created}: whether this startup created the object or file (growing an existing one does not count). */
    OpenMapping(List<SharedSpec> specs, SharedMapping mapping, boolean created) {
        this.atomics = specs.stream().map(SharedSpec::name).toList();
        this.mapping = mapping;
        this.created = created;
    }

    @Override
    public final List<String> atomics() {
        return atomics;
    }

    /** A context for the view of {@code spec}, which is one of this mapping's entries. */
    final AtomicViewContext<?> view(SharedSpec spec) {
        return Views.of(mapping, spec.offset(), spec.width(), spec.type(), spec.engine());
    }

    @Override
    public final boolean readonly() {
        return mapping.readonly();
    }

    @Override
    public final long size() {
        return mapping.size();
    }

    @Override
    public final MappingStatus status() {
        return mapping.status();
    }

    @Override
    public final long load(long offset, int width) {
        return mapping.load(offset, width);
    }

    @Override
    public final void close() {
        mapping.close();
    }

    /**
     * Whether opening this mapping created the shared-memory object or file (it did not exist before). Growing an
     * existing one does not count: only what was created may be {@link #remove() removed}.
     */
    final boolean created() {
        return created;
    }

    /**
     * Removes the name of the object or file that opening this mapping {@link #created()}, if the name still
     * refers to it: only when startup fails, before {@link #close()} (so that the mapping can still tell its
     * object from a newcomer under the name), so that a failed startup leaves nothing behind. Never called on a
     * normal shutdown.
     *
     * @throws RuntimeException if it cannot be removed (it then stays, and the failure is reported with the
     *                          startup failure)
     */
    abstract void remove();

    static long required(List<SharedSpec> specs) {
        return specs.stream().mapToLong(SharedSpec::end).max().orElseThrow();
    }

    static boolean anyCreate(List<SharedSpec> specs) {
        return specs.stream().anyMatch(SharedSpec::create);
    }

    /** The error for the entry reaching furthest past {@code size} bytes of {@code what}. */
    static AtomicsConfigurationException pastTheEnd(List<SharedSpec> specs, String what, long size) {
        SharedSpec s = specs.stream().max(Comparator.comparingLong(SharedSpec::end)).orElseThrow();
        String action = size >= s.width()
                ? "Use an offset of at most " + ((size - s.width()) / s.width() * s.width()) + " (size - width, aligned), or set "
                  + s.prefix() + ".create=true to extend " + what + " to " + s.end() + " bytes."
                : "Set " + s.prefix() + ".create=true to extend " + what + " to " + s.end() + " bytes.";
        return new AtomicsConfigurationException(s.prefix() + ".offset", s.offset(), "offset " + s.offset() + " + width "
                + s.width() + " = " + s.end() + " is past the end of " + what + ", which has " + size + " bytes", action);
    }

    static AtomicsConfigurationException missing(SharedSpec s, String what) {
        return new AtomicsConfigurationException(s.prefix() + (s.shm() ? ".shm" : ".file"), s.target(), what
                + " does not exist", "Create it first (e.g. start the process that owns it), or set " + s.prefix()
                + ".create=true to create it at startup.");
    }
}
