package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.shm.MappedFile;
import dev.atomics.shm.MappedFileRefusedException;
import dev.atomics.shm.MappingStatus;
import dev.atomics.shm.SharedMemoryAccessException;
import dev.atomics.shm.SharedMemoryBoundsException;
import dev.atomics.shm.SharedMemoryException;
import dev.atomics.shm.SharedMemoryNotFoundException;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicsConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory-mapped file for the views of one or more {@code atomics.shared} entries, opened by the core's
 * {@link MappedFile}: never through a symbolic link unless the entries on the file say {@code follow-symlinks},
 * only a regular file, created exclusively or grown only if this process's user owns it. As for shared memory,
 * readonly entries get their own read-only mapping and writable entries share a read-write one.
 */
final class FileMapping extends OpenMapping {

    private final Path path;

    private FileMapping(List<ResolvedAtomic> specs, MappedFile file, boolean created) {
        super(specs, file, created);
        this.path = file.path();
    }

    /**
     * Maps {@code path} for {@code specs}, all readonly or all writable. {@code createSize} is positive if an
     * entry on the file (in this group or the other) says {@code create}: the file is then created or grown to
     * that size first, and created with {@code mode}. {@code follow} says whether the entries on the file allow a
     * symbolic link.
     */
    static FileMapping open(
            Path path, boolean readonly, List<ResolvedAtomic> specs, long createSize, boolean follow, int mode) {
        ResolvedAtomic first = specs.get(0);
        boolean create = createSize > 0;
        long required = create ? createSize : required(specs);
        List<MappedFile.Option> options = new ArrayList<>();
        if (create) {
            options.add(MappedFile.Option.CREATE);
        }
        if (readonly) {
            options.add(MappedFile.Option.READONLY);
        }
        if (follow) {
            options.add(MappedFile.Option.FOLLOW_LINKS);
        }
        String property = first.prefix() + ".file";
        if (create) {
            createDirectories(path, property, first);
        }
        try {
            MappedFile file = MappedFile.open(path, required, mode, options.toArray(MappedFile.Option[]::new));
            return new FileMapping(specs, file, file.created());
        } catch (SharedMemoryNotFoundException e) {
            if (!create) {
                throw missing(first, "file " + path);
            }
            throw new AtomicsConfigurationException(
                    property,
                    first.target(),
                    e.getMessage(),
                    "Check the path: a directory of it disappeared while the file was being created.",
                    e);
        } catch (SharedMemoryBoundsException e) {
            throw pastTheEnd(specs, "file " + path, path.toFile().length());
        } catch (MappedFileRefusedException e) {
            throw refused(first, property, e);
        } catch (SharedMemoryAccessException e) {
            throw new AtomicsConfigurationException(
                    property,
                    first.target(),
                    "permission denied: " + e.getMessage(),
                    "Give the user running this application " + (readonly ? "read" : "read and write") + " access to "
                            + path + (create ? " (and write access to its directory, to create it)" : "")
                            + ", or point " + property + " at a file it may use.",
                    e);
        } catch (SharedMemoryException e) {
            throw new AtomicsConfigurationException(
                    property,
                    first.target(),
                    "cannot open or map file " + path + ": " + e.getMessage(),
                    "Check the path and that this process may " + (readonly ? "read" : "read and write") + " it"
                            + (create ? " (and create it)" : "") + ".",
                    e);
        }
    }

    /** Creates the missing directories above a file that an entry says to create (never the file itself). */
    private static void createDirectories(Path path, String property, ResolvedAtomic first) {
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new AtomicsConfigurationException(
                        property,
                        first.target(),
                        "cannot create the directory " + parent + " for file " + path + ": " + e,
                        "Create the directory, or point " + property
                                + " at a file in an existing directory this process may write.",
                        e);
            }
        }
    }

    /**
     * Whether the entries on one file allow a symbolic link.
     *
     * @throws AtomicsConfigurationException if they disagree
     */
    static boolean followSymlinks(List<ResolvedAtomic> specs) {
        ResolvedAtomic first = specs.get(0);
        for (ResolvedAtomic s : specs) {
            if (s.followSymlinks() != first.followSymlinks()) {
                ResolvedAtomic yes = s.followSymlinks() ? s : first;
                ResolvedAtomic no = s.followSymlinks() ? first : s;
                throw new AtomicsConfigurationException(
                        yes.prefix() + ".follow-symlinks",
                        true,
                        "entries on file " + first.file() + " disagree: " + no.prefix() + ".follow-symlinks is false",
                        "Set follow-symlinks to the same value on every entry of the file.");
            }
        }
        return first.followSymlinks();
    }

    private static AtomicsConfigurationException refused(
            ResolvedAtomic first, String property, MappedFileRefusedException e) {
        String action;
        switch (e.reason()) {
            case SYMLINK:
                action = "Point " + property + " at the file itself, or, if the link is intended, set " + first.prefix()
                        + ".follow-symlinks=true.";
                break;
            case NOT_OWNED:
                action = "Grow the file as its owner, give it to the user running this application, or use offsets"
                        + " within its current size.";
                break;
            default:
                action = "Point " + property + " at a regular file on a disk or tmpfs (it is mapped into memory).";
                break;
        }
        return new AtomicsConfigurationException(property, first.target(), e.getMessage(), action, e);
    }

    /**
     * Deletes the file this mapping created, unless the path now names another file (one that replaced it must
     * survive). Directories this startup created are the factory's to remove.
     */
    @Override
    void remove() {
        MappingStatus status = status();
        if (status.state() != MappingStatus.State.OK && status.state() != MappingStatus.State.SHRUNK) {
            return; // already gone, or the name belongs to another file now
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ", which the failed startup created", e);
        }
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    AtomicSource source(ResolvedAtomic spec) {
        return new AtomicSource.MappedFile(spec.file(), spec.offset());
    }

    @Override
    public String target() {
        return path.toString();
    }

    @Override
    public String toString() {
        return "FileMapping(" + path + ", " + size() + " bytes, atomics " + atomics() + ")";
    }
}
