/**
 * Atomics on Redis keys: the core's {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint} and
 * {@link dev.atomics.AtomicBytes}, shared by every process that uses the key, through Spring Data Redis and
 * Lettuce. Start at {@link dev.atomics.redis.RedisAtomics}, which describes the semantics (one round trip per
 * operation, atomic on the server, every operation on one key sequentially consistent), the stored form of
 * values and the failure model ({@link dev.atomics.redis.RedisAtomicsException}: nothing is retried).
 */
package dev.atomics.redis;
