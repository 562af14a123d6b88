package dev.atomics;

import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;

/**
 * The concrete atomic classes: each names the interfaces it implements and its type; the operations are in the
 * abstract classes, once per value kind ({@code long}, {@link Int128}, bytes).
 */
final class Implementations {

    private Implementations() {}

    static final class OwnedInt extends AbstractIntegral implements AtomicInt {
        OwnedInt(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.INT);
        }

        @Override
        String typeName() {
            return "AtomicInt";
        }
    }

    static final class IntView extends AbstractIntegral implements AtomicIntView {
        IntView(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.INT);
        }

        @Override
        String typeName() {
            return "AtomicIntView";
        }
    }

    static final class OwnedUint extends AbstractIntegral implements AtomicUint {
        OwnedUint(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.UINT);
        }

        @Override
        String typeName() {
            return "AtomicUint";
        }
    }

    static final class UintView extends AbstractIntegral implements AtomicUintView {
        UintView(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.UINT);
        }

        @Override
        String typeName() {
            return "AtomicUintView";
        }
    }

    static final class OwnedInt128 extends AbstractIntegral128 implements AtomicInt128 {
        OwnedInt128(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.INT128);
        }

        @Override
        String typeName() {
            return "AtomicInt128";
        }
    }

    static final class Int128View extends AbstractIntegral128 implements AtomicInt128View {
        Int128View(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.INT128);
        }

        @Override
        String typeName() {
            return "AtomicInt128View";
        }
    }

    static final class OwnedUint128 extends AbstractIntegral128 implements AtomicUint128 {
        OwnedUint128(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.UINT128);
        }

        @Override
        String typeName() {
            return "AtomicUint128";
        }
    }

    static final class Uint128View extends AbstractIntegral128 implements AtomicUint128View {
        Uint128View(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.UINT128);
        }

        @Override
        String typeName() {
            return "AtomicUint128View";
        }
    }

    static final class OwnedBytes extends AbstractBytes {
        OwnedBytes(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.BYTES);
        }

        @Override
        String typeName() {
            return "AtomicBytes";
        }
    }

    static final class BytesView extends AbstractBytes implements AtomicBytesView {
        BytesView(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.BYTES);
        }

        @Override
        String typeName() {
            return "AtomicBytesView";
        }
    }

    static final class WideBytes extends AbstractWideBytes {
        WideBytes(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.BYTES);
        }

        @Override
        String typeName() {
            return "AtomicBytes";
        }
    }

    static final class WideBytesView extends AbstractWideBytes implements AtomicBytesView {
        WideBytesView(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.BYTES);
        }

        @Override
        String typeName() {
            return "AtomicBytesView";
        }
    }

    /** {@link AtomicType#ANY}: properties and byte reads only. */
    static class OwnedAny extends AbstractAtomic {
        OwnedAny(MemoryRegion m, EngineBinding b) {
            super(m, b, AtomicType.ANY);
        }

        @Override
        String typeName() {
            return "Atomic";
        }

        @Override
        String valueString() {
            return null;
        }
    }

    static final class AnyView extends OwnedAny implements AtomicView {
        AnyView(MemoryRegion m, EngineBinding b) {
            super(m, b);
        }

        @Override
        String typeName() {
            return "AtomicView";
        }
    }
}
