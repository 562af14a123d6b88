package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.spring.boot.AtomicsConfigurationException;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} kind: {@code atomics.shared} entries with {@code file}, views on a memory-mapped regular file
 * ({@link FileMapping}: no final symbolic link unless {@code follow-symlinks}, created exclusively, grown only if
 * owned), once per access mode. A failed startup removes the file and the directories it created for it.
 */
final class FileKind extends MappingKind {

    FileKind(@Nullable Isolation isolation) {
        super(isolation);
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    boolean shm() {
        return false;
    }

    @Override
    long maxEnd() {
        return Long.MAX_VALUE;
    }

    @Override
    String maxEndReason() {
        return "no file can be larger than " + Long.MAX_VALUE + " bytes";
    }

    @Override
    ResolvedAtomic spec(ResolvedAtomic b, AtomicsProperties.Shared entry, long offset) {
        String target = entry.getFile().trim();
        Path file;
        try {
            file = Path.of(target).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            // (the exception's message repeats the whole input: give the reason and the position only)
            throw new AtomicsConfigurationException(
                    b.prefix() + ".file",
                    target,
                    "not a valid path: " + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""),
                    "Set " + b.prefix() + ".file to the path of the file to map.",
                    e);
        }
        if (isolation != null) {
            file = isolation.file(file);
        }
        return b.shared(
                false,
                target,
                file,
                offset,
                create(entry),
                entry.isReadonly(),
                entry.isFollowSymlinks(),
                mode(b.prefix(), entry.getMode()));
    }

    @Override
    String target(ResolvedAtomic spec) {
        return "file:" + spec.file();
    }

    @Override
    OpenMapping openGroup(
            List<ResolvedAtomic> group, List<ResolvedAtomic> sameTarget, long createSize, int mode, Startup startup) {
        ResolvedAtomic first = group.get(0);
        // under test isolation every directory below the context's own was created for it: the last file removed takes
        // them all, up to that directory
        Path missing = isolation != null ? isolation.root() : firstMissingDirectory(first.file());
        FileMapping mapping = FileMapping.open(
                first.file(), first.readonly(), group, createSize, FileMapping.followSymlinks(sameTarget), mode);
        Runnable directories = missing == null
                ? null
                : () -> removeEmptyDirectories(first.file().getParent(), missing);
        record(startup, mapping, directories);
        return mapping;
    }

    /** The topmost ancestor directory of {@code file} that does not exist, or null if its parent exists. */
    private static Path firstMissingDirectory(Path file) {
        Path missing = null;
        for (Path dir = file.getParent();
                dir != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
                dir = dir.getParent()) {
            missing = dir;
        }
        return missing;
    }

    /**
     * Deletes the directories from {@code parent} (a file's directory) up to {@code top}, which did not exist before,
     * innermost first, each only while empty: a directory that something else put a file into in the meantime stays,
     * with its parents.
     */
    private static void removeEmptyDirectories(Path parent, Path top) {
        for (Path d = parent; d != null && d.startsWith(top); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (IOException e) {
                return;
            }
        }
    }
}
