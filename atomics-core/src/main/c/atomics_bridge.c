/*
 * atomics-core: the JNA call bridge.
 *
 * Java (JNA direct mapping, primitive arguments only) cannot call through a C function pointer
 * with pointer-to-value arguments cheaply, so this small library does it: every entry point takes
 * the address of an operation descriptor (a function pointer from a patomic EXPLICIT ops table, the
 * object width and the memory orders, prepared once by Java), the object's address and the values.
 * Two families:
 *   - atomics_bridge_<op>: values as int64_t, moved between an int64_t and a native integer of the
 *     width (truncating on the way in, zero-extending on the way out): widths 1, 2, 4, 8;
 *   - atomics_bridge_<op>_ref: values by address (`width` bytes in native order in buffers the
 *     caller owns): any width, and the only way for width 16.
 *
 * The bridge never calls a patomic_* symbol itself and does not link libpatomic: the function
 * pointers may come from the bundled library or from an upstream one.
 */
#include <patomic/patomic.h>

#include <stdint.h>
#include <string.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#  define BRIDGE_EXPORT __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#  define BRIDGE_EXPORT __attribute__((visibility("default")))
#else
#  define BRIDGE_EXPORT
#endif

/* A native integer of any supported width. Every member starts at the union's first byte, so a
 * callee that reads or writes `width` bytes at the buffer's start sees the member of that width,
 * whatever the byte order. */
typedef union {
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    unsigned char bytes[8];
} bridge_native_t;

static inline bridge_native_t bridge_to_native(int64_t value, int32_t width)
{
    bridge_native_t n;
    const uint64_t v = (uint64_t)value;
    n.u64 = 0;
    switch (width) {
    case 1: n.u8 = (uint8_t)v; break;
    case 2: n.u16 = (uint16_t)v; break;
    case 4: n.u32 = (uint32_t)v; break;
    default: n.u64 = v; break;
    }
    return n;
}

static inline int64_t bridge_from_native(const bridge_native_t *n, int32_t width)
{
    switch (width) {
    case 1: return (int64_t)n->u8;
    case 2: return (int64_t)n->u16;
    case 4: return (int64_t)n->u32;
    default: return (int64_t)n->u64;
    }
}

#define BRIDGE_FN(type, fn) ((type)(intptr_t)(fn))
#define BRIDGE_OBJ(obj) ((volatile void *)(intptr_t)(obj))

/* An operation descriptor: the function to call, the object width and the memory order(s). Java
 * prepares one per (operation, width, order, fail order) once, in native memory, and passes its
 * address, so that a call carries only the descriptor, the object and the values: every argument of
 * a JNA direct call costs about 10 ns. */
typedef struct {
    int64_t fn;
    int32_t width;
    int32_t order;
    int32_t fail;
    int32_t reserved;
} atomics_bridge_op_t;

#define BRIDGE_OP(op) ((const atomics_bridge_op_t *)(intptr_t)(op))

BRIDGE_EXPORT int64_t atomics_bridge_load(int64_t op, int64_t obj)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    bridge_native_t r;
    r.u64 = 0;
    BRIDGE_FN(patomic_fn_explicit_load_t, d->fn)((const volatile void *)(intptr_t)obj, d->order, &r);
    return bridge_from_native(&r, d->width);
}

BRIDGE_EXPORT void atomics_bridge_store(int64_t op, int64_t obj, int64_t value)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_native_t v = bridge_to_native(value, d->width);
    BRIDGE_FN(patomic_fn_explicit_store_t, d->fn)(BRIDGE_OBJ(obj), &v, d->order);
}

BRIDGE_EXPORT int64_t atomics_bridge_exchange(int64_t op, int64_t obj, int64_t value)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_native_t v = bridge_to_native(value, d->width);
    bridge_native_t r;
    r.u64 = 0;
    BRIDGE_FN(patomic_fn_explicit_exchange_t, d->fn)(BRIDGE_OBJ(obj), &v, d->order, &r);
    return bridge_from_native(&r, d->width);
}

/* Calls a cmpxchg (weak or strong) pointer; returns the value witnessed, which equals `expected`
 * (masked to width) exactly when the exchange succeeded. A spurious failure of a weak cmpxchg
 * (0 returned, but the witnessed value equals expected) is retried. */
BRIDGE_EXPORT int64_t atomics_bridge_cmpxchg(int64_t op, int64_t obj, int64_t expected, int64_t desired)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const patomic_fn_explicit_cmpxchg_t f = BRIDGE_FN(patomic_fn_explicit_cmpxchg_t, d->fn);
    const bridge_native_t e = bridge_to_native(expected, d->width);
    const bridge_native_t n = bridge_to_native(desired, d->width);
    const int64_t want = bridge_from_native(&e, d->width);
    for (;;) {
        bridge_native_t w = e;
        int64_t witnessed;
        if (f(BRIDGE_OBJ(obj), &w, &n, d->order, d->fail)) {
            return want;
        }
        witnessed = bridge_from_native(&w, d->width);
        if (witnessed != want) {
            return witnessed;
        }
        /* spurious failure: try again */
    }
}

/* test, test_compl, test_set, test_reset (all return the (old) bit). */
BRIDGE_EXPORT int32_t atomics_bridge_bit(int64_t op, int64_t obj, int32_t offset)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    return BRIDGE_FN(patomic_fn_explicit_test_modify_t, d->fn)(BRIDGE_OBJ(obj), offset, d->order) ? 1 : 0;
}

/* fetch_or, fetch_xor, fetch_and, fetch_add, fetch_sub: returns the old value. */
BRIDGE_EXPORT int64_t atomics_bridge_fetch(int64_t op, int64_t obj, int64_t arg)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_native_t a = bridge_to_native(arg, d->width);
    bridge_native_t r;
    r.u64 = 0;
    BRIDGE_FN(patomic_fn_explicit_fetch_t, d->fn)(BRIDGE_OBJ(obj), &a, d->order, &r);
    return bridge_from_native(&r, d->width);
}

/* fetch_not, fetch_inc, fetch_dec, fetch_neg: returns the old value. */
BRIDGE_EXPORT int64_t atomics_bridge_fetch_noarg(int64_t op, int64_t obj)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    bridge_native_t r;
    r.u64 = 0;
    BRIDGE_FN(patomic_fn_explicit_fetch_noarg_t, d->fn)(BRIDGE_OBJ(obj), d->order, &r);
    return bridge_from_native(&r, d->width);
}

/* or, xor, and, add, sub. */
BRIDGE_EXPORT void atomics_bridge_void(int64_t op, int64_t obj, int64_t arg)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_native_t a = bridge_to_native(arg, d->width);
    BRIDGE_FN(patomic_fn_explicit_void_t, d->fn)(BRIDGE_OBJ(obj), &a, d->order);
}

/* not, inc, dec, neg. */
BRIDGE_EXPORT void atomics_bridge_void_noarg(int64_t op, int64_t obj)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_void_noarg_t, d->fn)(BRIDGE_OBJ(obj), d->order);
}

/* ================================================================================================
 * Values by address: for objects wider than 8 bytes (width 16), and usable at every width.
 *
 * Each value is `width` bytes in native byte order at an address the caller owns (Java: a native
 * buffer it allocated once and reuses), so a call still carries only the descriptor, the object
 * and addresses, and nothing is allocated. Operand and result buffers need no alignment; they may
 * not overlap the object. The bit operations (atomics_bridge_bit) and the argument-less void forms
 * (atomics_bridge_void_noarg) carry no values and serve every width as they are.
 * ============================================================================================== */

#define BRIDGE_PTR(p) ((void *)(intptr_t)(p))

/* load: writes the value to *ret. */
BRIDGE_EXPORT void atomics_bridge_load_ref(int64_t op, int64_t obj, int64_t ret)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_load_t, d->fn)((const volatile void *)(intptr_t)obj, d->order,
                                                 BRIDGE_PTR(ret));
}

/* store: stores *desired. */
BRIDGE_EXPORT void atomics_bridge_store_ref(int64_t op, int64_t obj, int64_t desired)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_store_t, d->fn)(BRIDGE_OBJ(obj), BRIDGE_PTR(desired), d->order);
}

/* exchange: stores *desired, writes the old value to *ret. */
BRIDGE_EXPORT void atomics_bridge_exchange_ref(int64_t op, int64_t obj, int64_t desired,
                                               int64_t ret)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_exchange_t, d->fn)(BRIDGE_OBJ(obj), BRIDGE_PTR(desired),
                                                     d->order, BRIDGE_PTR(ret));
}

/* The largest width whose expected value the cmpxchg below can keep a copy of. */
#define BRIDGE_REF_MAX 64

/* Copies and compares `w` bytes 8 at a time where w is a multiple of 8: the caller has just
 * written the value as 8-byte words, and a wider load of them would stall (store forwarding
 * fails), as memcpy's 16-byte loads do. */
static inline void bridge_copy(unsigned char *dst, const unsigned char *src, size_t w)
{
    if (w % 8 != 0) {
        memcpy(dst, src, w);
        return;
    }
    for (size_t i = 0; i < w; i += 8) {
        uint64_t x;
        memcpy(&x, src + i, 8);
        memcpy(dst + i, &x, 8);
    }
}

static inline int bridge_same(const unsigned char *a, const unsigned char *b, size_t w)
{
    if (w % 8 != 0) {
        return memcmp(a, b, w) == 0;
    }
    for (size_t i = 0; i < w; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

/* cmpxchg (weak or strong): returns 1 if *obj equalled *expected and now holds *desired; else
 * returns 0 and *expected holds the value witnessed, which differs from the one passed. A
 * spurious failure of a weak cmpxchg (the witness equals expected) is retried, as in
 * atomics_bridge_cmpxchg, for widths up to BRIDGE_REF_MAX. */
BRIDGE_EXPORT int32_t atomics_bridge_cmpxchg_ref(int64_t op, int64_t obj, int64_t expected,
                                                 int64_t desired)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const patomic_fn_explicit_cmpxchg_t f = BRIDGE_FN(patomic_fn_explicit_cmpxchg_t, d->fn);
    unsigned char *e = BRIDGE_PTR(expected);
    const size_t w = d->width > 0 ? (size_t)d->width : 0;
    unsigned char want[BRIDGE_REF_MAX];
    if (w > sizeof want) {
        return f(BRIDGE_OBJ(obj), e, BRIDGE_PTR(desired), d->order, d->fail) ? 1 : 0;
    }
    bridge_copy(want, e, w);
    for (;;) {
        if (f(BRIDGE_OBJ(obj), e, BRIDGE_PTR(desired), d->order, d->fail)) {
            return 1;
        }
        if (!bridge_same(want, e, w)) {
            return 0;
        }
        /* spurious failure: *expected still holds what was asked for; try again */
    }
}

/* fetch_or, fetch_xor, fetch_and, fetch_add, fetch_sub: applies *arg, writes the old value to
 * *ret. */
BRIDGE_EXPORT void atomics_bridge_fetch_ref(int64_t op, int64_t obj, int64_t arg, int64_t ret)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_fetch_t, d->fn)(BRIDGE_OBJ(obj), BRIDGE_PTR(arg), d->order,
                                                  BRIDGE_PTR(ret));
}

/* fetch_not, fetch_inc, fetch_dec, fetch_neg: writes the old value to *ret. */
BRIDGE_EXPORT void atomics_bridge_fetch_noarg_ref(int64_t op, int64_t obj, int64_t ret)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_fetch_noarg_t, d->fn)(BRIDGE_OBJ(obj), d->order,
                                                        BRIDGE_PTR(ret));
}

/* or, xor, and, add, sub: applies *arg. */
BRIDGE_EXPORT void atomics_bridge_void_ref(int64_t op, int64_t obj, int64_t arg)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    BRIDGE_FN(patomic_fn_explicit_void_t, d->fn)(BRIDGE_OBJ(obj), BRIDGE_PTR(arg), d->order);
}

/* ================================================================================================
 * Width 16 with values in registers: each 128-bit operand as its low and high 64 bits, composed
 * into a native-order buffer here, so that the caller needs no buffer of its own (Java: no
 * per-thread scratch lookup) for the operations that return no value. The descriptor's width must
 * be 16.
 * ============================================================================================== */

typedef union {
    unsigned char bytes[16];
    uint64_t half[2];
} bridge_u128_t;

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#  define BRIDGE_LOW 1
#else
#  define BRIDGE_LOW 0
#endif

static inline bridge_u128_t bridge_u128(int64_t low, int64_t high)
{
    bridge_u128_t v;
    v.half[BRIDGE_LOW] = (uint64_t)low;
    v.half[1 - BRIDGE_LOW] = (uint64_t)high;
    return v;
}

/* compare-and-set (weak or strong): returns 1 if *obj held (exp_low, exp_high) and now holds
 * (des_low, des_high), else 0. A spurious failure of a weak cmpxchg is retried. */
BRIDGE_EXPORT int32_t atomics_bridge_cas16(int64_t op, int64_t obj, int64_t exp_low, int64_t exp_high,
                                           int64_t des_low, int64_t des_high)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const patomic_fn_explicit_cmpxchg_t f = BRIDGE_FN(patomic_fn_explicit_cmpxchg_t, d->fn);
    const bridge_u128_t n = bridge_u128(des_low, des_high);
    for (;;) {
        /* built from the registers each round and compared by halves: copying a 16-byte value
         * just written as two 8-byte halves would load it whole, and that load stalls (store
         * forwarding fails) */
        bridge_u128_t e = bridge_u128(exp_low, exp_high);
        if (f(BRIDGE_OBJ(obj), e.bytes, n.bytes, d->order, d->fail)) {
            return 1;
        }
        if (e.half[BRIDGE_LOW] != (uint64_t)exp_low || e.half[1 - BRIDGE_LOW] != (uint64_t)exp_high) {
            return 0;
        }
        /* spurious failure: try again */
    }
}

/* compare-and-exchange (weak or strong) with the values in registers: returns 1 if *obj held
 * (exp_low, exp_high) and now holds (des_low, des_high); else 0, and the value witnessed goes to
 * `witness` (16 bytes in native order, written as two 8-byte halves, which the caller reads back
 * as such without a store-forwarding stall). A success writes nothing, so a caller retrying with
 * the witness needs no load of its own. A spurious failure of a weak cmpxchg is retried. */
BRIDGE_EXPORT int32_t atomics_bridge_cmpxchg16(int64_t op, int64_t obj, int64_t exp_low, int64_t exp_high,
                                               int64_t des_low, int64_t des_high, int64_t witness)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const patomic_fn_explicit_cmpxchg_t f = BRIDGE_FN(patomic_fn_explicit_cmpxchg_t, d->fn);
    const bridge_u128_t n = bridge_u128(des_low, des_high);
    uint64_t *w = BRIDGE_PTR(witness);
    for (;;) {
        bridge_u128_t e = bridge_u128(exp_low, exp_high);
        if (f(BRIDGE_OBJ(obj), e.bytes, n.bytes, d->order, d->fail)) {
            return 1;
        }
        if (e.half[BRIDGE_LOW] != (uint64_t)exp_low || e.half[1 - BRIDGE_LOW] != (uint64_t)exp_high) {
            w[0] = e.half[0];
            w[1] = e.half[1];
            return 0;
        }
        /* spurious failure: try again */
    }
}

/* store (low, high). */
BRIDGE_EXPORT void atomics_bridge_store16(int64_t op, int64_t obj, int64_t low, int64_t high)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_u128_t v = bridge_u128(low, high);
    BRIDGE_FN(patomic_fn_explicit_store_t, d->fn)(BRIDGE_OBJ(obj), v.bytes, d->order);
}

/* or, xor, and, add, sub: applies (low, high). */
BRIDGE_EXPORT void atomics_bridge_void16(int64_t op, int64_t obj, int64_t low, int64_t high)
{
    const atomics_bridge_op_t *d = BRIDGE_OP(op);
    const bridge_u128_t a = bridge_u128(low, high);
    BRIDGE_FN(patomic_fn_explicit_void_t, d->fn)(BRIDGE_OBJ(obj), a.bytes, d->order);
}

/* sizeof(atomics_bridge_op_t), so Java can check the layout it writes (24). */
BRIDGE_EXPORT int32_t atomics_bridge_op_size(void)
{
    return (int32_t)sizeof(atomics_bridge_op_t);
}

typedef patomic_explicit_t (*bridge_create_explicit_fn)(size_t byte_width, unsigned int options,
                                                        unsigned int kinds, unsigned long ids);

/* Calls create_fn (some library's patomic_create_explicit) with options NONE, kinds ALL and ids
 * ALL, copies the returned patomic_explicit_t to `out` and returns its size. */
BRIDGE_EXPORT int32_t atomics_bridge_create_explicit(int64_t create_fn, int64_t width, int64_t out)
{
    const patomic_explicit_t t = BRIDGE_FN(bridge_create_explicit_fn, create_fn)(
        (size_t)width, patomic_option_NONE, patomic_kind_ALL, patomic_id_ALL);
    memcpy((void *)(intptr_t)out, &t, sizeof t);
    return (int32_t)sizeof t;
}

/* Does nothing: the cost floor of a JNA direct call. */
BRIDGE_EXPORT void atomics_bridge_noop(int64_t ignored)
{
    (void)ignored;
}

/* sizeof(patomic_explicit_t): 27 pointers then 3 size_t (240 on LP64). */
BRIDGE_EXPORT int32_t atomics_bridge_explicit_table_size(void)
{
    return (int32_t)sizeof(patomic_explicit_t);
}
