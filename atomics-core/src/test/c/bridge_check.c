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
