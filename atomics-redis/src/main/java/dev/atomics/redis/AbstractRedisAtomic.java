package dev.atomics.redis;

import dev.atomics.Engine;
import dev.atomics.AtomicType;
import dev.atomics.Checks;
import dev.atomics.Op;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What every atomic on a Redis key has: the key, the transport, and the properties fixed at construction. The
 * arguments an operation takes are checked as for local atomics (same rules, same exceptions, in the same order)
 * before anything is sent.
 */
abstract class AbstractRedisAtomic implements RedisAtomic, Transport.Subject {

    final Transport transport;
    final String key;
    final byte[] rawKey;
    /** {@code {rawKey}}, the KEYS of every script call. */
    final byte[][] keys;
    /** ARGV[1] and ARGV[2] of every script call: kind and width. */
    final byte[] kind;
    final byte[] widthArg;
    final int width;
    final boolean readonly;
    private final List<Op> opsSupported;

    AbstractRedisAtomic(Transport transport, String key, int width, boolean readonly, char kind, boolean integral) {
        this.transport = transport;
        this.key = key;
        this.rawKey = key.getBytes(StandardCharsets.UTF_8);
        this.keys = new byte[][] { rawKey };
        this.kind = new byte[] { (byte) kind };
        this.widthArg = Values.half(width);
        this.width = width;
        this.readonly = readonly;
        this.opsSupported = Arrays.stream(Op.values())
                .filter(op -> (integral || !op.isArithmetic()) && (!readonly || op.isReadOnly())).toList();
    }

    /** The simple interface name shown in messages and {@code toString}, e.g. {@code AtomicInt}. */
    abstract String typeName();

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String server() {
        return transport.server();
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final boolean readonly() {
        return readonly;
    }

    @Override
    public final List<Op> opsSupported() {
        return opsSupported;
    }

    @Override
    public final AtomicType<?, ?, ?> type() {
        return kind[0] == 'i' ? AtomicType.INT : kind[0] == 'u' ? AtomicType.UINT : AtomicType.BYTES;
    }

    /** {@link Engine#REDIS}: the server performs every operation. */
    @Override
    public final Engine engine() {
        return Engine.REDIS;
    }

    @Override
    public final String describe(String operation) {
        return operation + " on " + typeName() + " at Redis key '" + key + "'";
    }

    /** Refuses a modifying operation on a readonly atomic, as local readonly atomics do. */
    final void writable(Op op) {
        if (readonly) {
            throw Checks.unsupported("readonly " + typeName() + " at Redis key '" + key + "'", op, "it is readonly");
        }
    }

    /** Runs the script's {@code operation}; {@code name} names it in messages. */
    final byte[] eval(String name, byte[]... args) {
        return transport.eval(this, name, keys, args);
    }

    /** The stored value: a plain {@code GET}. */
    final byte[] get(String name) {
        return transport.get(this, name, rawKey);
    }

    /** Refuses what the key holds, if it is no value of this atomic (read by a GET, not by the script). */
    final RedisValueException invalid(String name, IllegalArgumentException e) {
        return new RedisValueException(describe(name) + " refused: the key holds " + e.getMessage()
                + "; values are never wrapped into range", key, null);
    }

    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", engine=" + Engine.REDIS.name().toLowerCase(Locale.ROOT);
    }

    /** No value: reading it would be a round trip, and could fail. */
    @Override
    public String toString() {
        return typeName() + "(key=" + key + ", server=" + server() + ", " + properties() + ")";
    }
}
