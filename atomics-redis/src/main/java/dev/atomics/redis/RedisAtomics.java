package dev.atomics.redis;

import dev.atomics.Atomic;
import dev.atomics.AtomicBytes;
import dev.atomics.AtomicType;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.redis.Implementations.RedisInt;
import dev.atomics.redis.Implementations.RedisUint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Makes atomics stored at Redis keys: {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint} and
 * {@link AtomicBytes} of 1, 2, 4 or 8 bytes with every operation of the core API and the semantics of local
 * atomics, shared by every process that uses the key: one counter for all instances of an application.
 *
 * <pre>{@code
 * try (RedisAtomics redis = RedisAtomics.create(connectionFactory)) {   // Spring Data Redis, Lettuce
 *     AtomicInt orders = redis.atomic("myapp:orders", 8, AtomicType.INT);
 *     long number = orders.fetchInc();                                    // unique across every instance
 * }
 * }</pre>
 *
 * <p><b>Operations.</b> Each operation is one round trip and atomic on the server: {@code load} and
 * {@code bitTest} are a {@code GET}, every write ({@code store} included) one call of a Lua script
 * ({@code EVALSHA}) that checks the key (type, form, existence), reads, computes and writes while Redis runs nothing
 * else; additions on an int of width 8 whose {@link RedisMissingKeyPolicy} is {@code RECREATE} and that waits for
 * no replica stay an {@code INCRBY} or {@code DECRBY}. Two exceptions take a second round trip, after a first one
 * that changed nothing: an {@code INCRBY} whose result wraps around the 64-bit range (Redis refuses to overflow, the
 * script then wraps), and the first script call on a server that does not know the script yet ({@code NOSCRIPT}:
 * the body is sent). Under {@code CREATE_AT_STARTUP} (the default) an atomic's first operation is preceded once by
 * its first contact, which creates an absent key with the initial value. Arguments are checked as for
 * local atomics (operand ranges, bit offsets, memory orders; same exceptions) before anything is sent; results
 * wrap around modulo {@code 2^(8 * width)}, with exact 64-bit arithmetic. A compare-and-exchange, weak or strong,
 * never fails spuriously.
 *
 * <p><b>Memory orders</b> are accepted and checked like those of local atomics, and change nothing: every
 * operation on one key is sequentially consistent, whatever order it is given. Redis executes the commands on a
 * key one at a time, in one order that all clients observe, each after the ones that completed before it was
 * sent. (Redis orders each key on its own: operations on two keys are not ordered with each other the way
 * {@code SEQ_CST} operations on local memory are.)
 *
 * <p><b>Values</b> are stored so that any Redis client reads them: an int or uint as its decimal value
 * ({@code redis-cli GET myapp:orders} prints {@code 42}; other clients' {@code INCRBY}, {@code DECR} and
 * {@code SET} interoperate while the value stays in range), bytes as the hex of the bytes in order
 * ({@code deadbeef}; bit {@code 8i + j} is bit {@code j} of byte {@code i}). Writes keep a time to live set on the
 * key. A number out of the range of the type and width is refused with {@link RedisValueException}, never wrapped;
 * a key of another Redis type, or a string that is no stored form of the atomic, with
 * {@link RedisForeignKeyException}: it is never read as zero nor overwritten, not even by {@code store}. A missing
 * key is what the atomic's {@link RedisMissingKeyPolicy} says: by default created at the first contact, then refused
 * with {@link RedisMissingKeyException}.
 *
 * <p><b>Failures.</b> An operation that fails throws a {@link RedisAtomicsException}:
 * {@link RedisUnavailableException} when there is no connection (it fails at once while the client reconnects in
 * the background, or within the connect timeout while it connects) or the server refused it;
 * {@link RedisTimeoutException} when no reply came within {@link #timeout()}; {@link RedisValueException} (and
 * {@link RedisForeignKeyException}) for a value that is not one of the atomic, {@link RedisMissingKeyException} for a
 * missing key; {@link RedisNotReplicatedException} for a write applied but acknowledged by fewer replicas than the
 * atomic's {@link RedisWait} asks for. Nothing is ever retried: Lettuce's default would send a command again after
 * a reconnect, so these atomics use a connection of their own, configured like the factory's, that rejects
 * commands while disconnected and fails those in flight instead. An operation that timed out, or whose connection
 * broke while it waited, may or may not have happened ({@link RedisAtomicsException#outcomeUnknown()}). Replication
 * to replicas is asynchronous: after a failover, the new master may lack the last operations the old one
 * acknowledged.
 *
 * <p>One {@code RedisAtomics} holds one connection, which its atomics share (Lettuce pipelines the commands of
 * concurrent threads on it). {@link #close()} closes it; the atomics then fail.
 */
public final class RedisAtomics implements AutoCloseable {

    private final Transport transport;
    /** Makes the connection of waited writes, once an atomic with a wait is made. */
    private final java.util.function.Supplier<Transport> waitTransportFactory;

    private Transport waitTransport;

    private RedisAtomics(Transport transport, java.util.function.Supplier<Transport> waitTransportFactory) {
        this.transport = transport;
        this.waitTransportFactory = waitTransportFactory;
    }

    /**
     * Atomics on the server {@code factory} connects to, whose operations time out after the factory's command
     * timeout ({@code spring.data.redis.timeout}; Lettuce's default is 60 seconds).
     *
     * @throws IllegalArgumentException if {@code factory} is not a {@link LettuceConnectionFactory}
     */
    public static RedisAtomics create(RedisConnectionFactory factory) {
        return create(factory, null);
    }

    /**
     * Atomics on the server {@code factory} connects to, whose operations time out after {@code timeout}, or the
     * factory's command timeout if it is {@code null}.
     *
     * @param factory the application's connection factory; its server, credentials, TLS, client resources and
     *                options are used (a connection of its own, see the class description)
     * @param timeout how long an operation waits for its reply
     * @throws IllegalArgumentException if {@code factory} is not a {@link LettuceConnectionFactory}, or the timeout
     *                                  is not positive
     */
    public static RedisAtomics create(RedisConnectionFactory factory, Duration timeout) {
        Objects.requireNonNull(factory, "factory");
        if (!(factory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalArgumentException(
                    "atomics on Redis need a LettuceConnectionFactory (Lettuce is Spring Boot's"
                            + " default Redis client), not a "
                            + factory.getClass().getName() + ": its reconnection behaviour"
                            + " decides whether an operation can run twice");
        }
        Duration t =
                timeout != null ? timeout : lettuce.getClientConfiguration().getCommandTimeout();
        if (t.isZero() || t.isNegative()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + t);
        }
        return new RedisAtomics(
                new Transport(AtMostOnceConnectionFactory.of(lettuce, t), t),
                () -> new Transport(AtMostOnceConnectionFactory.of(lettuce, t), t));
    }

    /**
     * The atomic of {@code type} and {@code width} stored at {@code key}, with {@link RedisKeyOptions#defaults()}
     * (a missing key is created with 0 at the first contact, then refused). Nothing is sent yet, and many objects, in
     * this or other processes, may use the same key.
     *
     * @param type {@link AtomicType#INT}, {@link AtomicType#UINT} or {@link AtomicType#BYTES}
     * @return an {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint} or {@link AtomicBytes}, which is a
     *         {@link RedisAtomic}
     * @throws UnsupportedWidthException if {@code width} is not 1, 2, 4 or 8
     * @throws IllegalArgumentException  for another type, or an empty key
     */
    public <A extends Atomic> A atomic(String key, int width, AtomicType<A, ?, ?> type) {
        return make(key, width, type, false, RedisKeyOptions.defaults());
    }

    /**
     * Like {@link #atomic(String, int, AtomicType)}, with {@code options}: what a missing key means, the value it is
     * created with, and whether writes wait for replicas.
     *
     * @throws dev.atomics.OperandRangeException if the initial value does not fit the type and width
     */
    public <A extends Atomic> A atomic(String key, int width, AtomicType<A, ?, ?> type, RedisKeyOptions options) {
        return make(key, width, type, false, options);
    }

    /**
     * Like {@link #readonlyAtomic(String, int, AtomicType)}, with {@code options} (a readonly atomic never creates its
     * key).
     */
    public <A extends Atomic> A readonlyAtomic(
            String key, int width, AtomicType<A, ?, ?> type, RedisKeyOptions options) {
        return make(key, width, type, true, options);
    }

    /**
     * Where atomics report a key they created under {@link RedisMissingKeyPolicy#CREATE_AT_STARTUP}; the default
     * logs a WARN ({@link RedisKeyListener#LOG}).
     */
    public void keyListener(RedisKeyListener listener) {
        transport.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The first contact of {@code atomic} under {@link RedisMissingKeyPolicy#CREATE_AT_STARTUP}, if it has not happened
     * yet: creates its absent key with the initial value (telling the {@link #keyListener}), or checks the key it
     * finds. Does nothing for other policies, or once done. Applications need not call it: the atomic's first operation
     * does; the starter calls it at startup.
     *
     * @return whether this call created the key
     * @throws RedisAtomicsException as an operation would (Redis down: try again later)
     */
    public boolean ensureKey(RedisAtomic atomic) {
        return own(atomic).ensure();
    }

    /**
     * Like {@link #atomic}, but the atomic refuses every modifying operation with
     * {@link dev.atomics.UnsupportedOpException}: it only loads and tests bits (other clients may still change the
     * key).
     */
    public <A extends Atomic> A readonlyAtomic(String key, int width, AtomicType<A, ?, ?> type) {
        return make(key, width, type, true, RedisKeyOptions.defaults());
    }

    private synchronized Transport waitTransport() {
        if (waitTransport == null) {
            waitTransport = waitTransportFactory.get();
        }
        return waitTransport;
    }

    private <A extends Atomic> A make(
            String key, int width, AtomicType<A, ?, ?> type, boolean readonly, RedisKeyOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the key of an atomic must not be empty");
        }
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new UnsupportedWidthException(
                    "width " + width + " is not supported: atomics on Redis have 1, 2, 4 or 8 bytes");
        }
        Transport waits = options.waitFor() != null && !readonly ? waitTransport() : null;
        Atomic atomic;
        if (type == AtomicType.INT) {
            atomic = new RedisInt(transport, key, width, readonly, options, waits);
        } else if (type == AtomicType.UINT) {
            atomic = new RedisUint(transport, key, width, readonly, options, waits);
        } else if (type == AtomicType.BYTES) {
            atomic = new RedisBytes(transport, key, width, readonly, options, waits);
        } else {
            throw new IllegalArgumentException("atomics on Redis are of type INT, UINT or BYTES, not " + type);
        }
        return castTo(atomic);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Atomic> A castTo(Atomic atomic) {
        return (A) atomic;
    }

    /** How long an operation waits for its reply. */
    public Duration timeout() {
        return transport.timeout();
    }

    /** Where the server is, e.g. {@code localhost:6379}. */
    public String server() {
        return transport.server();
    }

    /**
     * The outcome of loading one atomic in {@link #loadAll}.
     *
     * @param atomic  the atomic
     * @param value   what {@code load()} would return: a {@code Long} for an int or uint (the 64-bit pattern for a
     *                uint of width 8), a {@code byte[]} for bytes; {@code null} if it failed
     * @param failure what {@code load()} would have thrown; {@code null} if it succeeded
     */
    public record Load(RedisAtomic atomic, Object value, RedisAtomicsException failure) {}

    /**
     * Loads every atomic, for monitoring many atomics at once: one round trip (a script; on a Redis Cluster one per
     * hash slot), each atomic as its {@code load()} would: a key of another type or a foreign string fails with
     * {@link RedisForeignKeyException}, a missing key with {@link RedisMissingKeyException} (unless the policy is
     * recreate), and one's failure does not keep the others from being read. Atomics whose first contact
     * (create-at-startup) has not happened yet make it first. The atomics must have been made by this
     * {@code RedisAtomics}.
     *
     * @return one outcome per atomic, in order; if the round trip itself fails, every outcome holds that failure
     */
    public List<Load> loadAll(List<? extends RedisAtomic> atomics) {
        List<Load> out = new ArrayList<>(atomics.size());
        if (atomics.isEmpty()) {
            return out;
        }
        RedisAtomicsException[] early = new RedisAtomicsException[atomics.size()];
        byte[][] keys = new byte[atomics.size()][];
        for (int i = 0; i < keys.length; i++) {
            AbstractRedisAtomic a = own(atomics.get(i));
            keys[i] = a.rawKey;
            if (!a.ensured()) {
                try {
                    a.ensure();
                } catch (RedisAtomicsException e) {
                    early[i] = e;
                }
            }
        }
        AbstractRedisAtomic first = (AbstractRedisAtomic) atomics.get(0);
        List<byte[]> values;
        try {
            values = transport.loadAll(
                    new Transport.Subject() {
                        @Override
                        public String key() {
                            return first.key;
                        }

                        @Override
                        public String describe(String operation) {
                            return operation + " of " + atomics.size() + " atomics at Redis keys '" + first.key
                                    + "'...";
                        }
                    },
                    "load",
                    keys);
        } catch (RedisAtomicsException e) {
            for (RedisAtomic a : atomics) {
                out.add(new Load(a, null, e));
            }
            return out;
        }
        for (int i = 0; i < keys.length; i++) {
            AbstractRedisAtomic a = (AbstractRedisAtomic) atomics.get(i);
            out.add(early[i] != null ? new Load(a, null, early[i]) : loaded(a, values.get(i)));
        }
        return out;
    }

    private static Load loaded(AbstractRedisAtomic a, byte[] reply) {
        char tag = (char) reply[0];
        if (tag == 't') {
            String type = new String(reply, 1, reply.length - 1, java.nio.charset.StandardCharsets.UTF_8);
            return new Load(a, null, Transport.foreign(a.describe("load"), a.key, "a " + type, null));
        }
        if (tag == 'n' && a.onMissing != RedisMissingKeyPolicy.RECREATE) {
            return new Load(a, null, Transport.missing(a.describe("load"), a.key, null));
        }
        byte[] stored = tag == 'n' ? null : java.util.Arrays.copyOfRange(reply, 1, reply.length);
        try {
            Object value = a instanceof RedisIntegral integral
                    ? (Object) Values.parseIntegral(stored, integral.signed(), a.width)
                    : Values.parseBytes(stored, a.width);
            return new Load(a, value, null);
        } catch (IllegalArgumentException e) {
            return new Load(a, null, a.invalid("load", e));
        }
    }

    private AbstractRedisAtomic own(RedisAtomic atomic) {
        if (!(atomic instanceof AbstractRedisAtomic a) || a.transport != transport) {
            throw new IllegalArgumentException(atomic + " was not made by this RedisAtomics");
        }
        return a;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return transport.isClosed();
    }

    /** Closes the connection: every atomic made by this object fails from now on. Idempotent. */
    @Override
    public void close() {
        transport.close();
        synchronized (this) {
            if (waitTransport != null) {
                waitTransport.close();
            }
        }
    }

    @Override
    public String toString() {
        return "RedisAtomics(" + server() + ", timeout " + timeout() + (isClosed() ? ", closed" : "") + ")";
    }
}
