package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.AtomicViewContext;
import dev.atomics.spring.boot.AtomicsConfigurationException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A memory-mapped file shared by the views of one or more {@code atomics.shared} entries: one mapping of the
 * range from the page below the lowest offset to the end of the furthest atomic. Read-write unless every entry
 * is readonly and nothing needs creating; readonly entries of a read-write mapping get read-only slices.
 */
final class FileMapping extends OpenMapping {

    private static final long PAGE = 4096;

    private final Path path;
    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private final long start;
    private final long end;
    private final Object fileKey;
    private final boolean readonly;
    private final boolean created;

    private FileMapping(List<SharedSpec> specs, Path path, FileChannel channel, MappedByteBuffer buffer, long start,
                        long end, Object fileKey, boolean created) {
        super(specs);
        this.path = path;
        this.channel = channel;
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.fileKey = fileKey;
        this.readonly = buffer.isReadOnly();
        this.created = created;
    }

    /** Opens (creating or extending it if an entry says {@code create}) and maps {@code path} for {@code specs}. */
    static FileMapping open(Path path, List<SharedSpec> specs) {
        SharedSpec first = specs.get(0);
        long required = required(specs);
        long start = specs.stream().mapToLong(SharedSpec::offset).min().orElseThrow() / PAGE * PAGE;
        if (required - start > Integer.MAX_VALUE) {
            throw new AtomicsConfigurationException(first.prefix() + ".offset", first.offset(), "the atomics in file " + path
                    + " span " + (required - start) + " bytes, more than one mapping can hold (2 GiB)",
                    "Keep the atomics of one file within 2 GiB of each other.");
        }
        boolean create = anyCreate(specs);
        boolean exists = Files.exists(path);
        if (exists && !Files.isRegularFile(path)) {
            throw new AtomicsConfigurationException(first.prefix() + ".file", first.target(), path + " is not a regular file",
                    "Point " + first.prefix() + ".file at a regular file (it is mapped into memory).");
        }
        if (!exists && !create) {
            throw missing(first, "file " + path);
        }
        try {
            long size = exists ? Files.size(path) : 0;
            if (size < required && !create) {
                throw pastTheEnd(specs, "file " + path, size);
            }
            boolean writable = !exists || size < required || specs.stream().anyMatch(s -> !s.readonly());
            Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ);
            if (writable) {
                options.add(StandardOpenOption.WRITE);
            }
            if (!exists) {
                Path parent = path.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                options.add(StandardOpenOption.CREATE);
            }
            FileChannel channel = FileChannel.open(path, options);
            try {
                if (channel.size() < required) {
                    extend(channel, required);
                }
                MappedByteBuffer buffer = channel.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
                        start, required - start);
                Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                return new FileMapping(specs, path, channel, buffer, start, required, key, !exists);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new AtomicsConfigurationException(first.prefix() + ".file", first.target(), "cannot open or map file "
                    + path + ": " + e, "Check that the path is right and that this process may read"
                    + (specs.stream().allMatch(SharedSpec::readonly) ? "" : " and write") + " it (and create it, with create=true).", e);
        }
    }

    /**
     * Grows the file to {@code required} bytes by writing one zero byte at its last position, under an exclusive
     * lock and only if it is still smaller, so that processes starting together never shrink or overwrite
     * each other's data.
     */
    private static void extend(FileChannel channel, long required) throws IOException {
        try (FileLock lock = channel.lock()) {
            if (channel.size() < required) {
                channel.write(ByteBuffer.wrap(new byte[1]), required - 1);
                channel.force(false);
            }
        }
    }

    @Override
    AtomicViewContext<?> view(SharedSpec spec) {
        ByteBuffer slice = buffer.slice(Math.toIntExact(spec.offset() - start), spec.width());
        if (spec.readonly() && !slice.isReadOnly()) {
            slice = slice.asReadOnlyBuffer();
        }
        return Views.of(slice, spec.type(), spec.engine());
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public String target() {
        return path.toString();
    }

    @Override
    public boolean readonly() {
        return readonly;
    }

    @Override
    public long size() {
        return end - start;
    }

    @Override
    public Optional<String> problem() {
        if (!channel.isOpen()) {
            return Optional.of("file " + path + " is closed");
        }
        try {
            if (!Files.exists(path)) {
                return Optional.of("file " + path + " was deleted");
            }
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (fileKey != null && !Objects.equals(key, fileKey)) {
                return Optional.of("file " + path + " was replaced by another file: the views still use the old one");
            }
            long size = channel.size();
            if (size < end) {
                return Optional.of("file " + path + " was truncated to " + size + " bytes; its atomics need " + end
                        + " (touching the missing pages would crash the JVM with SIGBUS)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("file " + path + " cannot be checked: " + e);
        }
    }

    /**
     * Whether {@link #open} created the file (it did not exist when open looked, right before creating it);
     * extending an existing file does not count.
     */
    @Override
    boolean created() {
        return created;
    }

    /**
     * Deletes the file this mapping created, unless the path now names another file (one that replaced it must
     * survive).
     */
    @Override
    void remove() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (fileKey == null || Objects.equals(key, fileKey)) {
                Files.delete(path);
            }
        } catch (NoSuchFileException e) {
            // already deleted: nothing left to remove
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + path + ", which the failed startup created", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot close " + path, e);
        }
    }

    @Override
    public String toString() {
        return "FileMapping(" + path + ", bytes " + start + ".." + end + ", atomics " + atomics() + ")";
    }
}
