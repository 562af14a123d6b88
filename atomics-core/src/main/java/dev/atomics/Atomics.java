package dev.atomics;

import com.sun.jna.Pointer;
import dev.atomics.Implementations.*;
import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.Engines;
import dev.atomics.memory.MemoryRegion;
import dev.atomics.nativelib.PatomicLibrary;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Factories for atomic objects and views, and facts about the native library in use.
 *
 * <pre>{@code
 * AtomicInt counter = Atomics.atomic(8, AtomicType.INT);        // owns its memory
 * counter.inc();
 *
 * MappedByteBuffer file = channel.map(READ_WRITE, 0, 8);       // shared with other processes
 * try (AtomicIntViewContext ctx = Atomics.atomicView(file, AtomicType.INT)) {
 *     ctx.open().fetchAdd(5);
 * }
 *
 * AtomicUint pair = Atomics.atomic(16, AtomicType.UINT);       // 128 bits: patomic, where the CPU has a 16-byte CAS
 * pair.compareAndSet128(Int128.ZERO, new Int128(1, 42));
 * }</pre>
 *
 * <p>Widths are 1, 2, 4 and 8 (both engines) and 16 (the patomic engine, where the loaded library has a 16-byte
 * compare-and-swap for this CPU: {@link NativeInfo#widths()}; see {@link AtomicIntegral} for its values). A
 * 16-byte object needs 16-byte alignment; a readonly one also needs an atomic 16-byte read from the CPU.
 *
 * <p>No argument is ever replaced by a default: a null type, engine, buffer, pointer or region throws a
 * {@link NullPointerException} naming the parameter (a null engine does not mean {@link Engine#AUTO}).
 */
public final class Atomics {

    private Atomics() {}

    /**
     * A new object of {@code width} bytes, zero, owning its memory (freed when the object is unreachable),
     * served by the default engine: the JVM engine for widths 1 to 8, patomic for 16.
     *
     * @throws UnsupportedWidthException if no engine supports the width (for 16: the message says why, e.g. no
     *                                   16-byte compare-and-swap on this CPU, or no patomic library)
     * @throws IllegalArgumentException  for {@link AtomicType#INTEGRAL}, which needs a signedness
     */
    public static <A extends Atomic> A atomic(int width, AtomicType<A, ?, ?> type) {
        return atomic(width, type, Engine.AUTO);
    }

    /**
     * Like {@link #atomic(int, AtomicType)}, served by the given engine.
     *
     * @throws IllegalArgumentException also for {@link Engine#REDIS}, which serves no memory
     */
    @SuppressWarnings("unchecked")
    public static <A extends Atomic> A atomic(int width, AtomicType<A, ?, ?> type, Engine engine) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(engine, "engine"); // a null engine must not silently mean patomic
        checkWidth(width);
        String name = ownedName(type);
        EngineBinding binding = bind(width, type, engine, false, name);
        MemoryRegion memory = MemoryRegion.allocate(width, (int) Math.max(binding.alignment(), 8));
        switch (type.kind) {
            case INT:
                return (A) new OwnedInt(memory, binding);
            case UINT:
                return (A) new OwnedUint(memory, binding);
            case INT128:
                return (A) new OwnedInt128(memory, binding);
            case UINT128:
                return (A) new OwnedUint128(memory, binding);
            case BYTES:
                return (A) (width == 16 ? new WideBytes(memory, binding) : new OwnedBytes(memory, binding));
            case ANY:
                return (A) new OwnedAny(memory, binding);
            default:
                throw integralNeedsSign();
        }
    }

    /** A new signed ({@link AtomicInt}) or unsigned ({@link AtomicUint}) integral object. */
    public static AtomicIntegral atomicIntegral(int width, boolean signed) {
        return signed ? atomic(width, AtomicType.INT) : atomic(width, AtomicType.UINT);
    }

    /**
     * A context for a view on the remaining bytes of a direct buffer: a slice, a {@link java.nio.MappedByteBuffer}
     * from {@code FileChannel.map} (memory shared with other processes), or a read-only buffer (a readonly
     * view). The width is the number of remaining bytes.
     *
     * @throws IllegalArgumentException  if the buffer is a heap buffer or empty
     * @throws UnsupportedWidthException if no engine supports the width, or the buffer is read-only, of width 16,
     *                                   and the CPU has no atomic 16-byte read (reading with a compare-and-swap
     *                                   would write to it)
     * @throws AlignmentException        if the memory is not aligned for the width (16 bytes for width 16)
     */
    public static <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            ByteBuffer buffer, AtomicType<?, V, C> type) {
        return atomicView(MemoryRegion.of(buffer), type, Engine.AUTO);
    }

    /** Like {@link #atomicView(ByteBuffer, AtomicType)}, served by the given engine. */
    public static <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            ByteBuffer buffer, AtomicType<?, V, C> type, Engine engine) {
        return atomicView(MemoryRegion.of(buffer), type, engine);
    }

    /**
     * A context for a view on {@code length} bytes at a JNA pointer, which must stay valid until the context
     * is closed.
     */
    public static <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            Pointer pointer, long length, AtomicType<?, V, C> type) {
        return atomicView(MemoryRegion.of(pointer, length, false), type, Engine.AUTO);
    }

    /**
     * A context for a view on a memory region, for memory sources (such as named shared memory) that build
     * their own {@link MemoryRegion}. The region's release hook runs when the context releases, or at once
     * if construction fails.
     */
    @SuppressWarnings("unchecked")
    public static <V extends AtomicView, C extends AtomicViewContext<V>> C atomicView(
            MemoryRegion region, AtomicType<?, V, C> type, Engine engine) {
        Objects.requireNonNull(region, "region");
        try {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(engine, "engine");
            int width = region.size();
            checkWidth(width);
            String name = viewName(type);
            EngineBinding binding = bind(width, type, engine, region.readonly(), name);
            binding = dev.atomics.shm.FaultGuard.bind(region, binding); // shared memory: each access checked
            if (Long.remainderUnsigned(region.address(), binding.alignment()) != 0) {
                throw new AlignmentException("memory at 0x" + Long.toHexString(region.address()) + " ("
                        + region.description()
                        + ") is not aligned to " + binding.alignment() + " bytes, as an atomic of width " + width
                        + " requires; see Alignment(" + width + ")");
            }
            switch (type.kind) {
                case INT:
                    return (C) new AtomicIntViewContext(new IntView(region, binding));
                case UINT:
                    return (C) new AtomicUintViewContext(new UintView(region, binding));
                case INT128:
                    return (C) new AtomicViewContext<>(new Int128View(region, binding));
                case UINT128:
                    return (C) new AtomicViewContext<>(new Uint128View(region, binding));
                case BYTES:
                    return (C) new AtomicBytesViewContext(
                            width == 16 ? new WideBytesView(region, binding) : new BytesView(region, binding));
                case ANY:
                    return (C) new AtomicViewContext<>(new AnyView(region, binding));
                default:
                    throw integralNeedsSign();
            }
        } catch (RuntimeException e) {
            region.release();
            throw e;
        }
    }

    /**
     * Which patomic library and call bridge this JVM uses (loading them if not yet loaded), or why it cannot
     * load them ({@link NativeInfo#available()}). Never throws for a library that cannot be loaded: the JVM
     * engine needs none.
     */
    public static NativeInfo nativeInfo() {
        PatomicLibrary lib;
        try {
            lib = PatomicLibrary.get();
        } catch (NativeLibraryException e) {
            return new NativeInfo(null, false, null, null, List.of(), Engines.defaultEngine(), e.getMessage());
        }
        return new NativeInfo(
                lib.path(),
                lib.bundled(),
                lib.version(),
                lib.bridgePath(),
                Engines.supportedWidths(lib),
                Engines.defaultEngine(),
                null);
    }

    private static void checkWidth(int width) {
        if (width <= 0) {
            throw new UnsupportedWidthException("width must be positive: " + width);
        }
    }

    private static EngineBinding bind(
            int width, AtomicType<?, ?, ?> type, Engine engine, boolean readonly, String name) {
        if (type.kind == AtomicType.Kind.INTEGRAL) {
            throw integralNeedsSign();
        }
        checkTypeWidth(width, type);
        if (engine == Engine.REDIS || engine == Engine.ZOOKEEPER) {
            throw new IllegalArgumentException("engine " + engine + " serves atomics on "
                    + (engine == Engine.REDIS ? "Redis keys (atomics-redis)" : "znodes (atomics-zookeeper)")
                    + ", not memory: use AUTO, PATOMIC or JVM");
        }
        EngineBinding b = Engines.bind(width, engine, type.isIntegral(), readonly, name);
        // ANY objects expose no operations, whatever the engine could do.
        return type.kind == AtomicType.Kind.ANY ? new EngineBinding(b.ops(), b.engine(), List.of(), b.alignment()) : b;
    }

    /**
     * Refuses a width its type cannot hold: a {@code long} has 8 bytes, so 16-byte integers are
     * {@link AtomicType#INT128} and {@link AtomicType#UINT128}, which have no other width.
     */
    static void checkTypeWidth(int width, AtomicType<?, ?, ?> type) {
        if (width == 16 && (type.kind == AtomicType.Kind.INT || type.kind == AtomicType.Kind.UINT)) {
            throw new UnsupportedWidthException("an " + ownedName(type) + " holds a long, 1 to 8 bytes, not 16: for"
                    + " 16-byte integers use AtomicType." + type.forWidth(16) + " (values as Int128)");
        }
        if (width != 16 && type.is128()) {
            throw new UnsupportedWidthException("an " + ownedName(type) + " has 16 bytes, not " + width
                    + ": for 1 to 8 bytes use AtomicType." + type.forWidth(width));
        }
    }

    private static IllegalArgumentException integralNeedsSign() {
        return new IllegalArgumentException("INTEGRAL does not say whether values are signed: use AtomicType.INT or"
                + " AtomicType.UINT (or Atomics.atomicIntegral(width, signed))");
    }

    private static String ownedName(AtomicType<?, ?, ?> type) {
        switch (type.kind) {
            case INT:
                return "AtomicInt";
            case UINT:
                return "AtomicUint";
            case INT128:
                return "AtomicInt128";
            case UINT128:
                return "AtomicUint128";
            case BYTES:
                return "AtomicBytes";
            default:
                return "Atomic";
        }
    }

    private static String viewName(AtomicType<?, ?, ?> type) {
        return ownedName(type) + "View";
    }
}
