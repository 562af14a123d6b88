package dev.atomics.nativelib;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.NoSuchElementException;

/**
 * Every FFM downcall into the call bridge, in one place: symbol, C signature ({@code int64_t} as {@code JAVA_LONG},
 * {@code int32_t} as {@code JAVA_INT}, addresses as raw {@code JAVA_LONG}: no memory segment, so no session to
 * acquire per call) and whether the call is critical. A tool that must declare downcalls ahead of time (GraalVM
 * native image's {@code RuntimeForeignAccess.registerForDowncall}) can register {@link #values()} as they are.
 *
 * <p>Critical ({@link Linker.Option#critical(boolean) critical(false)}: no thread-state change, no heap access)
 * for the operations and the empty call: each runs a bounded sequence of lock-free instructions on memory the
 * caller holds, never blocks, never calls back into Java. (A fault on unmapped memory kills the JVM either way.)
 * The one-time table queries are ordinary calls: they call into whichever patomic library was loaded.
 */
enum Downcall {
    LOAD("atomics_bridge_load", true, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    STORE("atomics_bridge_store", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    EXCHANGE("atomics_bridge_exchange", true, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    CMPXCHG("atomics_bridge_cmpxchg", true, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    BIT("atomics_bridge_bit", true, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT),
    FETCH("atomics_bridge_fetch", true, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    FETCH_NOARG("atomics_bridge_fetch_noarg", true, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    VOID("atomics_bridge_void", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    VOID_NOARG("atomics_bridge_void_noarg", true, null, JAVA_LONG, JAVA_LONG),
    LOAD_REF("atomics_bridge_load_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    STORE_REF("atomics_bridge_store_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    EXCHANGE_REF("atomics_bridge_exchange_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    CMPXCHG_REF("atomics_bridge_cmpxchg_ref", true, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    FETCH_REF("atomics_bridge_fetch_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    FETCH_NOARG_REF("atomics_bridge_fetch_noarg_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    VOID_REF("atomics_bridge_void_ref", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    CAS16("atomics_bridge_cas16", true, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    CMPXCHG16(
            "atomics_bridge_cmpxchg16",
            true,
            JAVA_INT,
            JAVA_LONG,
            JAVA_LONG,
            JAVA_LONG,
            JAVA_LONG,
            JAVA_LONG,
            JAVA_LONG,
            JAVA_LONG),
    STORE16("atomics_bridge_store16", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    VOID16("atomics_bridge_void16", true, null, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    OP_SIZE("atomics_bridge_op_size", false, JAVA_INT),
    CREATE_EXPLICIT("atomics_bridge_create_explicit", false, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG),
    NOOP("atomics_bridge_noop", true, null, JAVA_LONG),
    EXPLICIT_TABLE_SIZE("atomics_bridge_explicit_table_size", false, JAVA_INT);

    /** The C function's name in libatomics_bridge. */
    final String symbol;

    final FunctionDescriptor descriptor;
    final boolean critical;

    /** {@code result} {@code null} for {@code void}. */
    Downcall(String symbol, boolean critical, MemoryLayout result, MemoryLayout... arguments) {
        this.symbol = symbol;
        this.critical = critical;
        this.descriptor =
                result == null ? FunctionDescriptor.ofVoid(arguments) : FunctionDescriptor.of(result, arguments);
    }

    /** The options to link with. */
    Linker.Option[] options() {
        return critical ? new Linker.Option[] {Linker.Option.critical(false)} : new Linker.Option[0];
    }

    /**
     * A downcall handle of this function in {@code bridge}; absent symbol: {@link java.util.NoSuchElementException}.
     */
    MethodHandle link(Linker linker, SymbolLookup bridge) {
        MemorySegment address = bridge.find(symbol).orElseThrow(() -> new NoSuchElementException("no " + symbol));
        return linker.downcallHandle(address, descriptor, options());
    }
}
