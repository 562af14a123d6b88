package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.NativeLibraryException;
import dev.atomics.OpType;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.PatomicLibrary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the engine for an object and binds it: the JVM engine for every width it serves (1, 2, 4 and 8)
 * unless told otherwise; patomic only when asked for. Runs once per object, at construction; nothing here is
 * on the hot path. The patomic library is loaded only when a patomic object is bound, so the JVM engine works
 * where it cannot be loaded.
 */
public final class Engines {

    /** The widths the JVM engine serves, for messages. */
    private static final List<Integer> JVM_WIDTHS = List.of(1, 2, 4, 8);
    private static final PatomicOps[] PATOMIC = new PatomicOps[PatomicLibrary.MAX_WIDTH + 1];

    private Engines() {
    }

    /** The engine named by the system property {@value Engine#PROPERTY}, {@link Engine#AUTO} if unset. */
    public static Engine defaultEngine() {
        String value = System.getProperty(Engine.PROPERTY);
        return value == null || value.isBlank() ? Engine.AUTO : Engine.parse(value);
    }

    /** Whether the JVM engine can serve objects of this width: 1, 2, 4 or 8 bytes. */
    public static boolean jvmSupports(int width) {
        return width == 1 || width == 2 || width == 4 || width == 8;
    }

    /**
     * Binds an object.
     *
     * @param width     object width in bytes
     * @param requested the engine asked for ({@link Engine#AUTO} picks)
     * @param integral  whether the object has arithmetic operations
     * @param readonly  whether the object's memory is readonly
     * @param owner     what the object is, for error messages
     * @throws UnsupportedWidthException if no engine (or not the requested one) supports the width
     * @throws NativeLibraryException    if patomic was asked for and cannot be loaded (the message says why)
     */
    public static EngineBinding bind(int width, Engine requested, boolean integral, boolean readonly, String owner) {
        if (width > 8) {
            // Values cross the bridge as a long; a wider object (an upstream patomic may offer 16) would be
            // truncated, so refuse it rather than operate on part of it.
            throw new UnsupportedWidthException("width " + width + " is not supported: this binding handles objects"
                    + " of 1, 2, 4 or 8 bytes");
        }
        Engine engine = requested == Engine.AUTO ? defaultEngine() : requested;
        Set<OpType> available;
        Ops raw;
        long alignment;
        String missingReason;
        if (engine == Engine.JVM || (engine == Engine.AUTO && jvmSupports(width))) {
            if (!jvmSupports(width)) {
                throw new UnsupportedWidthException("the jvm engine supports widths 1, 2, 4 and 8, not " + width);
            }
            raw = JvmOps.INSTANCE;
            available = EnumSet.allOf(OpType.class);
            alignment = width;
            missingReason = "";
        } else {
            PatomicLibrary lib;
            try {
                lib = PatomicLibrary.get();
            } catch (NativeLibraryException e) {
                if (engine == Engine.AUTO) {
                    // Nobody asked for patomic: the width is what is wrong, and the reason says why patomic cannot help.
                    throw new UnsupportedWidthException("width " + width + " is not supported: the jvm engine serves"
                            + " widths " + JVM_WIDTHS + ", and the patomic library is unavailable: " + e.getMessage(), e);
                }
                throw new NativeLibraryException("the patomic engine is unavailable: " + e.getMessage()
                        + " (the jvm engine serves widths " + JVM_WIDTHS + " without it)", e);
            }
            ExplicitOpsTable table = lib.table(width);
            if (table.isEmpty()) {
                throw new UnsupportedWidthException("no lock-free atomic operations for width " + width
                        + " in patomic " + lib.version() + " (" + (lib.bundled() ? "bundled" : lib.path())
                        + "); supported widths: " + supportedWidths(lib));
            }
            raw = patomicOps(table);
            available = EnumSet.noneOf(OpType.class);
            for (OpType op : OpType.values()) {
                if (table.function(op) != 0) {
                    available.add(op);
                }
            }
            alignment = table.recommended();
            missingReason = "patomic " + lib.version() + " has no lock-free implementation of it at width " + width;
        }
        List<OpType> supported = new ArrayList<>();
        for (OpType op : OpType.values()) {
            if (available.contains(op) && (integral || !op.isArithmetic()) && (!readonly || op.isReadOnly())) {
                supported.add(op);
            }
        }
        Ops ops = raw;
        int complete = integral ? OpType.values().length : OpType.ADD.ordinal();
        if (supported.size() < complete) {
            String reason = readonly ? "it is readonly" : missingReason;
            Set<OpType> allowed = EnumSet.noneOf(OpType.class);
            allowed.addAll(supported);
            ops = new RestrictedOps(raw, allowed, owner, reason);
        }
        return new EngineBinding(ops, raw.engine(), List.copyOf(supported), alignment);
    }

    /** The ops a view switches to once its context is closed. */
    public static Ops released(Engine engine, String owner) {
        return new ReleasedOps(engine, owner);
    }

    private static synchronized PatomicOps patomicOps(ExplicitOpsTable table) {
        PatomicOps ops = PATOMIC[table.width()];
        if (ops == null) {
            ops = new PatomicOps(table);
            PATOMIC[table.width()] = ops;
        }
        return ops;
    }

    /** The widths the loaded patomic library supports at all. */
    public static List<Integer> supportedWidths(PatomicLibrary lib) {
        List<Integer> widths = new ArrayList<>();
        for (int w = 1; w <= PatomicLibrary.MAX_WIDTH; w++) {
            if (!lib.table(w).isEmpty()) {
                widths.add(w);
            }
        }
        return widths;
    }
}
