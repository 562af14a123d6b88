package dev.atomics.redis;

/**
 * Told when an atomic created its missing key under {@link RedisMissingKeyPolicy#CREATE_AT_STARTUP}: a restart
 * after Redis lost its data lands here, so this deserves attention. The default logs a WARN through
 * {@link System.Logger} ({@code dev.atomics.redis}).
 */
@FunctionalInterface
public interface RedisKeyListener {

    /**
     * @param atomic the atomic whose key was missing
     * @param value  the value it was created with, in stored form (e.g. {@code 0})
     */
    void created(RedisAtomic atomic, String value);

    /** The default: a WARN log naming the key and the server. */
    RedisKeyListener LOG = (atomic, value) -> System.getLogger("dev.atomics.redis")
            .log(
                    System.Logger.Level.WARNING,
                    "Redis key '" + atomic.key() + "' on " + atomic.server()
                            + " was missing: created with its initial value " + value
                            + " (policy create-at-startup). If it held data before, that data was lost by Redis.");
}
