package dev.atomics.nativelib;

import dev.atomics.NativeLibraryException;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The call bridge through FFM (Java 22+): one downcall handle per entry point ({@link Downcall}), linked once
 * when this class initializes and held in {@code static final} fields, which the JIT treats as constants, so that
 * a call through {@link Bridge} compiles to the downcall itself.
 *
 * <p>The library is loaded into the global arena: it stays loaded for the life of the JVM, as the ops tables'
 * function pointers into patomic need the bridge anyway. If it cannot be loaded or linked, every handle is one
 * that throws, and {@link #init()} says why.
 */
final class FfmBridge {

    /** Why the bridge could not be linked, or {@code null}. */
    private static final NativeLibraryException FAILURE;
    /** The handles by {@link Downcall} ordinal; throwing stand-ins if the bridge could not be linked. */
    private static final MethodHandle[] HANDLES = new MethodHandle[Downcall.values().length];

    static {
        NativeLibraryException failure = null;
        try {
            Linker linker = Linker.nativeLinker();
            // the global arena: the library stays loaded for the life of the JVM, as the ops tables need
            SymbolLookup bridge = SymbolLookup.libraryLookup(NativeLibraries.bridgePath(), Arena.global());
            for (Downcall d : Downcall.values()) {
                HANDLES[d.ordinal()] = d.link(linker, bridge);
            }
        } catch (NativeLibraryException e) {
            failure = e;
        } catch (RuntimeException | LinkageError e) {
            // IllegalArgumentException: dlopen failed; IllegalCallerException: native access denied;
            // NoSuchElementException: a symbol is missing
            failure = new NativeLibraryException(
                    "cannot link the call bridge (" + NativeLibraries.BRIDGE + ") through FFM: " + e, e);
        }
        FAILURE = failure;
        if (failure != null) {
            for (Downcall d : Downcall.values()) {
                HANDLES[d.ordinal()] = thrower(d, failure);
            }
        }
    }

    static final MethodHandle LOAD = HANDLES[Downcall.LOAD.ordinal()];
    static final MethodHandle STORE = HANDLES[Downcall.STORE.ordinal()];
    static final MethodHandle EXCHANGE = HANDLES[Downcall.EXCHANGE.ordinal()];
    static final MethodHandle CMPXCHG = HANDLES[Downcall.CMPXCHG.ordinal()];
    static final MethodHandle BIT = HANDLES[Downcall.BIT.ordinal()];
    static final MethodHandle FETCH = HANDLES[Downcall.FETCH.ordinal()];
    static final MethodHandle FETCH_NOARG = HANDLES[Downcall.FETCH_NOARG.ordinal()];
    static final MethodHandle VOID = HANDLES[Downcall.VOID.ordinal()];
    static final MethodHandle VOID_NOARG = HANDLES[Downcall.VOID_NOARG.ordinal()];
    static final MethodHandle LOAD_REF = HANDLES[Downcall.LOAD_REF.ordinal()];
    static final MethodHandle STORE_REF = HANDLES[Downcall.STORE_REF.ordinal()];
    static final MethodHandle EXCHANGE_REF = HANDLES[Downcall.EXCHANGE_REF.ordinal()];
    static final MethodHandle CMPXCHG_REF = HANDLES[Downcall.CMPXCHG_REF.ordinal()];
    static final MethodHandle FETCH_REF = HANDLES[Downcall.FETCH_REF.ordinal()];
    static final MethodHandle FETCH_NOARG_REF = HANDLES[Downcall.FETCH_NOARG_REF.ordinal()];
    static final MethodHandle VOID_REF = HANDLES[Downcall.VOID_REF.ordinal()];
    static final MethodHandle CAS16 = HANDLES[Downcall.CAS16.ordinal()];
    static final MethodHandle CMPXCHG16 = HANDLES[Downcall.CMPXCHG16.ordinal()];
    static final MethodHandle STORE16 = HANDLES[Downcall.STORE16.ordinal()];
    static final MethodHandle VOID16 = HANDLES[Downcall.VOID16.ordinal()];
    static final MethodHandle OP_SIZE = HANDLES[Downcall.OP_SIZE.ordinal()];
    static final MethodHandle CREATE_EXPLICIT = HANDLES[Downcall.CREATE_EXPLICIT.ordinal()];
    static final MethodHandle NOOP = HANDLES[Downcall.NOOP.ordinal()];
    static final MethodHandle EXPLICIT_TABLE_SIZE = HANDLES[Downcall.EXPLICIT_TABLE_SIZE.ordinal()];

    private FfmBridge() {}

    /** Throws saying why the bridge cannot be called through FFM, if it cannot. */
    static void init() {
        if (FAILURE != null) {
            throw new NativeLibraryException(FAILURE.getMessage(), FAILURE);
        }
    }

    /** A handle of {@code d}'s type that throws {@code failure}: never called, as {@link #init()} fails first. */
    private static MethodHandle thrower(Downcall d, NativeLibraryException failure) {
        MethodType type = d.descriptor.toMethodType();
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), NativeLibraryException.class)
                .bindTo(failure);
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /** What a downcall threw: downcalls throw no checked exception, so this is an error or a runtime exception. */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("a downcall threw " + t, t);
    }
}
