package dev.atomics;

import dev.atomics.testing.Patomic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core-API examples of README.md, line for line, with what their comments claim. */
class ReadmeExampleTest {

    @Test
    void theCoreExampleDoesWhatTheReadmeSays() {
        AtomicInt hits = Atomics.atomic(8, AtomicType.INT);
        hits.inc();
        long before = hits.fetchAdd(10, MemoryOrder.ACQ_REL);
        boolean was = hits.bitSet(3);
        CmpxchgResult r = hits.cmpxchgStrong(11, 0);
        AtomicUint level = Atomics.atomic(1, AtomicType.UINT);
        AtomicBytes flags = Atomics.atomic(4, AtomicType.BYTES);

        assertThat(before).isEqualTo(1);
        assertThat(was).isTrue();
        assertThat(r).isEqualTo(new CmpxchgResult(true, 11));
        assertThat(level.width()).isEqualTo(1);
        assertThat(flags.load()).hasSize(4);
        assertThat(hits.toString()).isEqualTo("AtomicInt(value=0, width=8, readonly=false, signed=true, engine=jvm)");
    }

    @Test
    void the16ByteExampleDoesWhatTheReadmeSays() {
        Patomic.assume();
        Assumptions.assumeTrue(Atomics.nativeInfo().widths().contains(16), "a 16-byte compare-and-swap on this CPU");
        AtomicUint128 pair = Atomics.atomic(16, AtomicType.UINT128);
        Int128 seen = pair.load();
        Int128 next = new Int128(seen.high() + 1, 0xCAFE);
        boolean ok = pair.compareAndSet(seen, next);
        Int128 w = pair.compareAndExchange(seen, next);
        pair.sub(Int128.ONE);
        String exact = pair.load().toUnsignedString();
        AtomicBytes tag = Atomics.atomic(16, AtomicType.BYTES);

        assertThat(pair.engine()).isEqualTo(Engine.PATOMIC);
        assertThat(seen).isEqualTo(Int128.ZERO);
        assertThat(ok).isTrue();
        assertThat(w).isEqualTo(next);
        assertThat(exact).isEqualTo("18446744073709603581").isEqualTo(Int128.ONE.add(Int128.ZERO).toBigInteger()
                .shiftLeft(64).add(java.math.BigInteger.valueOf(0xCAFE - 1)).toString());
        assertThat(tag.load()).hasSize(16);
    }
}
