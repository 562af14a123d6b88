package dev.atomics.engine;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.MemoryOrder;
import dev.atomics.NativeLibraryException;
import dev.atomics.Op;
import dev.atomics.nativelib.Bridge;
import dev.atomics.nativelib.ExplicitOpsTable;

/**
 * The bridge's operation descriptors for one patomic ops table, written once: one per (operation, success order,
 * failure order), {@link Bridge#OP_SIZE} bytes each (function pointer, width, orders). A call passes a
 * descriptor's address, found by arithmetic ({@link #op}) on the address of the operation's first descriptor
 * ({@link #first}); so the hot path allocates nothing and JNA
 * converts as few arguments as possible.
 */
final class OpDescriptors {

    private static final int ORDERS = MemoryOrder.values().length;
    /** Bytes between the descriptors of consecutive success orders of one operation. */
    private static final long ORDER_STRIDE = (long) ORDERS * Bridge.OP_SIZE;

    private static final long OP_STRIDE = ORDERS * ORDER_STRIDE;

    /** The descriptors; held for the life of the ops that use them (and so of the JVM: ops are cached). */
    private final Memory memory;
    /** The address of each slot's first descriptor; 0 where the table has no function. */
    private final long[] firsts = new long[Op.PATOMIC_SLOTS];

    OpDescriptors(ExplicitOpsTable t) {
        if (Bridge.atomics_bridge_op_size() != Bridge.OP_SIZE) {
            throw new NativeLibraryException("the call bridge's operation descriptor has "
                    + Bridge.atomics_bridge_op_size() + " bytes; this binding writes " + Bridge.OP_SIZE);
        }
        MemoryOrder[] orders = MemoryOrder.values();
        memory = new Memory(Op.PATOMIC_SLOTS * OP_STRIDE);
        for (int slot = 0; slot < Op.PATOMIC_SLOTS; slot++) {
            for (MemoryOrder succ : orders) {
                for (MemoryOrder fail : orders) {
                    long at = slot * OP_STRIDE + succ.ordinal() * ORDER_STRIDE + (long) fail.ordinal() * Bridge.OP_SIZE;
                    memory.setLong(at, t.functions()[slot]);
                    memory.setInt(at + 8, t.width());
                    memory.setInt(at + 12, succ.value());
                    memory.setInt(at + 16, fail.value());
                    memory.setInt(at + 20, 0);
                }
            }
        }
        long base = Pointer.nativeValue(memory);
        for (int slot = 0; slot < Op.PATOMIC_SLOTS; slot++) {
            firsts[slot] = t.functions()[slot] == 0 ? 0 : base + slot * OP_STRIDE;
        }
    }

    /** The address of the first descriptor of {@code op}, or 0 if the table has no function for it. */
    long first(Op op) {
        int slot = op.slot();
        return slot == Op.NO_SLOT ? 0 : firsts[slot];
    }

    /** The descriptor of an operation (by its first descriptor) for an order. */
    static long op(long first, MemoryOrder order) {
        return first + order.ordinal() * ORDER_STRIDE;
    }

    /** The descriptor of a compare-and-exchange for a success and a failure order. */
    static long op(long first, MemoryOrder success, MemoryOrder failure) {
        return first + success.ordinal() * ORDER_STRIDE + failure.ordinal() * (long) Bridge.OP_SIZE;
    }
}
