package dev.atomics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core-API example of README.md, line for line, with what its comments claim. */
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
}
