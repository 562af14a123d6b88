package dev.atomics.engine;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.atomics.MemoryOrder;
import dev.atomics.NativeLibraryException;
import dev.atomics.OpType;
import dev.atomics.nativelib.Bridge;
import dev.atomics.nativelib.ExplicitOpsTable;

/**
 * The bridge's operation descriptors for one patomic ops table, written once: one per (operation, success order,
 * failure order), {@link Bridge#OP_SIZE} bytes each (function pointer, width, orders). A call passes a
 * descriptor's address, found by arithmetic ({@link #op}) on the address of the operation's first descriptor
 * ({@link #first}), which the ops classes keep in final fields; so the hot path allocates nothing and JNA
 * converts as few arguments as possible.
 */
final class OpDescriptors {

    private static final int ORDERS = MemoryOrder.values().length;
    /** Bytes between the descriptors of consecutive success orders of one operation. */
    private static final long ORDER_STRIDE = (long) ORDERS * Bridge.OP_SIZE;
    private static final long OP_STRIDE = ORDERS * ORDER_STRIDE;

    /** The descriptors; held for the life of the ops that use them (and so of the JVM: ops are cached). */
    private final Memory memory;
    private final long base;

    OpDescriptors(ExplicitOpsTable t) {
        if (Bridge.atomics_bridge_op_size() != Bridge.OP_SIZE) {
            throw new NativeLibraryException("the call bridge's operation descriptor has "
                    + Bridge.atomics_bridge_op_size() + " bytes; this binding writes " + Bridge.OP_SIZE);
        }
        OpType[] ops = OpType.values();
        MemoryOrder[] orders = MemoryOrder.values();
        memory = new Memory(ops.length * OP_STRIDE);
        for (OpType op : ops) {
            for (MemoryOrder succ : orders) {
                for (MemoryOrder fail : orders) {
                    long at = op.ordinal() * OP_STRIDE + succ.ordinal() * ORDER_STRIDE + (long) fail.ordinal() * Bridge.OP_SIZE;
                    memory.setLong(at, t.function(op));
                    memory.setInt(at + 8, t.width());
                    memory.setInt(at + 12, succ.value());
                    memory.setInt(at + 16, fail.value());
                    memory.setInt(at + 20, 0);
                }
            }
        }
        base = Pointer.nativeValue(memory);
    }

    /** The address of the first descriptor of {@code op}. */
    long first(OpType op) {
        return base + op.ordinal() * OP_STRIDE;
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
