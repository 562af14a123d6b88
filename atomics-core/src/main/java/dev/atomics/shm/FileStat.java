package dev.atomics.shm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code stat} says about a file or an open descriptor: its identity (device and inode), size, type and
 * owner. Identity is what tells a mapped object from a new one created under the same name.
 *
 * <p>For a descriptor, Linux reads {@code /proc/self/fd/N} (the kernel resolves it to the open file even after
 * the name was removed), which avoids {@code struct stat} layouts that differ by architecture and {@code fstat}
 * symbols that older glibc versions do not export; macOS calls {@code fstat} (one layout on 64-bit macOS).
 *
 * @param device  {@code st_dev}
 * @param inode   {@code st_ino}
 * @param size    {@code st_size} in bytes
 * @param mode    {@code st_mode}: type and permission bits
 * @param uid     the owner's user id
 */
record FileStat(long device, long inode, long size, int mode, int uid) {

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    /** macOS {@code struct stat} (64-bit inodes): the fields read here and their offsets. */
    private static final int MAC_STAT_SIZE = 144;

    private static final int MAC_ST_DEV = 0;
    private static final int MAC_ST_MODE = 4;
    private static final int MAC_ST_INO = 8;
    private static final int MAC_ST_UID = 16;
    private static final int MAC_ST_SIZE = 96;

    /** Whether it is a regular file (shared-memory objects are regular files of tmpfs on Linux). */
    boolean regular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** Whether it is a symbolic link (only seen when not following links). */
    boolean symlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** The file type in words, for messages. */
    String typeName() {
        switch (mode & S_IFMT) {
            case S_IFREG:
                return "a regular file";
            case S_IFLNK:
                return "a symbolic link";
            case S_IFDIR:
                return "a directory";
            case S_IFCHR:
                return "a character device";
            case S_IFBLK:
                return "a block device";
            case S_IFIFO:
                return "a FIFO";
            case S_IFSOCK:
                return "a socket";
            default:
                return "a special file (mode 0" + Integer.toOctalString(mode) + ")";
        }
    }

    /** Whether this and {@code other} are the same file (same device and inode). */
    boolean sameFile(FileStat other) {
        return other != null && device == other.device && inode == other.inode;
    }

    /**
     * The file behind an open descriptor.
     *
     * @throws IOException if the system cannot tell
     */
    static FileStat of(int fd) throws IOException {
        if (Posix.MAC) {
            byte[] st = new byte[MAC_STAT_SIZE];
            if (Posix.libc().fstat(fd, st) != 0) {
                int errno = Posix.errno();
                throw new IOException("fstat failed: " + Posix.strerror(errno) + " (errno " + errno + ")");
            }
            ByteBuffer b = ByteBuffer.wrap(st).order(ByteOrder.nativeOrder());
            return new FileStat(
                    b.getInt(MAC_ST_DEV),
                    b.getLong(MAC_ST_INO),
                    b.getLong(MAC_ST_SIZE),
                    b.getShort(MAC_ST_MODE) & 0xffff,
                    b.getInt(MAC_ST_UID));
        }
        return of(Path.of("/proc/self/fd/" + fd), true);
    }

    /**
     * The file at {@code path}, or {@code null} if there is none. Without {@code follow}, a symbolic link is
     * described itself (it is then not {@link #regular()}).
     *
     * @throws IOException if the system cannot tell (e.g. permission denied on a directory of the path)
     */
    static FileStat of(Path path, boolean follow) throws IOException {
        Map<String, Object> a;
        try {
            a = follow
                    ? Files.readAttributes(path, "unix:dev,ino,size,mode,uid")
                    : Files.readAttributes(path, "unix:dev,ino,size,mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException("this platform does not report file identities (" + e.getMessage() + ")", e);
        }
        return new FileStat(
                (Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"), (Integer) a.get("mode"), (Integer)
                        a.get("uid"));
    }
}
