package dev.atomics.benchmarks;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.RedisAtomics;
import dev.atomics.redis.RedisKeyOptions;
import dev.atomics.redis.RedisMissingKeyPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.support.atomic.RedisAtomicLong;

/**
 * A counter on a Redis key: atomics-redis's {@code AtomicInt} (width 8) against Spring Data Redis's
 * {@link RedisAtomicLong}, both made from one {@link LettuceConnectionFactory} (Boot's defaults: one shared native
 * connection), on a local redis-server whose port is in the environment variable {@value #PORT} (the script starts
 * the server). Every figure is a network round trip or more: microseconds, not nanoseconds.
 *
 * <p>{@code oursInc} is the script with its existence check (the default policy), {@code oursIncIncrby} the plain
 * {@code INCRBY} of the opt-in policy {@code recreate} (what served adds before the check), so each run shows what
 * the check costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {Memory8.NATIVE_ACCESS, Memory8.HEAP_MIN, Memory8.HEAP_MAX})
public class RedisCounters {

    static final String PORT = "ATOMICS_BENCH_REDIS_PORT";

    LettuceConnectionFactory factory;
    RedisAtomics redis;
    AtomicInt ours;
    AtomicInt oursIncrby;
    RedisAtomicLong theirs;
    long next;

    @Setup
    public void setup() {
        String port = System.getenv(PORT);
        if (port == null) {
            throw new IllegalStateException(
                    "set " + PORT + " to the port of a local redis-server (scripts/run-benchmarks.sh does)");
        }
        factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", Integer.parseInt(port)),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(10))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        redis = RedisAtomics.create(factory);
        ours = redis.atomic("bench:ours", 8, AtomicType.INT);
        ours.store(0);
        oursIncrby = redis.atomic(
                "bench:incrby",
                8,
                AtomicType.INT,
                RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.RECREATE));
        oursIncrby.store(0);
        theirs = new RedisAtomicLong("bench:theirs", factory, 0);
        next = 0;
    }

    @TearDown
    public void tearDown() {
        redis.close();
        factory.destroy();
    }

    // ---- increment: INCRBY for both -------------------------------------------------------------------------

    @Benchmark
    public void oursInc() {
        ours.inc();
    }

    /** The baseline: plain INCRBY, no existence check (policy recreate; every add before issue 27). */
    @Benchmark
    public void oursIncIncrby() {
        oursIncrby.inc();
    }

    @Benchmark
    public long oursFetchAdd() {
        return ours.fetchAdd(1);
    }

    @Benchmark
    public long theirsIncrementAndGet() {
        return theirs.incrementAndGet();
    }

    // ---- compare-and-set, expecting the current value (single thread: every one succeeds) ---------------------

    /** One EVALSHA of the script: compare and set on the server. */
    @Benchmark
    public boolean oursCompareAndSet() {
        long e = next;
        boolean ok = ours.compareAndSet(e, e + 1);
        next = ok ? e + 1 : ours.load();
        return ok;
    }

    /** WATCH, GET, MULTI, SET, EXEC on a connection of its own (RedisAtomicLong's CompareAndSet session). */
    @Benchmark
    public boolean theirsCompareAndSet() {
        long e = next;
        boolean ok = theirs.compareAndSet(e, e + 1);
        next = ok ? e + 1 : theirs.get();
        return ok;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Benchmark
    public long oursLoad() {
        return ours.load();
    }

    @Benchmark
    public long theirsGet() {
        return theirs.get();
    }
}
