package dev.atomics;

/** A plain, single-threaded reference model of an integral atomic: the expected result of every operation. */
final class IntegralModel {

    final int width;
    final boolean signed;
    final long mask;
    long raw;

    IntegralModel(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
        this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** The value of a bit pattern as the object reads it. */
    long value(long bits) {
        bits &= mask;
        if (signed && width < 8 && (bits & (1L << (8 * width - 1))) != 0) {
            return bits | ~mask;
        }
        return bits;
    }

    long value() {
        return value(raw);
    }

    void set(long v) {
        raw = v & mask;
    }

    boolean bit(int offset) {
        return ((raw >>> offset) & 1) != 0;
    }

    long min() {
        return signed ? -(1L << (8 * width - 1)) : 0;
    }

    long max() {
        if (width == 8) {
            return signed ? Long.MAX_VALUE : -1L;
        }
        return signed ? (1L << (8 * width - 1)) - 1 : mask;
    }
}
