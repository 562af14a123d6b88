package dev.atomics.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.redis.testing.CuttingProxy;
import dev.atomics.redis.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The failure model on a real server that is killed, restarted, hung, and whose replies are lost: every failed
 * operation throws a typed exception within the timeout, none hangs, none is sent twice, and operations resume
 * when the server is back.
 */
class RedisFailureTest {

    /** The servers here restart empty: the counters recreate their keys, as before the missing-key check. */
    private static final RedisKeyOptions RECREATE =
            RedisKeyOptions.defaults().onMissing(RedisMissingKeyPolicy.RECREATE);

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    /** What a failing operation may take beyond the timeout on a busy machine. */
    private static final long SLACK_MILLIS = 2000;

    private RedisServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        server = RedisServer.start();
        closeables.add(server);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private RedisAtomics atomics(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), port),
                LettuceClientConfiguration.builder().commandTimeout(TIMEOUT).build());
        factory.afterPropertiesSet();
        factory.start();
        closeables.add(factory::destroy);
        RedisAtomics atomics = RedisAtomics.create(factory);
        closeables.add(atomics);
        return atomics;
    }

    /** Runs {@code operation} until it succeeds; fails the test after 30 seconds. */
    private static long eventually(Supplier<Long> operation) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return operation.get();
            } catch (RedisAtomicsException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(20);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void killedMidRunOperationsFailWithoutHangingAndResumeAfterARestart() throws Exception {
        AtomicInt counter = atomics(server.port()).atomic("orders", 8, AtomicType.INT, RECREATE); // restarts are empty
        int threads = 4;
        AtomicLong succeeded = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong slowest = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        counter.inc();
                        succeeded.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                        slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                        sleep(5);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (succeeded.get() < 200 && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertThat(succeeded.get()).as("increments before the kill").isGreaterThanOrEqualTo(200);
        server.kill();
        sleep(300);
        long before = succeeded.get();
        sleep(300);
        assertThat(succeeded.get())
                .as("nothing succeeds while the server is down")
                .isEqualTo(before);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(TIMEOUT.toMillis() + SLACK_MILLIS);
            assertThat(worker.isAlive()).as("a worker hangs").isFalse();
        }
        assertThat(failures)
                .isNotEmpty()
                .allSatisfy(e ->
                        assertThat(e).isInstanceOfAny(RedisUnavailableException.class, RedisTimeoutException.class));
        assertThat(slowest.get()).as("slowest failure, ms").isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);

        server.restart(); // empty: no persistence
        assertThat(eventually(() -> counter.fetchInc()))
                .as("the first increment after the restart")
                .isZero();
        for (int i = 0; i < 99; i++) {
            counter.inc();
        }
        assertThat(counter.load()).isEqualTo(100);
    }

    @Test
    void whileTheServerIsDownOperationsFailAtOnceAndDidNotHappen() {
        AtomicInt counter = atomics(server.port()).atomic("jobs", 8, AtomicType.INT, RECREATE); // restarts are empty
        counter.inc();
        server.kill();
        long start = System.nanoTime();
        assertThatThrownBy(counter::inc)
                .isInstanceOf(RedisUnavailableException.class)
                .satisfies(e -> assertThat(((RedisAtomicsException) e).key()).isEqualTo("jobs"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);
        server.restart();
        eventually(() -> counter.load());
        counter.inc();
        assertThat(server.call("GET", "jobs")).isEqualTo("1");
    }

    @Test
    void aServerThatNeverAnsweredIsUnavailableNotAHang() {
        server.kill();
        AtomicInt counter = atomics(server.port()).atomic("never", 8, AtomicType.INT);
        long start = System.nanoTime();
        assertThatThrownBy(counter::inc)
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("cannot connect")
                .satisfies(e -> assertThat(((RedisAtomicsException) e).outcomeUnknown())
                        .as("never sent")
                        .isFalse());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);
        server.restart();
        assertThat(eventually(() -> counter.fetchInc())).isZero();
    }

    @Test
    void aHungServerTimesOutAndTheOperationMayStillHappen() {
        AtomicInt counter = atomics(server.port()).atomic("hung", 8, AtomicType.INT);
        counter.inc(); // the server knows the script now: the increment below is one EVALSHA
        server.pause();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(counter::inc)
                    .isInstanceOf(RedisTimeoutException.class)
                    .hasMessageContaining("may or may not")
                    .satisfies(e -> assertThat(((RedisAtomicsException) e).outcomeUnknown())
                            .isTrue());
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(took).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + SLACK_MILLIS);
        } finally {
            server.resume();
        }
        // the command was in the server's socket buffer: it ran once the server went on, once
        assertThat(eventually(() -> counter.load())).isEqualTo(2);
        counter.inc();
        assertThat(server.call("GET", "hung")).isEqualTo("3");
    }

    @Test
    void anOperationWhoseReplyIsLostIsNotSentAgain() {
        CuttingProxy proxy = new CuttingProxy(server.host(), server.port());
        closeables.add(proxy);
        AtomicInt counter = atomics(proxy.port()).atomic("cut", 8, AtomicType.INT);
        counter.store(-1);
        counter.inc(); // the server knows the script now: the increment below is one EVALSHA
        proxy.cutAtNextReply();
        assertThatThrownBy(counter::inc)
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("may or may not")
                .satisfies(e ->
                        assertThat(((RedisAtomicsException) e).outcomeUnknown()).isTrue());
        // Lettuce's default would have re-sent the increment after reconnecting: the server saw it exactly once
        sleep(500);
        assertThat(server.call("GET", "cut")).isEqualTo("1");
        assertThat(eventually(() -> counter.fetchInc()))
                .as("operations resume on a new connection")
                .isEqualTo(1);
        assertThat(server.call("GET", "cut")).isEqualTo("2");
    }
}
