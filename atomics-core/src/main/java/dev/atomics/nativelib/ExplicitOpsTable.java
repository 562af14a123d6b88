package dev.atomics.nativelib;

import dev.atomics.Op;

/**
 * One width's {@code patomic_explicit_t}, copied out of native memory once: the 27 operation pointers (0
 * where the library has no lock-free instruction) and the alignment it requires.
 *
 * @param width       the object width in bytes
 * @param functions   the 27 function pointers, indexed by {@link Op#slot()}
 * @param recommended the alignment C requires (always sufficient)
 * @param minimum     the alignment the architecture requires, valid within a {@code sizeWithin} block
 * @param sizeWithin  the block size the minimum alignment holds within; 0 means always
 */
public record ExplicitOpsTable(int width, long[] functions, long recommended, long minimum, long sizeWithin) {

    /** The function pointer for {@code op}, or 0 if unsupported. */
    public long function(Op op) {
        return op.slot() == Op.NO_SLOT ? 0 : functions[op.slot()];
    }

    /** Whether the library supports no operation at all at this width. */
    public boolean isEmpty() {
        for (long f : functions) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }
}
