package dev.atomics;

import dev.atomics.engine.EngineBinding;
import dev.atomics.memory.MemoryRegion;

/**
 * The concrete classes: one per (type, owning or view), and for width 16 one more per (type, owning or view).
 * Each only names its interfaces; the behaviour lives in {@link AbstractIntegral}, {@link AbstractBytes},
 * {@link AbstractWideIntegral}, {@link AbstractWideBytes} and {@link AbstractAtomic}. Keeping one class per
 * interface keeps every call site monomorphic in programs that use one kind; the 16-byte classes keep the
 * objects of widths 1 to 8 free of any test for width 16.
 */
final class Implementations {

    private Implementations() {
    }

    static final class OwnedInt extends AbstractIntegral implements AtomicInt {
        OwnedInt(MemoryRegion m, EngineBinding b) {
            super(m, b, true);
        }

        @Override
        String typeName() {
            return "AtomicInt";
        }
    }

    static final class IntView extends AbstractIntegral implements AtomicIntView {
        IntView(MemoryRegion m, EngineBinding b) {
            super(m, b, true);
        }

        @Override
        String typeName() {
            return "AtomicIntView";
        }
    }

    static final class OwnedUint extends AbstractIntegral implements AtomicUint {
        OwnedUint(MemoryRegion m, EngineBinding b) {
            super(m, b, false);
        }

        @Override
        String typeName() {
            return "AtomicUint";
        }
    }

    static final class UintView extends AbstractIntegral implements AtomicUintView {
        UintView(MemoryRegion m, EngineBinding b) {
            super(m, b, false);
        }

        @Override
        String typeName() {
            return "AtomicUintView";
        }
    }

    static final class OwnedBytes extends AbstractBytes {
        OwnedBytes(MemoryRegion m, EngineBinding b) {
            super(m, b);
        }

        @Override
        String typeName() {
            return "AtomicBytes";
        }
    }

    static final class BytesView extends AbstractBytes implements AtomicBytesView {
        BytesView(MemoryRegion m, EngineBinding b) {
            super(m, b);
        }

        @Override
        String typeName() {
            return "AtomicBytesView";
        }
    }

    static final class WideInt extends AbstractWideIntegral implements AtomicInt {
        WideInt(MemoryRegion m, EngineBinding b) {
            super(m, b, true);
        }

        @Override
        String typeName() {
            return "AtomicInt";
        }
    }

    static final class WideIntView extends AbstractWideIntegral implements AtomicIntView {
        WideIntView(MemoryRegion m, EngineBinding b) {
            super(m, b, true);
        }

        @Override
        String typeName() {
            return "AtomicIntView";
        }
    }

    static final class WideUint extends AbstractWideIntegral implements AtomicUint {
        WideUint(MemoryRegion m, EngineBinding b) {
            super(m, b, false);
        }

        @Override
        String typeName() {
            return "AtomicUint";
        }
    }

    static final class WideUintView extends AbstractWideIntegral implements AtomicUintView {
        WideUintView(MemoryRegion m, EngineBinding b) {
            super(m, b, false);
        }

        @Override
        String typeName() {
            return "AtomicUintView";
        }
    }

    static final class WideBytes extends AbstractWideBytes {
        WideBytes(MemoryRegion m, EngineBinding b) {
            super(m, b);
        }

        @Override
        String typeName() {
            return "AtomicBytes";
        }
    }

    static final class WideBytesView extends AbstractWideBytes implements AtomicBytesView {
        WideBytesView(MemoryRegion m, EngineBinding b) {
            super(m, b);
        }

        @Override
        String typeName() {
            return "AtomicBytesView";
        }
    }

    /** {@link AtomicType#ANY}: properties only. */
    static class OwnedAny extends AbstractAtomic {
        OwnedAny(MemoryRegion m, EngineBinding b) {
            super(m, b);
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
