package dev.atomics.spring.boot;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Atomics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AtomicValuesTests {

    @Test
    void parsesSignedRangesPerWidth() {
        assertThat(AtomicValues.parseIntegral("127", 1, true)).isEqualTo(127);
        assertThat(AtomicValues.parseIntegral("-128", 1, true)).isEqualTo(-128);
        assertThat(AtomicValues.parseIntegral("0x7f", 1, true)).isEqualTo(127);
        assertThat(AtomicValues.parseIntegral("-9223372036854775808", 8, true)).isEqualTo(Long.MIN_VALUE);
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseIntegral("128", 1, true))
                .withMessageContaining("[-128, 127]");
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseIntegral("9223372036854775808", 8, true));
    }

    @Test
    void parsesUnsignedUpTo64Bits() {
        assertThat(AtomicValues.parseIntegral("255", 1, false)).isEqualTo(255);
        assertThat(AtomicValues.parseIntegral("18446744073709551615", 8, false)).isEqualTo(-1L);
        assertThat(AtomicValues.parseIntegral("0xFFFFFFFFFFFFFFFF", 8, false)).isEqualTo(-1L);
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseIntegral("-1", 8, false))
                .withMessageContaining("[0, 18446744073709551615]");
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseIntegral("18446744073709551616", 8, false));
    }

    @Test
    void rejectsGarbage() {
        for (String bad : new String[] { "", " ", "abc", "1.5", "--1", "0x", "+-3", "1e3" }) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> AtomicValues.parseIntegral(bad, 8, true));
        }
    }

    @Test
    void parsesBytesOfExactWidth() {
        assertThat(AtomicValues.parseBytes("0x01020304", 4)).containsExactly(1, 2, 3, 4);
        assertThat(AtomicValues.parseBytes("de:ad:be:ef", 4)).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseBytes("0x0102", 4))
                .withMessageContaining("2 bytes").withMessageContaining("width 4");
        assertThatIllegalArgumentException().isThrownBy(() -> AtomicValues.parseBytes("zz", 1));
    }

    @Test
    void formatsUnsignedExactlyAndGaugesAsUnsignedDouble() {
        AtomicUint u = Atomics.atomic(8, AtomicType.UINT);
        u.store(-1L);
        assertThat(AtomicValues.format(u)).isEqualTo("18446744073709551615");
        assertThat(AtomicValues.asDouble(u)).isEqualTo(0x1p64);
        u.store((1L << 53) + 1);
        assertThat(AtomicValues.format(u)).isEqualTo("9007199254740993");
        // documented: a double gauge cannot tell 2^53 + 1 from 2^53
        assertThat(AtomicValues.asDouble(u)).isEqualTo(0x1p53);
    }
}
