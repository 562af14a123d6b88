package dev.atomics.redis;

import dev.atomics.AtomicType;
import dev.atomics.Checks;
import dev.atomics.Engine;
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
    /** The connection of waited writes, or {@code null} without a wait. */
    private final Transport waitTransport;

    private final RedisWait wait;
    final RedisMissingKeyPolicy onMissing;
    final String key;
    final byte[] rawKey;
    /** {@code {rawKey}}, the KEYS of every script call. */
    final byte[][] keys;
    /** ARGV[1] and ARGV[2] of every script call: kind (with 'c' where a missing key may be created) and width. */
    final byte[] kind;

    final byte[] widthArg;
    final int width;
    final boolean readonly;
    /** The initial value's raw bits, for 'init'. */
    private final long initialBits;
    /**
     * Whether the key was seen or created once (policy create-at-startup): until then, the first operation creates
     * an absent key first. Always true for the other policies.
     */
    private volatile boolean ensured;

    private final List<Op> opsSupported;

    AbstractRedisAtomic(
            Transport transport,
            String key,
            int width,
            boolean readonly,
            char kind,
            boolean integral,
            RedisKeyOptions options,
            Transport waitTransport,
            long initialBits) {
        this.transport = transport;
        this.wait = options.waitFor();
        this.waitTransport = wait == null ? null : waitTransport;
        this.onMissing = readonly && options.onMissing() == RedisMissingKeyPolicy.CREATE_AT_STARTUP
                ? RedisMissingKeyPolicy.FAIL
                : options.onMissing();
        this.ensured = onMissing != RedisMissingKeyPolicy.CREATE_AT_STARTUP;
        this.initialBits = initialBits;
        this.key = key;
        this.rawKey = key.getBytes(StandardCharsets.UTF_8);
        this.keys = new byte[][] {rawKey};
        this.kind =
                onMissing == RedisMissingKeyPolicy.RECREATE ? new byte[] {(byte) kind, 'c'} : new byte[] {(byte) kind};
        this.widthArg = Values.half(width);
        this.width = width;
        this.readonly = readonly;
        this.opsSupported = Arrays.stream(Op.values())
                .filter(op -> (integral || !op.isArithmetic()) && (!readonly || op.isReadOnly()))
                .toList();
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

    /** What a missing key means for this atomic (a readonly atomic never creates one). */
    public final RedisMissingKeyPolicy onMissing() {
        return onMissing;
    }

    /** The wait of every write, or {@code null}. */
    public final RedisWait waitFor() {
        return wait;
    }

    /** Whether plain {@code INCRBY}/{@code DECRBY} may serve additions: no existence check, no wait. */
    final boolean plainWrites() {
        return onMissing == RedisMissingKeyPolicy.RECREATE && wait == null;
    }

    /** Runs the script's {@code operation}; {@code name} names it in messages. */
    final byte[] eval(String name, byte[]... args) {
        if (!ensured) {
            ensure();
        }
        return wait == null
                ? transport.eval(this, name, keys, args)
                : waitTransport.evalAndWait(this, name, wait, keys, args);
    }

    /**
     * Under create-at-startup, the first contact: creates the key with the initial value if it is absent (and tells
     * the listener), checks it otherwise. Until it succeeds once, every operation tries it first.
     *
     * @return whether this call created the key
     */
    final boolean ensure() {
        if (ensured) {
            return false;
        }
        synchronized (this) {
            if (ensured) {
                return false;
            }
            byte[] bare = {kind[0]};
            byte[] r = transport.eval(
                    this,
                    "create-at-startup",
                    keys,
                    bare,
                    widthArg,
                    Script.INIT,
                    Values.half(initialBits >>> 32),
                    Values.half(initialBits & 0xFFFF_FFFFL));
            ensured = true;
            boolean created = r != null && r.length == 1 && r[0] == 'c';
            if (created) {
                transport.keyCreated(this, initialForm());
            }
            return created;
        }
    }

    final long initialBitsOf() {
        return initialBits;
    }

    /** Whether the first contact (create-at-startup) is done. */
    final boolean ensured() {
        return ensured;
    }

    /** The initial value in stored form, for messages. */
    abstract String initialForm();

    /** The stored value: a plain {@code GET}; a missing key throws unless the policy is recreate. */
    final byte[] get(String name) {
        if (!ensured) {
            ensure();
        }
        byte[] value = transport.get(this, name, rawKey);
        if (value == null && onMissing != RedisMissingKeyPolicy.RECREATE) {
            throw Transport.missing(describe(name), key, null);
        }
        return value;
    }

    /** Refuses what the key holds, if it is no value of this atomic (read by a GET, not by the script). */
    final RedisValueException invalid(String name, IllegalArgumentException e) {
        if (e instanceof Values.Foreign) {
            return Transport.foreign(describe(name), key, e.getMessage(), null);
        }
        return new RedisValueException(
                describe(name) + " refused: the key holds " + e.getMessage() + "; values are never wrapped into range",
                key,
                null);
    }

    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", engine="
                + Engine.REDIS.name().toLowerCase(Locale.ROOT);
    }

    /** No value: reading it would be a round trip, and could fail. */
    @Override
    public String toString() {
        return typeName() + "(key=" + key + ", server=" + server() + ", " + properties() + ")";
    }
}
