package dev.atomics;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The outcome of a compare-and-exchange on a bytes object.
 *
 * @param success  whether the exchange took place
 * @param expected the bytes the object held when the operation ran (a fresh array owned by the caller)
 */
public record BytesCmpxchgResult(boolean success, byte[] expected) {

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesCmpxchgResult r && r.success == success && Arrays.equals(r.expected, expected);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(success) + Arrays.hashCode(expected);
    }

    @Override
    public String toString() {
        return "BytesCmpxchgResult[success=" + success + ", expected="
                + HexFormat.of().formatHex(expected) + "]";
    }
}
