package dev.atomics.redis;

import dev.atomics.MemoryOrder;
import dev.atomics.MemoryOrderException;
import dev.atomics.OperandRangeException;

import java.util.Objects;

/**
 * The argument checks of local atomics (dev.atomics.Checks, which is not public), with the same rules and
 * messages, so that a Redis atomic refuses exactly what a local one refuses, before anything is sent.
 */
final class Checks {

    private Checks() {
    }

    static MemoryOrder loadOrder(MemoryOrder order) {
        if (!anyOrder(order).isValidLoadOrder()) {
            throw new MemoryOrderException(order + " is not a valid order for a load or bit test (use RELAXED, ACQUIRE or SEQ_CST)");
        }
        return order;
    }

    static MemoryOrder storeOrder(MemoryOrder order) {
        if (!anyOrder(order).isValidStoreOrder()) {
            throw new MemoryOrderException(order + " is not a valid order for a store (use RELAXED, RELEASE or SEQ_CST)");
        }
        return order;
    }

    static MemoryOrder anyOrder(MemoryOrder order) {
        return Objects.requireNonNull(order, "memory order");
    }

    static void failOrder(MemoryOrder success, MemoryOrder failure) {
        Objects.requireNonNull(success, "success memory order");
        Objects.requireNonNull(failure, "failure memory order");
        if (!failure.isValidFailOrder(success)) {
            throw new MemoryOrderException(failure + " is not a valid failure order for success order " + success
                    + ": it must be RELAXED, ACQUIRE or SEQ_CST and no stronger than the success order");
        }
    }

    static int bitOffset(int offset, int width) {
        if (offset < 0 || offset >= width * 8) {
            throw new OperandRangeException("bit offset " + offset + " is outside [0, " + (width * 8)
                    + ") for an object of width " + width);
        }
        return offset;
    }
}
