package dev.atomics;

/** Argument checks shared by the operation methods: cheap, and each throws a precise exception. */
final class Checks {

    private Checks() {
    }

    // The order checks compare identities rather than read MemoryOrder's fields: the JIT folds a comparison of
    // constants, so a call with a constant order (every overload without one passes SEQ_CST) checks nothing
    // at run time, where a field read of an enum constant would stay.

    static MemoryOrder loadOrder(MemoryOrder order) {
        if (order == MemoryOrder.SEQ_CST || order == MemoryOrder.ACQUIRE || order == MemoryOrder.RELAXED) {
            return order;
        }
        throw new MemoryOrderException(nonNull(order) + " is not a valid order for a load or bit test (use RELAXED, ACQUIRE or SEQ_CST)");
    }

    static MemoryOrder storeOrder(MemoryOrder order) {
        if (order == MemoryOrder.SEQ_CST || order == MemoryOrder.RELEASE || order == MemoryOrder.RELAXED) {
            return order;
        }
        throw new MemoryOrderException(nonNull(order) + " is not a valid order for a store (use RELAXED, RELEASE or SEQ_CST)");
    }

    static MemoryOrder anyOrder(MemoryOrder order) {
        return nonNull(order);
    }

    /** A failure order must be a load order no stronger than the success order. */
    static void failOrder(MemoryOrder success, MemoryOrder failure) {
        nonNull(success, "success memory order");
        nonNull(failure, "failure memory order");
        boolean valid = failure == MemoryOrder.RELAXED
                || (failure == MemoryOrder.SEQ_CST && success == MemoryOrder.SEQ_CST)
                || (failure == MemoryOrder.ACQUIRE && success != MemoryOrder.RELAXED);
        if (!valid) {
            throw new MemoryOrderException(nonNull(failure) + " is not a valid failure order for success order " + success
                    + ": it must be RELAXED, ACQUIRE or SEQ_CST and no stronger than the success order");
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

    static int bitOffset(int offset, int width) {
        if (offset < 0 || offset >= width * 8) {
            throw new OperandRangeException("bit offset " + offset + " is outside [0, " + (width * 8)
                    + ") for an object of width " + width);
        }
        return offset;
    }
}
