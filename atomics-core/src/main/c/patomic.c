/*
 * atomics-core: the bundled implementation of the patomic 1.x ABI.
 *
 * Written for this project from the ABI description in patomic-abi.md. It plays the part of a
 * "std" implementation (id STDC, kind BLTN): every operation on objects of 1, 2, 4 and 8 bytes is
 * built from the compiler's __atomic builtins on native unsigned integers, which are lock-free and
 * address-free for those widths on every supported target. Every other width gets a table of NULL
 * pointers.
 *
 * Structure:
 *   - kernels (static inline, memory order(s) as the last parameter(s)) per width;
 *   - explicit ops: switch on the runtime order and call the kernel with a constant order, so that
 *     every branch compiles to the instruction sequence of that order;
 *   - implicit ops: one function per (width, op, order) with the order baked in;
 *   - the exported entry points.
 */
#define PATOMIC_BUILDING_LIBRARY 1

#include <patomic/patomic.h>

#include <stdint.h>
#include <string.h>

/* ================================================================================================
 * Memory order helpers (internal, so that calls do not go through the PLT).
 * ============================================================================================== */

static inline int pa_valid_order(int o)
{
    return o >= patomic_RELAXED && o <= patomic_SEQ_CST;
}

static inline int pa_valid_store_order(int o)
{
    return o == patomic_RELAXED || o == patomic_RELEASE || o == patomic_SEQ_CST;
}

static inline int pa_valid_load_order(int o)
{
    return o == patomic_RELAXED || o == patomic_CONSUME || o == patomic_ACQUIRE ||
           o == patomic_SEQ_CST;
}

static inline int pa_valid_fail_order(int succ, int fail)
{
    return pa_valid_order(succ) && pa_valid_order(fail) && pa_valid_load_order(fail) &&
           fail <= succ;
}

static inline int pa_cmpxchg_fail_order(int succ)
{
    return (succ == patomic_ACQ_REL || succ == patomic_RELEASE) ? patomic_ACQUIRE : succ;
}

#define PA_RLX __ATOMIC_RELAXED
#define PA_CON __ATOMIC_CONSUME
#define PA_ACQ __ATOMIC_ACQUIRE
#define PA_REL __ATOMIC_RELEASE
#define PA_ARL __ATOMIC_ACQ_REL
#define PA_SEQ __ATOMIC_SEQ_CST

/* Calls K(args..., mo) with the constant matching `order`; anything unknown becomes SEQ_CST. */
#define PA_SWITCH_ANY(order, K, ...)                                    \
    switch (order) {                                                    \
    case patomic_RELAXED: K(__VA_ARGS__, PA_RLX); break;                \
    case patomic_CONSUME: K(__VA_ARGS__, PA_CON); break;                \
    case patomic_ACQUIRE: K(__VA_ARGS__, PA_ACQ); break;                \
    case patomic_RELEASE: K(__VA_ARGS__, PA_REL); break;                \
    case patomic_ACQ_REL: K(__VA_ARGS__, PA_ARL); break;                \
    default:              K(__VA_ARGS__, PA_SEQ); break;                \
    }

/* Same for a store: only RELAXED, RELEASE and SEQ_CST are store orders. */
#define PA_SWITCH_STORE(order, K, ...)                                  \
    switch (order) {                                                    \
    case patomic_RELAXED: K(__VA_ARGS__, PA_RLX); break;                \
    case patomic_RELEASE: K(__VA_ARGS__, PA_REL); break;                \
    default:              K(__VA_ARGS__, PA_SEQ); break;                \
    }

/* Same for a load: only RELAXED, CONSUME, ACQUIRE and SEQ_CST are load orders. */
#define PA_SWITCH_LOAD(order, K, ...)                                   \
    switch (order) {                                                    \
    case patomic_RELAXED: K(__VA_ARGS__, PA_RLX); break;                \
    case patomic_CONSUME: K(__VA_ARGS__, PA_CON); break;                \
    case patomic_ACQUIRE: K(__VA_ARGS__, PA_ACQ); break;                \
    default:              K(__VA_ARGS__, PA_SEQ); break;                \
    }

/* For a compare-exchange: K(args..., succ_mo, fail_mo) for every valid (succ, fail) pair; an
 * invalid pair becomes (SEQ_CST, SEQ_CST). */
#define PA_SWITCH_FAIL3(fail, K, SMO, ...)                              \
    switch (fail) {                                                     \
    case patomic_RELAXED: K(__VA_ARGS__, SMO, PA_RLX); break;           \
    case patomic_CONSUME: K(__VA_ARGS__, SMO, PA_CON); break;           \
    default:              K(__VA_ARGS__, SMO, PA_ACQ); break;           \
    }

#define PA_SWITCH_CMPXCHG(succ, fail, K, ...)                           \
    if (!pa_valid_fail_order((succ), (fail))) {                         \
        succ = patomic_SEQ_CST;                                         \
        fail = patomic_SEQ_CST;                                         \
    }                                                                   \
    switch (succ) {                                                     \
    case patomic_RELAXED:                                               \
        K(__VA_ARGS__, PA_RLX, PA_RLX);                                 \
        break;                                                          \
    case patomic_CONSUME:                                               \
        if (fail == patomic_RELAXED) K(__VA_ARGS__, PA_CON, PA_RLX);    \
        else K(__VA_ARGS__, PA_CON, PA_CON);                            \
        break;                                                          \
    case patomic_ACQUIRE: PA_SWITCH_FAIL3(fail, K, PA_ACQ, __VA_ARGS__) break; \
    case patomic_RELEASE: PA_SWITCH_FAIL3(fail, K, PA_REL, __VA_ARGS__) break; \
    case patomic_ACQ_REL: PA_SWITCH_FAIL3(fail, K, PA_ARL, __VA_ARGS__) break; \
    default:                                                            \
        switch (fail) {                                                 \
        case patomic_RELAXED: K(__VA_ARGS__, PA_SEQ, PA_RLX); break;    \
        case patomic_CONSUME: K(__VA_ARGS__, PA_SEQ, PA_CON); break;    \
        case patomic_ACQUIRE: K(__VA_ARGS__, PA_SEQ, PA_ACQ); break;    \
        default:              K(__VA_ARGS__, PA_SEQ, PA_SEQ); break;    \
        }                                                               \
        break;                                                          \
    }

#define PA_INLINE static inline __attribute__((always_inline))

/* Implicit functions of different orders may compile to the same instructions (a RELAXED and a
 * RELEASE store on x86, say); keep them distinct functions anyway. */
#if defined(__has_attribute)
#  if __has_attribute(no_icf)
#    define PA_DISTINCT __attribute__((no_icf))
#  endif
#endif
#ifndef PA_DISTINCT
#  define PA_DISTINCT
#endif

/* ================================================================================================
 * Kernels: one set per width. N is the width in bits, T the native unsigned integer type.
 * Values cross the ABI through possibly unaligned buffers, hence memcpy.
 * ============================================================================================== */

/* Every op must be lock-free (hence address-free) for the four widths. */
#if defined(__GCC_ATOMIC_CHAR_LOCK_FREE) && defined(__GCC_ATOMIC_SHORT_LOCK_FREE) &&             \
    defined(__GCC_ATOMIC_INT_LOCK_FREE) && defined(__GCC_ATOMIC_LLONG_LOCK_FREE)
#  if __GCC_ATOMIC_CHAR_LOCK_FREE != 2 || __GCC_ATOMIC_SHORT_LOCK_FREE != 2 ||                    \
      __GCC_ATOMIC_INT_LOCK_FREE != 2 || __GCC_ATOMIC_LLONG_LOCK_FREE != 2
#    error "1, 2, 4 and 8 byte atomics are not always lock-free on this target"
#  endif
#else
#  error "needs a compiler with the GCC __atomic builtins (gcc or clang)"
#endif

#define PA_DEFINE_KERNELS(N, T)                                                                  \
    PA_INLINE void pa_k_store_##N(volatile void *obj, const void *desired, int mo)               \
    {                                                                                            \
        T v;                                                                                     \
        memcpy(&v, desired, sizeof v);                                                           \
        __atomic_store_n((volatile T *)obj, v, mo);                                              \
    }                                                                                            \
    PA_INLINE void pa_k_load_##N(const volatile void *obj, void *ret, int mo)                    \
    {                                                                                            \
        T v = __atomic_load_n((const volatile T *)obj, mo);                                      \
        memcpy(ret, &v, sizeof v);                                                               \
    }                                                                                            \
    PA_INLINE void pa_k_exchange_##N(volatile void *obj, const void *desired, void *ret, int mo) \
    {                                                                                            \
        T v;                                                                                     \
        memcpy(&v, desired, sizeof v);                                                           \
        v = __atomic_exchange_n((volatile T *)obj, v, mo);                                       \
        memcpy(ret, &v, sizeof v);                                                               \
    }                                                                                            \
    PA_INLINE int pa_k_cmpxchg_##N(volatile void *obj, void *expected, const void *desired,      \
                                   int weak, int smo, int fmo)                                   \
    {                                                                                            \
        T e, d;                                                                                  \
        int ok;                                                                                  \
        memcpy(&e, expected, sizeof e);                                                          \
        memcpy(&d, desired, sizeof d);                                                           \
        if (weak) {                                                                              \
            ok = __atomic_compare_exchange_n((volatile T *)obj, &e, d, 1, smo, fmo);             \
        } else {                                                                                 \
            ok = __atomic_compare_exchange_n((volatile T *)obj, &e, d, 0, smo, fmo);             \
        }                                                                                        \
        if (!ok) {                                                                               \
            memcpy(expected, &e, sizeof e);                                                      \
        }                                                                                        \
        return ok ? 1 : 0;                                                                       \
    }                                                                                            \
    PA_INLINE int pa_k_cmpxchg_weak_##N(volatile void *obj, void *expected, const void *desired, \
                                        int smo, int fmo)                                        \
    {                                                                                            \
        return pa_k_cmpxchg_##N(obj, expected, desired, 1, smo, fmo);                            \
    }                                                                                            \
    PA_INLINE int pa_k_cmpxchg_strong_##N(volatile void *obj, void *expected,                    \
                                          const void *desired, int smo, int fmo)                 \
    {                                                                                            \
        return pa_k_cmpxchg_##N(obj, expected, desired, 0, smo, fmo);                            \
    }                                                                                            \
    PA_INLINE T pa_k_mask_##N(int offset)                                                        \
    {                                                                                            \
        return (T)((T)1 << offset);                                                              \
    }                                                                                            \
    PA_INLINE int pa_k_test_##N(const volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        T v = __atomic_load_n((const volatile T *)obj, mo);                                      \
        return (v & pa_k_mask_##N(offset)) != 0;                                                 \
    }                                                                                            \
    PA_INLINE int pa_k_test_compl_##N(volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        T m = pa_k_mask_##N(offset);                                                             \
        return (__atomic_fetch_xor((volatile T *)obj, m, mo) & m) != 0;                          \
    }                                                                                            \
    PA_INLINE int pa_k_test_set_##N(volatile void *obj, int offset, int mo)                      \
    {                                                                                            \
        T m = pa_k_mask_##N(offset);                                                             \
        return (__atomic_fetch_or((volatile T *)obj, m, mo) & m) != 0;                           \
    }                                                                                            \
    PA_INLINE int pa_k_test_reset_##N(volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        T m = pa_k_mask_##N(offset);                                                             \
        return (__atomic_fetch_and((volatile T *)obj, (T)~m, mo) & m) != 0;                      \
    }                                                                                            \
    PA_DEFINE_BINARY_KERNEL(N, T, or)                                                            \
    PA_DEFINE_BINARY_KERNEL(N, T, xor)                                                           \
    PA_DEFINE_BINARY_KERNEL(N, T, and)                                                           \
    PA_DEFINE_BINARY_KERNEL(N, T, add)                                                           \
    PA_DEFINE_BINARY_KERNEL(N, T, sub)                                                           \
    PA_INLINE T pa_k_fetch_not_raw_##N(volatile void *obj, int mo)                               \
    {                                                                                            \
        return __atomic_fetch_xor((volatile T *)obj, (T)~(T)0, mo);                              \
    }                                                                                            \
    PA_INLINE T pa_k_fetch_inc_raw_##N(volatile void *obj, int mo)                               \
    {                                                                                            \
        return __atomic_fetch_add((volatile T *)obj, (T)1, mo);                                  \
    }                                                                                            \
    PA_INLINE T pa_k_fetch_dec_raw_##N(volatile void *obj, int mo)                               \
    {                                                                                            \
        return __atomic_fetch_sub((volatile T *)obj, (T)1, mo);                                  \
    }                                                                                            \
    PA_INLINE T pa_k_fetch_neg_raw_##N(volatile void *obj, int mo)                               \
    {                                                                                            \
        T old = __atomic_load_n((volatile T *)obj, PA_RLX);                                      \
        while (!__atomic_compare_exchange_n((volatile T *)obj, &old, (T)(0u - old), 1, mo,       \
                                            PA_RLX)) {                                           \
            /* `old` now holds the current value: retry */                                       \
        }                                                                                        \
        return old;                                                                              \
    }                                                                                            \
    PA_DEFINE_NOARG_KERNEL(N, T, not)                                                            \
    PA_DEFINE_NOARG_KERNEL(N, T, inc)                                                            \
    PA_DEFINE_NOARG_KERNEL(N, T, dec)                                                            \
    PA_DEFINE_NOARG_KERNEL(N, T, neg)

/* or/xor/and/add/sub: void form and fetch form. */
#define PA_DEFINE_BINARY_KERNEL(N, T, OP)                                                        \
    PA_INLINE void pa_k_##OP##_##N(volatile void *obj, const void *arg, int mo)                  \
    {                                                                                            \
        T a;                                                                                     \
        memcpy(&a, arg, sizeof a);                                                               \
        (void)__atomic_fetch_##OP((volatile T *)obj, a, mo);                                     \
    }                                                                                            \
    PA_INLINE void pa_k_fetch_##OP##_##N(volatile void *obj, const void *arg, void *ret, int mo) \
    {                                                                                            \
        T a;                                                                                     \
        memcpy(&a, arg, sizeof a);                                                               \
        a = __atomic_fetch_##OP((volatile T *)obj, a, mo);                                       \
        memcpy(ret, &a, sizeof a);                                                               \
    }

/* not/inc/dec/neg: void form and fetch form, from the *_raw kernel. */
#define PA_DEFINE_NOARG_KERNEL(N, T, OP)                                                         \
    PA_INLINE void pa_k_##OP##_##N(volatile void *obj, int mo)                                   \
    {                                                                                            \
        (void)pa_k_fetch_##OP##_raw_##N(obj, mo);                                                \
    }                                                                                            \
    PA_INLINE void pa_k_fetch_##OP##_##N(volatile void *obj, void *ret, int mo)                  \
    {                                                                                            \
        T old = pa_k_fetch_##OP##_raw_##N(obj, mo);                                              \
        memcpy(ret, &old, sizeof old);                                                           \
    }

PA_DEFINE_KERNELS(8, uint8_t)
PA_DEFINE_KERNELS(16, uint16_t)
PA_DEFINE_KERNELS(32, uint32_t)
PA_DEFINE_KERNELS(64, uint64_t)

/* ================================================================================================
 * Explicit ops: the memory order is a run-time argument.
 * ============================================================================================== */

#define PA_DEFINE_EXPLICIT_BINARY(N, OP)                                                         \
    static void pa_e_##OP##_##N(volatile void *obj, const void *arg, int order)                  \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_##OP##_##N, obj, arg)                                          \
    }                                                                                            \
    static void pa_e_fetch_##OP##_##N(volatile void *obj, const void *arg, int order, void *ret) \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_fetch_##OP##_##N, obj, arg, ret)                               \
    }

#define PA_DEFINE_EXPLICIT_NOARG(N, OP)                                                          \
    static void pa_e_##OP##_##N(volatile void *obj, int order)                                   \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_##OP##_##N, obj)                                               \
    }                                                                                            \
    static void pa_e_fetch_##OP##_##N(volatile void *obj, int order, void *ret)                  \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_fetch_##OP##_##N, obj, ret)                                    \
    }

#define PA_DEFINE_EXPLICIT_TEST_MODIFY(N, OP)                                                    \
    static int pa_e_##OP##_##N(volatile void *obj, int offset, int order)                        \
    {                                                                                            \
        int pa_r;                                                                                \
        PA_SWITCH_ANY(order, pa_r = pa_k_##OP##_##N, obj, offset)                                \
        return pa_r;                                                                             \
    }

#define PA_DEFINE_EXPLICIT_CMPXCHG(N, KIND)                                                      \
    static int pa_e_cmpxchg_##KIND##_##N(volatile void *obj, void *expected, const void *desired,\
                                         int succ, int fail)                                     \
    {                                                                                            \
        int pa_r;                                                                                \
        PA_SWITCH_CMPXCHG(succ, fail, pa_r = pa_k_cmpxchg_##KIND##_##N, obj, expected, desired)  \
        return pa_r;                                                                             \
    }

#define PA_DEFINE_EXPLICIT(N)                                                                    \
    static void pa_e_store_##N(volatile void *obj, const void *desired, int order)               \
    {                                                                                            \
        PA_SWITCH_STORE(order, pa_k_store_##N, obj, desired)                                     \
    }                                                                                            \
    static void pa_e_load_##N(const volatile void *obj, int order, void *ret)                    \
    {                                                                                            \
        PA_SWITCH_LOAD(order, pa_k_load_##N, obj, ret)                                           \
    }                                                                                            \
    static void pa_e_exchange_##N(volatile void *obj, const void *desired, int order, void *ret) \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_exchange_##N, obj, desired, ret)                               \
    }                                                                                            \
    PA_DEFINE_EXPLICIT_CMPXCHG(N, weak)                                                          \
    PA_DEFINE_EXPLICIT_CMPXCHG(N, strong)                                                        \
    static int pa_e_test_##N(const volatile void *obj, int offset, int order)                    \
    {                                                                                            \
        int pa_r;                                                                                \
        PA_SWITCH_LOAD(order, pa_r = pa_k_test_##N, obj, offset)                                 \
        return pa_r;                                                                             \
    }                                                                                            \
    PA_DEFINE_EXPLICIT_TEST_MODIFY(N, test_compl)                                                \
    PA_DEFINE_EXPLICIT_TEST_MODIFY(N, test_set)                                                  \
    PA_DEFINE_EXPLICIT_TEST_MODIFY(N, test_reset)                                                \
    PA_DEFINE_EXPLICIT_BINARY(N, or)                                                             \
    PA_DEFINE_EXPLICIT_BINARY(N, xor)                                                            \
    PA_DEFINE_EXPLICIT_BINARY(N, and)                                                            \
    PA_DEFINE_EXPLICIT_NOARG(N, not)                                                             \
    PA_DEFINE_EXPLICIT_BINARY(N, add)                                                            \
    PA_DEFINE_EXPLICIT_BINARY(N, sub)                                                            \
    PA_DEFINE_EXPLICIT_NOARG(N, inc)                                                             \
    PA_DEFINE_EXPLICIT_NOARG(N, dec)                                                             \
    PA_DEFINE_EXPLICIT_NOARG(N, neg)                                                             \
                                                                                                 \
    static const patomic_ops_explicit_t pa_explicit_ops_##N = {                                  \
        pa_e_store_##N,                                                                          \
        pa_e_load_##N,                                                                           \
        { pa_e_exchange_##N, pa_e_cmpxchg_weak_##N, pa_e_cmpxchg_strong_##N },                   \
        { pa_e_test_##N, pa_e_test_compl_##N, pa_e_test_set_##N, pa_e_test_reset_##N },          \
        { pa_e_or_##N, pa_e_xor_##N, pa_e_and_##N, pa_e_not_##N,                                 \
          pa_e_fetch_or_##N, pa_e_fetch_xor_##N, pa_e_fetch_and_##N, pa_e_fetch_not_##N },       \
        { pa_e_add_##N, pa_e_sub_##N, pa_e_inc_##N, pa_e_dec_##N, pa_e_neg_##N,                  \
          pa_e_fetch_add_##N, pa_e_fetch_sub_##N, pa_e_fetch_inc_##N, pa_e_fetch_dec_##N,        \
          pa_e_fetch_neg_##N }                                                                   \
    };

PA_DEFINE_EXPLICIT(8)
PA_DEFINE_EXPLICIT(16)
PA_DEFINE_EXPLICIT(32)
PA_DEFINE_EXPLICIT(64)

/* ================================================================================================
 * Implicit ops: one function per (width, op, order). O is the order's name, MO its constant,
 * FMO the fail order of a compare-exchange (cmpxchg_fail_order(order)).
 * ============================================================================================== */

#define PA_DEFINE_IMPLICIT_STORE(N, O, MO)                                                       \
    PA_DISTINCT static void pa_i_store_##N##_##O(volatile void *obj, const void *desired)                    \
    {                                                                                            \
        pa_k_store_##N(obj, desired, MO);                                                        \
    }

#define PA_DEFINE_IMPLICIT_LOAD(N, O, MO)                                                        \
    PA_DISTINCT static void pa_i_load_##N##_##O(const volatile void *obj, void *ret)                         \
    {                                                                                            \
        pa_k_load_##N(obj, ret, MO);                                                             \
    }                                                                                            \
    PA_DISTINCT static int pa_i_test_##N##_##O(const volatile void *obj, int offset)                         \
    {                                                                                            \
        return pa_k_test_##N(obj, offset, MO);                                                   \
    }

#define PA_DEFINE_IMPLICIT_BINARY(N, O, MO, OP)                                                  \
    PA_DISTINCT static void pa_i_##OP##_##N##_##O(volatile void *obj, const void *arg)                       \
    {                                                                                            \
        pa_k_##OP##_##N(obj, arg, MO);                                                           \
    }                                                                                            \
    PA_DISTINCT static void pa_i_fetch_##OP##_##N##_##O(volatile void *obj, const void *arg, void *ret)      \
    {                                                                                            \
        pa_k_fetch_##OP##_##N(obj, arg, ret, MO);                                                \
    }

#define PA_DEFINE_IMPLICIT_NOARG(N, O, MO, OP)                                                   \
    PA_DISTINCT static void pa_i_##OP##_##N##_##O(volatile void *obj)                                        \
    {                                                                                            \
        pa_k_##OP##_##N(obj, MO);                                                                \
    }                                                                                            \
    PA_DISTINCT static void pa_i_fetch_##OP##_##N##_##O(volatile void *obj, void *ret)                       \
    {                                                                                            \
        pa_k_fetch_##OP##_##N(obj, ret, MO);                                                     \
    }

#define PA_DEFINE_IMPLICIT_TEST_MODIFY(N, O, MO, OP)                                             \
    PA_DISTINCT static int pa_i_##OP##_##N##_##O(volatile void *obj, int offset)                             \
    {                                                                                            \
        return pa_k_##OP##_##N(obj, offset, MO);                                                 \
    }

/* The 24 operations valid for every order. */
#define PA_DEFINE_IMPLICIT_RMW(N, O, MO, FMO)                                                    \
    PA_DISTINCT static void pa_i_exchange_##N##_##O(volatile void *obj, const void *desired, void *ret)      \
    {                                                                                            \
        pa_k_exchange_##N(obj, desired, ret, MO);                                                \
    }                                                                                            \
    PA_DISTINCT static int pa_i_cmpxchg_weak_##N##_##O(volatile void *obj, void *expected,                   \
                                           const void *desired)                                  \
    {                                                                                            \
        return pa_k_cmpxchg_weak_##N(obj, expected, desired, MO, FMO);                           \
    }                                                                                            \
    PA_DISTINCT static int pa_i_cmpxchg_strong_##N##_##O(volatile void *obj, void *expected,                 \
                                             const void *desired)                                \
    {                                                                                            \
        return pa_k_cmpxchg_strong_##N(obj, expected, desired, MO, FMO);                         \
    }                                                                                            \
    PA_DEFINE_IMPLICIT_TEST_MODIFY(N, O, MO, test_compl)                                         \
    PA_DEFINE_IMPLICIT_TEST_MODIFY(N, O, MO, test_set)                                           \
    PA_DEFINE_IMPLICIT_TEST_MODIFY(N, O, MO, test_reset)                                         \
    PA_DEFINE_IMPLICIT_BINARY(N, O, MO, or)                                                      \
    PA_DEFINE_IMPLICIT_BINARY(N, O, MO, xor)                                                     \
    PA_DEFINE_IMPLICIT_BINARY(N, O, MO, and)                                                     \
    PA_DEFINE_IMPLICIT_NOARG(N, O, MO, not)                                                      \
    PA_DEFINE_IMPLICIT_BINARY(N, O, MO, add)                                                     \
    PA_DEFINE_IMPLICIT_BINARY(N, O, MO, sub)                                                     \
    PA_DEFINE_IMPLICIT_NOARG(N, O, MO, inc)                                                      \
    PA_DEFINE_IMPLICIT_NOARG(N, O, MO, dec)                                                      \
    PA_DEFINE_IMPLICIT_NOARG(N, O, MO, neg)

/* The table of one (width, order); STORE, LOAD and TEST are the function or NULL. */
#define PA_DEFINE_IMPLICIT_TABLE(N, O, STORE, LOAD, TEST)                                        \
    static const patomic_ops_t pa_implicit_ops_##N##_##O = {                                     \
        STORE,                                                                                   \
        LOAD,                                                                                    \
        { pa_i_exchange_##N##_##O, pa_i_cmpxchg_weak_##N##_##O, pa_i_cmpxchg_strong_##N##_##O }, \
        { TEST, pa_i_test_compl_##N##_##O, pa_i_test_set_##N##_##O,                              \
          pa_i_test_reset_##N##_##O },                                                           \
        { pa_i_or_##N##_##O, pa_i_xor_##N##_##O, pa_i_and_##N##_##O, pa_i_not_##N##_##O,         \
          pa_i_fetch_or_##N##_##O, pa_i_fetch_xor_##N##_##O, pa_i_fetch_and_##N##_##O,           \
          pa_i_fetch_not_##N##_##O },                                                            \
        { pa_i_add_##N##_##O, pa_i_sub_##N##_##O, pa_i_inc_##N##_##O, pa_i_dec_##N##_##O,        \
          pa_i_neg_##N##_##O, pa_i_fetch_add_##N##_##O, pa_i_fetch_sub_##N##_##O,                \
          pa_i_fetch_inc_##N##_##O, pa_i_fetch_dec_##N##_##O, pa_i_fetch_neg_##N##_##O }         \
    };

#define PA_DEFINE_IMPLICIT(N)                                                                    \
    /* RELAXED: everything */                                                                    \
    PA_DEFINE_IMPLICIT_STORE(N, relaxed, PA_RLX)                                                 \
    PA_DEFINE_IMPLICIT_LOAD(N, relaxed, PA_RLX)                                                  \
    PA_DEFINE_IMPLICIT_RMW(N, relaxed, PA_RLX, PA_RLX)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, relaxed, pa_i_store_##N##_relaxed, pa_i_load_##N##_relaxed,      \
                             pa_i_test_##N##_relaxed)                                            \
    /* CONSUME: no store */                                                                      \
    PA_DEFINE_IMPLICIT_LOAD(N, consume, PA_CON)                                                  \
    PA_DEFINE_IMPLICIT_RMW(N, consume, PA_CON, PA_CON)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, consume, NULL, pa_i_load_##N##_consume, pa_i_test_##N##_consume) \
    /* ACQUIRE: no store */                                                                      \
    PA_DEFINE_IMPLICIT_LOAD(N, acquire, PA_ACQ)                                                  \
    PA_DEFINE_IMPLICIT_RMW(N, acquire, PA_ACQ, PA_ACQ)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, acquire, NULL, pa_i_load_##N##_acquire, pa_i_test_##N##_acquire) \
    /* RELEASE: no load, no test; cmpxchg fails with ACQUIRE */                                  \
    PA_DEFINE_IMPLICIT_STORE(N, release, PA_REL)                                                 \
    PA_DEFINE_IMPLICIT_RMW(N, release, PA_REL, PA_ACQ)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, release, pa_i_store_##N##_release, NULL, NULL)                   \
    /* ACQ_REL: no store, no load, no test; cmpxchg fails with ACQUIRE */                        \
    PA_DEFINE_IMPLICIT_RMW(N, acq_rel, PA_ARL, PA_ACQ)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, acq_rel, NULL, NULL, NULL)                                       \
    /* SEQ_CST: everything */                                                                    \
    PA_DEFINE_IMPLICIT_STORE(N, seq_cst, PA_SEQ)                                                 \
    PA_DEFINE_IMPLICIT_LOAD(N, seq_cst, PA_SEQ)                                                  \
    PA_DEFINE_IMPLICIT_RMW(N, seq_cst, PA_SEQ, PA_SEQ)                                           \
    PA_DEFINE_IMPLICIT_TABLE(N, seq_cst, pa_i_store_##N##_seq_cst, pa_i_load_##N##_seq_cst,      \
                             pa_i_test_##N##_seq_cst)                                            \
                                                                                                 \
    /* indexed by patomic_memory_order_t */                                                      \
    static const patomic_ops_t *const pa_implicit_ops_##N[6] = {                                 \
        &pa_implicit_ops_##N##_relaxed, &pa_implicit_ops_##N##_consume,                          \
        &pa_implicit_ops_##N##_acquire, &pa_implicit_ops_##N##_release,                          \
        &pa_implicit_ops_##N##_acq_rel, &pa_implicit_ops_##N##_seq_cst                           \
    };

PA_DEFINE_IMPLICIT(8)
PA_DEFINE_IMPLICIT(16)
PA_DEFINE_IMPLICIT(32)
PA_DEFINE_IMPLICIT(64)

/* ================================================================================================
 * Entry points.
 * ============================================================================================== */

/* This implementation's identity in the kinds/ids filters. */
#define PA_IMPL_ID patomic_id_STDC
#define PA_IMPL_KIND patomic_kind_BLTN

static const patomic_align_t pa_align_unsupported = { 1, 1, 0 };

static int pa_selected(unsigned int kinds, unsigned long ids)
{
    return (ids & PA_IMPL_ID) != 0 && (kinds & PA_IMPL_KIND) != 0;
}

static patomic_align_t pa_align_of(size_t width)
{
    patomic_align_t a;
    a.recommended = width;
    a.minimum = width;
    a.size_within = 0;
    return a;
}

PATOMIC_EXPORT patomic_t patomic_create(size_t byte_width, patomic_memory_order_t order,
                                        unsigned int options, unsigned int kinds,
                                        unsigned long ids)
{
    patomic_t r;
    const int o = (int)order;
    (void)options; /* patomic_option_NONE is the only option */

    memset(&r, 0, sizeof r);
    r.align = pa_align_unsupported;
    if (!pa_selected(kinds, ids) || !pa_valid_order(o)) {
        return r;
    }
    switch (byte_width) {
    case 1: r.ops = *pa_implicit_ops_8[o]; break;
    case 2: r.ops = *pa_implicit_ops_16[o]; break;
    case 4: r.ops = *pa_implicit_ops_32[o]; break;
    case 8: r.ops = *pa_implicit_ops_64[o]; break;
    default: return r;
    }
    r.align = pa_align_of(byte_width);
    return r;
}

PATOMIC_EXPORT patomic_explicit_t patomic_create_explicit(size_t byte_width, unsigned int options,
                                                          unsigned int kinds, unsigned long ids)
{
    patomic_explicit_t r;
    (void)options;

    memset(&r, 0, sizeof r);
    r.align = pa_align_unsupported;
    if (!pa_selected(kinds, ids)) {
        return r;
    }
    switch (byte_width) {
    case 1: r.ops = pa_explicit_ops_8; break;
    case 2: r.ops = pa_explicit_ops_16; break;
    case 4: r.ops = pa_explicit_ops_32; break;
    case 8: r.ops = pa_explicit_ops_64; break;
    default: return r;
    }
    r.align = pa_align_of(byte_width);
    return r;
}

PATOMIC_EXPORT const char *patomic_version_string(void)
{
    return PATOMIC_VERSION_STRING;
}

PATOMIC_EXPORT int patomic_version_major(void)
{
    return PATOMIC_VERSION_MAJOR;
}

PATOMIC_EXPORT int patomic_version_minor(void)
{
    return PATOMIC_VERSION_MINOR;
}

PATOMIC_EXPORT int patomic_version_patch(void)
{
    return PATOMIC_VERSION_PATCH;
}

PATOMIC_EXPORT int patomic_version_compatible_with(int major, int minor, int patch)
{
    return major == PATOMIC_VERSION_MAJOR &&
           (minor < PATOMIC_VERSION_MINOR ||
            (minor == PATOMIC_VERSION_MINOR && patch <= PATOMIC_VERSION_PATCH));
}

PATOMIC_EXPORT size_t patomic_cache_line_size(void)
{
    /* what upstream reports on x86_64 (adjacent-line prefetch makes 128 the safe stride) */
    return 128;
}

PATOMIC_EXPORT int patomic_align_meets_recommended(const volatile void *ptr, patomic_align_t align)
{
    const uintptr_t addr = (uintptr_t)ptr;
    if (align.recommended == 0) {
        return 0;
    }
    return addr % align.recommended == 0;
}

PATOMIC_EXPORT int patomic_align_meets_minimum(const volatile void *ptr, patomic_align_t align,
                                               size_t width)
{
    const uintptr_t addr = (uintptr_t)ptr;
    if (align.minimum == 0 || addr % align.minimum != 0) {
        return 0;
    }
    if (align.size_within == 0) {
        return 1;
    }
    /* the object [addr, addr + width) must not cross a size_within boundary */
    return width <= align.size_within && (addr % align.size_within) <= align.size_within - width;
}

PATOMIC_EXPORT int patomic_is_valid_order(int order)
{
    return pa_valid_order(order);
}

PATOMIC_EXPORT int patomic_is_valid_store_order(int order)
{
    return pa_valid_store_order(order);
}

PATOMIC_EXPORT int patomic_is_valid_load_order(int order)
{
    return pa_valid_load_order(order);
}

PATOMIC_EXPORT int patomic_is_valid_fail_order(int succ, int fail)
{
    return pa_valid_fail_order(succ, fail);
}

PATOMIC_EXPORT int patomic_cmpxchg_fail_order(int succ)
{
    return pa_cmpxchg_fail_order(succ);
}
