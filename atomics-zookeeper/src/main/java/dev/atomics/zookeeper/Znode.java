package dev.atomics.zookeeper;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * The one mechanism behind every operation of an atomic on a znode: read data and version, compute, write
 * conditionally on the version, start over after a conflict. Writes go to the ZooKeeper handle directly, never
 * through Curator's retry loop: a resent {@code setData} whose first copy was applied would apply the operation
 * twice (or, conditional, fail and be applied again on a re-read).
 */
final class Znode {

    /** What a read-modify-write writes given the current data (exactly {@code width} bytes); {@code null}: nothing. */
    interface Change {
        byte[] next(byte[] current);
    }

    /** Who operates, for messages: the atomic's {@code describe}. */
    interface Caller {
        String describe(String operation);
    }

    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    final ZookeeperAtomics owner;
    final String path;
    final int width;
    /** Whether the atomics on it only read: every write is refused before anything is sent. */
    final boolean readonly;

    Znode(ZookeeperAtomics owner, String path, int width, boolean readonly) {
        this.owner = owner;
        this.path = path;
        this.width = width;
        this.readonly = readonly;
    }

    String ensemble() {
        return owner.ensemble();
    }

    /** The data, checked to be a value: exactly {@code width} bytes; linearizable if asked. */
    byte[] read(Caller who, String name, boolean linearizable) {
        Stat stat = new Stat();
        for (int attempt = 1; ; attempt++) {
            byte[] data = getData(who, name, stat);
            if (!linearizable || confirm(who, name, stat.getVersion())) {
                return data;
            }
            pause(who, name, attempt);
        }
    }

    /**
     * Runs {@code change} on the current data until its write lands on the version it was computed from; returns
     * the data it was computed from (the value before).
     */
    byte[] update(Caller who, String name, boolean linearizable, Change change) {
        Stat stat = new Stat();
        for (int attempt = 1; ; attempt++) {
            byte[] old = getData(who, name, stat);
            byte[] next = change.next(old.clone());
            int version = stat.getVersion();
            if (next == null) {
                // nothing to write (a failed compare-and-exchange): the value read is the answer
                if (!linearizable || confirm(who, name, version)) {
                    return old;
                }
            } else if (version == -1) {
                // a conditional write with version -1 is unconditional: never sent
                throw new ZookeeperValueException(
                        who.describe(name) + " refused: the znode's version is -1 (it"
                                + " wrapped past 2^32 - 1 updates by other writers); a conditional write with it would"
                                + " be blind. Recreate the znode",
                        path,
                        null);
            } else if (version >= owner.settings.rotateAtVersion() || version < 0
                    ? rotate(who, name, stat, old, next)
                    : setData(who, name, stat, next)) {
                return old;
            }
            pause(who, name, attempt);
        }
    }

    /** Creates the znode with {@code data} (parents as containers) unless it exists; whether it created it. */
    boolean create(Caller who, byte[] data) {
        try {
            owner.client().create().creatingParentContainersIfNeeded().forPath(path, data);
            return true;
        } catch (KeeperException.NodeExistsException e) {
            return false;
        } catch (KeeperException e) {
            throw failure(who, "createIfAbsent", e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperOutcomeUnknownException(who.describe("createIfAbsent") + " interrupted", path, e);
        } catch (Exception e) {
            throw new ZookeeperUnavailableException(who.describe("createIfAbsent") + " failed: " + e, path, e);
        }
    }

    private ZooKeeper handle(Caller who, String name) {
        try {
            return owner.client().getZookeeperClient().getZooKeeper();
        } catch (Exception e) {
            throw new ZookeeperUnavailableException(
                    who.describe(name) + " failed: no connection to ZooKeeper at " + ensemble() + " (" + e + ")",
                    path,
                    e);
        }
    }

    private byte[] getData(Caller who, String name, Stat stat) {
        byte[] data;
        try {
            data = handle(who, name).getData(path, false, stat);
        } catch (KeeperException e) {
            throw failure(who, name, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperUnavailableException(who.describe(name) + " interrupted before writing", path, e);
        }
        if (data == null || data.length != width) {
            throw new ZookeeperValueException(
                    who.describe(name) + " refused: the znode holds "
                            + (data == null || data.length == 0 ? "no data" : data.length + " bytes") + ", not the "
                            + width
                            + " bytes of a value; it is never read as 0 or overwritten",
                    path,
                    null);
        }
        return data;
    }

    /**
     * A {@code setData} conditional on the version read in {@code read}: whether it landed ({@code false}: someone
     * else wrote first).
     */
    private boolean setData(Caller who, String name, Stat read, byte[] next) {
        try {
            Stat written = handle(who, name).setData(path, next, read.getVersion());
            checkSameZnode(who, name, read, written);
            return true;
        } catch (KeeperException.BadVersionException e) {
            return false;
        } catch (KeeperException e) {
            throw failure(who, name, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperOutcomeUnknownException(
                    who.describe(name) + " interrupted while its write was in" + " flight: it may have been applied",
                    path,
                    e);
        }
    }

    /**
     * Replaces the znode at {@code version} by a new one holding {@code next}, in one transaction, so that its
     * version starts again at 0 long before the signed 32-bit counter wraps (a negative version stops being a
     * reliable condition, and -1 is none). Watchers see {@code NodeDeleted}; the ACL is kept; a znode with
     * children cannot be replaced.
     */
    private boolean rotate(Caller who, String name, Stat read, byte[] old, byte[] next) {
        int version = read.getVersion();
        ZooKeeper zk = handle(who, name);
        List<ACL> acl;
        try {
            acl = zk.getACL(path, new Stat());
        } catch (KeeperException e) {
            throw failure(who, name, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperUnavailableException(who.describe(name) + " interrupted before writing", path, e);
        }
        try {
            // the setData (of the data read) reports which znode the transaction acted on, as setData does alone;
            // version + 1 is what it leaves (wrapping as the server's does; -1 there is the same znode anyway)
            List<OpResult> results = zk.multi(List.of(
                    org.apache.zookeeper.Op.setData(path, old, version),
                    org.apache.zookeeper.Op.delete(path, version + 1),
                    org.apache.zookeeper.Op.create(path, next, acl, CreateMode.PERSISTENT)));
            checkSameZnode(who, name, read, ((OpResult.SetDataResult) results.get(0)).getStat());
            return true;
        } catch (KeeperException.BadVersionException e) {
            return false;
        } catch (KeeperException.NotEmptyException e) {
            throw new ZookeeperValueException(
                    who.describe(name) + " refused: the znode's version " + version
                            + " is near the end of its 32-bit range and it has children, so it cannot be replaced by a "
                            + "new one; move the value to a znode without children",
                    path,
                    e);
        } catch (KeeperException e) {
            throw failure(who, name, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperOutcomeUnknownException(
                    who.describe(name) + " interrupted while its write was in" + " flight: it may have been applied",
                    path,
                    e);
        }
    }

    /**
     * Refuses to report success for a write that landed on another znode than the one read: a replacement (after a
     * rotation by another writer, or a delete and create) that had come to the same version. Conditions on the
     * version alone cannot tell them apart, and a replacement reaches the version read only after as many writes as
     * the rotation threshold (about 2^31 by default) while this operation was between its read and its write; the
     * creation zxid tells. The write is done and was computed from the replaced znode's value, so updates made to
     * the replacement before it are lost: said, never silent.
     */
    private void checkSameZnode(Caller who, String name, Stat read, Stat written) {
        if (written != null && written.getCzxid() != read.getCzxid()) {
            throw new ZookeeperValueException(
                    who.describe(name) + " wrote to a replacement of the znode it had read (created at zxid 0x"
                            + Long.toHexString(written.getCzxid()) + ", read from zxid 0x"
                            + Long.toHexString(read.getCzxid()) + "), which had come to the same version: its value"
                            + " was computed from the old znode, and updates made to the replacement before it are"
                            + " lost",
                    path,
                    null);
        }
    }

    /**
     * Whether the znode is still at {@code version}, committed through the leader: {@code multi(check)}. The
     * version is never -1, which would pass whatever the znode holds.
     */
    private boolean confirm(Caller who, String name, int version) {
        if (version == -1) {
            throw new ZookeeperValueException(
                    who.describe(name) + " refused: the znode's version is -1, which no"
                            + " check can confirm. Recreate the znode",
                    path,
                    null);
        }
        try {
            handle(who, name).multi(List.of(org.apache.zookeeper.Op.check(path, version)));
            return true;
        } catch (KeeperException.BadVersionException e) {
            return false;
        } catch (KeeperException e) {
            throw failure(who, name, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZookeeperUnavailableException(who.describe(name) + " interrupted", path, e);
        }
    }

    /** A random pause before attempt {@code attempt + 1}, its bound doubling up to the limit; or the limit. */
    private void pause(Caller who, String name, int attempt) {
        ZookeeperAtomics.Settings s = owner.settings;
        if (attempt >= s.maxAttempts()) {
            throw new ZookeeperContentionException(
                    who.describe(name) + " gave up after " + attempt + " attempts:"
                            + " the znode changed under every one (nothing was written)",
                    path);
        }
        long bound = Math.min(s.maxBackoff().toNanos(), FIRST_BACKOFF_NANOS << Math.min(attempt - 1, 30));
        if (bound > 0) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound + 1));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ZookeeperUnavailableException(
                    who.describe(name) + " interrupted between attempts (nothing was" + " written)", path, null);
        }
    }

    /** The typed exception for a server's error; {@code written}: whether a write of ours may be in flight. */
    private ZookeeperAtomicsException failure(Caller who, String name, KeeperException e, boolean written) {
        Code code = e.code();
        String what = who.describe(name);
        if (code == Code.NONODE) {
            return new ZookeeperMissingNodeException(
                    what + " refused: the znode does not exist (never created, or"
                            + " deleted); it is never read as 0 or recreated by an operation",
                    path,
                    e);
        }
        boolean lost = code == Code.CONNECTIONLOSS
                || code == Code.OPERATIONTIMEOUT
                || code == Code.SESSIONMOVED
                || code == Code.SESSIONEXPIRED;
        if (lost && written) {
            return new ZookeeperOutcomeUnknownException(
                    what + " failed with " + code + " while its write was in" + " flight to " + ensemble()
                            + ": it may have been applied (once); it is not resent",
                    path,
                    e);
        }
        return new ZookeeperUnavailableException(
                what + " failed with " + code + " at " + ensemble()
                        + (written ? " (the write was refused: nothing changed)" : " (nothing was written)"),
                path,
                e);
    }
}
