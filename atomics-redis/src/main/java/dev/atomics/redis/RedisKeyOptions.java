package dev.atomics.redis;

import java.util.Objects;

/**
 * How an atomic treats its key, beyond type and width: what a missing key means ({@link RedisMissingKeyPolicy}),
 * the value a key is created with, and whether writes wait for replicas ({@link RedisWait}). Immutable; each
 * {@code with...} returns a copy.
 *
 * <pre>{@code
 * AtomicInt orders = redis.atomic("myapp:orders", 8, AtomicType.INT, RedisKeyOptions.defaults()
 *         .onMissing(RedisMissingKeyPolicy.FAIL)
 *         .waitFor(new RedisWait(1, Duration.ofMillis(100))));
 * }</pre>
 */
public final class RedisKeyOptions {

    private static final RedisKeyOptions DEFAULTS =
            new RedisKeyOptions(RedisMissingKeyPolicy.CREATE_AT_STARTUP, 0, null, null, false);

    private final RedisMissingKeyPolicy onMissing;
    private final long initialBits;
    private final byte[] initialBytes;
    private final RedisWait wait;
    private final boolean bytes;

    private RedisKeyOptions(
            RedisMissingKeyPolicy onMissing, long initialBits, byte[] initialBytes, RedisWait wait, boolean bytes) {
        this.onMissing = onMissing;
        this.initialBits = initialBits;
        this.initialBytes = initialBytes;
        this.wait = wait;
        this.bytes = bytes;
    }

    /** {@link RedisMissingKeyPolicy#CREATE_AT_STARTUP}, initial value zero, no wait. */
    public static RedisKeyOptions defaults() {
        return DEFAULTS;
    }

    /** What a missing key means. */
    public RedisKeyOptions onMissing(RedisMissingKeyPolicy policy) {
        return new RedisKeyOptions(Objects.requireNonNull(policy, "policy"), initialBits, initialBytes, wait, bytes);
    }

    /** The value an int or uint key is created with (checked against the atomic's range when it is made). */
    public RedisKeyOptions initialValue(long value) {
        return new RedisKeyOptions(onMissing, value, null, wait, false);
    }

    /** The value a bytes key is created with: exactly the atomic's width. */
    public RedisKeyOptions initialValue(byte[] value) {
        return new RedisKeyOptions(
                onMissing, 0, Objects.requireNonNull(value, "value").clone(), wait, true);
    }

    /** Writes wait for replicas; {@code null} for none (the default). */
    public RedisKeyOptions waitFor(RedisWait wait) {
        return new RedisKeyOptions(onMissing, initialBits, initialBytes, wait, bytes);
    }

    public RedisMissingKeyPolicy onMissing() {
        return onMissing;
    }

    /** The wait of every write, or {@code null}. */
    public RedisWait waitFor() {
        return wait;
    }

    /** The integral initial value (zero if a bytes value was given). */
    long initialBits() {
        return initialBits;
    }

    /** The bytes initial value, or {@code null} if an integral one (or none) was given. */
    byte[] initialBytes() {
        return initialBytes;
    }

    boolean bytesInitialValue() {
        return bytes;
    }

    @Override
    public String toString() {
        String initial = bytes ? Values.quote(Values.hex(initialBytes)) : Long.toString(initialBits);
        return "RedisKeyOptions(on-missing " + onMissing + ", initial " + initial + (wait == null ? "" : ", " + wait)
                + ")";
    }
}
