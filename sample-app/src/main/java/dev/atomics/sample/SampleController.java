package dev.atomics.sample;

import dev.atomics.AtomicBytes;
import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;
import dev.atomics.CmpxchgResult;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicsRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's REST API: each handler uses an injected atomic the way a real service would. Every atomic here
 * is declared in {@code application.yml}; none is created in code.
 */
@RestController
@RequestMapping("/api")
class SampleController {

    private final AtomicInt requests;
    private final AtomicUint level;
    private final AtomicBytes flags;
    private final AtomicInt sequence;
    private final AtomicInt jobsDone;
    private final String jobsShm;
    private final long jobsOffset;

    SampleController(
            @Qualifier("requests") AtomicInt requests,
            @Qualifier("level") AtomicUint level,
            @Qualifier("flags") AtomicBytes flags,
            @Qualifier("sequence") AtomicInt sequence,
            @Qualifier("jobs-done") AtomicInt jobsDone,
            AtomicsRegistry registry) {
        this.requests = requests;
        this.level = level;
        this.flags = flags;
        this.sequence = sequence;
        this.jobsDone = jobsDone;
        AtomicSource source = registry.get("jobs-done").source();
        this.jobsShm = source instanceof AtomicSource.SharedMemory shm ? shm.name() : null;
        this.jobsOffset = source instanceof AtomicSource.SharedMemory shm ? shm.offset() : 0;
    }

    // ---- requests: counted by RequestCountingInterceptor ---------------------------------------------------

    record Requests(long requests) {}

    /** The number of API requests so far, this one included. */
    @GetMapping("/requests")
    Requests requests() {
        return new Requests(requests.load());
    }

    // ---- flags: a 4-byte word of bits ------------------------------------------------------------------------

    /**
     * The flag word: its bytes in memory order as hex, and the numbers of the bits that are set (bit n is bit n
     * of the word read as a native integer, as in C).
     */
    record Flags(String hex, List<Integer> bits) {}

    record FlagBit(int bit, boolean set, boolean previous, Flags flags) {}

    @GetMapping("/flags")
    Flags flags() {
        return describe(flags.load());
    }

    /** Tests one bit. */
    @GetMapping("/flags/{bit}")
    FlagBit flag(@PathVariable int bit) {
        checkBit(bit);
        boolean set = flags.bitTest(bit);
        return new FlagBit(bit, set, set, flags());
    }

    /** Sets one bit (bitSet) and says whether it was set before. */
    @PutMapping("/flags/{bit}")
    FlagBit setFlag(@PathVariable int bit) {
        checkBit(bit);
        boolean previous = flags.bitSet(bit);
        return new FlagBit(bit, true, previous, flags());
    }

    /** Clears one bit (bitReset) and says whether it was set before. */
    @DeleteMapping("/flags/{bit}")
    FlagBit clearFlag(@PathVariable int bit) {
        checkBit(bit);
        boolean previous = flags.bitReset(bit);
        return new FlagBit(bit, false, previous, flags());
    }

    private void checkBit(int bit) {
        int bits = 8 * flags.width();
        if (bit < 0 || bit >= bits) {
            throw new IllegalArgumentException("bit must be in [0, " + (bits - 1) + "], not " + bit);
        }
    }

    private static Flags describe(byte[] bytes) {
        // Read the word as the native integer the bit numbers refer to.
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        long word;
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            buffer.put(bytes);
            word = buffer.getLong(0);
        } else {
            buffer.position(8 - bytes.length);
            buffer.put(bytes);
            word = buffer.getLong(0);
        }
        List<Integer> set = new ArrayList<>();
        for (int i = 0; i < 8 * bytes.length; i++) {
            if ((word >>> i & 1) != 0) {
                set.add(i);
            }
        }
        return new Flags(HexFormat.of().formatHex(bytes), set);
    }

    // ---- sequence: unique numbers with fetchInc ----------------------------------------------------------------

    record SequenceNumber(long sequence) {}

    /** Takes the next sequence number: concurrent callers never get the same one. */
    @PostMapping("/sequence")
    SequenceNumber nextSequence() {
        return new SequenceNumber(sequence.fetchInc());
    }

    // ---- level: a compare-and-set that can fail -----------------------------------------------------------------

    record Level(long level) {}

    /** The outcome of a successful compare-and-set: {@code current} is the level after the call (the desired value). */
    record CasOutcome(boolean success, long expected, long desired, long current, String message) {}

    @GetMapping("/level")
    Level level() {
        return new Level(level.load());
    }

    /**
     * Sets the level to {@code desired} only if it is {@code expected} (cmpxchgStrong). 200 on success; 409, a problem
     * detail with {@code current} (the value that made it fail, to retry with), if the level was something else; 400 if
     * a value does not fit the level (uint, 1 byte).
     */
    @PostMapping("/level/cas")
    ResponseEntity<?> casLevel(@RequestParam long expected, @RequestParam long desired) {
        long max = (1L << (8 * level.width())) - 1;
        checkRange("expected", expected, max);
        checkRange("desired", desired, max);
        CmpxchgResult result = level.cmpxchgStrong(expected, desired);
        if (result.success()) {
            return ResponseEntity.ok(new CasOutcome(
                    true, expected, desired, desired, "level changed from " + expected + " to " + desired));
        }
        ProblemDetail conflict = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "level is " + result.expected() + ", not " + expected + ": nothing changed");
        conflict.setProperty("success", false);
        conflict.setProperty("expected", expected);
        conflict.setProperty("desired", desired);
        conflict.setProperty("current", result.expected());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict);
    }

    private static void checkRange(String what, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be in [0, " + max + "] (level is a "
                    + (Long.numberOfTrailingZeros(max + 1) / 8) + "-byte uint), not " + value);
        }
    }

    // ---- jobs: the counter shared with other processes --------------------------------------------------------

    /** The shared counter, and where it lives: the shared-memory object's name and the offset in it. */
    record Jobs(long jobsDone, String shm, long offset) {}

    /** Reads the counter that the C client (or Python) increments in shared memory. */
    @GetMapping("/jobs")
    Jobs jobs() {
        return new Jobs(jobsDone.load(), jobsShm, jobsOffset);
    }

    /** Counts one job done by this process, in the same shared counter. */
    @PostMapping("/jobs")
    Jobs jobDone() {
        jobsDone.inc();
        return jobs();
    }
}
