package dev.atomics.zookeeper;

import dev.atomics.Atomic;
import java.math.BigInteger;

/**
 * An atomic stored in a znode: an {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint},
 * {@link dev.atomics.AtomicInt128}, {@link dev.atomics.AtomicUint128} or {@link dev.atomics.AtomicBytes} made by
 * {@link ZookeeperAtomics}, whose {@link #engine()} is {@link dev.atomics.Engine#ZOOKEEPER}.
 *
 * <p>Every modifying operation reads the znode's data and version, computes the new value, and writes it with a
 * {@code setData} conditional on that version; a conflicting write by someone else makes it start over, after a
 * short random pause, up to a limit ({@link ZookeeperContentionException}). A write whose answer is lost throws
 * {@link ZookeeperOutcomeUnknownException} and is never resent. A missing znode or one of another length is never
 * read as 0 and never overwritten ({@link ZookeeperValueException}). Memory orders are checked as for local
 * atomics and otherwise make no difference: writes are linearizable, reads as {@link #readMode()} says.
 */
public interface ZookeeperAtomic extends Atomic {

    /** The path of the znode holding the value. */
    String path();

    /** The ensemble's connect string, e.g. {@code zk1:2181,zk2:2181,zk3:2181}. */
    String ensemble();

    /** What this object's reads promise. */
    ReadMode readMode();

    /**
     * Creates the znode holding {@code initial} (and its missing parents, as containers) if there is no znode at
     * the path; leaves an existing one as it is, whatever it holds.
     *
     * @param initial the value: an integer in this type's range (for bytes, the unsigned integer whose
     *                little-endian image the bytes are)
     * @return whether this call created it
     * @throws dev.atomics.OperandRangeException if {@code initial} is out of range
     */
    boolean createIfAbsent(BigInteger initial);

    /** {@link #createIfAbsent(BigInteger)} holding zero. */
    default boolean createIfAbsent() {
        return createIfAbsent(BigInteger.ZERO);
    }
}
