package dev.atomics;

import static dev.atomics.conformance.Conformance.reproducibly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.conformance.Apis;
import dev.atomics.conformance.Conformance;
import dev.atomics.conformance.LocalTargets;
import dev.atomics.conformance.Model;
import dev.atomics.testing.Patomic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance kit ({@link Conformance}) on local memory: every API at every width it has, on every engine that
 * serves the width, owning objects and views on a direct buffer. Width 16 runs where the patomic library and the
 * CPU serve it ({@link Width16Test} checks the refusal elsewhere).
 */
class ConformanceTest {

    private static final List<AtomicType<?, ?, ?>> INTEGERS = List.of(AtomicType.INT, AtomicType.UINT);

    @TestFactory
    Stream<DynamicNode> integralsOf1To8Bytes() {
        return Conformance.tests(Apis.INTEGRAL, LocalTargets.of(INTEGERS, 1, 2, 4, 8));
    }

    @TestFactory
    Stream<DynamicNode> integralsOf16Bytes() {
        return Conformance.tests(Apis.INTEGRAL128, LocalTargets.of(List.of(AtomicType.INT128, AtomicType.UINT128), 16));
    }

    @TestFactory
    Stream<DynamicNode> bytesOfEveryWidth() {
        return Conformance.tests(Apis.BYTES, LocalTargets.of(List.of(AtomicType.BYTES), 1, 2, 4, 8, 16));
    }

    /**
     * The engines are probed, not assumed, so this pins what they must serve: the JVM engine 1, 2, 4 and 8, and
     * patomic the same where its library loads (in the run without native libraries, nothing).
     */
    @Test
    void theEnginesServeTheWidthsTheyMust() {
        for (AtomicType<?, ?, ?> type : List.of(AtomicType.INT, AtomicType.UINT, AtomicType.BYTES)) {
            List<Integer> jvm = new ArrayList<>();
            List<Integer> patomic = new ArrayList<>();
            for (int width : new int[] {1, 2, 4, 8}) {
                if (LocalTargets.serves(width, type, Engine.JVM)) {
                    jvm.add(width);
                }
                if (LocalTargets.serves(width, type, Engine.PATOMIC)) {
                    patomic.add(width);
                }
            }
            assertThat(jvm).as("widths the jvm engine serves for %s", type).containsExactly(1, 2, 4, 8);
            assertThat(patomic)
                    .as("widths patomic serves for %s", type)
                    .isEqualTo(Patomic.available() ? List.of(1, 2, 4, 8) : List.of());
        }
    }

    /** The model's reading of bits agrees with Java's own fixed-width types, so it is no second guess. */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void theModelReadsBitsAsJavasFixedWidthTypesDo(int width) {
        Model signed = new Model(width, true);
        Model unsigned = new Model(width, false);
        SplittableRandom r = Conformance.random("model width " + width);
        List<Long> probes = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x80L, 0x7FL, 0xFFL));
        for (int i = 0; i < 64; i++) {
            probes.add(r.nextLong());
        }
        for (long bits : probes) {
            BigInteger b = BigInteger.valueOf(bits);
            reproducibly(() -> "width " + width + ", bits 0x" + Long.toHexString(bits), () -> {
                assertThat(signed.value(b).longValueExact())
                        .isEqualTo(
                                switch (width) {
                                    case 1 -> (long) (byte) bits;
                                    case 2 -> (long) (short) bits;
                                    case 4 -> (long) (int) bits;
                                    default -> bits;
                                });
                assertThat(unsigned.value(b).longValue())
                        .isEqualTo(
                                switch (width) {
                                    case 1 -> (long) Byte.toUnsignedInt((byte) bits);
                                    case 2 -> (long) Short.toUnsignedInt((short) bits);
                                    case 4 -> Integer.toUnsignedLong((int) bits);
                                    default -> bits;
                                });
            });
        }
    }

    /** At width 16 the model's arithmetic is {@link Int128}'s, and its reading of bits {@code BigInteger}'s. */
    @Test
    void theModelAtWidth16AgreesWithInt128() {
        Model u = new Model(16, false);
        Model s = new Model(16, true);
        SplittableRandom r = Conformance.random("model width 16");
        List<BigInteger> values = new ArrayList<>(Conformance.edges(u));
        for (int i = 0; i < 200; i++) {
            values.add(Conformance.randomValue(u, r));
        }
        for (BigInteger a : values) {
            Int128 x = new Int128(a.shiftRight(64).longValue(), a.longValue());
            BigInteger b = values.get(r.nextInt(values.size()));
            Int128 y = new Int128(b.shiftRight(64).longValue(), b.longValue());
            reproducibly(() -> a + " and " + b, () -> {
                assertThat(x.toUnsignedBigInteger()).isEqualTo(u.value(a));
                assertThat(x.toBigInteger()).isEqualTo(s.value(a));
                assertThat(u.bits(u.image(a))).isEqualTo(u.value(a));
                assertThat(x.add(y).toUnsignedBigInteger()).isEqualTo(u.value(a.add(b)));
                assertThat(x.subtract(y).toUnsignedBigInteger()).isEqualTo(u.value(a.subtract(b)));
                assertThat(Integer.signum(x.compareTo(y))).isEqualTo(s.value(a).compareTo(s.value(b)));
                assertThat(Integer.signum(Int128.compareUnsigned(x, y)))
                        .isEqualTo(u.value(a).compareTo(u.value(b)));
            });
        }
    }
}
