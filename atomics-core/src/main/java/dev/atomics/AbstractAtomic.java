package dev.atomics;

import dev.atomics.engine.Dispatch;
import dev.atomics.engine.EngineBinding;
import dev.atomics.engine.Engines;
import dev.atomics.engine.Scratch;
import dev.atomics.engine.Target;
import dev.atomics.memory.MemoryRegion;
import java.nio.ByteOrder;
import java.util.List;

/**
 * What every atomic object has: its memory and its engine's ops (as a {@link Target}, which the engines act on),
 * and the properties fixed at construction.
 * Subclasses add the operations of their type; concrete classes only name the interfaces they implement.
 */
abstract class AbstractAtomic extends Target implements Atomic {

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    final int width;
    final boolean readonly;
    final Engine engine;
    final List<Op> opsSupported;
    private final AtomicType<?, ?, ?> type;
    private volatile boolean dead;

    AbstractAtomic(MemoryRegion memory, EngineBinding binding, AtomicType<?, ?, ?> type) {
        super(memory, binding.ops(), type.signed());
        this.type = type;
        this.width = memory.size();
        this.readonly = memory.readonly();
        this.engine = binding.engine();
        this.opsSupported = binding.opsSupported();
    }

    /** The simple interface name shown in messages and {@code toString}, e.g. {@code AtomicIntView}. */
    abstract String typeName();

    /** Kills a view: from now on every operation throws and none touches memory. Called by its context. */
    final void kill() {
        ops = Engines.released(engine, typeName());
        dead = true;
        memory.release();
    }

    final void checkAlive() {
        if (dead) {
            throw new ViewContextException(typeName() + " was used after its context was closed or released");
        }
    }

    final boolean isDead() {
        return dead;
    }

    @Override
    public final int width() {
        checkAlive();
        return width;
    }

    @Override
    public final boolean readonly() {
        checkAlive();
        return readonly;
    }

    @Override
    public final List<Op> opsSupported() {
        checkAlive();
        return opsSupported;
    }

    @Override
    public final AtomicType<?, ?, ?> type() {
        checkAlive();
        return type;
    }

    @Override
    public final byte[] loadBytes() {
        if (width == Engines.WIDE) {
            Scratch s = Scratch.get();
            Dispatch.load(this, s, MemoryOrder.SEQ_CST);
            return s.bytes(Scratch.R);
        }
        long v = Dispatch.load(this, MemoryOrder.SEQ_CST);
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            int shift = LITTLE ? 8 * i : 8 * (width - 1 - i);
            b[i] = (byte) (v >>> shift);
        }
        return b;
    }

    @Override
    public final Engine engine() {
        checkAlive();
        return engine;
    }

    /** The properties after the value in {@code toString}. */
    String properties() {
        return "width=" + width + ", readonly=" + readonly + ", engine="
                + engine.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value for {@code toString}, or {@code null} if the object has none. */
    abstract String valueString();

    @Override
    public String toString() {
        if (dead) {
            return typeName() + "(released)";
        }
        String value = valueString();
        return typeName() + "(" + (value == null ? "" : "value=" + value + ", ") + properties() + ")";
    }
}
