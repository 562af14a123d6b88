package dev.atomics.conformance;

import dev.atomics.AtomicType;
import dev.atomics.AtomicViewContext;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeLibraryException;
import dev.atomics.UnsupportedWidthException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Targets on local memory: an owning object, or a view on a direct buffer, of one width, type and engine. */
public record LocalTargets(int width, AtomicType<?, ?, ?> type, Engine engine, boolean view) implements Target {

    @Override
    public Model model() {
        return new Model(width, type.signed());
    }

    @Override
    public Subject open() {
        if (!view) {
            return new Subject(Atomics.atomic(width, type, engine), null, null);
        }
        ByteBuffer memory = ByteBuffer.allocateDirect(32).alignedSlice(16).slice(0, width);
        AtomicViewContext<?> context = Atomics.atomicView(memory, type, engine);
        return new Subject(context.open(), Backdoor.of(memory), context);
    }

    /**
     * Every engine that serves objects of {@code type} at each of {@code widths}, owning and view. Which engines
     * serve a width is probed, not assumed; a refusal must be a typed one ({@code UnsupportedWidthException}, or
     * {@code NativeLibraryException} from patomic alone).
     */
    public static List<Target> of(List<AtomicType<?, ?, ?>> types, int... widths) {
        List<Target> out = new ArrayList<>();
        for (AtomicType<?, ?, ?> type : types) {
            for (Engine engine : List.of(Engine.PATOMIC, Engine.JVM)) {
                for (int width : widths) {
                    if (serves(width, type, engine)) {
                        out.add(new LocalTargets(width, type, engine, false));
                        out.add(new LocalTargets(width, type, engine, true));
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code engine} builds objects of {@code type} and {@code width} here. */
    public static boolean serves(int width, AtomicType<?, ?, ?> type, Engine engine) {
        try {
            Atomics.atomic(width, type, engine);
            return true;
        } catch (UnsupportedWidthException e) {
            return false;
        } catch (NativeLibraryException e) {
            if (engine != Engine.PATOMIC) {
                throw new AssertionError("only patomic needs the native library", e);
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return type.name() + " width " + width + " " + engine.name().toLowerCase(Locale.ROOT)
                + (view ? " view" : " owned");
    }
}
