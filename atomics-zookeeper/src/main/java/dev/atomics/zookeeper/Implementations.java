package dev.atomics.zookeeper;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicUint;
import dev.atomics.AtomicUint128;

/** The concrete integral classes: one per interface, so that call sites stay monomorphic. */
final class Implementations {

    private Implementations() {}

    static final class ZkInt extends ZkIntegral implements AtomicInt {
        ZkInt(Znode znode, boolean linearizable) {
            super(znode, linearizable, true);
        }

        @Override
        String typeName() {
            return "AtomicInt";
        }

        @Override
        AbstractZkAtomic withReads(boolean linearizable) {
            return new ZkInt(znode, linearizable);
        }
    }

    static final class ZkUint extends ZkIntegral implements AtomicUint {
        ZkUint(Znode znode, boolean linearizable) {
            super(znode, linearizable, false);
        }

        @Override
        String typeName() {
            return "AtomicUint";
        }

        @Override
        AbstractZkAtomic withReads(boolean linearizable) {
            return new ZkUint(znode, linearizable);
        }
    }

    static final class ZkInt128 extends ZkIntegral128 implements AtomicInt128 {
        ZkInt128(Znode znode, boolean linearizable) {
            super(znode, linearizable, true);
        }

        @Override
        String typeName() {
            return "AtomicInt128";
        }

        @Override
        AbstractZkAtomic withReads(boolean linearizable) {
            return new ZkInt128(znode, linearizable);
        }
    }

    static final class ZkUint128 extends ZkIntegral128 implements AtomicUint128 {
        ZkUint128(Znode znode, boolean linearizable) {
            super(znode, linearizable, false);
        }

        @Override
        String typeName() {
            return "AtomicUint128";
        }

        @Override
        AbstractZkAtomic withReads(boolean linearizable) {
            return new ZkUint128(znode, linearizable);
        }
    }
}
