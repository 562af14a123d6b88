package dev.atomics.engine;

import dev.atomics.Engine;
import dev.atomics.NativeLibraryException;
import dev.atomics.Op;
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

    private Engines() {}

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
     * Binds an object of {@code width} bytes to an engine: the ops it calls, the operations it supports and the
     * alignment its memory needs. An operation the engine has no instruction or native function for is still
     * supported where a compare-and-exchange can do it ({@link Ops#update}); whatever the object does not support
     * (its type's, its memory's, its engine's limits) is refused by {@link RefusingOps}, which objects supporting
     * everything never see.
     *
     * @param integral whether the object is an integer (bytes objects have no arithmetic)
     * @param readonly whether its memory is read-only (only loads and bit tests)
     * @param owner    the object's type name, for messages
     */
    public static EngineBinding bind(int width, Engine requested, boolean integral, boolean readonly, String owner) {
        if (width > 8 && width != WIDE) {
            throw new UnsupportedWidthException("width " + width + " is not supported: this binding handles objects"
                    + " of 1, 2, 4, 8 or 16 bytes");
        }
        Engine engine = requested == Engine.AUTO ? defaultEngine() : requested;
        if (engine == Engine.JVM || (engine == Engine.AUTO && jvmSupports(width))) {
            if (!jvmSupports(width)) {
                throw new UnsupportedWidthException("the jvm engine supports widths 1, 2, 4 and 8, not " + width
                        + (width == WIDE
                                ? ": the JVM has no 16-byte compare-and-swap"
                                        + (requested == Engine.AUTO
                                                ? " (the system property " + Engine.PROPERTY
                                                        + "=jvm makes auto mean jvm)"
                                                : "")
                                        + "; width 16 is served by the patomic engine (engine auto or patomic) where "
                                        + "the CPU has a"
                                        + " 16-byte compare-and-swap"
                                : ""));
            }
            return restrict(JvmOps.INSTANCE, EnumSet.allOf(Op.class), width, integral, readonly, owner, "");
        }
        PatomicLibrary lib;
        try {
            lib = PatomicLibrary.get();
        } catch (NativeLibraryException e) {
            if (engine == Engine.AUTO) {
                throw new UnsupportedWidthException(
                        "width " + width + " is not supported: "
                                + (width == WIDE
                                        ? "the JVM has no 16-byte compare-and-swap"
                                        : "the jvm engine serves widths " + JVM_WIDTHS)
                                + ", and the patomic library is unavailable: " + e.getMessage(),
                        e);
            }
            throw new NativeLibraryException(
                    "the patomic engine is unavailable: " + e.getMessage()
                            + " (the jvm engine serves widths " + JVM_WIDTHS + " without it"
                            + (width == WIDE ? ", but not 16)" : ")"),
                    e);
        }
        ExplicitOpsTable table = lib.table(width);
        String library = "patomic " + lib.version() + " (" + (lib.bundled() ? "bundled" : lib.path()) + ")";
        if (table.isEmpty()) {
            String why = lib.bundled()
                    ? "this CPU has no 16-byte compare-and-swap (x86-64: CMPXCHG16B, missing on the first AMD64 CPUs"
                            + " and in some emulators)"
                    : "this library has no width-16 table (upstream patomic 1.1.0 has none on x86-64; the bundled"
                            + " library serves width 16 where the CPU can)";
            throw new UnsupportedWidthException(
                    width == WIDE
                            ? "no lock-free 16-byte operations in " + library + ": " + why + "; supported widths: "
                                    + supportedWidths(lib)
                            : "no lock-free atomic operations for width " + width + " in " + library
                                    + "; supported widths: " + supportedWidths(lib));
        }
        return bind(table, patomicOps(table), library, integral, readonly, owner);
    }

    /** Binds an object to {@code raw}, the patomic ops of {@code table}. */
    static EngineBinding bind(
            ExplicitOpsTable table, PatomicOps raw, String library, boolean integral, boolean readonly, String owner) {
        if (readonly && !raw.reads()) {
            throw new UnsupportedWidthException("a readonly atomic of width " + table.width() + " (" + owner
                    + ") needs an atomic " + table.width() + "-byte read, which " + library + " does not have on this"
                    + " CPU (x86-64: Intel or AMD with AVX; aarch64: FEAT_LSE2): reading with a compare-and-swap would"
                    + " write to read-only memory");
        }
        boolean cas = raw.has(Op.CMPXCHG_STRONG);
        Set<Op> available = EnumSet.noneOf(Op.class);
        for (Op op : Op.values()) {
            // a read-modify-write without a function is a compare-and-exchange loop (Ops.update)
            if (raw.has(op) || (cas && op.isReadModifyWrite())) {
                available.add(op);
            }
        }
        if (!raw.reads() && cas) {
            available.add(Op.LOAD); // through a compare-and-exchange, on writable memory
            available.add(Op.BIT_TEST);
        } else if (!raw.reads()) {
            available.remove(Op.LOAD);
            available.remove(Op.BIT_TEST);
        }
        EngineBinding b = restrict(
                raw,
                available,
                table.width(),
                integral,
                readonly,
                owner,
                library + " has no lock-free implementation of it at width " + table.width());
        // at width 16 whatever the table says: cmpxchg16b and movdqa fault on anything less, which kills the JVM
        long alignment = table.width() == WIDE ? Math.max(WIDE, table.recommended()) : table.recommended();
        return new EngineBinding(b.ops(), b.engine(), b.opsSupported(), alignment);
    }

    /** The binding to {@code raw}, behind a {@link RefusingOps} if the object may not run all of its type's ops. */
    private static EngineBinding restrict(
            Ops raw,
            Set<Op> available,
            int width,
            boolean integral,
            boolean readonly,
            String owner,
            String missingReason) {
        List<Op> supported = new ArrayList<>();
        int complete = 0;
        for (Op op : Op.values()) {
            if (integral || !op.isArithmetic()) {
                complete++;
                if (available.contains(op) && (!readonly || op.isReadOnly())) {
                    supported.add(op);
                }
            }
        }
        Ops ops = raw;
        if (supported.size() < complete) {
            ops = RefusingOps.restricted(
                    raw, EnumSet.copyOf(supported), owner, readonly ? "it is readonly" : missingReason);
        }
        return new EngineBinding(ops, raw.engine(), List.copyOf(supported), width);
    }

    /** The ops of a view whose context has closed: every operation throws, and none touches memory. */
    public static Ops released(Engine engine, String owner) {
        return RefusingOps.released(engine, owner);
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
