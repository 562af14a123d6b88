/*
 * atomics-core: ABI check of the bundled libpatomic against the patomic 1.x ABI.
 *
 * Link with -lpatomic. Checks the version functions, the memory order helpers, the alignment
 * helpers, the struct layouts (ops, transaction types), the shape of the explicit and implicit ops
 * tables for many widths and orders (width 16 as this CPU should get it: see expect16), the
 * kinds/ids filters, combine, the feature checks, ids and kinds, the transaction table and status
 * functions, the calls that must abort (in child processes, which must die of SIGABRT), and runs
 * every operation of widths 1, 2, 4 and 8 through both kinds of table (width 16 has its own
 * program, width16_check.c). Prints every failed check, then "N passed, M failed"; exits 1 if
 * M > 0.
 */
#define _GNU_SOURCE 1 /* getauxval, fork */

#include <patomic/patomic.h>

#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#  include <cpuid.h>
#elif defined(__aarch64__)
#  include <sys/auxv.h>
#endif

/* print at most this many failures (the count is always complete) */
#define MAX_SHOWN 200

static unsigned long passed;
static unsigned long failed;

#define CHECK(cond, ...)                                                                         \
    do {                                                                                         \
        if (cond) {                                                                              \
            ++passed;                                                                            \
        } else {                                                                                 \
            if (++failed <= MAX_SHOWN) {                                                         \
                printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                           \
                printf(__VA_ARGS__);                                                             \
                printf("\n");                                                                    \
            }                                                                                    \
        }                                                                                        \
    } while (0)

static const char *const order_names[] = { "RELAXED", "CONSUME", "ACQUIRE",
                                           "RELEASE", "ACQ_REL", "SEQ_CST" };

static const char *oname(int o)
{
    return (o >= 0 && o <= 5) ? order_names[o] : "invalid";
}

/* ================================================================================================
 * Versions, orders, cache line, layout.
 * ============================================================================================== */

static void check_versions(void)
{
    CHECK(strcmp(patomic_version_string(), "1.1.0") == 0, "got \"%s\"", patomic_version_string());
    CHECK(patomic_version_major() == 1, "got %d", patomic_version_major());
    CHECK(patomic_version_minor() == 1, "got %d", patomic_version_minor());
    CHECK(patomic_version_patch() == 0, "got %d", patomic_version_patch());

    {
        static const int cases[][4] = {
            /* major, minor, patch, compatible */
            { 1, 0, 0, 1 }, { 1, 0, 5, 1 }, { 1, 0, 99, 1 }, { 1, 1, 0, 1 },
            { 1, 1, 1, 0 }, { 1, 2, 0, 0 }, { 1, 9, 9, 0 }, { 0, 0, 0, 0 },
            { 0, 1, 0, 0 }, { 0, 9, 9, 0 }, { 2, 0, 0, 0 }, { 2, 1, 0, 0 },
        };
        size_t i;
        for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
            const int got = patomic_version_compatible_with(cases[i][0], cases[i][1], cases[i][2]);
            CHECK((got != 0) == (cases[i][3] != 0), "compatible_with(%d, %d, %d) = %d",
                  cases[i][0], cases[i][1], cases[i][2], got);
        }
    }
}

static int expect_valid(int o)
{
    return o >= 0 && o <= 5;
}

static int expect_store(int o)
{
    return o == 0 || o == 3 || o == 5;
}

static int expect_load(int o)
{
    return o == 0 || o == 1 || o == 2 || o == 5;
}

static void check_orders(void)
{
    int o, f;
    for (o = -2; o <= 7; ++o) {
        CHECK((patomic_is_valid_order(o) != 0) == expect_valid(o), "is_valid_order(%d)", o);
        CHECK((patomic_is_valid_store_order(o) != 0) == expect_store(o),
              "is_valid_store_order(%d)", o);
        CHECK((patomic_is_valid_load_order(o) != 0) == expect_load(o), "is_valid_load_order(%d)",
              o);
        for (f = -2; f <= 7; ++f) {
            const int want = expect_valid(o) && expect_valid(f) && expect_load(f) && f <= o;
            CHECK((patomic_is_valid_fail_order(o, f) != 0) == want,
                  "is_valid_fail_order(%d, %d) should be %d", o, f, want);
        }
    }
    CHECK(patomic_cmpxchg_fail_order(patomic_RELAXED) == patomic_RELAXED, "RELAXED");
    CHECK(patomic_cmpxchg_fail_order(patomic_CONSUME) == patomic_CONSUME, "CONSUME");
    CHECK(patomic_cmpxchg_fail_order(patomic_ACQUIRE) == patomic_ACQUIRE, "ACQUIRE");
    CHECK(patomic_cmpxchg_fail_order(patomic_RELEASE) == patomic_ACQUIRE, "RELEASE");
    CHECK(patomic_cmpxchg_fail_order(patomic_ACQ_REL) == patomic_ACQUIRE, "ACQ_REL");
    CHECK(patomic_cmpxchg_fail_order(patomic_SEQ_CST) == patomic_SEQ_CST, "SEQ_CST");
    for (o = 0; o <= 5; ++o) {
        CHECK(patomic_is_valid_fail_order(o, patomic_cmpxchg_fail_order(o)),
              "cmpxchg_fail_order(%s) must be a valid fail order", oname(o));
    }
}

static void check_layout(void)
{
    const size_t p = sizeof(void (*)(void));
    const size_t expected = 27 * p + 3 * sizeof(size_t);

    CHECK(patomic_cache_line_size() == 128, "got %zu", patomic_cache_line_size());

    CHECK(sizeof(patomic_align_t) == 3 * sizeof(size_t), "got %zu", sizeof(patomic_align_t));
    CHECK(sizeof(patomic_ops_t) == 27 * p, "got %zu", sizeof(patomic_ops_t));
    CHECK(sizeof(patomic_ops_explicit_t) == 27 * p, "got %zu", sizeof(patomic_ops_explicit_t));
    CHECK(sizeof(patomic_t) == expected, "got %zu", sizeof(patomic_t));
    CHECK(sizeof(patomic_explicit_t) == expected, "got %zu", sizeof(patomic_explicit_t));
    if (sizeof(void *) == 8) {
        CHECK(sizeof(patomic_explicit_t) == 240, "LP64: got %zu", sizeof(patomic_explicit_t));
        CHECK(sizeof(patomic_t) == 240, "LP64: got %zu", sizeof(patomic_t));
    }

#define SLOT(type, field, index)                                                                 \
    CHECK(offsetof(type, field) == (index) * p, #type "." #field ": offset %zu, slot %d",         \
          offsetof(type, field), (index))
    SLOT(patomic_explicit_t, ops.fp_store, 0);
    SLOT(patomic_explicit_t, ops.fp_load, 1);
    SLOT(patomic_explicit_t, ops.xchg_ops.fp_exchange, 2);
    SLOT(patomic_explicit_t, ops.xchg_ops.fp_cmpxchg_weak, 3);
    SLOT(patomic_explicit_t, ops.xchg_ops.fp_cmpxchg_strong, 4);
    SLOT(patomic_explicit_t, ops.bitwise_ops.fp_test, 5);
    SLOT(patomic_explicit_t, ops.bitwise_ops.fp_test_reset, 8);
    SLOT(patomic_explicit_t, ops.binary_ops.fp_or, 9);
    SLOT(patomic_explicit_t, ops.binary_ops.fp_not, 12);
    SLOT(patomic_explicit_t, ops.binary_ops.fp_fetch_or, 13);
    SLOT(patomic_explicit_t, ops.binary_ops.fp_fetch_not, 16);
    SLOT(patomic_explicit_t, ops.arithmetic_ops.fp_add, 17);
    SLOT(patomic_explicit_t, ops.arithmetic_ops.fp_neg, 21);
    SLOT(patomic_explicit_t, ops.arithmetic_ops.fp_fetch_add, 22);
    SLOT(patomic_explicit_t, ops.arithmetic_ops.fp_fetch_neg, 26);
    SLOT(patomic_explicit_t, align, 27);
    SLOT(patomic_t, ops.bitwise_ops.fp_test, 5);
    SLOT(patomic_t, ops.arithmetic_ops.fp_fetch_neg, 26);
    SLOT(patomic_t, align, 27);
#undef SLOT
    CHECK(offsetof(patomic_explicit_t, align.recommended) == 27 * p, "recommended");
    CHECK(offsetof(patomic_explicit_t, align.minimum) == 27 * p + sizeof(size_t), "minimum");
    CHECK(offsetof(patomic_explicit_t, align.size_within) == 27 * p + 2 * sizeof(size_t),
          "size_within");
}

/* ================================================================================================
 * Alignment helpers.
 * ============================================================================================== */

static void check_align_helpers(void)
{
    static union {
        uint64_t force_alignment[8];
        unsigned char bytes[64];
    } buf;
    unsigned char *base = buf.bytes;
    size_t w, off;

    CHECK(((uintptr_t)base % 8) == 0, "buffer alignment");
    for (w = 1; w <= 8; w *= 2) {
        patomic_align_t a;
        a.recommended = w;
        a.minimum = w;
        a.size_within = 0;
        for (off = 0; off < 16; ++off) {
            const int want = off % w == 0;
            CHECK((patomic_align_meets_recommended(base + off, a) != 0) == want,
                  "meets_recommended(base+%zu, %zu)", off, w);
            CHECK((patomic_align_meets_minimum(base + off, a, w) != 0) == want,
                  "meets_minimum(base+%zu, %zu, width %zu)", off, w, w);
        }
    }
    {
        /* unsupported-width alignment: anything goes */
        patomic_align_t a;
        a.recommended = 1;
        a.minimum = 1;
        a.size_within = 0;
        for (off = 0; off < 9; ++off) {
            CHECK(patomic_align_meets_recommended(base + off, a), "1/1/0 recommended +%zu", off);
            CHECK(patomic_align_meets_minimum(base + off, a, 3), "1/1/0 minimum +%zu", off);
        }
    }
    {
        /* minimum 1 within 16-byte blocks: a 4-byte object must not cross a 16-byte boundary
         * (base is only 8-aligned, so measure from the first 16-aligned address in buf) */
        unsigned char *b16 = base + ((16 - (uintptr_t)base % 16) % 16);
        patomic_align_t a;
        a.recommended = 4;
        a.minimum = 1;
        a.size_within = 16;
        for (off = 0; off < 32; ++off) {
            const int want = (off % 16) + 4 <= 16;
            CHECK((patomic_align_meets_minimum(b16 + off, a, 4) != 0) == want,
                  "meets_minimum(b16+%zu, 4/1/16, 4) should be %d", off, want);
        }
    }
    {
        /* an alignment that is not a power of two is never met, whatever the pointer (upstream:
         * false for 0, 3, 6, 12 even where the address is a multiple) */
        static const size_t bad[] = { 0, 3, 5, 6, 7, 12, 24, 48 };
        size_t b;
        for (b = 0; b < sizeof bad / sizeof bad[0]; ++b) {
            patomic_align_t a;
            a.recommended = bad[b];
            a.minimum = bad[b];
            a.size_within = 0;
            for (off = 0; off < 64; off += (bad[b] ? bad[b] : 1)) {
                CHECK(!patomic_align_meets_recommended(base + off, a),
                      "meets_recommended(base+%zu, recommended %zu) must be 0", off, bad[b]);
                CHECK(!patomic_align_meets_minimum(base + off, a, 1),
                      "meets_minimum(base+%zu, minimum %zu) must be 0", off, bad[b]);
            }
            CHECK(!patomic_align_meets_recommended(NULL, a), "NULL, recommended %zu", bad[b]);
            /* a valid recommended does not rescue a bad minimum, and the other way round */
            a.recommended = 1;
            CHECK(patomic_align_meets_recommended(base + 3, a), "recommended 1");
            CHECK(!patomic_align_meets_minimum(base, a, 1), "minimum %zu with recommended 1",
                  bad[b]);
            a.recommended = bad[b];
            a.minimum = 1;
            CHECK(patomic_align_meets_minimum(base + 3, a, 1), "minimum 1 with recommended %zu",
                  bad[b]);
        }
    }
    {
        /* size_within need not be a power of two: plain remainder, (addr % 12) + width <= 12 */
        patomic_align_t a;
        a.recommended = 4;
        a.minimum = 4;
        a.size_within = 12;
        for (off = 0; off < 48; off += 4) {
            const uintptr_t addr = (uintptr_t)(base + off);
            const int want = addr % 12 + 8 <= 12;
            CHECK((patomic_align_meets_minimum(base + off, a, 8) != 0) == want,
                  "meets_minimum(addr %% 12 = %u, 4/4/12, 8) should be %d", (unsigned)(addr % 12),
                  want);
        }
        /* wider than the block: never */
        a.size_within = 4;
        CHECK(!patomic_align_meets_minimum(base, a, 8), "width 8 in 4-byte blocks");
        /* width 16 objects: recommended = minimum = 16 */
        a.recommended = 16;
        a.minimum = 16;
        a.size_within = 0;
        {
            unsigned char *b16 = base + ((16 - (uintptr_t)base % 16) % 16);
            CHECK(patomic_align_meets_recommended(b16, a) && patomic_align_meets_minimum(b16, a, 16),
                  "16-aligned");
            CHECK(!patomic_align_meets_recommended(b16 + 8, a) &&
                      !patomic_align_meets_minimum(b16 + 8, a, 16),
                  "8 off a 16 boundary");
        }
    }
}

/* ================================================================================================
 * Table shapes.
 * ============================================================================================== */

static size_t count_non_null(const void *table, int *slots)
{
    /* the ops table is 27 function pointers in a row */
    void (*fp[27])(void);
    size_t n = 0;
    int i;
    memcpy(fp, table, sizeof fp);
    for (i = 0; i < 27; ++i) {
        slots[i] = fp[i] != NULL;
        n += fp[i] != NULL;
    }
    return n;
}

static void check_align_value(const patomic_align_t *a, size_t rec, size_t min, size_t within,
                              const char *what, size_t width, int order)
{
    CHECK(a->recommended == rec && a->minimum == min && a->size_within == within,
          "%s width %zu order %d: align %zu/%zu/%zu, want %zu/%zu/%zu", what, width, order,
          a->recommended, a->minimum, a->size_within, rec, min, within);
}

/* ---- what this CPU should get at width 16, found here independently of the library ----------- */

static int expect16_cas;  /* a lock-free 16-byte CAS: a width-16 table */
static int expect16_load; /* a single atomic 16-byte read: its load and test slots */

static void detect16(void)
{
#if defined(__x86_64__)
    unsigned int a, b, c, d, vb = 0, vc = 0, vd = 0, max;
    char vendor[13];
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        expect16_cas = (c >> 13) & 1; /* CX16 */
        if ((c >> 28) & 1) {          /* AVX: movdqa is atomic on Intel and AMD */
            __get_cpuid(0, &max, &vb, &vc, &vd);
            memcpy(vendor, &vb, 4);
            memcpy(vendor + 4, &vd, 4);
            memcpy(vendor + 8, &vc, 4);
            vendor[12] = 0;
            expect16_load = expect16_cas && (strcmp(vendor, "GenuineIntel") == 0 ||
                                             strcmp(vendor, "AuthenticAMD") == 0);
        }
    }
    printf("width 16 on this CPU: cas (cx16) %d, atomic load (avx, Intel/AMD) %d\n", expect16_cas,
           expect16_load);
#elif defined(__aarch64__)
    const unsigned long hw = getauxval(AT_HWCAP);
    expect16_cas = 1; /* ldxp/stxp, or casp with LSE */
    expect16_load = (hw & (1ul << 25)) != 0; /* HWCAP_USCAT: FEAT_LSE2 */
    printf("width 16 on this CPU: cas 1 (%s), atomic load (lse2) %d\n",
           (hw & (1ul << 8)) ? "casp" : "ldxp/stxp", expect16_load);
#else
    printf("width 16: not on this architecture\n");
#endif
}

static int supported_width(size_t w)
{
    return w == 1 || w == 2 || w == 4 || w == 8 || (w == 16 && expect16_cas);
}

/* slots 1 (load) and 5 (test) are the loads; width 16 has them only with an atomic read */
static int has_loads(size_t w)
{
    return w != 16 || expect16_load;
}

static void check_shapes(void)
{
    static const size_t widths[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 24, 32, 64,
                                     (size_t)-1 };
    static const size_t implicit_counts[6] = { 27, 26, 26, 25, 24, 27 };
    size_t i;
    int slots[27];

    for (i = 0; i < sizeof widths / sizeof widths[0]; ++i) {
        const size_t w = widths[i];
        const int sup = supported_width(w);
        const int loads = has_loads(w);
        int o;
        {
            const patomic_explicit_t t =
                patomic_create_explicit(w, patomic_option_NONE, patomic_kind_ALL, patomic_id_ALL);
            const size_t n = count_non_null(&t.ops, slots);
            CHECK(n == (sup ? (loads ? 27u : 25u) : 0u), "explicit width %zu: %zu non-NULL", w, n);
            if (sup) {
                check_align_value(&t.align, w, w, 0, "explicit", w, -1);
                CHECK(slots[1] == loads && slots[5] == loads,
                      "explicit width %zu: load %d, test %d", w, slots[1], slots[5]);
            } else {
                check_align_value(&t.align, 1, 1, 0, "explicit", w, -1);
            }
        }
        for (o = 0; o <= 5; ++o) {
            const patomic_t t = patomic_create(w, (patomic_memory_order_t)o, patomic_option_NONE,
                                               patomic_kind_ALL, patomic_id_ALL);
            const size_t n = count_non_null(&t.ops, slots);
            const size_t want = implicit_counts[o] - (loads ? 0u : 2u * (size_t)expect_load(o));
            if (!sup) {
                CHECK(n == 0, "implicit width %zu %s: %zu non-NULL", w, oname(o), n);
                check_align_value(&t.align, 1, 1, 0, "implicit", w, o);
                continue;
            }
            CHECK(n == want, "implicit width %zu %s: %zu non-NULL, want %zu", w, oname(o), n, want);
            check_align_value(&t.align, w, w, 0, "implicit", w, o);
            CHECK(slots[0] == expect_store(o), "implicit width %zu %s: store slot %s", w, oname(o),
                  slots[0] ? "set" : "NULL");
            CHECK(slots[1] == (loads && expect_load(o)), "implicit width %zu %s: load slot %s", w,
                  oname(o), slots[1] ? "set" : "NULL");
            CHECK(slots[5] == (loads && expect_load(o)), "implicit width %zu %s: test slot %s", w,
                  oname(o), slots[5] ? "set" : "NULL");
            {
                int k, others = 1;
                for (k = 0; k < 27; ++k) {
                    if (k != 0 && k != 1 && k != 5 && !slots[k]) {
                        others = 0;
                        printf("  implicit width %zu %s: slot %d is NULL\n", w, oname(o), k);
                    }
                }
                CHECK(others, "implicit width %zu %s: the 24 read-modify-write slots", w, oname(o));
            }
        }
    }

    /* distinct functions per order in implicit tables, and implicit differs from explicit */
    {
        const patomic_t r = patomic_create(4, patomic_RELAXED, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_t s = patomic_create(4, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_t q = patomic_create(8, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        CHECK(r.ops.arithmetic_ops.fp_fetch_add != s.ops.arithmetic_ops.fp_fetch_add,
              "RELAXED and SEQ_CST fetch_add should differ");
        CHECK(s.ops.arithmetic_ops.fp_fetch_add != q.ops.arithmetic_ops.fp_fetch_add,
              "width 4 and width 8 fetch_add should differ");
    }
    /* CONSUME's table is ACQUIRE's */
    {
        static const size_t ws[] = { 1, 2, 4, 8, 16 };
        size_t k;
        for (k = 0; k < sizeof ws / sizeof ws[0]; ++k) {
            const patomic_t c =
                patomic_create(ws[k], patomic_CONSUME, 0, patomic_kind_ALL, patomic_id_ALL);
            const patomic_t a =
                patomic_create(ws[k], patomic_ACQUIRE, 0, patomic_kind_ALL, patomic_id_ALL);
            CHECK(memcmp(&c, &a, sizeof c) == 0, "width %zu: the CONSUME table is not ACQUIRE's",
                  ws[k]);
        }
    }
}

/* kinds / ids filters: this implementation is id STDC, kind BLTN */
static void check_filters(void)
{
    static const struct {
        unsigned int kinds;
        unsigned long ids;
        int selected;
    } cases[] = {
        { patomic_kind_ALL, patomic_id_ALL, 1 },
        { patomic_kind_BLTN, patomic_id_STDC, 1 },
        { patomic_kind_BLTN | patomic_kind_DYN, patomic_id_STDC | patomic_id_MSVC, 1 },
        { patomic_kind_ALL, patomic_id_NULL, 0 },
        { patomic_kind_ALL, patomic_id_MSVC, 0 },
        { patomic_kind_UNKN, patomic_id_ALL, 0 },
        { patomic_kind_ALL & ~patomic_kind_BLTN, patomic_id_ALL, 0 },
        { patomic_kind_ASM | patomic_kind_LIB, patomic_id_STDC, 0 },
    };
    size_t i;
    int slots[27];
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const patomic_explicit_t e =
            patomic_create_explicit(8, patomic_option_NONE, cases[i].kinds, cases[i].ids);
        const patomic_t t = patomic_create(8, patomic_SEQ_CST, patomic_option_NONE, cases[i].kinds,
                                           cases[i].ids);
        const size_t ne = count_non_null(&e.ops, slots);
        const size_t nt = count_non_null(&t.ops, slots);
        CHECK(ne == (cases[i].selected ? 27u : 0u), "explicit kinds 0x%x ids 0x%lx: %zu non-NULL",
              cases[i].kinds, cases[i].ids, ne);
        CHECK(nt == (cases[i].selected ? 27u : 0u), "implicit kinds 0x%x ids 0x%lx: %zu non-NULL",
              cases[i].kinds, cases[i].ids, nt);
        if (cases[i].selected) {
            check_align_value(&e.align, 8, 8, 0, "explicit (filtered)", 8, -1);
        } else {
            check_align_value(&e.align, 1, 1, 0, "explicit (filtered)", 8, -1);
            check_align_value(&t.align, 1, 1, 0, "implicit (filtered)", 8, 5);
        }
    }
}

/* ================================================================================================
 * The rest of the 1.x API: transaction layouts, combine, feature checks, ids and kinds,
 * transactions, status.
 * ============================================================================================== */

static void check_transaction_layout(void)
{
    const size_t p = sizeof(void (*)(void));
    CHECK(sizeof(patomic_transaction_flag_t) == 1, "flag %zu", sizeof(patomic_transaction_flag_t));
    CHECK(sizeof(patomic_transaction_padded_flag_holder_abi_unstable_t) == 256,
          "flag holder %zu", sizeof(patomic_transaction_padded_flag_holder_abi_unstable_t));
    CHECK(offsetof(patomic_transaction_padded_flag_holder_abi_unstable_t, flag) == 127,
          "flag at %zu", offsetof(patomic_transaction_padded_flag_holder_abi_unstable_t, flag));
    CHECK(sizeof(patomic_transaction_cmpxchg_t) == 3 * p, "cmpxchg %zu",
          sizeof(patomic_transaction_cmpxchg_t));
    CHECK(sizeof(patomic_transaction_config_t) == 3 * p, "config %zu",
          sizeof(patomic_transaction_config_t));
    CHECK(sizeof(patomic_transaction_config_wfb_t) == 5 * p, "config_wfb %zu",
          sizeof(patomic_transaction_config_wfb_t));
    CHECK(sizeof(patomic_transaction_result_t) == 2 * sizeof(unsigned long), "result %zu",
          sizeof(patomic_transaction_result_t));
    CHECK(sizeof(patomic_transaction_result_wfb_t) == 4 * sizeof(unsigned long), "result_wfb %zu",
          sizeof(patomic_transaction_result_wfb_t));
    CHECK(sizeof(patomic_ops_transaction_t) == 40 * p, "ops_transaction %zu",
          sizeof(patomic_ops_transaction_t));
    CHECK(sizeof(patomic_transaction_t) == 40 * p, "transaction_t %zu (no align member)",
          sizeof(patomic_transaction_t));
    if (p == 8) {
        CHECK(sizeof(patomic_transaction_t) == 320, "LP64 transaction_t %zu",
              sizeof(patomic_transaction_t));
        CHECK(sizeof(patomic_transaction_config_wfb_t) == 40, "LP64 config_wfb");
        CHECK(sizeof(patomic_transaction_result_wfb_t) == 32, "LP64 result_wfb");
    }
#define TSLOT(field, index)                                                                       \
    CHECK(offsetof(patomic_ops_transaction_t, field) == (index) * p, #field ": offset %zu, slot %d", \
          offsetof(patomic_ops_transaction_t, field), (index))
    TSLOT(fp_store, 0);
    TSLOT(fp_load, 1);
    TSLOT(xchg_ops.fp_exchange, 2);
    TSLOT(bitwise_ops.fp_test, 5);
    TSLOT(binary_ops.fp_or, 9);
    TSLOT(arithmetic_ops.fp_add, 17);
    TSLOT(arithmetic_ops.fp_fetch_neg, 26);
    TSLOT(special_ops.fp_double_cmpxchg, 27);
    TSLOT(special_ops.fp_generic_wfb, 30);
    TSLOT(flag_ops.fp_test, 31);
    TSLOT(flag_ops.fp_clear, 33);
    TSLOT(raw_ops.fp_tbegin, 34);
    TSLOT(raw_ops.fp_tdepth, 39);
#undef TSLOT
    CHECK(sizeof(patomic_opcat_t) == 4 && sizeof(patomic_transaction_exit_code_t) == 4,
          "enum types are 4 bytes");
    CHECK(sizeof(patomic_id_t) == sizeof(unsigned long), "patomic_id_t");
}

/* distinct non-NULL "function pointers" for combine tests (never called) */
static void fake_fn_a(void) {}
static void fake_fn_b(void) {}
static void fake_fn_c(void) {}

static void set_slot(void *table, int slot, void (*fn)(void))
{
    memcpy((unsigned char *)table + (size_t)slot * sizeof fn, &fn, sizeof fn);
}

static void (*get_slot(const void *table, int slot))(void)
{
    void (*fn)(void);
    memcpy(&fn, (const unsigned char *)table + (size_t)slot * sizeof fn, sizeof fn);
    return fn;
}

static patomic_align_t align3(size_t r, size_t m, size_t w)
{
    patomic_align_t a;
    a.recommended = r;
    a.minimum = m;
    a.size_within = w;
    return a;
}

static int align_is(patomic_align_t a, size_t r, size_t m, size_t w)
{
    return a.recommended == r && a.minimum == m && a.size_within == w;
}

static void check_combine(void)
{
    patomic_t p, o, o_copy;
    patomic_explicit_t pe, oe;
    int k;

    /* the documented example: p = {store A; 2/1/64}, o = {store B, load C; 8/4/16} */
    memset(&p, 0, sizeof p);
    memset(&o, 0, sizeof o);
    set_slot(&p.ops, 0, fake_fn_a);
    p.align = align3(2, 1, 64);
    set_slot(&o.ops, 0, fake_fn_b);
    set_slot(&o.ops, 1, fake_fn_c);
    o.align = align3(8, 4, 16);
    o_copy = o;
    patomic_combine(&p, &o);
    CHECK(get_slot(&p.ops, 0) == fake_fn_a && get_slot(&p.ops, 1) == fake_fn_c,
          "combine keeps p's slots, fills its NULL ones");
    for (k = 2; k < 27; ++k) {
        CHECK(get_slot(&p.ops, k) == NULL, "combine slot %d", k);
    }
    CHECK(align_is(p.align, 8, 4, 16), "combine align %zu/%zu/%zu", p.align.recommended,
          p.align.minimum, p.align.size_within);
    CHECK(memcmp(&o, &o_copy, sizeof o) == 0, "combine wrote to other");

    /* nothing to take: p wholly unchanged, even its align */
    memset(&p, 0, sizeof p);
    set_slot(&p.ops, 0, fake_fn_a);
    set_slot(&p.ops, 1, fake_fn_a);
    p.align = align3(2, 1, 64);
    patomic_combine(&p, &o);
    CHECK(align_is(p.align, 2, 1, 64) && get_slot(&p.ops, 1) == fake_fn_a,
          "combine with nothing to copy changed p");
    memset(&o, 0, sizeof o);
    o.align = align3(64, 64, 1);
    memset(&p, 0, sizeof p);
    p.align = align3(1, 1, 0);
    patomic_combine(&p, &o);
    CHECK(align_is(p.align, 1, 1, 0), "combine with an empty other changed p's align");

    /* size_within: 0 means no limit */
    memset(&p, 0, sizeof p);
    memset(&o, 0, sizeof o);
    set_slot(&o.ops, 26, fake_fn_b);
    p.align = align3(4, 4, 0);
    o.align = align3(2, 2, 32);
    patomic_combine(&p, &o);
    CHECK(get_slot(&p.ops, 26) == fake_fn_b && align_is(p.align, 4, 4, 32),
          "p 0 takes o's size_within: %zu/%zu/%zu", p.align.recommended, p.align.minimum,
          p.align.size_within);
    memset(&p, 0, sizeof p);
    p.align = align3(4, 4, 64);
    o.align = align3(2, 2, 0);
    patomic_combine(&p, &o);
    CHECK(align_is(p.align, 4, 4, 64), "o 0 changes nothing: %zu/%zu/%zu", p.align.recommended,
          p.align.minimum, p.align.size_within);
    memset(&p, 0, sizeof p);
    p.align = align3(4, 4, 16);
    o.align = align3(2, 2, 64);
    patomic_combine(&p, &o);
    CHECK(align_is(p.align, 4, 4, 16), "smaller non-zero wins: %zu/%zu/%zu", p.align.recommended,
          p.align.minimum, p.align.size_within);

    /* real tables: an empty table combined with width 8 becomes width 8's */
    {
        const patomic_t w8 = patomic_create(8, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        patomic_t e = patomic_create(3, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        patomic_combine(&e, &w8);
        CHECK(memcmp(&e, &w8, sizeof e) == 0, "empty + width 8 = width 8");
        patomic_combine(&e, &e);
        CHECK(memcmp(&e, &w8, sizeof e) == 0, "combine with itself changes nothing");
    }

    /* explicit: the same rules */
    memset(&pe, 0, sizeof pe);
    memset(&oe, 0, sizeof oe);
    pe.align = align3(2, 1, 64);
    set_slot(&pe.ops, 3, fake_fn_a);
    set_slot(&oe.ops, 3, fake_fn_b);
    set_slot(&oe.ops, 20, fake_fn_c);
    oe.align = align3(8, 4, 16);
    patomic_combine_explicit(&pe, &oe);
    CHECK(get_slot(&pe.ops, 3) == fake_fn_a && get_slot(&pe.ops, 20) == fake_fn_c &&
              align_is(pe.align, 8, 4, 16),
          "combine_explicit");
    {
        const patomic_explicit_t w4 = patomic_create_explicit(4, 0, patomic_kind_ALL, patomic_id_ALL);
        patomic_explicit_t e = patomic_create_explicit(0, 0, patomic_kind_ALL, patomic_id_ALL);
        patomic_combine_explicit(&e, &w4);
        CHECK(memcmp(&e, &w4, sizeof e) == 0, "explicit: empty + width 4 = width 4");
    }
}

static void check_feature_checks(void)
{
    static const unsigned int all_inputs[] = { 0x7fu, 0x3ffu, ~0u, 0x1u, 0x80u, 0x400u, 0x18u };
    int o;
    size_t k;
    patomic_transaction_t tr;

    CHECK(patomic_feature_check_all(NULL, 0) == 0 && patomic_feature_check_any(NULL, 0) == 0 &&
              patomic_feature_check_all_explicit(NULL, 0) == 0 &&
              patomic_feature_check_any_explicit(NULL, 0) == 0 &&
              patomic_feature_check_all_transaction(NULL, 0) == 0 &&
              patomic_feature_check_any_transaction(NULL, 0) == 0,
          "opcats 0 returns 0 without reading ops");
    CHECK(patomic_feature_check_leaf(NULL, patomic_opcat_LDST, 0) == 0 &&
              patomic_feature_check_leaf_explicit(NULL, patomic_opcat_XCHG, 0) == 0 &&
              patomic_feature_check_leaf_transaction(NULL, patomic_opcat_TRAW, 0) == 0,
          "opkinds 0 returns 0 without reading ops");

    /* full tables: widths 1/2/4/8 with RELAXED or SEQ_CST, every explicit table */
    for (o = 0; o <= 5; o += 5) {
        static const size_t ws[] = { 1, 2, 4, 8 };
        size_t i;
        for (i = 0; i < 4; ++i) {
            const patomic_t t = patomic_create(ws[i], (patomic_memory_order_t)o, 0,
                                               patomic_kind_ALL, patomic_id_ALL);
            const patomic_explicit_t e = patomic_create_explicit(ws[i], 0, patomic_kind_ALL,
                                                                 patomic_id_ALL);
            CHECK(patomic_feature_check_all(&t.ops, 0x7f) == 0 &&
                      patomic_feature_check_any(&t.ops, 0x7f) == 0,
                  "width %zu %s: all/any(0x7f)", ws[i], oname(o));
            CHECK(patomic_feature_check_all(&t.ops, 0x3ff) == 0x380, "all(0x3ff) = 0x%x",
                  patomic_feature_check_all(&t.ops, 0x3ff));
            CHECK(patomic_feature_check_all(&t.ops, ~0u) == 0xffffff80u, "all(~0) = 0x%x",
                  patomic_feature_check_all(&t.ops, ~0u));
            CHECK(patomic_feature_check_all_explicit(&e.ops, 0x7f) == 0 &&
                      patomic_feature_check_any_explicit(&e.ops, 0x7f) == 0,
                  "explicit width %zu: all/any(0x7f)", ws[i]);
            CHECK(patomic_feature_check_all_explicit(&e.ops, 0x3ff) == 0x380 &&
                      patomic_feature_check_any_explicit(&e.ops, ~0u) == 0xffffff80u,
                  "explicit width %zu: unknown bits returned", ws[i]);
        }
    }
    /* partial tables (width 4) */
    {
        static const struct {
            int order;
            unsigned int all, any;
        } cases[] = {
            { patomic_CONSUME, 0x1, 0 },
            { patomic_ACQUIRE, 0x1, 0 },
            { patomic_RELEASE, 0x5, 0 },
            { patomic_ACQ_REL, 0x5, 0x1 },
        };
        for (k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
            const patomic_t t = patomic_create(4, (patomic_memory_order_t)cases[k].order, 0,
                                               patomic_kind_ALL, patomic_id_ALL);
            CHECK(patomic_feature_check_all(&t.ops, 0x7f) == cases[k].all,
                  "width 4 %s: all(0x7f) = 0x%x", oname(cases[k].order),
                  patomic_feature_check_all(&t.ops, 0x7f));
            CHECK(patomic_feature_check_any(&t.ops, 0x7f) == cases[k].any,
                  "width 4 %s: any(0x7f) = 0x%x", oname(cases[k].order),
                  patomic_feature_check_any(&t.ops, 0x7f));
        }
    }
    /* unsupported width: every input comes back */
    {
        const patomic_t t = patomic_create(3, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_explicit_t e = patomic_create_explicit(3, 0, patomic_kind_ALL, patomic_id_ALL);
        for (k = 0; k < sizeof all_inputs / sizeof all_inputs[0]; ++k) {
            const unsigned int x = all_inputs[k];
            CHECK(patomic_feature_check_all(&t.ops, x) == x && patomic_feature_check_any(&t.ops, x) == x &&
                      patomic_feature_check_all_explicit(&e.ops, x) == x &&
                      patomic_feature_check_any_explicit(&e.ops, x) == x,
                  "width 3: all/any(0x%x)", x);
        }
    }
    /* leaf */
    {
        const patomic_t s4 = patomic_create(4, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_t r4 = patomic_create(4, patomic_RELEASE, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_explicit_t e8 = patomic_create_explicit(8, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_explicit_t e3 = patomic_create_explicit(3, 0, patomic_kind_ALL, patomic_id_ALL);
        unsigned int got;
        got = patomic_feature_check_leaf(&s4.ops, patomic_opcat_XCHG, 0xff);
        CHECK(got == 0xf8, "SEQ_CST leaf(XCHG, 0xff) = 0x%x", got);
        got = patomic_feature_check_leaf(&s4.ops, patomic_opcat_ARI_F, 0xff);
        CHECK(got == 0xe0, "SEQ_CST leaf(ARI_F, 0xff) = 0x%x", got);
        got = patomic_feature_check_leaf(&s4.ops, patomic_opcat_TSPEC, 0xf);
        CHECK(got == 0xf, "leaf(TSPEC, 0xf) = 0x%x", got);
        got = patomic_feature_check_leaf(&s4.ops, 0x400, 0x7);
        CHECK(got == 0x7, "leaf(0x400, 0x7) = 0x%x", got);
        got = patomic_feature_check_leaf(&s4.ops, patomic_opcat_BIT, 0xff);
        CHECK(got == 0xf0, "SEQ_CST leaf(BIT, 0xff) = 0x%x (CLEAR 0x10 stays)", got);
        got = patomic_feature_check_leaf(&r4.ops, patomic_opcat_LDST, 0x3);
        CHECK(got == 0x1, "RELEASE leaf(LDST, 0x3) = 0x%x", got);
        got = patomic_feature_check_leaf(&r4.ops, patomic_opcat_BIT, 0x1f);
        CHECK(got == 0x11, "RELEASE leaf(BIT, 0x1f) = 0x%x", got);
        got = patomic_feature_check_leaf_explicit(&e8.ops, patomic_opcat_BIN_V, 0xf);
        CHECK(got == 0, "explicit leaf(BIN_V, 0xf) = 0x%x", got);
        got = patomic_feature_check_leaf_explicit(&e8.ops, patomic_opcat_ARI_V, ~0u);
        CHECK(got == ~0x1fu, "explicit leaf(ARI_V, ~0) = 0x%x", got);
        got = patomic_feature_check_leaf_explicit(&e3.ops, patomic_opcat_LDST, 0x3);
        CHECK(got == 0x3, "width 3 leaf(LDST, 0x3) = 0x%x", got);
        got = patomic_feature_check_leaf_explicit(&e8.ops, patomic_opcat_TFLAG, 0x13);
        CHECK(got == 0x13, "explicit leaf(TFLAG, 0x13) = 0x%x", got);
    }
    /* one slot at a time: leaf sees exactly that slot, with the BIT order quirk */
    {
        static const struct {
            int slot;
            unsigned int opcat, opkind;
        } slots[] = {
            { 0, 0x1, 0x2 },  { 1, 0x1, 0x1 },  { 2, 0x2, 0x1 },  { 3, 0x2, 0x2 },
            { 4, 0x2, 0x4 },  { 5, 0x4, 0x1 },  { 6, 0x4, 0x8 },  { 7, 0x4, 0x2 },
            { 8, 0x4, 0x4 },  { 9, 0x8, 0x1 },  { 10, 0x8, 0x2 }, { 11, 0x8, 0x4 },
            { 12, 0x8, 0x8 }, { 13, 0x10, 0x1 }, { 14, 0x10, 0x2 }, { 15, 0x10, 0x4 },
            { 16, 0x10, 0x8 }, { 17, 0x20, 0x1 }, { 18, 0x20, 0x2 }, { 19, 0x20, 0x4 },
            { 20, 0x20, 0x8 }, { 21, 0x20, 0x10 }, { 22, 0x40, 0x1 }, { 23, 0x40, 0x2 },
            { 24, 0x40, 0x4 }, { 25, 0x40, 0x8 }, { 26, 0x40, 0x10 }, { 27, 0x80, 0x1 },
            { 28, 0x80, 0x2 }, { 29, 0x80, 0x4 }, { 30, 0x80, 0x8 }, { 31, 0x100, 0x1 },
            { 32, 0x100, 0x2 }, { 33, 0x100, 0x10 }, { 34, 0x200, 0x1 }, { 35, 0x200, 0x2 },
            { 36, 0x200, 0x4 }, { 37, 0x200, 0x8 }, { 38, 0x200, 0x10 }, { 39, 0x200, 0x20 },
        };
        for (k = 0; k < sizeof slots / sizeof slots[0]; ++k) {
            patomic_ops_transaction_t t;
            unsigned int cat;
            memset(&t, 0, sizeof t);
            set_slot(&t, slots[k].slot, fake_fn_a);
            for (cat = 1; cat <= 0x200; cat <<= 1) {
                const unsigned int want = cat == slots[k].opcat ? ~slots[k].opkind : ~0u;
                const unsigned int got = patomic_feature_check_leaf_transaction(&t, cat, ~0u);
                CHECK(got == want, "transaction slot %d alone: leaf(0x%x, ~0) = 0x%x", slots[k].slot,
                      cat, got);
                CHECK(patomic_feature_check_any_transaction(&t, cat) ==
                          (cat == slots[k].opcat ? 0u : cat),
                      "transaction slot %d alone: any(0x%x)", slots[k].slot, cat);
                if (slots[k].slot < 27) {
                    patomic_ops_explicit_t e;
                    const unsigned int want_e = cat <= 0x40 ? want : ~0u;
                    memset(&e, 0, sizeof e);
                    set_slot(&e, slots[k].slot, fake_fn_a);
                    CHECK(patomic_feature_check_leaf_explicit(&e, cat, ~0u) == want_e,
                          "explicit slot %d alone: leaf(0x%x, ~0)", slots[k].slot, cat);
                    CHECK(patomic_feature_check_leaf((const patomic_ops_t *)(const void *)&e, cat,
                                                     ~0u) == want_e,
                          "implicit slot %d alone: leaf(0x%x, ~0)", slots[k].slot, cat);
                }
            }
        }
    }
    /* all vs any on a category with one of several slots */
    {
        patomic_ops_t t;
        memset(&t, 0, sizeof t);
        t.arithmetic_ops.fp_fetch_inc = NULL;
        set_slot(&t, 24, fake_fn_a);
        CHECK(patomic_feature_check_all(&t, patomic_opcats_ARI) == patomic_opcats_ARI &&
                  patomic_feature_check_any(&t, patomic_opcats_ARI) == patomic_opcat_ARI_V,
              "one ARI_F slot: all 0x%x any 0x%x", patomic_feature_check_all(&t, 0x60),
              patomic_feature_check_any(&t, 0x60));
    }
    /* the transaction table */
    tr = patomic_create_transaction(0, patomic_kind_ALL, patomic_id_ALL);
    CHECK(patomic_feature_check_all_transaction(&tr.ops, 0x3ff) == 0x3ff &&
              patomic_feature_check_any_transaction(&tr.ops, 0x3ff) == 0x3ff,
          "empty transaction table: all/any(0x3ff)");
    CHECK(patomic_feature_check_leaf_transaction(&tr.ops, patomic_opcat_TRAW, 0x3f) == 0x3f,
          "empty transaction table: leaf");
}

static int all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t i;
    for (i = 0; i < n; ++i) {
        if (b[i]) {
            return 0;
        }
    }
    return 1;
}

static void check_transactions_ids_status(void)
{
    static const unsigned int kinds_in[] = { 0, 0x1, 0x2, 0x4, 0x8, 0x10, 0x1f, ~0u, 0x18, 0x7 };
    static const unsigned long ids_in[] = { 0, 1, 2, 3, ~0ul, 4, 0x100 };
    static const unsigned int opts_in[] = { 0, 1, 0xffffffffu };
    size_t i, j, k;

    /* no transactional implementation: all 40 pointers NULL, whatever the inputs, never abort */
    for (i = 0; i < sizeof kinds_in / sizeof kinds_in[0]; ++i) {
        for (j = 0; j < sizeof ids_in / sizeof ids_in[0]; ++j) {
            for (k = 0; k < sizeof opts_in / sizeof opts_in[0]; ++k) {
                const patomic_transaction_t t =
                    patomic_create_transaction(opts_in[k], kinds_in[i], ids_in[j]);
                CHECK(all_zero(&t, sizeof t), "create_transaction(0x%x, 0x%x, 0x%lx)", opts_in[k],
                      kinds_in[i], ids_in[j]);
            }
        }
    }
    /* options are ignored by the other create functions too */
    {
        const patomic_explicit_t a = patomic_create_explicit(8, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_explicit_t b = patomic_create_explicit(8, 0xdeadu, patomic_kind_ALL, patomic_id_ALL);
        const patomic_t c = patomic_create(8, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
        const patomic_t d = patomic_create(8, patomic_SEQ_CST, 77u, patomic_kind_ALL, patomic_id_ALL);
        CHECK(memcmp(&a, &b, sizeof a) == 0 && memcmp(&c, &d, sizeof c) == 0, "options ignored");
    }

    /* ids and kinds: NULL (0, UNKN), STDC (1, BLTN), MSVC (2, ASM) */
    {
        static const struct {
            unsigned int kinds;
            unsigned long ids;
        } cases[] = {
            { 0x1f, 0x3 }, { ~0u, 0x3 }, { 0x8, 0x1 }, { 0x10, 0x2 }, { 0x0, 0 },
            { 0x1, 0 },    { 0x2, 0 },   { 0x4, 0 },   { 0x18, 0x3 }, { 0x7, 0 },
            { 0x9, 0x1 },  { 0x20, 0 },
        };
        for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
            CHECK(patomic_get_ids(cases[i].kinds) == cases[i].ids, "get_ids(0x%x) = 0x%lx",
                  cases[i].kinds, patomic_get_ids(cases[i].kinds));
        }
    }
    CHECK(patomic_get_kind(0) == 0x0, "get_kind(NULL)");
    CHECK(patomic_get_kind(1) == 0x8, "get_kind(STDC) = 0x%x", patomic_get_kind(1));
    CHECK(patomic_get_kind(2) == 0x10, "get_kind(MSVC) = 0x%x", patomic_get_kind(2));
    for (i = 2; i < 8 * sizeof(unsigned long); ++i) {
        CHECK(patomic_get_kind(1ul << i) == 0, "get_kind(1 << %zu) = 0x%x", i,
              patomic_get_kind(1ul << i));
    }
    /* every kind of every id that get_ids reports is among the kinds asked for */
    for (i = 0; i < sizeof kinds_in / sizeof kinds_in[0]; ++i) {
        const unsigned long ids = patomic_get_ids(kinds_in[i]);
        unsigned long bit;
        for (bit = 1; bit != 0; bit <<= 1) {
            if (ids & bit) {
                CHECK((patomic_get_kind(bit) & kinds_in[i]) != 0, "get_ids(0x%x) has id 0x%lx",
                      kinds_in[i], bit);
            }
        }
    }

    /* status fields */
    CHECK(patomic_transaction_status_exit_code(0x12345678ul) == 0x78, "exit code");
    CHECK(patomic_transaction_status_abort_reason(0x12345678ul) == 0x56, "abort reason");
    CHECK(patomic_transaction_status_exit_info(0x12345678ul) == 0x34, "exit info");
    CHECK(patomic_transaction_status_exit_code(~0ul) == 0xff &&
              patomic_transaction_status_abort_reason(~0ul) == 0xff &&
              patomic_transaction_status_exit_info(~0ul) == 0xff,
          "higher bits ignored");
    CHECK(patomic_transaction_status_exit_code(0) == patomic_TSUCCESS &&
              patomic_transaction_status_exit_info(0) == patomic_TINFO_NONE &&
              patomic_transaction_status_abort_reason(0) == 0,
          "status 0");
    CHECK(patomic_transaction_status_exit_code(0x00020301ul) == patomic_TABORT_EXPLICIT &&
              patomic_transaction_status_abort_reason(0x00020301ul) == 3 &&
              patomic_transaction_status_exit_info(0x00020301ul) == patomic_TINFO_FLAG_SET,
          "explicit abort, reason 3, flag set");
}

/* ================================================================================================
 * What must abort: each call runs in a child process that must die of SIGABRT (the library's
 * message on stderr goes to /dev/null).
 * ============================================================================================== */

enum { ABORT_CREATE, ABORT_GET_KIND, ABORT_LEAF, ABORT_LEAF_EXPLICIT, ABORT_LEAF_TRANSACTION,
       NO_ABORT_CREATE_EXPLICIT, NO_ABORT_CREATE_TRANSACTION };

static void abort_child(int what, long arg)
{
    const patomic_t t = patomic_create(4, patomic_SEQ_CST, 0, patomic_kind_ALL, patomic_id_ALL);
    const patomic_explicit_t e = patomic_create_explicit(4, 0, patomic_kind_ALL, patomic_id_ALL);
    const patomic_transaction_t tr = patomic_create_transaction(0, patomic_kind_ALL, patomic_id_ALL);
    switch (what) {
    case ABORT_CREATE: (void)patomic_create((size_t)arg >> 8, (patomic_memory_order_t)(int)(signed char)(arg & 0xff), 0, 0, 0); break;
    case ABORT_GET_KIND: (void)patomic_get_kind((unsigned long)arg); break;
    case ABORT_LEAF: (void)patomic_feature_check_leaf(&t.ops, (unsigned int)arg, 0); break;
    case ABORT_LEAF_EXPLICIT: (void)patomic_feature_check_leaf_explicit(&e.ops, (unsigned int)arg, 1); break;
    case ABORT_LEAF_TRANSACTION: (void)patomic_feature_check_leaf_transaction(&tr.ops, (unsigned int)arg, 0x3f); break;
    case NO_ABORT_CREATE_EXPLICIT: (void)patomic_create_explicit((size_t)arg, ~0u, ~0u, ~0ul); break;
    default: (void)patomic_create_transaction(~0u, (unsigned int)arg, ~0ul); break;
    }
}

/* Runs abort_child(what, arg) in a child: returns the signal that killed it, 0 if it exited. */
static int child_signal(int what, long arg)
{
    int status = 0;
    pid_t pid;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        CHECK(0, "fork failed");
        return -1;
    }
    if (pid == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0) {
            dup2(devnull, 2);
        }
        abort_child(what, arg);
        _exit(0);
    }
    if (waitpid(pid, &status, 0) != pid) {
        CHECK(0, "waitpid failed");
        return -1;
    }
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void check_aborts(void)
{
    /* patomic_create: an invalid order aborts first, whatever width, kinds and ids */
    static const int bad_orders[] = { -1, 6, 7, 100 };
    static const size_t widths[] = { 0, 1, 3, 4, 8, 16 };
    static const long opcats_bad[] = { 0x0, 0x3, 0x18, 0x60, 0x7f, 0x3ff, -1 };
    size_t i, j;
    int sig;
    for (i = 0; i < sizeof bad_orders / sizeof bad_orders[0]; ++i) {
        for (j = 0; j < sizeof widths / sizeof widths[0]; ++j) {
            const long arg = (long)(widths[j] << 8) | (bad_orders[i] & 0xff);
            sig = child_signal(ABORT_CREATE, arg);
            CHECK(sig == SIGABRT, "create(width %zu, order %d, kinds 0, ids 0): signal %d, want SIGABRT",
                  widths[j], bad_orders[i], sig);
        }
    }
    /* valid orders do not abort, even with kinds = ids = 0 */
    sig = child_signal(ABORT_CREATE, (long)(4 << 8) | patomic_SEQ_CST);
    CHECK(sig == 0, "create(4, SEQ_CST, 0, 0) died of signal %d", sig);

    /* get_kind: two or more bits */
    sig = child_signal(ABORT_GET_KIND, 3);
    CHECK(sig == SIGABRT, "get_kind(3): signal %d", sig);
    sig = child_signal(ABORT_GET_KIND, -1);
    CHECK(sig == SIGABRT, "get_kind(~0): signal %d", sig);
    sig = child_signal(ABORT_GET_KIND, 0x40);
    CHECK(sig == 0, "get_kind(0x40) died of signal %d", sig);

    /* feature_check_leaf*: opcat not a single bit, even with opkinds 0 */
    for (i = 0; i < sizeof opcats_bad / sizeof opcats_bad[0]; ++i) {
        sig = child_signal(ABORT_LEAF, opcats_bad[i]);
        CHECK(sig == SIGABRT, "leaf(opcat 0x%lx, 0): signal %d", opcats_bad[i], sig);
        sig = child_signal(ABORT_LEAF_EXPLICIT, opcats_bad[i]);
        CHECK(sig == SIGABRT, "leaf_explicit(opcat 0x%lx): signal %d", opcats_bad[i], sig);
        sig = child_signal(ABORT_LEAF_TRANSACTION, opcats_bad[i]);
        CHECK(sig == SIGABRT, "leaf_transaction(opcat 0x%lx): signal %d", opcats_bad[i], sig);
    }
    sig = child_signal(ABORT_LEAF, 0x800);
    CHECK(sig == 0, "leaf(0x800) died of signal %d", sig);

    /* never abort */
    sig = child_signal(NO_ABORT_CREATE_EXPLICIT, -1);
    CHECK(sig == 0, "create_explicit(SIZE_MAX, ~0, ~0, ~0) died of signal %d", sig);
    sig = child_signal(NO_ABORT_CREATE_TRANSACTION, 0);
    CHECK(sig == 0, "create_transaction died of signal %d", sig);
}

/* ================================================================================================
 * Functional smoke test: every op of one table through a small adapter, so that explicit and
 * implicit tables share the test body.
 * ============================================================================================== */

typedef struct {
    const char *kind;                 /* "explicit" or "implicit" */
    size_t width;
    int order;                        /* order for everything except cmpxchg */
    int succ, fail;                   /* cmpxchg orders (explicit only) */
    const patomic_ops_explicit_t *e;  /* exactly one of e and i is set */
    const patomic_ops_t *i;
} ctx_t;

/* The object under test sits in the middle of guard bytes; every op must touch only its bytes. */
typedef union {
    uint64_t align[3];
    unsigned char bytes[24];
} arena_t;

#define GUARD 0xA5u
#define OBJ_OFFSET 8

static uint64_t mask_of(size_t w)
{
    return w == 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * w)) - 1);
}

static void put(void *p, size_t w, uint64_t v)
{
    switch (w) {
    case 1: { uint8_t x = (uint8_t)v; memcpy(p, &x, 1); break; }
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    default: { uint64_t x = v; memcpy(p, &x, 8); break; }
    }
}

static uint64_t get(const void *p, size_t w)
{
    switch (w) {
    case 1: { uint8_t x; memcpy(&x, p, 1); return x; }
    case 2: { uint16_t x; memcpy(&x, p, 2); return x; }
    case 4: { uint32_t x; memcpy(&x, p, 4); return x; }
    default: { uint64_t x; memcpy(&x, p, 8); return x; }
    }
}

static void arena_init(arena_t *a, size_t w, uint64_t v)
{
    memset(a->bytes, GUARD, sizeof a->bytes);
    put(a->bytes + OBJ_OFFSET, w, v);
}

static int guards_intact(const arena_t *a, size_t w)
{
    size_t k;
    for (k = 0; k < sizeof a->bytes; ++k) {
        if ((k < OBJ_OFFSET || k >= OBJ_OFFSET + w) && a->bytes[k] != GUARD) {
            return 0;
        }
    }
    return 1;
}

#define OBJ(a) ((void *)((a)->bytes + OBJ_OFFSET))

/* A value buffer bigger than the object: an op must write exactly `width` bytes of it. */
typedef union {
    uint64_t align[2];
    unsigned char bytes[16];
} valbuf_t;

#define RET_FILL 0xC3u

static void ret_init(valbuf_t *r)
{
    memset(r->bytes, RET_FILL, sizeof r->bytes);
}

static int ret_tail_intact(const valbuf_t *r, size_t w)
{
    size_t k;
    for (k = w; k < sizeof r->bytes; ++k) {
        if (r->bytes[k] != RET_FILL) {
            return 0;
        }
    }
    return 1;
}

static void vb(valbuf_t *b, size_t w, uint64_t v)
{
    memset(b->bytes, 0x5A, sizeof b->bytes);
    put(b->bytes, w, v);
}

/* --- adapter: returns 0 when the slot is NULL (then the caller skips) ---------------------- */

static int do_store(const ctx_t *c, void *obj, uint64_t v)
{
    valbuf_t d;
    vb(&d, c->width, v);
    if (c->e) {
        if (!patomic_is_valid_store_order(c->order)) return 0;
        c->e->fp_store(obj, d.bytes, c->order);
    } else {
        if (!c->i->fp_store) return 0;
        c->i->fp_store(obj, d.bytes);
    }
    return 1;
}

static int do_load(const ctx_t *c, const void *obj, valbuf_t *r)
{
    ret_init(r);
    if (c->e) {
        if (!patomic_is_valid_load_order(c->order)) return 0;
        c->e->fp_load(obj, c->order, r->bytes);
    } else {
        if (!c->i->fp_load) return 0;
        c->i->fp_load(obj, r->bytes);
    }
    return 1;
}

static void do_exchange(const ctx_t *c, void *obj, uint64_t v, valbuf_t *r)
{
    valbuf_t d;
    vb(&d, c->width, v);
    ret_init(r);
    if (c->e) {
        c->e->xchg_ops.fp_exchange(obj, d.bytes, c->order, r->bytes);
    } else {
        c->i->xchg_ops.fp_exchange(obj, d.bytes, r->bytes);
    }
}

static int do_cmpxchg(const ctx_t *c, int weak, void *obj, valbuf_t *expected, uint64_t desired)
{
    valbuf_t d;
    vb(&d, c->width, desired);
    if (c->e) {
        const patomic_fn_explicit_cmpxchg_t f =
            weak ? c->e->xchg_ops.fp_cmpxchg_weak : c->e->xchg_ops.fp_cmpxchg_strong;
        return f(obj, expected->bytes, d.bytes, c->succ, c->fail);
    } else {
        const patomic_fn_cmpxchg_t f =
            weak ? c->i->xchg_ops.fp_cmpxchg_weak : c->i->xchg_ops.fp_cmpxchg_strong;
        return f(obj, expected->bytes, d.bytes);
    }
}

/* which: 0 test, 1 test_compl, 2 test_set, 3 test_reset; returns -1 if unavailable */
static int do_bit(const ctx_t *c, int which, void *obj, int offset)
{
    if (c->e) {
        switch (which) {
        case 0:
            if (!patomic_is_valid_load_order(c->order)) return -1;
            return c->e->bitwise_ops.fp_test(obj, offset, c->order);
        case 1: return c->e->bitwise_ops.fp_test_compl(obj, offset, c->order);
        case 2: return c->e->bitwise_ops.fp_test_set(obj, offset, c->order);
        default: return c->e->bitwise_ops.fp_test_reset(obj, offset, c->order);
        }
    }
    switch (which) {
    case 0:
        if (!c->i->bitwise_ops.fp_test) return -1;
        return c->i->bitwise_ops.fp_test(obj, offset);
    case 1: return c->i->bitwise_ops.fp_test_compl(obj, offset);
    case 2: return c->i->bitwise_ops.fp_test_set(obj, offset);
    default: return c->i->bitwise_ops.fp_test_reset(obj, offset);
    }
}

enum { OP_OR, OP_XOR, OP_AND, OP_ADD, OP_SUB, OP_NOT, OP_INC, OP_DEC, OP_NEG, OP_COUNT };
static const char *const op_names[OP_COUNT] = { "or", "xor", "and", "add", "sub",
                                                "not", "inc", "dec", "neg" };

static int takes_arg(int op)
{
    return op <= OP_SUB;
}

static uint64_t model(int op, uint64_t v, uint64_t a, uint64_t m)
{
    switch (op) {
    case OP_OR: return (v | a) & m;
    case OP_XOR: return (v ^ a) & m;
    case OP_AND: return (v & a) & m;
    case OP_ADD: return (v + a) & m;
    case OP_SUB: return (v - a) & m;
    case OP_NOT: return ~v & m;
    case OP_INC: return (v + 1) & m;
    case OP_DEC: return (v - 1) & m;
    default: return (0 - v) & m;
    }
}

/* the void form (fetch == 0) or the fetch form (fetch == 1, old value to *r) of op */
static void do_op(const ctx_t *c, int op, int fetch, void *obj, uint64_t arg, valbuf_t *r)
{
    valbuf_t a;
    vb(&a, c->width, arg);
    ret_init(r);
    if (c->e) {
        const patomic_ops_explicit_binary_t *b = &c->e->binary_ops;
        const patomic_ops_explicit_arithmetic_t *x = &c->e->arithmetic_ops;
        const int o = c->order;
        switch (op) {
        case OP_OR: fetch ? b->fp_fetch_or(obj, a.bytes, o, r->bytes) : b->fp_or(obj, a.bytes, o); break;
        case OP_XOR: fetch ? b->fp_fetch_xor(obj, a.bytes, o, r->bytes) : b->fp_xor(obj, a.bytes, o); break;
        case OP_AND: fetch ? b->fp_fetch_and(obj, a.bytes, o, r->bytes) : b->fp_and(obj, a.bytes, o); break;
        case OP_ADD: fetch ? x->fp_fetch_add(obj, a.bytes, o, r->bytes) : x->fp_add(obj, a.bytes, o); break;
        case OP_SUB: fetch ? x->fp_fetch_sub(obj, a.bytes, o, r->bytes) : x->fp_sub(obj, a.bytes, o); break;
        case OP_NOT: fetch ? b->fp_fetch_not(obj, o, r->bytes) : b->fp_not(obj, o); break;
        case OP_INC: fetch ? x->fp_fetch_inc(obj, o, r->bytes) : x->fp_inc(obj, o); break;
        case OP_DEC: fetch ? x->fp_fetch_dec(obj, o, r->bytes) : x->fp_dec(obj, o); break;
        default: fetch ? x->fp_fetch_neg(obj, o, r->bytes) : x->fp_neg(obj, o); break;
        }
    } else {
        const patomic_ops_binary_t *b = &c->i->binary_ops;
        const patomic_ops_arithmetic_t *x = &c->i->arithmetic_ops;
        switch (op) {
        case OP_OR: fetch ? b->fp_fetch_or(obj, a.bytes, r->bytes) : b->fp_or(obj, a.bytes); break;
        case OP_XOR: fetch ? b->fp_fetch_xor(obj, a.bytes, r->bytes) : b->fp_xor(obj, a.bytes); break;
        case OP_AND: fetch ? b->fp_fetch_and(obj, a.bytes, r->bytes) : b->fp_and(obj, a.bytes); break;
        case OP_ADD: fetch ? x->fp_fetch_add(obj, a.bytes, r->bytes) : x->fp_add(obj, a.bytes); break;
        case OP_SUB: fetch ? x->fp_fetch_sub(obj, a.bytes, r->bytes) : x->fp_sub(obj, a.bytes); break;
        case OP_NOT: fetch ? b->fp_fetch_not(obj, r->bytes) : b->fp_not(obj); break;
        case OP_INC: fetch ? x->fp_fetch_inc(obj, r->bytes) : x->fp_inc(obj); break;
        case OP_DEC: fetch ? x->fp_fetch_dec(obj, r->bytes) : x->fp_dec(obj); break;
        default: fetch ? x->fp_fetch_neg(obj, r->bytes) : x->fp_neg(obj); break;
        }
    }
}

/* --- the test body --------------------------------------------------------------------------- */

#define CTX_FMT "%s width %zu order %s: "
#define CTX_ARGS c->kind, c->width, oname(c->order)

static void smoke(const ctx_t *c)
{
    const size_t w = c->width;
    const uint64_t m = mask_of(w);
    const uint64_t A = UINT64_C(0xF3C3A5960F1E2D3C) & m;
    const uint64_t B = UINT64_C(0x5A3C0FF087654321) & m;
    const uint64_t C = UINT64_C(0x0123456789ABCDEF) & m;
    const uint64_t hi = (uint64_t)1 << (8 * w - 1);
    arena_t ar;
    valbuf_t r;
    void *obj = OBJ(&ar);

    /* store */
    arena_init(&ar, w, 0);
    if (do_store(c, obj, A)) {
        CHECK(get(obj, w) == A && guards_intact(&ar, w), CTX_FMT "store", CTX_ARGS);
        do_store(c, obj, m);
        CHECK(get(obj, w) == m && guards_intact(&ar, w), CTX_FMT "store all ones", CTX_ARGS);
    }

    /* load */
    arena_init(&ar, w, B);
    if (do_load(c, obj, &r)) {
        CHECK(get(r.bytes, w) == B, CTX_FMT "load got 0x%" PRIx64 ", want 0x%" PRIx64, CTX_ARGS,
              get(r.bytes, w), B);
        CHECK(ret_tail_intact(&r, w), CTX_FMT "load wrote past width", CTX_ARGS);
        CHECK(guards_intact(&ar, w) && get(obj, w) == B, CTX_FMT "load modified memory",
              CTX_ARGS);
    }

    /* exchange */
    arena_init(&ar, w, A);
    do_exchange(c, obj, B, &r);
    CHECK(get(r.bytes, w) == A && ret_tail_intact(&r, w), CTX_FMT "exchange old", CTX_ARGS);
    CHECK(get(obj, w) == B && guards_intact(&ar, w), CTX_FMT "exchange new", CTX_ARGS);

    /* cmpxchg weak and strong */
    {
        int weak;
        for (weak = 1; weak >= 0; --weak) {
            valbuf_t e;
            int ok = 0, tries;
            const char *k = weak ? "weak" : "strong";
            /* success (a weak one may fail spuriously: then *expected still equals A) */
            for (tries = 0; tries < 1000 && !ok; ++tries) {
                arena_init(&ar, w, A);
                vb(&e, w, A);
                ok = do_cmpxchg(c, weak, obj, &e, B);
                if (!ok) {
                    CHECK(get(e.bytes, w) == A, CTX_FMT "cmpxchg_%s spurious failure changed "
                          "expected", CTX_ARGS, k);
                }
            }
            CHECK(ok == 1, CTX_FMT "cmpxchg_%s success returned %d (succ %d fail %d)", CTX_ARGS, k,
                  ok, c->succ, c->fail);
            CHECK(get(obj, w) == B && guards_intact(&ar, w), CTX_FMT "cmpxchg_%s stored 0x%" PRIx64,
                  CTX_ARGS, k, get(obj, w));
            CHECK(get(e.bytes, w) == A, CTX_FMT "cmpxchg_%s success changed expected", CTX_ARGS,
                  k);
            /* failure: writes the current value to *expected */
            arena_init(&ar, w, A);
            vb(&e, w, C);
            ok = do_cmpxchg(c, weak, obj, &e, B);
            CHECK(ok == 0, CTX_FMT "cmpxchg_%s failure returned %d", CTX_ARGS, k, ok);
            CHECK(get(obj, w) == A && guards_intact(&ar, w), CTX_FMT "cmpxchg_%s failure stored",
                  CTX_ARGS, k);
            CHECK(get(e.bytes, w) == A, CTX_FMT "cmpxchg_%s failure wrote 0x%" PRIx64
                  " to expected, want 0x%" PRIx64, CTX_ARGS, k, get(e.bytes, w), A);
            CHECK(e.bytes[w] == 0x5A, CTX_FMT "cmpxchg_%s wrote past width of expected",
                  CTX_ARGS, k);
        }
    }

    /* bit ops at offsets 0, a middle one and 8w-1 */
    {
        const int offsets[3] = { 0, (int)(4 * w) + 1 < (int)(8 * w) ? (int)(4 * w) + 1 : 1,
                                 (int)(8 * w) - 1 };
        int j;
        for (j = 0; j < 3; ++j) {
            const int off = offsets[j];
            const uint64_t bit = (uint64_t)1 << off;
            int got;

            arena_init(&ar, w, bit);
            got = do_bit(c, 0, obj, off);
            if (got != -1) {
                CHECK(got == 1, CTX_FMT "test(%d) on 0x%" PRIx64 " = %d", CTX_ARGS, off, bit, got);
                arena_init(&ar, w, ~bit & m);
                got = do_bit(c, 0, obj, off);
                CHECK(got == 0, CTX_FMT "test(%d) on 0x%" PRIx64 " = %d", CTX_ARGS, off,
                      ~bit & m, got);
                CHECK(get(obj, w) == (~bit & m), CTX_FMT "test modified memory", CTX_ARGS);
            }

            arena_init(&ar, w, 0);
            got = do_bit(c, 1, obj, off);
            CHECK(got == 0 && get(obj, w) == bit, CTX_FMT "test_compl(%d) 0 -> %d, 0x%" PRIx64,
                  CTX_ARGS, off, got, get(obj, w));
            got = do_bit(c, 1, obj, off);
            CHECK(got == 1 && get(obj, w) == 0, CTX_FMT "test_compl(%d) again -> %d, 0x%" PRIx64,
                  CTX_ARGS, off, got, get(obj, w));

            arena_init(&ar, w, A & ~bit);
            got = do_bit(c, 2, obj, off);
            CHECK(got == 0 && get(obj, w) == ((A & ~bit) | bit), CTX_FMT "test_set(%d) -> %d",
                  CTX_ARGS, off, got);
            got = do_bit(c, 2, obj, off);
            CHECK(got == 1 && get(obj, w) == ((A & ~bit) | bit), CTX_FMT "test_set(%d) again -> %d",
                  CTX_ARGS, off, got);

            arena_init(&ar, w, m);
            got = do_bit(c, 3, obj, off);
            CHECK(got == 1 && get(obj, w) == (m & ~bit), CTX_FMT "test_reset(%d) -> %d", CTX_ARGS,
                  off, got);
            got = do_bit(c, 3, obj, off);
            CHECK(got == 0 && get(obj, w) == (m & ~bit), CTX_FMT "test_reset(%d) again -> %d",
                  CTX_ARGS, off, got);
            CHECK(guards_intact(&ar, w), CTX_FMT "bit ops touched guard bytes", CTX_ARGS);
        }
    }

    /* binary and arithmetic ops, void and fetch forms, including wraparound */
    {
        static const struct {
            int op;
            int start; /* 0: A, 1: all ones, 2: zero, 3: one, 4: high bit */
            int arg;   /* 0: B, 1: one, 2: all ones */
        } cases[] = {
            { OP_OR, 0, 0 },  { OP_XOR, 0, 0 }, { OP_AND, 0, 0 }, { OP_XOR, 1, 2 },
            { OP_ADD, 0, 0 }, { OP_ADD, 1, 1 }, { OP_ADD, 1, 2 }, { OP_SUB, 0, 0 },
            { OP_SUB, 2, 1 }, { OP_SUB, 2, 2 }, { OP_NOT, 0, 0 }, { OP_NOT, 2, 0 },
            { OP_INC, 0, 0 }, { OP_INC, 1, 0 }, { OP_DEC, 0, 0 }, { OP_DEC, 2, 0 },
            { OP_NEG, 0, 0 }, { OP_NEG, 2, 0 }, { OP_NEG, 3, 0 }, { OP_NEG, 4, 0 },
            { OP_NEG, 1, 0 },
        };
        size_t k;
        for (k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
            const uint64_t starts[5] = { A, m, 0, 1, hi };
            const uint64_t args[3] = { B, 1, m };
            const int op = cases[k].op;
            const uint64_t v0 = starts[cases[k].start];
            const uint64_t a = takes_arg(op) ? args[cases[k].arg] : 0;
            const uint64_t want = model(op, v0, a, m);
            int fetch;
            for (fetch = 0; fetch <= 1; ++fetch) {
                arena_init(&ar, w, v0);
                do_op(c, op, fetch, obj, a, &r);
                CHECK(get(obj, w) == want && guards_intact(&ar, w),
                      CTX_FMT "%s%s(0x%" PRIx64 ", 0x%" PRIx64 ") left 0x%" PRIx64
                      ", want 0x%" PRIx64, CTX_ARGS, fetch ? "fetch_" : "", op_names[op], v0, a,
                      get(obj, w), want);
                if (fetch) {
                    CHECK(get(r.bytes, w) == v0 && ret_tail_intact(&r, w),
                          CTX_FMT "fetch_%s returned 0x%" PRIx64 ", want 0x%" PRIx64, CTX_ARGS,
                          op_names[op], get(r.bytes, w), v0);
                } else {
                    CHECK(ret_tail_intact(&r, 0), CTX_FMT "%s wrote a result", CTX_ARGS,
                          op_names[op]);
                }
            }
        }
    }
}

static void check_functional(void)
{
    static const size_t widths[] = { 1, 2, 4, 8 };
    size_t wi;
    for (wi = 0; wi < sizeof widths / sizeof widths[0]; ++wi) {
        const size_t w = widths[wi];
        const patomic_explicit_t e =
            patomic_create_explicit(w, patomic_option_NONE, patomic_kind_ALL, patomic_id_ALL);
        int o, f;
        if (e.ops.fp_store == NULL) {
            CHECK(0, "explicit width %zu unsupported: no functional test", w);
            continue;
        }
        for (o = 0; o <= 5; ++o) {
            ctx_t c;
            memset(&c, 0, sizeof c);
            c.kind = "explicit";
            c.width = w;
            c.order = o;
            c.succ = o;
            c.fail = patomic_cmpxchg_fail_order(o);
            c.e = &e.ops;
            smoke(&c);
            /* every other valid (succ, fail) pair for the cmpxchg part */
            for (f = 0; f <= 5; ++f) {
                if (patomic_is_valid_fail_order(o, f) && f != c.fail) {
                    c.fail = f;
                    smoke(&c);
                }
            }
        }
        for (o = 0; o <= 5; ++o) {
            const patomic_t t = patomic_create(w, (patomic_memory_order_t)o, patomic_option_NONE,
                                               patomic_kind_ALL, patomic_id_ALL);
            ctx_t c;
            if (t.ops.xchg_ops.fp_exchange == NULL) {
                CHECK(0, "implicit width %zu %s unsupported: no functional test", w, oname(o));
                continue;
            }
            memset(&c, 0, sizeof c);
            c.kind = "implicit";
            c.width = w;
            c.order = o;
            c.i = &t.ops;
            smoke(&c);
        }
    }
}

int main(void)
{
    detect16();
    check_versions();
    check_orders();
    check_layout();
    check_transaction_layout();
    check_align_helpers();
    check_shapes();
    check_filters();
    check_combine();
    check_feature_checks();
    check_transactions_ids_status();
    check_aborts();
    check_functional();

    if (failed > MAX_SHOWN) {
        printf("(%lu more failures not shown)\n", failed - MAX_SHOWN);
    }
    printf("abi_check (patomic %s): %lu passed, %lu failed\n", patomic_version_string(), passed,
           failed);
    return failed == 0 ? 0 : 1;
}
