package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128View;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.Int128;
import dev.atomics.NativeInfo;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SharedMapping#load128} against a writer alternating two values whose halves all differ: every read must
 * be one of the two, never the halves of both (the two-round 8-byte reads it replaced tore 12 times in 318 million
 * reads). Long: runs in the {@code storms} profile only.
 */
@Tag("storm")
@ExtendWith(ShmCleanup.class)
class WideMonitorReadTest {

    private static final long READS = Long.getLong("atomics.test.wideReads", 300_000_000L);
    private static final Int128 A = new Int128(0x5555_5555_5555_5555L, 0x1111_1111_1111_1111L);
    private static final Int128 B = new Int128(0xaaaa_aaaa_aaaa_aaaaL, 0x2222_2222_2222_2222L);

    @Test
    void threeHundredMillionReadsOfAnAlternatingValueAreNeverTorn() throws Exception {
        NativeInfo info = Atomics.nativeInfo();
        assumeTrue(info.available() && info.widths().contains(16), "needs width 16 from the patomic library");
        String name = uniqueName();
        try (SharedMemory shm = SharedMemory.create(name, 64);
                AtomicViewContext<AtomicUint128View> ctx = shm.atomicView(16, 16, AtomicType.UINT128, Engine.PATOMIC)) {
            AtomicUint128View value = ctx.open();
            value.store(A);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong writes = new AtomicLong();
            Thread writer = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    value.store((n & 1) == 0 ? B : A);
                    n++;
                }
                writes.set(n);
            });
            writer.start();
            long torn = 0;
            long changes = 0;
            Int128 last = A;
            Int128 firstTorn = null;
            try {
                for (long i = 0; i < READS; i++) {
                    Int128 seen = shm.load128(16);
                    if (!seen.equals(A) && !seen.equals(B)) {
                        torn++;
                        firstTorn = firstTorn == null ? seen : firstTorn;
                    } else if (!seen.equals(last)) {
                        changes++;
                        last = seen;
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            System.out.printf(
                    "WideMonitorReadTest, Java %d: %d reads, %d torn, %d changes seen, %d writes%n",
                    Runtime.version().feature(), READS, torn, changes, writes.get());
            assertThat(torn)
                    .as("torn reads of %d (first: %s)", READS, firstTorn)
                    .isZero();
            assertThat(changes).as("the reads saw the writer").isPositive();
        }
    }
}
