package dev.atomics.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.atomics.testing.CCompiler;
import dev.atomics.testing.NativeBinary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled libraries of this machine as binaries (GNU binutils): libpatomic exports exactly the 32
 * symbols of the patomic 1.x ABI; neither library depends on libatomic nor calls an {@code __atomic_*} /
 * {@code __sync_*} helper (which may take a lock for 16 bytes); and on x86-64 every width-16 function
 * has {@code lock cmpxchg16b} inline, except the load and bit test, which are one {@code movdqa} and
 * never write. (The linux-aarch64 libraries get the same checks in {@link Aarch64LibraryTest}.)
 */
class NativeLibraryBinaryTest {

    /** The exported symbols of upstream patomic 1.1.0, as patomic-abi.md lists them. */
    static final Set<String> PATOMIC_1X_EXPORTS = Set.of(
            "patomic_align_meets_minimum",
            "patomic_align_meets_recommended",
            "patomic_cache_line_size",
            "patomic_cmpxchg_fail_order",
            "patomic_combine",
            "patomic_combine_explicit",
            "patomic_create",
            "patomic_create_explicit",
            "patomic_create_transaction",
            "patomic_feature_check_all",
            "patomic_feature_check_all_explicit",
            "patomic_feature_check_all_transaction",
            "patomic_feature_check_any",
            "patomic_feature_check_any_explicit",
            "patomic_feature_check_any_transaction",
            "patomic_feature_check_leaf",
            "patomic_feature_check_leaf_explicit",
            "patomic_feature_check_leaf_transaction",
            "patomic_get_ids",
            "patomic_get_kind",
            "patomic_is_valid_fail_order",
            "patomic_is_valid_load_order",
            "patomic_is_valid_order",
            "patomic_is_valid_store_order",
            "patomic_transaction_status_abort_reason",
            "patomic_transaction_status_exit_code",
            "patomic_transaction_status_exit_info",
            "patomic_version_compatible_with",
            "patomic_version_major",
            "patomic_version_minor",
            "patomic_version_patch",
            "patomic_version_string");

    /** The bridge's entry points: the int64_t family (unchanged) and the by-address family. */
    static final Set<String> BRIDGE_EXPORTS = Set.of(
            "atomics_bridge_load",
            "atomics_bridge_store",
            "atomics_bridge_exchange",
            "atomics_bridge_cmpxchg",
            "atomics_bridge_bit",
            "atomics_bridge_fetch",
            "atomics_bridge_fetch_noarg",
            "atomics_bridge_void",
            "atomics_bridge_void_noarg",
            "atomics_bridge_op_size",
            "atomics_bridge_create_explicit",
            "atomics_bridge_noop",
            "atomics_bridge_explicit_table_size",
            "atomics_bridge_load_ref",
            "atomics_bridge_store_ref",
            "atomics_bridge_exchange_ref",
            "atomics_bridge_cmpxchg_ref",
            "atomics_bridge_fetch_ref",
            "atomics_bridge_fetch_noarg_ref",
            "atomics_bridge_void_ref",
            "atomics_bridge_cas16",
            "atomics_bridge_cmpxchg16",
            "atomics_bridge_store16",
            "atomics_bridge_void16");

    /** 27 explicit functions and 129 implicit ones (27 + 26 + 25 + 24 + 27; CONSUME shares ACQUIRE's). */
    static final int WIDTH16_FUNCTIONS = 27 + 129;

    @BeforeAll
    static void binutils() {
        assumeTrue(Platform.isLinux(), "ELF checks run on Linux");
        assertThat(NativeBinary.toolsAvailable(""))
                .as("objdump, nm and readelf (Debian: binutils, which gcc" + " brings)")
                .isTrue();
    }

    static NativeBinary patomic() {
        return new NativeBinary("", CCompiler.bundledLibrary("patomic"));
    }

    static NativeBinary bridge() {
        return new NativeBinary("", CCompiler.bundledLibrary("atomics_bridge"));
    }

    @Test
    void libpatomicExportsExactlyThePatomic1xApi() {
        assertThat(patomic().exportedSymbols())
                .filteredOn(s -> !s.startsWith("_"))
                .containsExactlyInAnyOrderElementsOf(PATOMIC_1X_EXPORTS);
    }

    @Test
    void libpatomicHasUpstreamsSoname() {
        // a program linked against the bundled library then runs against an installed upstream one, unrenamed
        assertThat(patomic().soname()).isEqualTo(CCompiler.PATOMIC_SONAME);
    }

    @Test
    void theBridgeExportsBothFamiliesAndNeedsNoLibpatomic() {
        assertThat(bridge().exportedSymbols())
                .filteredOn(s -> !s.startsWith("_"))
                .containsExactlyInAnyOrderElementsOf(BRIDGE_EXPORTS);
        assertThat(bridge().needed()).noneMatch(n -> n.contains("patomic"));
    }

    @Test
    void neitherLibraryUsesLibatomic() {
        for (NativeBinary lib : List.of(patomic(), bridge())) {
            assertThat(lib.needed()).as("NEEDED").noneMatch(n -> n.contains("atomic"));
            assertThat(lib.undefinedSymbols())
                    .as("undefined symbols")
                    .noneMatch(s -> s.startsWith("__atomic_") || s.startsWith("__sync_"));
        }
    }

    @Test
    void width16UsesInlineCmpxchg16bAndItsLoadsNeverWrite() {
        assumeTrue(Platform.ARCH.equals("x86-64"), "the x86-64 disassembly check");
        Map<String, List<String>> fns = patomic().functions(Pattern.compile("pa_[ei]_\\w+_128(_\\w+)?"));
        assertThat(fns).as("width-16 functions").hasSize(WIDTH16_FUNCTIONS);
        Pattern pureReads = Pattern.compile("pa_[ei]_(load|test)_128(_\\w+)?");
        int reads = 0;
        for (Map.Entry<String, List<String>> f : fns.entrySet()) {
            List<String> code = f.getValue();
            assertThat(code).as(f.getKey()).isNotEmpty().noneMatch(i -> i.startsWith("call") || i.contains("@plt"));
            if (pureReads.matcher(f.getKey()).matches()) {
                reads++;
                assertThat(NativeBinary.hasMnemonic(code, "movdqa"))
                        .as("%s: one movdqa\n%s", f.getKey(), code)
                        .isTrue();
                assertThat(NativeBinary.hasMnemonic(code, "lock|cmpxchg.*|xchg"))
                        .as("%s writes\n%s", f.getKey(), code)
                        .isFalse();
            } else {
                assertThat(code)
                        .as("%s: lock cmpxchg16b inline", f.getKey())
                        .anyMatch(i -> i.startsWith("lock cmpxchg16b"));
            }
        }
        // load and test: explicit 2, implicit RELAXED, ACQUIRE, SEQ_CST 2 each
        assertThat(reads).isEqualTo(8);
    }
}
