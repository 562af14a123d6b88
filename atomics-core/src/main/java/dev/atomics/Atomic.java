package dev.atomics;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;

/**
 * An object of {@code width} bytes of native memory on which this library performs lock-free atomic
 * operations. This base type ({@link AtomicType#ANY}) is what every atomic has, whatever its width and type: its
 * properties and a read of its value as bytes or as a {@link BigInteger}, for code off the hot path (monitoring,
 * endpoints). {@link AtomicIntegral} (1 to 8 bytes, {@code long} values), {@link AtomicIntegral128} (16 bytes,
 * {@link Int128} values) and {@link AtomicBytes} add the operations.
 *
 * <p>Both owning objects (from {@link Atomics#atomic}) and views on external memory (from an
 * {@link AtomicViewContext}) implement these types, so code that only operates on an atomic accepts either.
 * All methods are thread-safe; operations are also safe against other processes that operate on the same
 * memory with lock-free atomic instructions.
 */
public interface Atomic {

    /** The object's size in bytes. */
    int width();

    /** Whether the object refuses modifying operations (its memory is read-only). */
    boolean readonly();

    /** The operations this object supports, in the order of {@link Op}'s table. */
    List<Op> opsSupported();

    /** Whether this object supports {@code op}: whether it is in {@link #opsSupported()}. */
    default boolean isSupported(Op op) {
        return opsSupported().contains(op);
    }

    /** The object's type: {@link AtomicType#INT}, {@link AtomicType#INT128}, {@link AtomicType#BYTES}, ... */
    AtomicType<?, ?, ?> type();

    /**
     * Atomically reads the object's bytes ({@link MemoryOrder#SEQ_CST}), in memory order: for an integer, its
     * value in the platform's native byte order, as a C program on this machine reads it.
     *
     * @throws UnsupportedOpException if the object cannot read (a readonly 16-byte object without an atomic
     *                                16-byte read is refused at construction, so this means a backend's limit)
     */
    byte[] loadBytes();

    /**
     * Atomically reads the value as an integer: signed for {@link AtomicType#signed() signed} types, unsigned
     * otherwise (bytes read as an unsigned integer in native byte order). Every width alike.
     */
    default BigInteger loadBigInteger() {
        byte[] b = loadBytes();
        byte[] big = new byte[b.length];
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < b.length; i++) {
            big[i] = little ? b[b.length - 1 - i] : b[i];
        }
        return type().signed() ? new BigInteger(big) : new BigInteger(1, big);
    }

    /** The engine performing this object's operations: {@link Engine#JVM} or {@link Engine#PATOMIC}. */
    Engine engine();
}
