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
 * unless told otherwise; patomic only when asked for, and for width 16 (the JVM has no 16-byte
 * compare-and-swap). Runs once per object, at construction; nothing here is on the hot path. The patomic library
 * is loaded only when a patomic object is bound, so the JVM engine works where it cannot be loaded.
 */
public final class Engines {

    /** The widths the JVM engine serves, for messages. */
    private static final List<Integer> JVM_WIDTHS = List.of(1, 2, 4, 8);
    private static final PatomicOps[] PATOMIC = new PatomicOps[PatomicLibrary.MAX_WIDTH + 1];
    /** The width the Java API serves besides the JVM engine's: values cross the bridge by address. */
    public static final int WIDE = 16;
    private static PatomicWideOps patomicWide; // guarded by the class lock

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
        if (width == WIDE) {
            return bindWide(requested, integral, readonly, owner);
        }
        if (width > 8) {
            // Values of widths up to 8 cross the bridge as a long, those of width 16 by address; any other width
            // (an upstream patomic may offer 32) would be truncated, so refuse it rather than operate on part of it.
            throw new UnsupportedWidthException("width " + width + " is not supported: this binding handles objects"
                    + " of 1, 2, 4, 8 or 16 bytes");
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

    /** The ops a 16-byte view switches to once its context is closed. */
    public static WideOps releasedWide(Engine engine, String owner) {
        return new ReleasedOps(engine, owner);
    }

    /**
     * Binds a 16-byte object: always patomic (the JVM has no 16-byte compare-and-swap, and no atomic 16-byte read),
     * where the loaded library has a width-16 table.
     */
    private static EngineBinding bindWide(Engine requested, boolean integral, boolean readonly, String owner) {
        Engine engine = requested == Engine.AUTO ? defaultEngine() : requested;
        if (engine == Engine.JVM) {
            throw new UnsupportedWidthException("the jvm engine supports widths 1, 2, 4 and 8, not 16: the JVM has no"
                    + " 16-byte compare-and-swap" + (requested == Engine.AUTO ? " (the system property " + Engine.PROPERTY
                    + "=jvm makes auto mean jvm)" : "") + "; width 16 is served by the patomic engine (engine auto or"
                    + " patomic) where the CPU has a 16-byte compare-and-swap");
        }
        PatomicLibrary lib;
        try {
            lib = PatomicLibrary.get();
        } catch (NativeLibraryException e) {
            if (engine == Engine.AUTO) {
                throw new UnsupportedWidthException("width 16 is not supported: the JVM has no 16-byte compare-and-swap,"
                        + " and the patomic library, which serves width 16, is unavailable: " + e.getMessage(), e);
            }
            throw new NativeLibraryException("the patomic engine is unavailable: " + e.getMessage()
                    + " (the jvm engine serves widths " + JVM_WIDTHS + " without it, but not 16)", e);
        }
        ExplicitOpsTable table = lib.table(WIDE);
        String library = "patomic " + lib.version() + " (" + (lib.bundled() ? "bundled" : lib.path()) + ")";
        if (table.isEmpty()) {
            throw new UnsupportedWidthException("no lock-free 16-byte operations in " + library + ": "
                    + (lib.bundled() ? "this CPU has no 16-byte compare-and-swap (x86-64: CMPXCHG16B, missing on the"
                    + " first AMD64 CPUs and in some emulators)" : "this library has no width-16 table (upstream"
                    + " patomic 1.1.0 has none on x86-64; the bundled library serves width 16 where the CPU can)")
                    + "; supported widths: " + supportedWidths(lib));
        }
        return bindWide(table, patomicWideOps(table), library, integral, readonly, owner);
    }

    /**
     * Binds a 16-byte object to {@code raw}, the ops of {@code table}. A load and a bit test without an atomic
     * 16-byte read in the table are a compare-and-exchange that writes: they are offered on writable memory only,
     * and a readonly object is refused outright (it could do nothing else).
     */
    static EngineBinding bindWide(ExplicitOpsTable table, PatomicWideOps raw, String library, boolean integral,
                                  boolean readonly, String owner) {
        if (readonly && !raw.reads()) {
            throw new UnsupportedWidthException("a readonly atomic of width 16 (" + owner + ") needs an atomic 16-byte read,"
                    + " which " + library + " does not have on this CPU (x86-64: Intel or AMD with AVX; aarch64:"
                    + " FEAT_LSE2): reading with a compare-and-swap would write to read-only memory");
        }
        Set<OpType> available = EnumSet.noneOf(OpType.class);
        for (OpType op : OpType.values()) {
            if (table.function(op) != 0) {
                available.add(op);
            }
        }
        if (!raw.reads() && table.function(OpType.CMPXCHG_STRONG) != 0) {
            available.add(OpType.LOAD); // through a compare-and-exchange, on writable memory
            available.add(OpType.BIT_TEST);
        } else if (!raw.reads()) {
            available.remove(OpType.LOAD);
            available.remove(OpType.BIT_TEST);
        }
        List<OpType> supported = new ArrayList<>();
        for (OpType op : OpType.values()) {
            if (available.contains(op) && (integral || !op.isArithmetic()) && (!readonly || op.isReadOnly())) {
                supported.add(op);
            }
        }
        WideOps ops = raw;
        int complete = integral ? OpType.values().length : OpType.ADD.ordinal();
        if (supported.size() < complete) {
            String reason = readonly ? "it is readonly" : library + " has no lock-free implementation of it at width 16";
            Set<OpType> allowed = EnumSet.noneOf(OpType.class);
            allowed.addAll(supported);
            ops = new RestrictedWideOps(raw, allowed, owner, reason);
        }
        // 16 whatever the table says: cmpxchg16b and movdqa fault on anything less, which kills the JVM.
        long alignment = Math.max(WIDE, table.recommended());
        return new EngineBinding(null, ops, Engine.PATOMIC, List.copyOf(supported), alignment);
    }

    private static synchronized PatomicWideOps patomicWideOps(ExplicitOpsTable table) {
        if (patomicWide == null) {
            patomicWide = new PatomicWideOps(table);
        }
        return patomicWide;
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
