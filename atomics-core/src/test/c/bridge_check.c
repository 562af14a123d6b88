/*
 * atomics-core: check of the JNA call bridge, driven the way Java drives it.
 *
 * Usage: bridge_check <path of libatomics_bridge> <path of libpatomic>
 * Loads the bridge first and on its own (RTLD_NOW | RTLD_LOCAL: it must not need libpatomic),
 * then libpatomic, takes function pointers from libpatomic's explicit tables and calls them
 * through the bridge with int64_t addresses and values only. Prints every failed check, then
 * "N passed, M failed"; exits 1 if M > 0.
 */
#define _POSIX_C_SOURCE 200809L

#include <patomic/patomic.h>

#include <dlfcn.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned long passed;
static unsigned long failed;

#define CHECK(cond, ...)                                                                         \
    do {                                                                                         \
        if (cond) {                                                                              \
            ++passed;                                                                            \
        } else {                                                                                 \
            ++failed;                                                                            \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                               \
            printf(__VA_ARGS__);                                                                 \
            printf("\n");                                                                        \
        }                                                                                        \
    } while (0)

/* the bridge's exported functions */
static int64_t (*p_load)(int64_t, int64_t);
static void (*p_store)(int64_t, int64_t, int64_t);
static int64_t (*p_exchange)(int64_t, int64_t, int64_t);
static int64_t (*p_cmpxchg)(int64_t, int64_t, int64_t, int64_t);
static int32_t (*p_bit)(int64_t, int64_t, int32_t);
static int64_t (*p_fetch)(int64_t, int64_t, int64_t);
static int64_t (*p_fetch_noarg)(int64_t, int64_t);
static void (*p_void)(int64_t, int64_t, int64_t);
static void (*p_void_noarg)(int64_t, int64_t);
static int32_t (*p_op_size)(void);
/* values by address */
static void (*p_load_ref)(int64_t, int64_t, int64_t);
static void (*p_store_ref)(int64_t, int64_t, int64_t);
static void (*p_exchange_ref)(int64_t, int64_t, int64_t, int64_t);
static int32_t (*p_cmpxchg_ref)(int64_t, int64_t, int64_t, int64_t);
static void (*p_fetch_ref)(int64_t, int64_t, int64_t, int64_t);
static void (*p_fetch_noarg_ref)(int64_t, int64_t, int64_t);
static void (*p_void_ref)(int64_t, int64_t, int64_t);

/* The bridge's operation descriptor, as Java writes it (its size is checked against the bridge's). The
 * wrappers build one on the stack so the checks below keep the arguments spelled out. */
typedef struct { int64_t fn; int32_t width; int32_t order; int32_t fail; int32_t reserved; } op_t;
#define OP(f, w, ord, fl) op_t d = {(f), (w), (ord), (fl), 0}
static int64_t b_load(int64_t f, int64_t o, int32_t w, int32_t ord) { OP(f, w, ord, 0); return p_load((int64_t)(intptr_t)&d, o); }
static void b_store(int64_t f, int64_t o, int64_t v, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_store((int64_t)(intptr_t)&d, o, v); }
static int64_t b_exchange(int64_t f, int64_t o, int64_t v, int32_t w, int32_t ord) { OP(f, w, ord, 0); return p_exchange((int64_t)(intptr_t)&d, o, v); }
static int64_t b_cmpxchg(int64_t f, int64_t o, int64_t e, int64_t n, int32_t w, int32_t s, int32_t fl) { OP(f, w, s, fl); return p_cmpxchg((int64_t)(intptr_t)&d, o, e, n); }
static int32_t b_bit(int64_t f, int64_t o, int32_t off, int32_t ord) { OP(f, 0, ord, 0); return p_bit((int64_t)(intptr_t)&d, o, off); }
static int64_t b_fetch(int64_t f, int64_t o, int64_t a, int32_t w, int32_t ord) { OP(f, w, ord, 0); return p_fetch((int64_t)(intptr_t)&d, o, a); }
static int64_t b_fetch_noarg(int64_t f, int64_t o, int32_t w, int32_t ord) { OP(f, w, ord, 0); return p_fetch_noarg((int64_t)(intptr_t)&d, o); }
static void b_void(int64_t f, int64_t o, int64_t a, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_void((int64_t)(intptr_t)&d, o, a); }
static void b_void_noarg(int64_t f, int64_t o, int32_t ord) { OP(f, 0, ord, 0); p_void_noarg((int64_t)(intptr_t)&d, o); }
#define A(p) ((int64_t)(intptr_t)(p))
static void r_load(int64_t f, void *o, void *ret, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_load_ref(A(&d), A(o), A(ret)); }
static void r_store(int64_t f, void *o, const void *v, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_store_ref(A(&d), A(o), A(v)); }
static void r_exchange(int64_t f, void *o, const void *v, void *ret, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_exchange_ref(A(&d), A(o), A(v), A(ret)); }
static int32_t r_cmpxchg(int64_t f, void *o, void *e, const void *n, int32_t w, int32_t s, int32_t fl) { OP(f, w, s, fl); return p_cmpxchg_ref(A(&d), A(o), A(e), A(n)); }
static void r_fetch(int64_t f, void *o, const void *a, void *ret, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_fetch_ref(A(&d), A(o), A(a), A(ret)); }
static void r_fetch_noarg(int64_t f, void *o, void *ret, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_fetch_noarg_ref(A(&d), A(o), A(ret)); }
static void r_void(int64_t f, void *o, const void *a, int32_t w, int32_t ord) { OP(f, w, ord, 0); p_void_ref(A(&d), A(o), A(a)); }
static int32_t (*b_create_explicit)(int64_t, int64_t, int64_t);
static void (*b_noop)(int64_t);
static int32_t (*b_explicit_table_size)(void);

typedef patomic_explicit_t (*create_explicit_fn)(size_t, unsigned int, unsigned int,
                                                 unsigned long);

static void *sym(void *lib, const char *name)
{
    void *p = dlsym(lib, name);
    CHECK(p != NULL, "missing symbol %s", name);
    return p;
}

#define BIND(var, name) *(void **)(&(var)) = sym(bridge, name)

/* function pointer and address as Java holds them */
#define FN(f) ((int64_t)(intptr_t)(f))
#define ADDR(p) ((int64_t)(intptr_t)(p))

/* ---- values by address: the *_ref entry points -------------------------------------------- */

/* A result/operand buffer at an odd address with fill bytes around the value: the bridge must
 * pass the caller's addresses through and the callee write exactly `width` bytes. */
typedef struct {
    unsigned char raw[40];
} rbuf_t;
#define RB_OFF 5
#define RB_FILL 0x3Cu
static void *rb(rbuf_t *b, const void *v, size_t w)
{
    memset(b->raw, RB_FILL, sizeof b->raw);
    if (v) {
        memcpy(b->raw + RB_OFF, v, w);
    }
    return b->raw + RB_OFF;
}
static int rb_is(const rbuf_t *b, const void *v, size_t w)
{
    size_t k;
    for (k = 0; k < sizeof b->raw; ++k) {
        if ((k < RB_OFF || k >= RB_OFF + w) && b->raw[k] != RB_FILL) {
            return 0;
        }
    }
    return v == NULL || memcmp(b->raw + RB_OFF, v, w) == 0;
}

/* widths 1, 4, 8 through the _ref entry points: the same semantics as the int64_t ones */
static void check_ref_small(patomic_explicit_t t1, patomic_explicit_t t4, patomic_explicit_t t8)
{
    const int SEQ = patomic_SEQ_CST, ACQ = patomic_ACQUIRE, RLX = patomic_RELAXED;
    rbuf_t a, r;
    {
        static union { uint64_t al; uint8_t b[8]; } m;
        uint8_t *o = &m.b[3];
        const uint8_t v = 0xF0, one = 1;
        uint8_t want;
        memset(m.b, 0x11, sizeof m.b);
        r_store(FN(t1.ops.fp_store), o, rb(&a, &v, 1), 1, SEQ);
        CHECK(*o == 0xF0, "width 1 store_ref: %u", *o);
        r_load(FN(t1.ops.fp_load), o, rb(&r, NULL, 0), 1, ACQ);
        CHECK(rb_is(&r, &v, 1), "width 1 load_ref");
        r_fetch(FN(t1.ops.arithmetic_ops.fp_fetch_add), o, rb(&a, &one, 1), rb(&r, NULL, 0), 1, SEQ);
        CHECK(rb_is(&r, &v, 1) && *o == 0xF1, "width 1 fetch_add_ref: now %u", *o);
        want = 0xF1;
        CHECK(r_cmpxchg(FN(t1.ops.xchg_ops.fp_cmpxchg_strong), o, rb(&r, &v, 1), rb(&a, &one, 1), 1,
                        SEQ, SEQ) == 0 &&
                  rb_is(&r, &want, 1) && *o == 0xF1,
              "width 1 cmpxchg_ref failure writes the witness");
        CHECK(m.b[2] == 0x11 && m.b[4] == 0x11, "width 1 _ref touched neighbours");
    }
    {
        static uint32_t x;
        uint32_t v = 0xFFFFFFFFu, one = 1, old;
        x = v;
        r_fetch_noarg(FN(t4.ops.arithmetic_ops.fp_fetch_inc), &x, rb(&r, NULL, 0), 4, RLX);
        memcpy(&old, r.raw + RB_OFF, 4);
        CHECK(old == v && x == 0 && rb_is(&r, NULL, 4), "width 4 fetch_inc_ref wraps");
        r_void(FN(t4.ops.arithmetic_ops.fp_sub), &x, rb(&a, &one, 4), 4, SEQ);
        CHECK(x == 0xFFFFFFFFu, "width 4 sub_ref: %u", x);
    }
    {
        static uint64_t q;
        const uint64_t v = UINT64_C(0x8000000000000001), n = 7;
        int k, ok = 0;
        q = v;
        r_exchange(FN(t8.ops.xchg_ops.fp_exchange), &q, rb(&a, &n, 8), rb(&r, NULL, 0), 8, SEQ);
        CHECK(rb_is(&r, &v, 8) && q == 7, "width 8 exchange_ref");
        for (k = 0; k < 1000; ++k) { /* weak: the bridge retries spurious failures */
            uint64_t cur = q, next = cur + 1;
            ok += r_cmpxchg(FN(t8.ops.xchg_ops.fp_cmpxchg_weak), &q, rb(&r, &cur, 8),
                            rb(&a, &next, 8), 8, SEQ, RLX);
        }
        CHECK(ok == 1000 && q == 1007, "width 8 weak cmpxchg_ref loop: %d successes, %" PRIu64, ok,
              q);
    }
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;
#define U128(hi, lo) (((u128)(uint64_t)(hi) << 64) | (u128)(uint64_t)(lo))
#endif

/* width 16: only through _ref (and bit/void_noarg, which carry no values) */
static void check_ref_16(const patomic_explicit_t *t)
{
#if defined(__SIZEOF_INT128__)
    const int SEQ = patomic_SEQ_CST, ACQ = patomic_ACQUIRE, REL = patomic_RELEASE,
              ARL = patomic_ACQ_REL, RLX = patomic_RELAXED;
    static union {
        u128 al[3];
        unsigned char b[48];
    } m;
    void *o = m.b + 16;
    rbuf_t a, r;
    u128 x, want, v;
    int k;
#define OBJ16() (memcpy(&x, o, 16), x)
#define SET16(val) (v = (val), memcpy(o, &v, 16))
#define GUARDS16() (m.b[15] == 0x77 && m.b[32] == 0x77 && m.b[0] == 0x77 && m.b[47] == 0x77)

    if (t->ops.xchg_ops.fp_cmpxchg_strong == NULL) {
        printf("width 16: no 16-byte CAS on this CPU, _ref checks at width 16 skipped\n");
        return;
    }
    memset(m.b, 0x77, sizeof m.b);
    printf("width 16: load slot %s\n", t->ops.fp_load ? "present" : "NULL");

    v = U128(0x0123456789ABCDEFu, 0xFEDCBA9876543210u);
    r_store(FN(t->ops.fp_store), o, rb(&a, &v, 16), 16, REL);
    CHECK(OBJ16() == v && GUARDS16(), "width 16 store_ref");
    if (t->ops.fp_load) {
        r_load(FN(t->ops.fp_load), o, rb(&r, NULL, 0), 16, ACQ);
        CHECK(rb_is(&r, &v, 16), "width 16 load_ref");
        CHECK(b_bit(FN(t->ops.bitwise_ops.fp_test), ADDR(o), 64, SEQ) == 1 &&
                  b_bit(FN(t->ops.bitwise_ops.fp_test), ADDR(o), 127, SEQ) == 0,
              "width 16 test through atomics_bridge_bit");
    }

    /* exchange */
    want = ~(u128)0;
    r_exchange(FN(t->ops.xchg_ops.fp_exchange), o, rb(&a, &want, 16), rb(&r, NULL, 0), 16, ARL);
    CHECK(rb_is(&r, &v, 16) && OBJ16() == want && GUARDS16(), "width 16 exchange_ref");

    /* cmpxchg: success, then failures that differ in one half only */
    {
        const u128 cur = ~(u128)0, next = U128(1, 0);
        u128 wrong = cur ^ ((u128)1 << 100);
        CHECK(r_cmpxchg(FN(t->ops.xchg_ops.fp_cmpxchg_strong), o, rb(&r, &cur, 16),
                        rb(&a, &next, 16), 16, SEQ, SEQ) == 1 &&
                  rb_is(&r, &cur, 16) && OBJ16() == next,
              "width 16 cmpxchg_ref success");
        CHECK(r_cmpxchg(FN(t->ops.xchg_ops.fp_cmpxchg_weak), o, rb(&r, &wrong, 16),
                        rb(&a, &cur, 16), 16, ARL, ACQ) == 0 &&
                  rb_is(&r, &next, 16) && OBJ16() == next,
              "width 16 weak cmpxchg_ref failure (high half differs) writes the witness");
        wrong = next ^ 1;
        CHECK(r_cmpxchg(FN(t->ops.xchg_ops.fp_cmpxchg_strong), o, rb(&r, &wrong, 16),
                        rb(&a, &cur, 16), 16, RLX, RLX) == 0 &&
                  rb_is(&r, &next, 16) && OBJ16() == next,
              "width 16 cmpxchg_ref failure (low half differs)");
    }

    /* arithmetic across the halves */
    SET16(U128(0, UINT64_MAX));
    want = 1;
    r_fetch(FN(t->ops.arithmetic_ops.fp_fetch_add), o, rb(&a, &want, 16), rb(&r, NULL, 0), 16, SEQ);
    want = U128(0, UINT64_MAX);
    CHECK(rb_is(&r, &want, 16) && OBJ16() == U128(1, 0), "width 16 fetch_add_ref carries");
    want = 2;
    r_void(FN(t->ops.arithmetic_ops.fp_sub), o, rb(&a, &want, 16), 16, SEQ);
    CHECK(OBJ16() == U128(0, UINT64_MAX - 1), "width 16 sub_ref borrows");
    r_fetch_noarg(FN(t->ops.arithmetic_ops.fp_fetch_neg), o, rb(&r, NULL, 0), 16, SEQ);
    want = U128(0, UINT64_MAX - 1);
    CHECK(rb_is(&r, &want, 16) && OBJ16() == (u128)0 - want, "width 16 fetch_neg_ref");
    SET16(~(u128)0);
    b_void_noarg(FN(t->ops.arithmetic_ops.fp_inc), ADDR(o), SEQ);
    CHECK(OBJ16() == 0, "width 16 inc wraps to 0 through atomics_bridge_void_noarg");
    want = U128(0xF0, 0x0F);
    r_fetch(FN(t->ops.binary_ops.fp_fetch_or), o, rb(&a, &want, 16), rb(&r, NULL, 0), 16, RLX);
    x = 0;
    CHECK(rb_is(&r, &x, 16) && OBJ16() == want, "width 16 fetch_or_ref");
    r_fetch_noarg(FN(t->ops.binary_ops.fp_fetch_not), o, rb(&r, NULL, 0), 16, SEQ);
    CHECK(rb_is(&r, &want, 16) && OBJ16() == ~want, "width 16 fetch_not_ref");

    /* bits through atomics_bridge_bit */
    SET16(0);
    CHECK(b_bit(FN(t->ops.bitwise_ops.fp_test_set), ADDR(o), 127, SEQ) == 0 &&
              OBJ16() == (u128)1 << 127,
          "width 16 test_set(127)");
    CHECK(b_bit(FN(t->ops.bitwise_ops.fp_test_compl), ADDR(o), 64, ARL) == 0 &&
              OBJ16() == (((u128)1 << 127) | ((u128)1 << 64)),
          "width 16 test_compl(64)");
    CHECK(b_bit(FN(t->ops.bitwise_ops.fp_test_reset), ADDR(o), 127, REL) == 1 &&
              OBJ16() == (u128)1 << 64,
          "width 16 test_reset(127)");

    /* a weak CAS increment loop through the bridge, starting from a wrong guess each time */
    SET16(U128(0, UINT64_MAX - 500));
    for (k = 0; k < 1000; ++k) {
        u128 cur = 0, next;
        for (;;) {
            next = cur + 1;
            rb(&r, &cur, 16);
            if (r_cmpxchg(FN(t->ops.xchg_ops.fp_cmpxchg_weak), o, r.raw + RB_OFF,
                          rb(&a, &next, 16), 16, ARL, ACQ)) {
                break;
            }
            memcpy(&cur, r.raw + RB_OFF, 16);
        }
    }
    CHECK(OBJ16() == U128(1, 499), "width 16 weak cmpxchg_ref loop");
    CHECK(GUARDS16(), "width 16 touched guard bytes");
#undef OBJ16
#undef SET16
#undef GUARDS16
#else
    (void)t;
#endif
}

static int run(void *bridge, void *patomic)
{
    create_explicit_fn create;
    patomic_explicit_t t1, t2, t4, t8;
    const int SEQ = patomic_SEQ_CST, RLX = patomic_RELAXED, ACQ = patomic_ACQUIRE,
              REL = patomic_RELEASE, ARL = patomic_ACQ_REL;

    BIND(p_load, "atomics_bridge_load");
    BIND(p_store, "atomics_bridge_store");
    BIND(p_exchange, "atomics_bridge_exchange");
    BIND(p_cmpxchg, "atomics_bridge_cmpxchg");
    BIND(p_bit, "atomics_bridge_bit");
    BIND(p_fetch, "atomics_bridge_fetch");
    BIND(p_fetch_noarg, "atomics_bridge_fetch_noarg");
    BIND(p_void, "atomics_bridge_void");
    BIND(p_void_noarg, "atomics_bridge_void_noarg");
    BIND(p_op_size, "atomics_bridge_op_size");
    BIND(p_load_ref, "atomics_bridge_load_ref");
    BIND(p_store_ref, "atomics_bridge_store_ref");
    BIND(p_exchange_ref, "atomics_bridge_exchange_ref");
    BIND(p_cmpxchg_ref, "atomics_bridge_cmpxchg_ref");
    BIND(p_fetch_ref, "atomics_bridge_fetch_ref");
    BIND(p_fetch_noarg_ref, "atomics_bridge_fetch_noarg_ref");
    BIND(p_void_ref, "atomics_bridge_void_ref");
    BIND(b_create_explicit, "atomics_bridge_create_explicit");
    BIND(b_noop, "atomics_bridge_noop");
    BIND(b_explicit_table_size, "atomics_bridge_explicit_table_size");
    *(void **)(&create) = dlsym(patomic, "patomic_create_explicit");
    CHECK(create != NULL, "libpatomic has no patomic_create_explicit");
    if (failed) {
        return 1;
    }
    CHECK(dlsym(bridge, "patomic_create_explicit") == NULL ||
              dlsym(bridge, "patomic_create_explicit") == (void *)create,
          "the bridge must not define patomic symbols itself");

    /* ---- layout and create_explicit ----------------------------------------------------- */
    CHECK(p_op_size() == (int32_t)sizeof(op_t) && p_op_size() == 24, "op descriptor size %d", p_op_size());
    CHECK(b_explicit_table_size() == (int32_t)sizeof(patomic_explicit_t), "table size %d",
          b_explicit_table_size());
    if (sizeof(void *) == 8) {
        CHECK(b_explicit_table_size() == 240, "LP64 table size %d", b_explicit_table_size());
    }
    {
        unsigned char out[512];
        const patomic_explicit_t direct = create(4, 0, patomic_kind_ALL, patomic_id_ALL);
        int32_t n;
        memset(out, 0xEE, sizeof out);
        n = b_create_explicit(FN(create), 4, ADDR(out));
        CHECK(n == (int32_t)sizeof(patomic_explicit_t), "create_explicit returned %d", n);
        CHECK(memcmp(out, &direct, sizeof direct) == 0, "create_explicit copy differs");
        CHECK(out[sizeof direct] == 0xEE, "create_explicit wrote past the table");

        memset(out, 0xEE, sizeof out);
        n = b_create_explicit(FN(create), 3, ADDR(out));
        {
            patomic_explicit_t t3;
            int k, nulls = 1;
            void (*fp[27])(void);
            memcpy(&t3, out, sizeof t3);
            memcpy(fp, &t3.ops, sizeof fp);
            for (k = 0; k < 27; ++k) {
                nulls &= fp[k] == NULL;
            }
            CHECK(n == (int32_t)sizeof(patomic_explicit_t) && nulls, "width 3: all NULL");
            CHECK(t3.align.recommended == 1 && t3.align.minimum == 1 && t3.align.size_within == 0,
                  "width 3 align %zu/%zu/%zu", t3.align.recommended, t3.align.minimum,
                  t3.align.size_within);
        }
    }
    {
        unsigned char out[sizeof(patomic_explicit_t)];
        b_create_explicit(FN(create), 1, ADDR(out));
        memcpy(&t1, out, sizeof t1);
        b_create_explicit(FN(create), 2, ADDR(out));
        memcpy(&t2, out, sizeof t2);
        b_create_explicit(FN(create), 4, ADDR(out));
        memcpy(&t4, out, sizeof t4);
        b_create_explicit(FN(create), 8, ADDR(out));
        memcpy(&t8, out, sizeof t8);
    }
    if (t1.ops.fp_load == NULL || t2.ops.fp_load == NULL || t4.ops.fp_load == NULL ||
        t8.ops.fp_load == NULL) {
        CHECK(0, "libpatomic does not support widths 1, 2, 4 and 8");
        return 1;
    }

    b_noop(42);

    /* ---- width 1 ------------------------------------------------------------------------ */
    {
        static union { uint64_t a; uint8_t b[8]; } m; /* object at b[1], guards around it */
        uint8_t *o = &m.b[1];
        int64_t r;
        memset(m.b, 0x11, sizeof m.b);

        *o = 255;
        r = b_fetch(FN(t1.ops.arithmetic_ops.fp_fetch_add), ADDR(o), 1, 1, SEQ);
        CHECK(r == 255 && *o == 0, "fetch_add 255+1: returned %" PRId64 ", now %u", r, *o);
        r = b_fetch_noarg(FN(t1.ops.arithmetic_ops.fp_fetch_dec), ADDR(o), 1, ACQ);
        CHECK(r == 0 && *o == 255, "fetch_dec 0-1: returned %" PRId64 ", now %u", r, *o);

        *o = 0xF0;
        r = b_load(FN(t1.ops.fp_load), ADDR(o), 1, ACQ);
        CHECK(r == 0xF0, "load zero-extends: %" PRId64, r);

        b_store(FN(t1.ops.fp_store), ADDR(o), 0x1FF, 1, REL);
        CHECK(*o == 0xFF, "store truncates: %u", *o);
        b_store(FN(t1.ops.fp_store), ADDR(o), -2, 1, RLX);
        CHECK(*o == 0xFE, "store -2: %u", *o);

        r = b_exchange(FN(t1.ops.xchg_ops.fp_exchange), ADDR(o), 7, 1, ARL);
        CHECK(r == 0xFE && *o == 7, "exchange: returned %" PRId64 ", now %u", r, *o);

        /* cmpxchg: returns the witness; success iff witness == expected (masked) */
        *o = 5;
        r = b_cmpxchg(FN(t1.ops.xchg_ops.fp_cmpxchg_strong), ADDR(o), 7, 9, 1, SEQ, SEQ);
        CHECK(r == 5 && *o == 5, "strong failure: witness %" PRId64 ", now %u", r, *o);
        r = b_cmpxchg(FN(t1.ops.xchg_ops.fp_cmpxchg_strong), ADDR(o), 5, 9, 1, SEQ, SEQ);
        CHECK(r == 5 && *o == 9, "strong success: witness %" PRId64 ", now %u", r, *o);
        r = b_cmpxchg(FN(t1.ops.xchg_ops.fp_cmpxchg_weak), ADDR(o), 0x109, 0x1FE, 1, ARL, ACQ);
        CHECK(r == 9 && *o == 0xFE, "weak success with masked args: witness %" PRId64 ", now %u",
              r, *o);
        r = b_cmpxchg(FN(t1.ops.xchg_ops.fp_cmpxchg_weak), ADDR(o), 1, 2, 1, REL, RLX);
        CHECK(r == 0xFE && *o == 0xFE, "weak failure: witness %" PRId64 ", now %u", r, *o);

        /* bits */
        *o = 0;
        CHECK(b_bit(FN(t1.ops.bitwise_ops.fp_test_set), ADDR(o), 7, SEQ) == 0 && *o == 0x80,
              "test_set(7) on 0: now 0x%x", *o);
        CHECK(b_bit(FN(t1.ops.bitwise_ops.fp_test), ADDR(o), 7, ACQ) == 1, "test(7)");
        CHECK(b_bit(FN(t1.ops.bitwise_ops.fp_test), ADDR(o), 0, ACQ) == 0, "test(0)");
        CHECK(b_bit(FN(t1.ops.bitwise_ops.fp_test_compl), ADDR(o), 0, RLX) == 0 && *o == 0x81,
              "test_compl(0): now 0x%x", *o);
        CHECK(b_bit(FN(t1.ops.bitwise_ops.fp_test_reset), ADDR(o), 7, REL) == 1 && *o == 0x01,
              "test_reset(7): now 0x%x", *o);

        /* void forms */
        b_void(FN(t1.ops.binary_ops.fp_or), ADDR(o), 0x30, 1, SEQ);
        CHECK(*o == 0x31, "or: 0x%x", *o);
        b_void_noarg(FN(t1.ops.binary_ops.fp_not), ADDR(o), SEQ);
        CHECK(*o == 0xCE, "not: 0x%x", *o);
        b_void(FN(t1.ops.arithmetic_ops.fp_add), ADDR(o), 0x40, 1, RLX);
        CHECK(*o == 0x0E, "add wraps: 0x%x", *o);

        CHECK(m.b[0] == 0x11 && m.b[2] == 0x11 && m.b[7] == 0x11, "width 1 touched neighbours");
    }

    /* ---- width 2 and 4 ------------------------------------------------------------------ */
    {
        static uint16_t h;
        static uint32_t wd;
        int64_t r;
        h = 0x8001;
        r = b_fetch(FN(t2.ops.binary_ops.fp_fetch_xor), ADDR(&h), 0xFFFF, 2, SEQ);
        CHECK(r == 0x8001 && h == 0x7FFE, "u16 fetch_xor: %" PRId64 ", now 0x%x", r, h);
        r = b_fetch_noarg(FN(t2.ops.arithmetic_ops.fp_fetch_neg), ADDR(&h), 2, SEQ);
        CHECK(r == 0x7FFE && h == 0x8002, "u16 fetch_neg: %" PRId64 ", now 0x%x", r, h);
        r = b_load(FN(t2.ops.fp_load), ADDR(&h), 2, SEQ);
        CHECK(r == 0x8002, "u16 load zero-extends: %" PRId64, r);

        wd = 0xFFFFFFFFu;
        r = b_fetch_noarg(FN(t4.ops.arithmetic_ops.fp_fetch_inc), ADDR(&wd), 4, SEQ);
        CHECK(r == 0xFFFFFFFFll && wd == 0, "u32 fetch_inc wraps: %" PRId64 ", now %u", r, wd);
        r = b_fetch(FN(t4.ops.arithmetic_ops.fp_fetch_sub), ADDR(&wd), 1, 4, SEQ);
        CHECK(r == 0 && wd == 0xFFFFFFFFu, "u32 fetch_sub wraps: %" PRId64 ", now %u", r, wd);
        r = b_exchange(FN(t4.ops.xchg_ops.fp_exchange), ADDR(&wd), INT64_C(0x123456789), 4, SEQ);
        CHECK(r == 0xFFFFFFFFll && wd == 0x23456789u, "u32 exchange truncates: now 0x%x", wd);
        CHECK(b_bit(FN(t4.ops.bitwise_ops.fp_test_compl), ADDR(&wd), 31, SEQ) == 0 &&
                  wd == 0xA3456789u,
              "u32 test_compl(31): now 0x%x", wd);
    }

    /* ---- width 8 ------------------------------------------------------------------------ */
    {
        static uint64_t q;
        int64_t r;
        q = 1;
        r = b_fetch_noarg(FN(t8.ops.arithmetic_ops.fp_fetch_neg), ADDR(&q), 8, SEQ);
        CHECK(r == 1 && q == UINT64_MAX, "u64 fetch_neg: %" PRId64 ", now 0x%" PRIx64, r, q);
        r = b_load(FN(t8.ops.fp_load), ADDR(&q), 8, RLX);
        CHECK(r == -1, "u64 load all ones: %" PRId64, r);
        r = b_cmpxchg(FN(t8.ops.xchg_ops.fp_cmpxchg_weak), ADDR(&q), -1, INT64_MIN, 8, SEQ, RLX);
        CHECK(r == -1 && q == (uint64_t)1 << 63, "u64 weak cmpxchg: witness %" PRId64, r);
        CHECK(b_bit(FN(t8.ops.bitwise_ops.fp_test), ADDR(&q), 63, SEQ) == 1, "u64 test(63)");
        b_void_noarg(FN(t8.ops.arithmetic_ops.fp_dec), ADDR(&q), SEQ);
        CHECK(q == UINT64_C(0x7FFFFFFFFFFFFFFF), "u64 dec: 0x%" PRIx64, q);
        b_void(FN(t8.ops.arithmetic_ops.fp_sub), ADDR(&q), -1, 8, SEQ);
        CHECK(q == (uint64_t)1 << 63, "u64 sub -1 wraps: 0x%" PRIx64, q);
    }

    /* ---- a weak cmpxchg loop from many threads is beyond a smoke test; a tight retry loop --- */
    {
        static uint32_t counter;
        int k;
        counter = 0;
        for (k = 0; k < 100000; ++k) {
            const int64_t cur = b_load(FN(t4.ops.fp_load), ADDR(&counter), 4, RLX);
            const int64_t w = b_cmpxchg(FN(t4.ops.xchg_ops.fp_cmpxchg_weak), ADDR(&counter), cur,
                                        cur + 1, 4, ARL, ACQ);
            if (w != cur) {
                break;
            }
        }
        CHECK(counter == 100000, "weak cmpxchg loop reached %u", counter);
    }

    check_ref_small(t1, t4, t8);
    {
        unsigned char out[sizeof(patomic_explicit_t)];
        patomic_explicit_t t16;
        b_create_explicit(FN(create), 16, ADDR(out));
        memcpy(&t16, out, sizeof t16);
        check_ref_16(&t16);
    }
    return 0;
}

int main(int argc, char **argv)
{
    void *bridge, *patomic;
    if (argc != 3) {
        fprintf(stderr, "usage: %s <libatomics_bridge> <libpatomic>\n", argv[0]);
        return 2;
    }
    bridge = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    CHECK(bridge != NULL, "dlopen %s on its own: %s", argv[1], dlerror());
    patomic = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
    CHECK(patomic != NULL, "dlopen %s: %s", argv[2], dlerror());
    if (bridge != NULL && patomic != NULL) {
        run(bridge, patomic);
    }
    printf("bridge_check: %lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
