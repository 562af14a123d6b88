package dev.atomics.redis;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicUint;

/** The concrete integral classes: one per interface, so that call sites stay monomorphic. */
final class Implementations {

    private Implementations() {}

    static final class RedisInt extends RedisIntegral implements AtomicInt {
        RedisInt(
                Transport transport,
                String key,
                int width,
                boolean readonly,
                RedisKeyOptions options,
                Transport waitTransport) {
            super(transport, key, width, readonly, true, options, waitTransport);
        }

        @Override
        String typeName() {
            return "AtomicInt";
        }
    }

    static final class RedisUint extends RedisIntegral implements AtomicUint {
        RedisUint(
                Transport transport,
                String key,
                int width,
                boolean readonly,
                RedisKeyOptions options,
                Transport waitTransport) {
            super(transport, key, width, readonly, false, options, waitTransport);
        }

        @Override
        String typeName() {
            return "AtomicUint";
        }
    }
}
