package dev.atomics.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Durability of an atomic's writes: after each write, Redis {@code WAIT}s until {@code replicas} replicas have
 * acknowledged it, at most {@code timeout}. Fewer in time raise {@link RedisNotReplicatedException} (the write
 * was applied on the primary). {@code WAIT} counts the writes of its own connection, so waited writes use a
 * connection of their own, never resent, and the write and its {@code WAIT} travel together (one round trip plus
 * the replication). On a Redis Cluster, {@code WAIT} runs on the shard (the primary of the key's hash slot):
 * it counts that shard's replicas only.
 *
 * @param replicas how many replicas must acknowledge, at least 1
 * @param timeout  how long to wait for them, positive (added to the operation's own timeout)
 */
public record RedisWait(int replicas, Duration timeout) {

    public RedisWait {
        Objects.requireNonNull(timeout, "timeout");
        if (replicas < 1) {
            throw new IllegalArgumentException("a wait needs at least 1 replica, not " + replicas);
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.toMillis() == 0) {
            throw new IllegalArgumentException("the timeout of a wait must be at least 1ms, not " + timeout
                    + " (WAIT with 0 would block forever)");
        }
    }
}
