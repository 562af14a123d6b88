package dev.atomics;

/**
 * The C11 memory orders an atomic operation can be given, with the numeric values of the patomic ABI.
 *
 * <p>{@code CONSUME} is deliberately absent: every compiler treats it as {@link #ACQUIRE}, and exposing it
 * would only invite misuse. Every operation defaults to {@link #SEQ_CST}; pick a weaker order only when you
 * can argue its correctness against the C11 memory model.
 *
 * <p>Not every order fits every operation: a store cannot acquire, a load cannot release, and a failed
 * compare-and-exchange is a load no stronger than its success order. Passing an order that does not fit
 * throws {@link MemoryOrderException} before memory is touched.
 */
public enum MemoryOrder {
    /** Atomicity and per-location coherence only; no ordering of other memory accesses. */
    RELAXED(0),
    /** Later reads and writes in this thread cannot move before this load. */
    ACQUIRE(2),
    /** Earlier reads and writes in this thread cannot move after this store. */
    RELEASE(3),
    /** Both {@link #ACQUIRE} and {@link #RELEASE}; for read-modify-write operations. */
    ACQ_REL(4),
    /** {@link #ACQ_REL} plus a single total order of all sequentially consistent operations. */
    SEQ_CST(5);

    private final int value;
    // Precomputed so that the per-operation check is a field read, not a switch.
    final boolean validStore;
    final boolean validLoad;

    MemoryOrder(int value) {
        this.value = value;
        this.validStore = value == 0 || value == 3 || value == 5;
        this.validLoad = value == 0 || value == 2 || value == 5;
    }

    /** The numeric value of this order in the patomic (and C11) ABI: RELAXED 0 ... SEQ_CST 5. */
    public int value() {
        return value;
    }

    /** Whether this order may be given to a store: {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public boolean isValidStoreOrder() {
        return validStore;
    }

    /** Whether this order may be given to a load or a bit test: {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    public boolean isValidLoadOrder() {
        return validLoad;
    }

    /**
     * Whether this order may be the failure order of a compare-and-exchange whose success order is
     * {@code success}: it must be a valid load order and no stronger than {@code success}.
     */
    public boolean isValidFailOrder(MemoryOrder success) {
        return validLoad && value <= success.value;
    }

    /**
     * The failure order C11 derives from a success order: {@code ACQUIRE} for {@code RELEASE} and
     * {@code ACQ_REL}, the success order itself otherwise.
     */
    public static MemoryOrder failOrderFor(MemoryOrder success) {
        return success == RELEASE || success == ACQ_REL ? ACQUIRE : success;
    }

    /** The order whose ABI value is {@code value}; {@code CONSUME} (1) maps to {@link #ACQUIRE}. */
    public static MemoryOrder ofValue(int value) {
        switch (value) {
            case 0:
                return RELAXED;
            case 1:
            case 2:
                return ACQUIRE;
            case 3:
                return RELEASE;
            case 4:
                return ACQ_REL;
            case 5:
                return SEQ_CST;
            default:
                throw new MemoryOrderException("no memory order has the value " + value + " (valid: 0..5)");
        }
    }
}
