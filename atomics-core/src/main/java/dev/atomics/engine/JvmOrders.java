package dev.atomics.engine;

import dev.atomics.MemoryOrder;

/** How C11 orders map onto VarHandle compare-and-set modes, shared by the JVM engines. */
final class JvmOrders {

    private JvmOrders() {}

    /**
     * Whether a compare-and-exchange needs the volatile mode: Java's acquire and release CAS modes cover
     * only one side, so anything that asks for both (a sequentially consistent or acq-rel success, or a
     * release success whose failure must acquire) takes the volatile mode.
     */
    static boolean casVolatile(MemoryOrder success, MemoryOrder failure) {
        return success == MemoryOrder.SEQ_CST
                || success == MemoryOrder.ACQ_REL
                || failure == MemoryOrder.SEQ_CST
                || (success == MemoryOrder.RELEASE && failure != MemoryOrder.RELAXED);
    }
}
