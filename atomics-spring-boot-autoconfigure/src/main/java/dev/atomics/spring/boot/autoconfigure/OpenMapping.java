package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicViewContext;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.AtomicsMapping;

import java.util.Comparator;
import java.util.List;

/** A mapping opened by the factory, which hands out the views of its entries. */
abstract class OpenMapping implements AtomicsMapping {

    private final List<String> atomics;

    OpenMapping(List<SharedSpec> specs) {
        this.atomics = specs.stream().map(SharedSpec::name).toList();
    }

    @Override
    public final List<String> atomics() {
        return atomics;
    }

    /** A context for the view of {@code spec}, which is one of this mapping's entries. */
    abstract AtomicViewContext<?> view(SharedSpec spec);

    /**
     * Whether opening this mapping created the shared-memory object or file (it did not exist before). Growing an
     * existing one does not count: only what was created may be {@link #remove() removed}.
     */
    abstract boolean created();

    /**
     * Removes the object or file that opening this mapping {@link #created()}: only when startup fails, after
     * {@link #close()}, so that a failed startup leaves nothing behind. Never called on a normal shutdown.
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
