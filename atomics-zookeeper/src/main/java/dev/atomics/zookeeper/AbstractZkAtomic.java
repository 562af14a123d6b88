package dev.atomics.zookeeper;

import static dev.atomics.Checks.anyOrder;
import static dev.atomics.Checks.bitOffset;
import static dev.atomics.Checks.loadOrder;

import dev.atomics.AtomicType;
import dev.atomics.Checks;
import dev.atomics.Engine;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import dev.atomics.OperandRangeException;
import dev.atomics.UnsupportedOpException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * What every atomic on a znode has: the znode, the type, the read mode, and the operations that work on the
 * stored bytes whatever the type (bit operations, reads, the write of a computed value). The arguments an
 * operation takes are checked as for local atomics (same rules, same exceptions) before anything is sent.
 */
abstract class AbstractZkAtomic implements ZookeeperAtomic, Znode.Caller {

    final Znode znode;
    final int width;
    final boolean linearizable;
    private final AtomicType<?, ?, ?> type;
    /** Whether bit 0 is in the last stored byte (integers, big-endian) or the first (bytes). */
    private final boolean bigEndian;

    private final List<Op> opsSupported;

    AbstractZkAtomic(Znode znode, boolean linearizable, AtomicType<?, ?, ?> type) {
        this.znode = znode;
        this.width = znode.width;
        this.linearizable = linearizable;
        this.type = type;
        this.bigEndian = type.isIntegral();
        this.opsSupported = Arrays.stream(Op.values())
                .filter(op -> (type.isIntegral() || !op.isArithmetic()) && (!znode.readonly || op.isReadOnly()))
                .toList();
    }

    /** The simple interface name shown in messages and {@code toString}, e.g. {@code AtomicInt}. */
    abstract String typeName();

    /** The same atomic with other reads. */
    abstract AbstractZkAtomic withReads(boolean linearizable);

    @Override
    public final String path() {
        return znode.path;
    }

    @Override
    public final String ensemble() {
        return znode.ensemble();
    }

    @Override
    public final ReadMode readMode() {
        return linearizable ? ReadMode.LINEARIZABLE : ReadMode.SEQUENTIAL;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final boolean readonly() {
        return znode.readonly;
    }

    @Override
    public final List<Op> opsSupported() {
        return opsSupported;
    }

    @Override
    public final AtomicType<?, ?, ?> type() {
        return type;
    }

    /** {@link Engine#ZOOKEEPER}: the ensemble performs every operation. */
    @Override
    public final Engine engine() {
        return Engine.ZOOKEEPER;
    }

    @Override
    public final String describe(String operation) {
        return operation + " on " + typeName() + " at znode '" + znode.path + "'";
    }

    @Override
    public final boolean createIfAbsent(BigInteger initial) {
        refuseIfReadonly("createIfAbsent");
        BigInteger min = type.signed() ? BigInteger.ONE.shiftLeft(8 * width - 1).negate() : BigInteger.ZERO;
        BigInteger max = (type.signed() ? BigInteger.ONE.shiftLeft(8 * width - 1) : BigInteger.ONE.shiftLeft(8 * width))
                .subtract(BigInteger.ONE);
        if (initial.compareTo(min) < 0 || initial.compareTo(max) > 0) {
            throw new OperandRangeException("initial value " + initial + " does not fit " + typeName() + " of width "
                    + width + ": the range is [" + min + ", " + max + "]");
        }
        byte[] big = initial.toByteArray(); // big-endian two's complement, minimal length
        byte[] data = new byte[width];
        byte fill = (byte) (initial.signum() < 0 ? -1 : 0);
        for (int i = 0; i < width; i++) {
            int j = big.length - 1 - i;
            data[width - 1 - i] = j >= 0 ? big[j] : fill;
        }
        if (!bigEndian) {
            reverse(data);
        }
        return znode.create(this, data);
    }

    /** The value in native byte order, as a local atomic's memory holds it. */
    @Override
    public final byte[] loadBytes() {
        byte[] data = read("loadBytes", MemoryOrder.SEQ_CST);
        if (bigEndian && java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            reverse(data);
        }
        return data;
    }

    static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /** The stored data, after checking the order as a load's. */
    final byte[] read(String name, MemoryOrder order) {
        loadOrder(order);
        return znode.read(this, name, linearizable);
    }

    /** A read-modify-write of the stored data; returns the data before. */
    final byte[] update(String name, Znode.Change change) {
        refuseIfReadonly(name);
        return znode.update(this, name, linearizable, change);
    }

    private void refuseIfReadonly(String name) {
        if (znode.readonly) {
            throw new UnsupportedOpException("readonly " + describe(name) + " refused: the atomic only reads");
        }
    }

    private int byteOf(int offset) {
        return bigEndian ? width - 1 - (offset >>> 3) : offset >>> 3;
    }

    public final boolean bitTest(int offset, MemoryOrder order) {
        bitOffset(offset, width);
        byte[] data = read("bitTest", order);
        return (data[byteOf(offset)] >>> (offset & 7) & 1) != 0;
    }

    /** A bit operation: {@code set} 1 sets, 0 resets, -1 complements; answers the bit's state before. */
    private boolean bit(String name, int offset, int set, MemoryOrder order) {
        bitOffset(offset, width);
        anyOrder(order);
        int at = byteOf(offset);
        int mask = 1 << (offset & 7);
        byte[] old = update(name, current -> {
            int b = current[at];
            current[at] = (byte) (set < 0 ? b ^ mask : set > 0 ? b | mask : b & ~mask);
            return current;
        });
        return (old[at] & mask) != 0;
    }

    public final boolean bitCompl(int offset, MemoryOrder order) {
        return bit("bitCompl", offset, -1, order);
    }

    public final boolean bitSet(int offset, MemoryOrder order) {
        return bit("bitSet", offset, 1, order);
    }

    public final boolean bitReset(int offset, MemoryOrder order) {
        return bit("bitReset", offset, 0, order);
    }

    static MemoryOrder checkAny(MemoryOrder order) {
        return Checks.anyOrder(order);
    }

    String properties() {
        return "width=" + width + ", readonly=" + znode.readonly + ", reads="
                + readMode().name().toLowerCase(java.util.Locale.ROOT) + ", engine=zookeeper";
    }

    /** No value: reading it would be a round trip, and could fail. */
    @Override
    public String toString() {
        return typeName() + "(path=" + znode.path + ", ensemble=" + ensemble() + ", " + properties() + ")";
    }
}
