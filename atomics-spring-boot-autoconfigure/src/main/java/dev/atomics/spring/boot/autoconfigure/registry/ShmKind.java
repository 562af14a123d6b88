package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.shm.SharedMemory;
import dev.atomics.shm.SharedMemoryNameException;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code shm} kind: {@code atomics.shared} entries with {@code shm}, views on a named POSIX shared-memory
 * object, which is mapped whole ({@link ShmMapping}), once per access mode.
 */
final class ShmKind extends MappingKind {

    /**
     * The largest {@code offset + width} of a shared-memory object: the object is mapped whole, and no 64-bit
     * platform gives a process more than 128 TiB of address space to map it into.
     */
    static final long MAX_SHM_END = 1L << 47;

    ShmKind(@Nullable Isolation isolation) {
        super(isolation);
    }

    @Override
    public String name() {
        return "shm";
    }

    @Override
    boolean shm() {
        return true;
    }

    @Override
    long maxEnd() {
        return MAX_SHM_END;
    }

    @Override
    String maxEndReason() {
        return "a shared-memory object is mapped whole, so its atomics must end within " + MAX_SHM_END
                + " bytes (128 TiB)";
    }

    @Override
    ResolvedAtomic spec(ResolvedAtomic b, AtomicsProperties.Shared entry, long offset) {
        String target = isolation == null
                ? entry.getShm().trim()
                : isolation.shm(entry.getShm().trim());
        ResolvedAtomic spec = b.shared(
                true,
                target,
                null,
                offset,
                create(entry),
                entry.isReadonly(),
                false,
                mode(b.prefix(), entry.getMode()));
        try {
            SharedMemory.posixName(target);
        } catch (SharedMemoryNameException e) {
            throw ShmMapping.badName(spec, e);
        }
        if (entry.isFollowSymlinks()) {
            throw new AtomicsConfigurationException(
                    b.prefix() + ".follow-symlinks",
                    true,
                    "follow-symlinks applies to" + " 'file' entries only: a shared-memory name is never a link",
                    "Remove " + b.prefix() + ".follow-symlinks.");
        }
        return spec;
    }

    @Override
    String target(ResolvedAtomic spec) {
        return "shm:" + SharedMemory.posixName(spec.target());
    }

    @Override
    OpenMapping openGroup(
            List<ResolvedAtomic> group, List<ResolvedAtomic> sameTarget, long createSize, int mode, Startup startup) {
        ResolvedAtomic first = group.get(0);
        ShmMapping mapping = ShmMapping.open(first.target(), first.readonly(), group, createSize, mode);
        record(startup, mapping, null);
        return mapping;
    }
}
