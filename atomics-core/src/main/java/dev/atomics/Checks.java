package dev.atomics;

/**
 * The argument rules of every atomic, local or on a backend, and their messages: one home, so that every
 * implementation refuses exactly the same calls with the same words, before anything is touched or sent.
 * Cheap, and each throws a precise exception; for backends' use (atomics-redis), not for applications.
 */
public final class Checks {

    private Checks() {}

    // The order checks compare identities rather than read MemoryOrder's fields: the JIT folds a comparison of
    // constants, so a call with a constant order (every overload without one passes SEQ_CST) checks nothing
    // at run time, where a field read of an enum constant would stay.

    /** {@code order} if it is valid for a load or bit test (RELAXED, ACQUIRE, SEQ_CST). */
    public static MemoryOrder loadOrder(MemoryOrder order) {
        if (order == MemoryOrder.SEQ_CST || order == MemoryOrder.ACQUIRE || order == MemoryOrder.RELAXED) {
            return order;
        }
        throw new MemoryOrderException(
                nonNull(order) + " is not a valid order for a load or bit test (use RELAXED, ACQUIRE or SEQ_CST)");
    }

    /** {@code order} if it is valid for a store (RELAXED, RELEASE, SEQ_CST). */
    public static MemoryOrder storeOrder(MemoryOrder order) {
        if (order == MemoryOrder.SEQ_CST || order == MemoryOrder.RELEASE || order == MemoryOrder.RELAXED) {
            return order;
        }
        throw new MemoryOrderException(
                nonNull(order) + " is not a valid order for a store (use RELAXED, RELEASE or SEQ_CST)");
    }

    /** {@code order}, which a read-modify-write takes whatever it is, if not {@code null}. */
    public static MemoryOrder anyOrder(MemoryOrder order) {
        return nonNull(order);
    }

    /** A failure order must be a load order no stronger than the success order. */
    public static void failOrder(MemoryOrder success, MemoryOrder failure) {
        nonNull(success, "success memory order");
        nonNull(failure, "failure memory order");
        boolean valid = failure == MemoryOrder.RELAXED
                || (failure == MemoryOrder.SEQ_CST && success == MemoryOrder.SEQ_CST)
                || (failure == MemoryOrder.ACQUIRE && success != MemoryOrder.RELAXED);
        if (!valid) {
            throw new MemoryOrderException(nonNull(failure) + " is not a valid failure order for success order "
                    + success + ": it must be RELAXED, ACQUIRE or SEQ_CST and no stronger than the success order");
        }
    }

    private static MemoryOrder nonNull(MemoryOrder order) {
        return nonNull(order, "memory order");
    }

    private static MemoryOrder nonNull(MemoryOrder order, String name) {
        if (order == null) {
            throw new NullPointerException(name);
        }
        return order;
    }

    /** {@code offset} if it names a bit of an object of {@code width} bytes. */
    public static int bitOffset(int offset, int width) {
        if (offset < 0 || offset >= width * 8) {
            throw new OperandRangeException(
                    "bit offset " + offset + " is outside [0, " + (width * 8) + ") for an object of width " + width);
        }
        return offset;
    }

    /**
     * The refusal of an operation an object does not support: {@code owner} names the object (e.g.
     * {@code "AtomicIntView"}), {@code reason} says why (e.g. {@code "it is readonly"}).
     */
    public static UnsupportedOpException unsupported(String owner, Op op, String reason) {
        return new UnsupportedOpException(owner + " does not support " + op + ": " + reason);
    }
}
