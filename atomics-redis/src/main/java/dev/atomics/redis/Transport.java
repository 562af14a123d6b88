package dev.atomics.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;

/**
 * The one connection of a {@link RedisAtomics}: every command goes out on it (Lettuce pipelines the commands of
 * concurrent callers), each caller waits for its own reply at most the timeout, and every failure becomes a
 * {@link RedisAtomicsException} that says whether the command may have run.
 */
final class Transport implements AutoCloseable {

    private final AtMostOnceConnectionFactory factory;
    private final Duration timeout;
    private final long timeoutNanos;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;
    private volatile boolean closed;
    private volatile StatefulConnection<byte[], byte[]> connection;

    Transport(AtMostOnceConnectionFactory factory, Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    Duration timeout() {
        return timeout;
    }

    /** Told when an atomic created its missing key (create-at-startup). */
    volatile RedisKeyListener listener = RedisKeyListener.LOG;

    void keyCreated(RedisAtomic atomic, String value) {
        try {
            listener.created(atomic, value);
        } catch (RuntimeException e) {
            // a listener's failure must not fail the operation that created the key
        }
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
            return await(c.evalsha(Script.OPS.sha1, ScriptOutputType.VALUE, keys, args), subject, operation);
        } catch (NoScript e) {
            // NOSCRIPT: the server ran nothing (it restarted, or its script cache was flushed): send the body, once
            return await(c.eval(Script.OPS.body, ScriptOutputType.VALUE, keys, args), subject, operation);
        }
    }

    /**
     * Runs the script, then {@code WAIT}s for {@code wait}'s replicas, both sent at once on this transport's
     * connection (which must be one for waited writes only: {@code WAIT} counts its connection's writes and blocks
     * it). On a Redis Cluster both go to the primary of the key's slot.
     *
     * @throws RedisNotReplicatedException if fewer replicas acknowledged in time (the write was applied)
     */
    byte[] evalAndWait(Subject subject, String operation, RedisWait wait, byte[][] keys, byte[]... args) {
        RedisClusterAsyncCommands<byte[], byte[]> c = nodeCommands(subject, operation, keys[0]);
        long waitMillis = wait.timeout().toMillis();
        RedisFuture<byte[]> write = c.evalsha(Script.OPS.sha1, ScriptOutputType.VALUE, keys, args);
        RedisFuture<Long> replicated = c.waitForReplication(wait.replicas(), waitMillis);
        byte[] result;
        try {
            result = await(write, subject, operation);
        } catch (NoScript e) {
            await(replicated, subject, operation, waitMillis);
            write = c.eval(Script.OPS.body, ScriptOutputType.VALUE, keys, args);
            replicated = c.waitForReplication(wait.replicas(), waitMillis);
            result = await(write, subject, operation);
        } catch (RedisAtomicsException e) {
            // refused or lost: the WAIT behind it has nothing of this operation to count
            replicated.cancel(false);
            throw e;
        }
        long acknowledged;
        try {
            acknowledged = await(replicated, subject, operation, waitMillis);
        } catch (RedisAtomicsException e) {
            throw new RedisNotReplicatedException(
                    subject.describe(operation) + " was applied by the primary at "
                            + server() + ", but waiting for " + wait.replicas() + " replica(s) failed ("
                            + e.getMessage()
                            + "); a failover may lose it",
                    subject.key(),
                    wait.replicas(),
                    0);
        }
        if (acknowledged < wait.replicas()) {
            throw new RedisNotReplicatedException(
                    subject.describe(operation) + " was applied by the primary at "
                            + server() + ", but only " + acknowledged + " of " + wait.replicas()
                            + " replica(s) acknowledged it"
                            + " within " + wait.timeout() + "; a failover may lose it",
                    subject.key(),
                    wait.replicas(),
                    acknowledged);
        }
        return result;
    }

    /**
     * Reads {@code rawKeys} by the batched-read script, telling missing keys from keys of another type: one round trip
     * per hash slot on a Redis Cluster (a script's keys must share a slot), one otherwise.
     *
     * @return per key: 'v' and the stored string, 'n' (missing), or 't' and the key's Redis type
     */
    List<byte[]> loadAll(Subject subject, String operation, byte[][] rawKeys) {
        RedisClusterAsyncCommands<byte[], byte[]> c = commands(subject, operation);
        if (!factory.isClusterAware()) {
            return script(c, Script.LOAD, subject, operation, rawKeys);
        }
        Map<Integer, List<Integer>> bySlot = new TreeMap<>();
        for (int i = 0; i < rawKeys.length; i++) {
            bySlot.computeIfAbsent(SlotHash.getSlot(rawKeys[i]), s -> new ArrayList<>())
                    .add(i);
        }
        byte[][] out = new byte[rawKeys.length][];
        for (List<Integer> group : bySlot.values()) {
            byte[][] keys = new byte[group.size()][];
            for (int j = 0; j < keys.length; j++) {
                keys[j] = rawKeys[group.get(j)];
            }
            List<byte[]> values = script(c, Script.LOAD, subject, operation, keys);
            for (int j = 0; j < keys.length; j++) {
                out[group.get(j)] = values.get(j);
            }
        }
        return Arrays.asList(out);
    }

    private List<byte[]> script(
            RedisClusterAsyncCommands<byte[], byte[]> c,
            Script script,
            Subject subject,
            String operation,
            byte[][] keys) {
        List<Object> reply;
        try {
            reply = await(c.evalsha(script.sha1, ScriptOutputType.MULTI, keys), subject, operation);
        } catch (NoScript e) {
            reply = await(c.eval(script.body, ScriptOutputType.MULTI, keys), subject, operation);
        }
        List<byte[]> out = new ArrayList<>(reply.size());
        for (Object o : reply) {
            out.add((byte[]) o);
        }
        return out;
    }

    /** {@code TYPE}: what a key holds (for messages, after a WRONGTYPE); {@code null} if that failed too. */
    String type(Subject subject, byte[] rawKey) {
        try {
            return await(commands(subject, "TYPE").type(rawKey), subject, "TYPE");
        } catch (RedisAtomicsException e) {
            return null;
        }
    }

    byte[] get(Subject subject, String operation, byte[] rawKey) {
        return await(commands(subject, operation).get(rawKey), subject, operation);
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

    /** The commands of the primary serving {@code rawKey}: on a Cluster the node of its slot, else all commands. */
    private RedisClusterAsyncCommands<byte[], byte[]> nodeCommands(Subject subject, String operation, byte[] rawKey) {
        RedisClusterAsyncCommands<byte[], byte[]> c = commands(subject, operation);
        if (!(connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster)) {
            return c;
        }
        try {
            RedisClusterNode node = cluster.getPartitions().getPartitionBySlot(SlotHash.getSlot(rawKey));
            if (node == null) {
                throw new RedisUnavailableException(
                        subject.describe(operation) + " failed: no primary serves the" + " slot of its key in "
                                + server() + "; it did not happen",
                        subject.key(),
                        false,
                        null);
            }
            return cluster.getConnection(node.getNodeId()).async();
        } catch (RedisException e) {
            throw new RedisUnavailableException(
                    subject.describe(operation) + " failed: cannot connect to the primary" + " of its slot in "
                            + server() + ": " + rootMessage(e) + "; it did not happen",
                    subject.key(),
                    false,
                    e);
        }
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
            throw new RedisUnavailableException(
                    subject.describe(operation) + " failed: its RedisAtomics is closed", key, false, null);
        }
        if (commands == null) {
            StatefulConnection<byte[], byte[]> connection;
            try {
                connection = factory.connection();
            } catch (DataAccessException | RedisException e) {
                // nothing was sent; the next operation tries to connect again
                throw new RedisUnavailableException(
                        subject.describe(operation) + " failed: cannot connect to Redis at " + server() + ": "
                                + rootMessage(e),
                        key,
                        false,
                        e);
            }
            // the connection stays for the life of this Transport: Lettuce reconnects it by itself
            this.connection = connection;
            commands = connection instanceof StatefulRedisConnection<byte[], byte[]> s
                    ? s.async()
                    : ((StatefulRedisClusterConnection<byte[], byte[]>) connection).async();
        }
        return commands;
    }

    private <T> T await(RedisFuture<T> future, Subject subject, String operation) {
        return await(future, subject, operation, 0);
    }

    /** Awaits {@code future} at most the timeout plus {@code extraMillis} (a WAIT's own timeout). */
    private <T> T await(RedisFuture<T> future, Subject subject, String operation, long extraMillis) {
        try {
            return LettuceFutures.awaitOrCancel(
                    future, timeoutNanos + TimeUnit.MILLISECONDS.toNanos(extraMillis), TimeUnit.NANOSECONDS);
        } catch (RedisCommandTimeoutException e) {
            String key = subject.key();
            String what = subject.describe(operation);
            throw new RedisTimeoutException(
                    what + ": no reply from Redis at " + server() + " within " + timeout
                            + "; it may or may not have happened (not retried)",
                    key,
                    e);
        } catch (RedisNoScriptException e) {
            throw new NoScript(e);
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).contains("would overflow")) {
                throw new Overflow(e);
            }
            throw refused(e, subject, operation);
        } catch (RedisCommandInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisAtomicsException(
                    subject.describe(operation) + ": interrupted while waiting for Redis at " + server()
                            + "; it may or may not have happened (not retried)",
                    subject.key(),
                    true,
                    e);
        } catch (RedisException e) {
            String key = subject.key();
            String what = subject.describe(operation);
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Currently not connected")) {
                throw new RedisUnavailableException(
                        what + " failed: not connected to Redis at " + server()
                                + " (reconnecting in the background); it did not happen",
                        key,
                        false,
                        e);
            }
            throw new RedisUnavailableException(
                    what + " failed: the connection to Redis at " + server() + " broke (" + message
                            + "); it may or may not have happened (not retried)",
                    key,
                    true,
                    e);
        }
    }

    /** An error reply: the server executed nothing (the script validates before it writes). */
    private RedisAtomicsException refused(RedisCommandExecutionException e, Subject subject, String operation) {
        String what = subject.describe(operation);
        String key = subject.key();
        String message = String.valueOf(e.getMessage());
        int script = message.indexOf(" script: "); // Redis appends where in the script the error was raised
        String reason = script < 0 ? message : message.substring(0, script);
        if (reason.startsWith("ATOMICS_FOREIGN ")) {
            return foreign(what, key, reason.substring("ATOMICS_FOREIGN ".length()), e);
        }
        if (reason.startsWith("ATOMICS_MISSING")) {
            return missing(what, key, e);
        }
        if (reason.startsWith("WRONGTYPE")) { // GET or INCRBY on a hash, a list, ...
            String type = type(subject, key.getBytes(StandardCharsets.UTF_8));
            return foreign(what, key, type == null ? "a value of another Redis type" : "a " + type, e);
        }
        if (reason.startsWith("ATOMICS_VALUE ")) {
            return new RedisValueException(
                    what + " refused: the key holds a value that is " + reason.substring("ATOMICS_VALUE ".length())
                            + "; values are never wrapped into range",
                    key,
                    e);
        }
        if (reason.startsWith("ERR value is not an integer")) { // INCRBY, DECRBY
            return new RedisValueException(
                    what + " refused: the key holds a value that is not an int of width 8 (a"
                            + " canonical decimal integer in the signed 64-bit range); values are never wrapped into "
                            + "range",
                    key,
                    e);
        }
        boolean unavailable = reason.startsWith("LOADING")
                || reason.startsWith("READONLY")
                || reason.startsWith("MASTERDOWN")
                || reason.startsWith("CLUSTERDOWN")
                || reason.startsWith("TRYAGAIN")
                || reason.startsWith("BUSY")
                || reason.startsWith("NOREPLICAS");
        String text = what + " refused by Redis at " + server() + ": " + reason + "; it did not happen";
        return unavailable
                ? new RedisUnavailableException(text, key, false, e)
                : new RedisAtomicsException(text, key, false, e);
    }

    static RedisForeignKeyException foreign(String what, String key, String found, Throwable cause) {
        return new RedisForeignKeyException(
                what + " refused: the key '" + key + "' holds " + found + ", not a value of"
                        + " this atomic; it is never read as zero nor overwritten (an operator must look)",
                key,
                found,
                cause);
    }

    static RedisMissingKeyException missing(String what, String key, Throwable cause) {
        return new RedisMissingKeyException(
                what + " refused: the key '" + key + "' does not exist (expired, deleted,"
                        + " or lost by Redis); it is not recreated from zero: an operator recreates it, or a restart "
                        + "creates it"
                        + " with its initial value (policy create-at-startup)",
                key,
                cause);
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
