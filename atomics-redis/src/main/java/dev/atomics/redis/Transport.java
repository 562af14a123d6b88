package dev.atomics.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.dao.DataAccessException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one connection of a {@link RedisAtomics}: every command goes out on it (Lettuce pipelines the commands of
 * concurrent callers), each caller waits for its own reply at most the timeout, and every failure becomes a
 * {@link RedisAtomicsException} that says whether the command may have run.
 */
final class Transport implements AutoCloseable {

    private static final SetArgs KEEP_TTL = SetArgs.Builder.keepttl();

    private final AtMostOnceConnectionFactory factory;
    private final Duration timeout;
    private final long timeoutNanos;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;
    private volatile boolean closed;

    Transport(AtMostOnceConnectionFactory factory, Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    Duration timeout() {
        return timeout;
    }

    String server() {
        return factory.server();
    }

    /**
     * What a command is for, in messages: built only when one fails, so that the hot path allocates nothing for it.
     */
    interface Subject {
        /** The Redis key (for a batch, the first one). */
        String key();

        /** E.g. {@code fetchAdd on AtomicInt at Redis key 'orders'}. */
        String describe(String operation);
    }

    /** Runs the script: one round trip ({@code EVALSHA}), two only if the server does not know the script yet. */
    byte[] eval(Subject subject, String operation, byte[][] keys, byte[]... args) {
        RedisClusterAsyncCommands<byte[], byte[]> c = commands(subject, operation);
        try {
            return await(c.evalsha(Script.SHA1, ScriptOutputType.VALUE, keys, args), subject, operation);
        } catch (NoScript e) {
            // NOSCRIPT: the server ran nothing (it restarted, or its script cache was flushed): send the body, once
            return await(c.eval(Script.BODY, ScriptOutputType.VALUE, keys, args), subject, operation);
        }
    }

    byte[] get(Subject subject, String operation, byte[] rawKey) {
        return await(commands(subject, operation).get(rawKey), subject, operation);
    }

    /** {@code SET} keeping the key's time to live, like every write of the script. */
    void set(Subject subject, String operation, byte[] rawKey, byte[] value) {
        await(commands(subject, operation).set(rawKey, value, KEEP_TTL), subject, operation);
    }

    /**
     * {@code INCRBY}: the new value.
     *
     * @throws Overflow if the result would leave the signed 64-bit range: Redis then changes nothing
     */
    long incrby(Subject subject, String operation, byte[] rawKey, long delta) {
        return await(commands(subject, operation).incrby(rawKey, delta), subject, operation);
    }

    /** {@code DECRBY}: the new value; {@link Overflow} as {@link #incrby}. */
    long decrby(Subject subject, String operation, byte[] rawKey, long delta) {
        return await(commands(subject, operation).decrby(rawKey, delta), subject, operation);
    }

    /** One {@code MGET} (Lettuce splits it by hash slot on a Redis Cluster). */
    List<KeyValue<byte[], byte[]>> mget(Subject subject, String operation, byte[][] rawKeys) {
        return await(commands(subject, operation).mget(rawKeys), subject, operation);
    }

    private RedisClusterAsyncCommands<byte[], byte[]> commands(Subject subject, String operation) {
        RedisClusterAsyncCommands<byte[], byte[]> c = commands;
        if (c != null && !closed) {
            return c;
        }
        return connect(subject, operation);
    }

    private synchronized RedisClusterAsyncCommands<byte[], byte[]> connect(Subject subject, String operation) {
        String key = subject.key();
        if (closed) {
            throw new RedisUnavailableException(subject.describe(operation) + " failed: its RedisAtomics is closed", key, false, null);
        }
        if (commands == null) {
            StatefulConnection<byte[], byte[]> connection;
            try {
                connection = factory.connection();
            } catch (DataAccessException | RedisException e) {
                // nothing was sent; the next operation tries to connect again
                throw new RedisUnavailableException(subject.describe(operation) + " failed: cannot connect to Redis at " + server() + ": "
                        + rootMessage(e), key, false, e);
            }
            // the connection stays for the life of this Transport: Lettuce reconnects it by itself
            commands = connection instanceof StatefulRedisConnection<byte[], byte[]> s ? s.async()
                    : ((StatefulRedisClusterConnection<byte[], byte[]>) connection).async();
        }
        return commands;
    }

    private <T> T await(RedisFuture<T> future, Subject subject, String operation) {
        try {
            return LettuceFutures.awaitOrCancel(future, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (RedisCommandTimeoutException e) {
            String key = subject.key();
            String what = subject.describe(operation);
            throw new RedisTimeoutException(what + ": no reply from Redis at " + server() + " within " + timeout
                    + "; it may or may not have happened (not retried)", key, e);
        } catch (RedisNoScriptException e) {
            throw new NoScript(e);
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).contains("would overflow")) {
                throw new Overflow(e);
            }
            throw refused(e, subject.describe(operation), subject.key());
        } catch (RedisCommandInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisAtomicsException(subject.describe(operation) + ": interrupted while waiting for Redis at " + server()
                    + "; it may or may not have happened (not retried)", subject.key(), true, e);
        } catch (RedisException e) {
            String key = subject.key();
            String what = subject.describe(operation);
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Currently not connected")) {
                throw new RedisUnavailableException(what + " failed: not connected to Redis at " + server()
                        + " (reconnecting in the background); it did not happen", key, false, e);
            }
            throw new RedisUnavailableException(what + " failed: the connection to Redis at " + server() + " broke ("
                    + message + "); it may or may not have happened (not retried)", key, true, e);
        }
    }

    /** An error reply: the server executed nothing (the script validates before it writes). */
    private RedisAtomicsException refused(RedisCommandExecutionException e, String what, String key) {
        String message = String.valueOf(e.getMessage());
        int script = message.indexOf(" script: "); // Redis appends where in the script the error was raised
        String reason = script < 0 ? message : message.substring(0, script);
        if (reason.startsWith("ATOMICS_VALUE ")) {
            return new RedisValueException(what + " refused: the key holds a value that is "
                    + reason.substring("ATOMICS_VALUE ".length()) + "; values are never wrapped into range", key, e);
        }
        if (reason.startsWith("ERR value is not an integer")) { // INCRBY, DECRBY
            return new RedisValueException(what + " refused: the key holds a value that is not an int of width 8 (a"
                    + " canonical decimal integer in the signed 64-bit range); values are never wrapped into range", key, e);
        }
        if (reason.startsWith("WRONGTYPE")) {
            return new RedisValueException(what + " refused: the key holds a Redis " + "value of another type (not a"
                    + " string): " + reason, key, e);
        }
        boolean unavailable = reason.startsWith("LOADING") || reason.startsWith("READONLY") || reason.startsWith("MASTERDOWN")
                || reason.startsWith("CLUSTERDOWN") || reason.startsWith("TRYAGAIN") || reason.startsWith("BUSY")
                || reason.startsWith("NOREPLICAS");
        String text = what + " refused by Redis at " + server() + ": " + reason + "; it did not happen";
        return unavailable ? new RedisUnavailableException(text, key, false, e) : new RedisAtomicsException(text, key, false, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    /** Closes the connection; operations fail from now on. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            factory.destroy();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** {@code INCRBY} or {@code DECRBY} would overflow 64 bits, so Redis changed nothing: internal signal to wrap. */
    static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The server does not know the script: internal signal to send its body. */
    private static final class NoScript extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoScript(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
