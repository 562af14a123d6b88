package dev.atomics.redis;

/**
 * The key is not the atomic's: it holds a value of another Redis type (a hash, a list, a set, a sorted set, a
 * stream, ...) or a string that is not the atomic's stored form at all (no decimal integer, hex of another length).
 * It is never read as zero and never overwritten, by any operation, {@code store} included: an operator must look
 * (rename the atomic's key, or delete or fix the foreign one).
 */
public class RedisForeignKeyException extends RedisValueException {

    private static final long serialVersionUID = 1L;

    private final String found;

    /**
     * @param message what failed, naming the key and what it holds
     * @param key     the Redis key
     * @param found   what the key holds, e.g. {@code a hash} or {@code a string of 7 bytes, not 4 bytes in hex}
     * @param cause   the server's error reply, if any
     */
    public RedisForeignKeyException(String message, String key, String found, Throwable cause) {
        super(message, key, cause);
        this.found = found;
    }

    /** What the key holds, e.g. {@code a hash}. */
    public String found() {
        return found;
    }
}
