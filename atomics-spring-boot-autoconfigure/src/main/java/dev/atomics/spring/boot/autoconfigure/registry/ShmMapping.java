package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.shm.MappingStatus;
import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryException;
import dev.atomics.shm.SharedMemoryNameException;
import dev.atomics.shm.SharedMemoryNotFoundException;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.util.List;

/**
 * A named POSIX shared-memory object mapped for the views of one or more {@code atomics.shared} entries.
 * Readonly entries get their own read-only mapping of the object (so their views refuse modifications);
 * writable entries share a read-write one.
 */
final class ShmMapping extends OpenMapping {

    private final SharedMemory shm;

    private ShmMapping(List<ResolvedAtomic> specs, SharedMemory shm, boolean created) {
        super(specs, shm, created);
        this.shm = shm;
    }

    /**
     * Opens {@code name} for {@code specs}, all readonly or all writable. {@code createSize} is positive if an
     * entry on the object (in this group or the other) says {@code create}: the object is then created or grown to
     * that size first, so that a readonly entry with {@code create=true} also makes room for its writable siblings
     * and the other way round; {@code mode} is what it is created with.
     */
    static ShmMapping open(String name, boolean readonly, List<ResolvedAtomic> specs, long createSize, int mode) {
        ResolvedAtomic first = specs.get(0);
        long required = required(specs);
        boolean create = createSize > 0;
        SharedMemory shm;
        boolean created = false;
        try {
            if (!readonly) {
                shm = create ? SharedMemory.openOrCreate(name, createSize, mode) : SharedMemory.open(name, false);
                created = shm.created();
            } else {
                if (create) {
                    try (SharedMemory writable = SharedMemory.openOrCreate(name, createSize, mode)) {
                        created = writable.created();
                    }
                }
                shm = openReadonly(name, created);
            }
        } catch (SharedMemoryNotFoundException e) {
            throw missing(first, "shared-memory object " + posix(name));
        } catch (SharedMemoryNameException e) {
            throw badName(first, e);
        } catch (SharedMemoryException e) {
            throw new AtomicsConfigurationException(
                    first.prefix() + ".shm",
                    name,
                    e.getMessage(),
                    "Check the name and"
                            + " that this process may " + (readonly ? "read" : "read and write") + " the object"
                            + (create ? " (and create it)" : "") + "; on Linux it is /dev/shm" + posix(name) + ".",
                    e);
        }
        if (shm.size() < required) {
            shm.close();
            throw pastTheEnd(specs, "shared-memory object " + shm.posixName(), shm.size());
        }
        return new ShmMapping(specs, shm, created);
    }

    /** Opens {@code name} read-only; if that fails right after this startup created it, removes it again. */
    private static SharedMemory openReadonly(String name, boolean created) {
        try {
            return SharedMemory.open(name, true);
        } catch (RuntimeException e) {
            if (created) {
                try {
                    SharedMemory.unlink(name);
                } catch (RuntimeException unlinkFailure) {
                    e.addSuppressed(unlinkFailure);
                }
            }
            throw e;
        }
    }

    static AtomicsConfigurationException badName(ResolvedAtomic spec, SharedMemoryNameException e) {
        // The core's message quotes the whole name, which may be of any length here.
        String problem = e.getMessage().replace(spec.target(), AtomicValues.abbreviate(spec.target(), 100));
        return new AtomicsConfigurationException(
                spec.prefix() + ".shm",
                spec.target(),
                problem,
                "Use a single path component of at most " + SharedMemory.maxNameLength() + " bytes, with an optional"
                        + " leading '/', such as myapp-counters.",
                e);
    }

    private static String posix(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    @Override
    public String kind() {
        return "shm";
    }

    @Override
    AtomicSource source(ResolvedAtomic spec) {
        return new AtomicSource.SharedMemory(spec.target(), spec.offset());
    }

    @Override
    public String target() {
        return shm.name();
    }

    @Override
    void remove() {
        MappingStatus status = status();
        if (status.state() != MappingStatus.State.OK && status.state() != MappingStatus.State.SHRUNK) {
            return; // already unlinked, or the name belongs to another object now
        }
        try {
            shm.unlink();
        } catch (SharedMemoryNotFoundException e) {
            // unlinked by someone else meanwhile: nothing left to remove
        }
    }

    @Override
    public String toString() {
        return "ShmMapping(" + shm.posixName() + ", " + size() + " bytes, atomics " + atomics() + ")";
    }
}
