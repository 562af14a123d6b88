package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Engine;
import dev.atomics.spring.boot.AtomicsBackend;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.AtomicsRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What the kinds opened during one startup, in order: the atomics and their backends, and what each backend
 * created (a shared-memory object, a file and its directories). If the registry cannot be built, {@link #rollBack}
 * closes everything and removes what this startup created; otherwise {@link #registry} hands it all to the registry,
 * which never removes anything, except under test isolation ({@code atomics.test.isolate}): then each backend
 * removes what it created when it closes, the same way a failed startup would.
 */
final class Startup {

    private static final Log logger = LogFactory.getLog(AtomicsRegistryFactory.class);

    /** What a backend created at this startup, to remove again if the startup fails. */
    interface Created {

        /** What it is, for the log: e.g. {@code shm /myapp-counters}. */
        String describe();

        /**
         * Removes it, while every backend is still open (so that it can tell its own object from a newcomer under the
         * name); does nothing if the name no longer refers to what this startup created.
         *
         * @throws RuntimeException if it cannot be removed (it stays; the failure is reported with the startup's)
         */
        void remove();

        /** After every backend is closed, and only if {@link #remove()} succeeded: e.g. removes created directories. */
        default void afterClose() {}
    }

    /** A backend that can remove what its startup created when it closes (test isolation). */
    interface RemovableAtClose {

        /**
         * Makes {@link AtomicsBackend#close()} call {@link Created#remove()} first and {@link Created#afterClose()}
         * last.
         */
        void removeAtClose(Created created);
    }

    private final Engine defaultEngine;
    private final boolean isolated;

    private final List<AtomicsBackend> backends = new ArrayList<>();
    private final List<@Nullable Created> created = new ArrayList<>();
    private final Map<String, AtomicsEntry> entries = new HashMap<>();

    /**
     * @param defaultEngine the engine of atomics configured without one ({@code atomics.engine})
     * @param isolated      whether the backends remove what this startup created when they close (test isolation)
     */
    Startup(Engine defaultEngine, boolean isolated) {
        this.defaultEngine = defaultEngine;
        this.isolated = isolated;
    }

    /** Records an opened backend, and what opening it created ({@code null} if nothing). */
    void backend(AtomicsBackend backend, @Nullable Created created) {
        this.backends.add(backend);
        this.created.add(created);
    }

    /** Records a built atomic. */
    void entry(AtomicsEntry entry) {
        entries.put(entry.name(), entry);
    }

    /** The registry of everything opened, its entries in {@code order} (the configuration's). */
    AtomicsRegistry registry(List<String> order) {
        if (isolated) {
            // armed only now: a failed startup removes what it created in rollBack, once
            for (int i = 0; i < backends.size(); i++) {
                if (created.get(i) != null && backends.get(i) instanceof RemovableAtClose removable) {
                    removable.removeAtClose(created.get(i));
                }
            }
        }
        return new AtomicsRegistry(order.stream().map(entries::get).toList(), backends, defaultEngine);
    }

    /**
     * Removes, newest first, everything this startup created, then closes every backend, then finishes the removals
     * (directories). Failures are added to {@code failure} as suppressed exceptions: it stays the one reported.
     */
    void rollBack(Throwable failure) {
        List<Created> removed = new ArrayList<>();
        for (int i = backends.size() - 1; i >= 0; i--) {
            Created c = created.get(i);
            if (c != null) {
                try {
                    c.remove();
                    removed.add(c);
                    logger.info("Startup failed: removed " + c.describe() + ", which it had created");
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
        for (AtomicsBackend backend : backends) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        for (Created c : removed) {
            try {
                c.afterClose();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
