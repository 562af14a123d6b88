package dev.atomics.redis;

/**
 * The key holds something that is not a value of the atomic: a number out of the range of its type and width
 * (another client's {@code INCRBY} went past it, or it {@code SET} any string), a string that is no canonical
 * decimal integer (or no hex of exactly {@code width} bytes, for bytes atomics), or a value of another Redis type
 * (a list, a hash, ...: {@link RedisForeignKeyException}). Nothing was changed: the value is never wrapped or
 * truncated into range, nor overwritten (not even by {@code store}). An operator fixes the key (e.g.
 * {@code redis-cli SET}) to use the atomic again.
 */
public class RedisValueException extends RedisAtomicsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what the key holds and why it is no value of the atomic
     * @param key     the Redis key
     * @param cause   the server's error reply, if it came from the server
     */
    public RedisValueException(String message, String key, Throwable cause) {
        super(message, key, false, cause);
    }
}
