package dev.atomics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint;
import dev.atomics.Atomics;
import org.junit.jupiter.api.Test;

class AtomicValuesTest {

    @Test
    void parsesSignedRangesPerWidth() {
        assertThat(AtomicValues.parseIntegral("127", 1, true)).isEqualTo(127);
        assertThat(AtomicValues.parseIntegral("-128", 1, true)).isEqualTo(-128);
        assertThat(AtomicValues.parseIntegral("0x7f", 1, true)).isEqualTo(127);
        assertThat(AtomicValues.parseIntegral("-9223372036854775808", 8, true)).isEqualTo(Long.MIN_VALUE);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("128", 1, true))
                .withMessageContaining("[-128, 127]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("9223372036854775808", 8, true));
    }

    @Test
    void parsesUnsignedUpTo64Bits() {
        assertThat(AtomicValues.parseIntegral("255", 1, false)).isEqualTo(255);
        assertThat(AtomicValues.parseIntegral("18446744073709551615", 8, false)).isEqualTo(-1L);
        assertThat(AtomicValues.parseIntegral("0xFFFFFFFFFFFFFFFF", 8, false)).isEqualTo(-1L);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("-1", 8, false))
                .withMessageContaining("[0, 18446744073709551615]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("18446744073709551616", 8, false));
    }

    @Test
    void rejectsGarbage() {
        for (String bad : new String[] {"", " ", "abc", "1.5", "--1", "0x", "+-3", "1e3"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> AtomicValues.parseIntegral(bad, 8, true));
        }
    }

    @Test
    void parsesBytesOfExactWidth() {
        assertThat(AtomicValues.parseBytes("0x01020304", 4)).containsExactly(1, 2, 3, 4);
        assertThat(AtomicValues.parseBytes("de:ad:be:ef", 4)).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseBytes("0x0102", 4))
                .withMessageContaining("2 bytes")
                .withMessageContaining("width 4");
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

    @Test
    void refusesOverlongIntegersBeforeParsingThem() {
        // 65 digits would parse (and then not fit): the length is refused first, so the digits are never parsed
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("1".repeat(65), 8, true))
                .withMessage("'11111111111111111111…' is 65 characters long; an integer has at most 64"
                        + " (decimal, or hex with 0x; sign and _ separators included)");
        // a million digits ending in garbage: refused for its length, not as "not an integer"
        String huge = "9".repeat(1_000_000) + "x";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral(huge, 8, false))
                .withMessageStartingWith("'99999999999999999999…' is 1000001 characters long")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseLong("1".repeat(100)))
                .withMessageContaining("is 100 characters long");
        // up to 64 characters are parsed as before
        assertThat(AtomicValues.parseIntegral("0".repeat(63) + "7", 8, true)).isEqualTo(7);
        assertThat(AtomicValues.parseIntegral("18_446_744_073_709_551_615", 8, false))
                .isEqualTo(-1L);
    }

    @Test
    void refusesOverlongHexBytesBeforeParsingThem() {
        assertThat(AtomicValues.maxBytesChars(4)).isEqualTo(20);
        assertThat(AtomicValues.maxBytesChars(16)).isEqualTo(68);
        assertThat(AtomicValues.parseBytes("  0x de:ad:be:ef  ", 4)).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseBytes("00".repeat(500_000), 4))
                .withMessage("'00000000000000000000…' is 1000000 characters long; hex bytes for width 4"
                        + " take at most 20 (e.g. 0x00000000)");
    }

    @Test
    void errorMessagesQuoteOnlyTheStartOfTheInputOnOneLine() {
        assertThat(AtomicValues.abbreviate("short")).isEqualTo("short");
        assertThat(AtomicValues.abbreviate("x".repeat(20))).isEqualTo("x".repeat(20));
        assertThat(AtomicValues.abbreviate("x".repeat(21))).isEqualTo("x".repeat(20) + "…");
        assertThat(AtomicValues.abbreviate("a\nb\0")).isEqualTo("a\\nb\\u0000");
        assertThat(AtomicValues.abbreviate(null)).isEqualTo("null");
        // a surrogate pair is kept whole or dropped whole
        assertThat(AtomicValues.abbreviate("a" + "\uD83D\uDE00".repeat(10)))
                .isEqualTo("a" + "\uD83D\uDE00".repeat(9) + "…");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("z".repeat(60), 8, true))
                .withMessage("'zzzzzzzzzzzzzzzzzzzz…' is not an integer (use decimal, or hex with 0x)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseIntegral("1".repeat(30), 8, true))
                .withMessageStartingWith("11111111111111111111… does not fit int of width 8");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AtomicValues.parseBytes("0x" + "zz".repeat(4), 4))
                .withMessage("'0xzzzzzzzz' is not hex bytes (e.g. 0x00000000)");
    }
}
