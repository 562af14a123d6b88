/*
 * atomics-core: ABI check of a libpatomic (the bundled one, or any patomic 1.x build).
 *
 * Link with -lpatomic. Checks the version functions, the memory order helpers, the alignment
 * helpers, the struct layouts, the shape of the explicit and implicit ops tables for several widths
 * and orders, the kinds/ids filters, and runs every operation of every supported width through both
 * kinds of table. Prints every failed check, then "N passed, M failed"; exits 1 if M > 0.
 */
#include <patomic/patomic.h>

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

static int supported_width(size_t w)
{
    return w == 1 || w == 2 || w == 4 || w == 8;
}

static void check_shapes(void)
{
    static const size_t widths[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 32, 64 };
    static const size_t implicit_counts[6] = { 27, 26, 26, 25, 24, 27 };
    size_t i;
    int slots[27];

    for (i = 0; i < sizeof widths / sizeof widths[0]; ++i) {
        const size_t w = widths[i];
        const int sup = supported_width(w);
        int o;
        {
            const patomic_explicit_t t =
                patomic_create_explicit(w, patomic_option_NONE, patomic_kind_ALL, patomic_id_ALL);
            const size_t n = count_non_null(&t.ops, slots);
            CHECK(n == (sup ? 27u : 0u), "explicit width %zu: %zu non-NULL", w, n);
            if (sup) {
                check_align_value(&t.align, w, w, 0, "explicit", w, -1);
            } else {
                check_align_value(&t.align, 1, 1, 0, "explicit", w, -1);
            }
        }
        for (o = 0; o <= 5; ++o) {
            const patomic_t t = patomic_create(w, (patomic_memory_order_t)o, patomic_option_NONE,
                                               patomic_kind_ALL, patomic_id_ALL);
            const size_t n = count_non_null(&t.ops, slots);
            if (!sup) {
                CHECK(n == 0, "implicit width %zu %s: %zu non-NULL", w, oname(o), n);
                check_align_value(&t.align, 1, 1, 0, "implicit", w, o);
                continue;
            }
            CHECK(n == implicit_counts[o], "implicit width %zu %s: %zu non-NULL, want %zu", w,
                  oname(o), n, implicit_counts[o]);
            check_align_value(&t.align, w, w, 0, "implicit", w, o);
            CHECK(slots[0] == expect_store(o), "implicit width %zu %s: store slot %s", w, oname(o),
                  slots[0] ? "set" : "NULL");
            CHECK(slots[1] == expect_load(o), "implicit width %zu %s: load slot %s", w, oname(o),
                  slots[1] ? "set" : "NULL");
            CHECK(slots[5] == expect_load(o), "implicit width %zu %s: test slot %s", w, oname(o),
                  slots[5] ? "set" : "NULL");
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
        if (sup) {
            /* an order outside 0..5: an all-NULL table, no crash */
            static const int bad_orders[] = { -1, 6, 42 };
            size_t b;
            for (b = 0; b < sizeof bad_orders / sizeof bad_orders[0]; ++b) {
                const patomic_t t = patomic_create(w, (patomic_memory_order_t)bad_orders[b],
                                                   patomic_option_NONE, patomic_kind_ALL,
                                                   patomic_id_ALL);
                CHECK(count_non_null(&t.ops, slots) == 0, "implicit width %zu, order %d", w,
                      bad_orders[b]);
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
    check_versions();
    check_orders();
    check_layout();
    check_align_helpers();
    check_shapes();
    check_filters();
    check_functional();

    if (failed > MAX_SHOWN) {
        printf("(%lu more failures not shown)\n", failed - MAX_SHOWN);
    }
    printf("abi_check (patomic %s): %lu passed, %lu failed\n", patomic_version_string(), passed,
           failed);
    return failed == 0 ? 0 : 1;
}
