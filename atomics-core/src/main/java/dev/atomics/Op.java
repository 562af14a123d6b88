package dev.atomics;

/**
 * The table of atomic operations: each entry states, once, the API method that performs it, its {@link Shape},
 * which objects may run it ({@link #isReadOnly()}, {@link #isArithmetic()}), its slot in a patomic ops table (if
 * patomic has one) and, for read-modify-writes, what it computes ({@link #apply}).
 *
 * <p>Engines implement shapes, not operations: an engine runs an entry by its hardware instruction or native
 * function where it has one, and otherwise by one compare-and-exchange loop over {@link #apply}. An operation
 * without a patomic slot (such as {@link #FETCH_MAX}) is therefore served by every engine without special code.
 * {@link Atomic#opsSupported()} lists an object's operations in this table's order.
 */
public enum Op {
    STORE("store", Shape.STORE, 0),
    LOAD("load", Shape.LOAD, 1),
    EXCHANGE("exchange", Shape.FETCH, 2),
    CMPXCHG_WEAK("cmpxchgWeak", Shape.CMPXCHG, 3),
    CMPXCHG_STRONG("cmpxchgStrong", Shape.CMPXCHG, 4),
    BIT_TEST("bitTest", Shape.BIT, 5),
    BIT_TEST_COMPL("bitCompl", Shape.BIT, 6),
    BIT_TEST_SET("bitSet", Shape.BIT, 7),
    BIT_TEST_RESET("bitReset", Shape.BIT, 8),
    BIN_OR("binOr", Shape.VOID, 9),
    BIN_XOR("binXor", Shape.VOID, 10),
    BIN_AND("binAnd", Shape.VOID, 11),
    BIN_NOT("binNot", Shape.VOID_NOARG, 12),
    BIN_FETCH_OR("binFetchOr", Shape.FETCH, 13),
    BIN_FETCH_XOR("binFetchXor", Shape.FETCH, 14),
    BIN_FETCH_AND("binFetchAnd", Shape.FETCH, 15),
    BIN_FETCH_NOT("binFetchNot", Shape.FETCH_NOARG, 16),
    ADD("add", Shape.VOID, 17),
    SUB("sub", Shape.VOID, 18),
    INC("inc", Shape.VOID_NOARG, 19),
    DEC("dec", Shape.VOID_NOARG, 20),
    NEG("neg", Shape.VOID_NOARG, 21),
    FETCH_ADD("fetchAdd", Shape.FETCH, 22),
    FETCH_SUB("fetchSub", Shape.FETCH, 23),
    FETCH_INC("fetchInc", Shape.FETCH_NOARG, 24),
    FETCH_DEC("fetchDec", Shape.FETCH_NOARG, 25),
    FETCH_NEG("fetchNeg", Shape.FETCH_NOARG, 26),
    FETCH_MAX("fetchMax", Shape.FETCH, Op.NO_SLOT),
    FETCH_MIN("fetchMin", Shape.FETCH, Op.NO_SLOT);

    /** What an operation takes and returns, which is all an engine needs to know to run it. */
    public enum Shape {
        /** Reads the value. */
        LOAD,
        /** Writes an operand. */
        STORE,
        /** Compares with an expected value and, if equal, writes a desired one; returns the value seen. */
        CMPXCHG,
        /** Reads (and maybe modifies) one bit given by its offset; returns the bit's previous state. */
        BIT,
        /** A read-modify-write with an operand that returns nothing. */
        VOID,
        /** A read-modify-write without operand that returns nothing. */
        VOID_NOARG,
        /** A read-modify-write with an operand that returns the previous value. */
        FETCH,
        /** A read-modify-write without operand that returns the previous value. */
        FETCH_NOARG
    }

    /** {@link #slot()} of an operation that patomic's ops table does not have. */
    public static final int NO_SLOT = -1;

    /** The number of slots of a patomic 1.x ops table. */
    public static final int PATOMIC_SLOTS = 27;

    private final String method;
    private final Shape shape;
    private final int slot;

    Op(String method, Shape shape, int slot) {
        this.method = method;
        this.shape = shape;
        this.slot = slot;
    }

    /** The name of the API method that performs this operation, e.g. {@code fetchAdd}. */
    public String method() {
        return method;
    }

    /** What this operation takes and returns. */
    public Shape shape() {
        return shape;
    }

    /**
     * This operation's index in a patomic 1.x ops table (stated here, not derived from the enum's order), or
     * {@link #NO_SLOT}.
     */
    public int slot() {
        return slot;
    }

    /** Whether this is a read-modify-write ({@link Shape#VOID} to {@link Shape#FETCH_NOARG}). */
    public boolean isReadModifyWrite() {
        return shape.compareTo(Shape.VOID) >= 0;
    }

    /** Whether this operation takes an operand besides the object. */
    public boolean takesOperand() {
        return shape == Shape.STORE || shape == Shape.VOID || shape == Shape.FETCH;
    }

    /** The operations that do not modify memory: all a readonly object supports. */
    public boolean isReadOnly() {
        return this == LOAD || this == BIT_TEST;
    }

    /** The arithmetic operations, which only integral objects support. */
    public boolean isArithmetic() {
        return slot >= ADD.slot || slot == NO_SLOT;
    }

    /**
     * What this read-modify-write writes, given the value {@code old} held before and the operand {@code v}, on
     * an integral of {@code width} bytes (values sign-extended from the width, as engines pass them; only the low
     * {@code 8 * width} bits of the result matter).
     *
     * @param signed whether operations that compare values read them as signed
     * @throws UnsupportedOperationException if this operation is not a read-modify-write
     */
    public long apply(long old, long v, int width, boolean signed) {
        switch (this) {
            case EXCHANGE:
                return v;
            case BIN_OR:
            case BIN_FETCH_OR:
                return old | v;
            case BIN_XOR:
            case BIN_FETCH_XOR:
                return old ^ v;
            case BIN_AND:
            case BIN_FETCH_AND:
                return old & v;
            case BIN_NOT:
            case BIN_FETCH_NOT:
                return ~old;
            case ADD:
            case FETCH_ADD:
                return old + v;
            case SUB:
            case FETCH_SUB:
                return old - v;
            case INC:
            case FETCH_INC:
                return old + 1;
            case DEC:
            case FETCH_DEC:
                return old - 1;
            case NEG:
            case FETCH_NEG:
                return -old;
            case FETCH_MAX:
                return compare(old, v, width, signed) >= 0 ? old : v;
            case FETCH_MIN:
                return compare(old, v, width, signed) <= 0 ? old : v;
            default:
                throw notReadModifyWrite();
        }
    }

    /** {@link #apply(long, long, int, boolean)} for 16-byte values. */
    public Int128 apply(Int128 old, Int128 v, boolean signed) {
        switch (this) {
            case EXCHANGE:
                return v;
            case BIN_OR:
            case BIN_FETCH_OR:
                return new Int128(old.high() | v.high(), old.low() | v.low());
            case BIN_XOR:
            case BIN_FETCH_XOR:
                return new Int128(old.high() ^ v.high(), old.low() ^ v.low());
            case BIN_AND:
            case BIN_FETCH_AND:
                return new Int128(old.high() & v.high(), old.low() & v.low());
            case BIN_NOT:
            case BIN_FETCH_NOT:
                return new Int128(~old.high(), ~old.low());
            case ADD:
            case FETCH_ADD:
                return old.add(v);
            case SUB:
            case FETCH_SUB:
                return old.subtract(v);
            case INC:
            case FETCH_INC:
                return old.add(Int128.ONE);
            case DEC:
            case FETCH_DEC:
                return old.subtract(Int128.ONE);
            case NEG:
            case FETCH_NEG:
                return Int128.ZERO.subtract(old);
            case FETCH_MAX:
                return compare(old, v, signed) >= 0 ? old : v;
            case FETCH_MIN:
                return compare(old, v, signed) <= 0 ? old : v;
            default:
                throw notReadModifyWrite();
        }
    }

    /** Compares two values of {@code width} bytes (sign-extended or not: only the low bits count). */
    private static int compare(long a, long b, int width, boolean signed) {
        int shift = 64 - 8 * width; // the width's top bit to bit 63, where Java's comparisons read the sign
        return signed ? Long.compare(a << shift, b << shift) : Long.compareUnsigned(a << shift, b << shift);
    }

    private static int compare(Int128 a, Int128 b, boolean signed) {
        return signed ? a.compareTo(b) : Int128.compareUnsigned(a, b);
    }

    private UnsupportedOperationException notReadModifyWrite() {
        return new UnsupportedOperationException(this + " is not a read-modify-write");
    }

    /** The operation whose {@link #method()} is {@code name} (case-insensitive). */
    public static Op ofMethod(String name) {
        if (name != null) {
            for (Op op : values()) {
                if (op.method.equalsIgnoreCase(name.trim())) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException("unknown atomic operation '" + name + "'");
    }
}
