package dev.atomics.benchmarks;

import dev.atomics.Int128;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.StampedLock;

/**
 * What a Java user has today for a 16-byte compare-and-swap: a 16-byte direct buffer (two native-order longs,
 * low then high) whose every access holds a lock. Correct within one JVM only: the lock does not exist for other
 * processes mapping the same memory, which atomics-core's 16-byte CAS serves too.
 */
abstract class Locked16 {

    final ByteBuffer buffer = Memory8.alignedDirect(16);

    abstract Int128 load();

    abstract boolean compareAndSet(Int128 expected, Int128 desired);

    abstract Int128 compareAndExchange(Int128 expected, Int128 desired);

    abstract Int128 fetchAdd(Int128 delta);

    final Int128 read() {
        return new Int128(buffer.getLong(8), buffer.getLong(0));
    }

    final void write(Int128 v) {
        buffer.putLong(0, v.low());
        buffer.putLong(8, v.high());
    }

    final boolean holds(Int128 v) {
        return buffer.getLong(0) == v.low() && buffer.getLong(8) == v.high();
    }

    /** Every access in a {@code synchronized} block on one monitor. */
    static final class Synchronized extends Locked16 {
        private final Object lock = new Object();

        @Override
        Int128 load() {
            synchronized (lock) {
                return read();
            }
        }

        @Override
        boolean compareAndSet(Int128 expected, Int128 desired) {
            synchronized (lock) {
                if (holds(expected)) {
                    write(desired);
                    return true;
                }
                return false;
            }
        }

        @Override
        Int128 compareAndExchange(Int128 expected, Int128 desired) {
            synchronized (lock) {
                if (holds(expected)) {
                    write(desired);
                    return expected;
                }
                return read();
            }
        }

        @Override
        Int128 fetchAdd(Int128 delta) {
            synchronized (lock) {
                Int128 old = read();
                write(old.add(delta));
                return old;
            }
        }
    }

    /**
     * A {@link StampedLock}: loads are optimistic reads (validated, retried under the read lock), every write holds
     * the write lock.
     */
    static final class Stamped extends Locked16 {
        private final StampedLock lock = new StampedLock();

        @Override
        Int128 load() {
            long stamp = lock.tryOptimisticRead();
            long lo = buffer.getLong(0);
            long hi = buffer.getLong(8);
            if (!lock.validate(stamp)) {
                stamp = lock.readLock();
                try {
                    lo = buffer.getLong(0);
                    hi = buffer.getLong(8);
                } finally {
                    lock.unlockRead(stamp);
                }
            }
            return new Int128(hi, lo);
        }

        @Override
        boolean compareAndSet(Int128 expected, Int128 desired) {
            long stamp = lock.writeLock();
            try {
                if (holds(expected)) {
                    write(desired);
                    return true;
                }
                return false;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        Int128 compareAndExchange(Int128 expected, Int128 desired) {
            long stamp = lock.writeLock();
            try {
                if (holds(expected)) {
                    write(desired);
                    return expected;
                }
                return read();
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        Int128 fetchAdd(Int128 delta) {
            long stamp = lock.writeLock();
            try {
                Int128 old = read();
                write(old.add(delta));
                return old;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }
}
