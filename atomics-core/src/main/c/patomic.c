/*
 * atomics-core: the bundled implementation of the patomic 1.x ABI.
 *
 * Written for this project from the ABI facts in patomic-abi.md and docs/PATOMIC-ABI-NOTES.md. It
 * plays the part of a "std" implementation (id STDC, kind BLTN):
 *   - widths 1, 2, 4 and 8: every operation, from the compiler's __atomic builtins on native
 *     unsigned integers, which are lock-free and address-free for those widths on every target;
 *   - width 16 on x86-64 (CPUs with cmpxchg16b) and aarch64: every operation that a 16-byte
 *     compare-and-swap can build, in inline assembly (never libatomic); the load and bit-test
 *     slots only where the CPU has a single atomic 16-byte read (they must not write);
 *   - every other width: a table of NULL pointers;
 *   - transactions: no implementation (a table of NULL pointers), like upstream 1.1.0;
 *   - the rest of the 1.x API: combine, feature checks, ids and kinds, transaction status,
 *     versions, alignment and memory-order helpers.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#  include <cpuid.h>
#elif defined(__aarch64__) && defined(__linux__)
#  include <sys/auxv.h>
#endif

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

/* Functions that compile to the same instructions (a RELAXED and a RELEASE store on x86, the weak
 * and strong 16-byte cmpxchg) stay distinct functions with their own code, not one jumping to the
 * other: each table slot then is exactly the code its name says (the disassembly tests rely on it). */
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
 * Width 16: kernels built on a 16-byte compare-and-swap, written as inline assembly so that no
 * call to libatomic (which may take a lock for 16 bytes) can appear.
 *
 *   x86-64:  lock cmpxchg16b (needs CPUID.01H:ECX.CX16). A locked instruction is a full barrier,
 *            so every memory order gets the same instruction.
 *   aarch64: casp/caspa/caspl/caspal (FEAT_LSE, HWCAP_ATOMICS), else an ldxp/stxp loop; the
 *            memory order picks the acquire/release forms.
 *
 * Every other operation is a CAS loop. The load slot must never write (its object is
 * `const volatile`, and read-only mappings exist), so it is a single 16-byte read where the
 * architecture makes one atomic: x86-64 `movdqa` on Intel and AMD CPUs that have AVX, aarch64 `ldp`
 * with FEAT_LSE2 (HWCAP_USCAT). Elsewhere patomic_create* leave the load and test slots NULL (see
 * pa_features and docs/PATOMIC-ABI-NOTES.md).
 *
 * A 16-byte value crosses the ABI as 16 bytes in native order: an unsigned __int128 (the low
 * 8 bytes at the lower address on these little-endian targets).
 * ============================================================================================== */

#if (defined(__x86_64__) || defined(__aarch64__)) && defined(__SIZEOF_INT128__) &&               \
    defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#  define PA_HAVE_128 1
#else
#  define PA_HAVE_128 0
#endif

#if PA_HAVE_128

__extension__ typedef unsigned __int128 pa_u128;

#define PA_LO(v) ((uint64_t)(v))
#define PA_HI(v) ((uint64_t)((v) >> 64))
#define PA_U128(lo, hi) (((pa_u128)(hi) << 64) | (pa_u128)(lo))

/* A starting guess for a CAS loop: the two halves read separately (possibly torn, which only
 * costs one more round: the CAS checks the whole value). */
PA_INLINE pa_u128 pa_128_guess(const volatile void *obj)
{
    const volatile uint64_t *h = (const volatile uint64_t *)obj;
    const uint64_t lo = __atomic_load_n(&h[0], PA_RLX);
    const uint64_t hi = __atomic_load_n(&h[1], PA_RLX);
    return PA_U128(lo, hi);
}

#if defined(__x86_64__)

/* ---- x86-64 ---------------------------------------------------------------------------------- */

PA_INLINE int pa_cas128_x86(volatile void *obj, pa_u128 *expected, pa_u128 desired, int smo,
                            int fmo)
{
    uint64_t lo = PA_LO(*expected), hi = PA_HI(*expected);
    unsigned char ok;
    (void)smo; /* lock cmpxchg16b is sequentially consistent whatever was asked */
    (void)fmo;
    __asm__ __volatile__("lock cmpxchg16b %[obj]"
                         : "=@ccz"(ok), [obj] "+m"(*(volatile pa_u128 *)obj), "+a"(lo), "+d"(hi)
                         : "b"(PA_LO(desired)), "c"(PA_HI(desired))
                         : "memory");
    if (!ok) {
        *expected = PA_U128(lo, hi);
    }
    return ok;
}

typedef long long pa_v2di __attribute__((vector_size(16)));

/* One movdqa: a single atomic 16-byte read on CPUs where pa_features reports PA_F128_LOAD. x86
 * loads already have acquire semantics and every store here is a locked instruction, so no
 * fence is needed for any load order; the "memory" clobber keeps the compiler from moving
 * accesses across it. */
PA_INLINE pa_u128 pa_load128_x86(const volatile void *obj, int mo)
{
    pa_v2di v;
    pa_u128 r;
    (void)mo;
    __asm__ __volatile__("movdqa %[obj], %[v]"
                         : [v] "=x"(v)
                         : [obj] "m"(*(const volatile pa_u128 *)obj)
                         : "memory");
    memcpy(&r, &v, sizeof r);
    return r;
}

#elif defined(__aarch64__)

/* ---- aarch64 --------------------------------------------------------------------------------- */

/* What a (success, failure) order pair needs from the instruction: acquire if either order reads
 * with acquire (consume is treated as acquire), release if the success order writes with release. */
PA_INLINE int pa_arm_acq(int smo, int fmo)
{
    return smo == PA_CON || smo == PA_ACQ || smo == PA_ARL || smo == PA_SEQ || fmo == PA_CON ||
           fmo == PA_ACQ || fmo == PA_SEQ;
}

PA_INLINE int pa_arm_rel(int smo)
{
    return smo == PA_REL || smo == PA_ARL || smo == PA_SEQ;
}

/* FEAT_LSE compare-and-swap pair. casp needs two even-numbered consecutive register pairs, hence
 * the fixed registers. */
#define PA_CASP(INSN)                                                                            \
    __asm__ __volatile__(".arch_extension lse\n\t" INSN " x0, x1, x2, x3, [%[obj]]"               \
                         : "+r"(x0), "+r"(x1), "+m"(*(volatile pa_u128 *)obj)                     \
                         : "r"(x2), "r"(x3), [obj] "r"(obj)                                       \
                         : "memory")

PA_INLINE int pa_cas128_lse(volatile void *obj, pa_u128 *expected, pa_u128 desired, int smo,
                            int fmo)
{
    const uint64_t elo = PA_LO(*expected), ehi = PA_HI(*expected);
    register uint64_t x0 __asm__("x0") = elo;
    register uint64_t x1 __asm__("x1") = ehi;
    register uint64_t x2 __asm__("x2") = PA_LO(desired);
    register uint64_t x3 __asm__("x3") = PA_HI(desired);
    const int acq = pa_arm_acq(smo, fmo), rel = pa_arm_rel(smo);
    if (acq && rel) {
        PA_CASP("caspal");
    } else if (acq) {
        PA_CASP("caspa");
    } else if (rel) {
        PA_CASP("caspl");
    } else {
        PA_CASP("casp");
    }
    if (x0 == elo && x1 == ehi) {
        return 1;
    }
    *expected = PA_U128(x0, x1);
    return 0;
}

/* ldxp/stxp compare-and-swap (ARMv8.0). A pair read by ldxp is only known to be one atomic
 * 16-byte read once a store-exclusive to the same location succeeds, so a failed comparison also
 * stores the value it read back (unchanged) and retries if that store fails. */
#define PA_LLSC_CAS(LD, ST)                                                                      \
    __asm__ __volatile__("1:\n\t"                                                                \
                         LD " %[lo], %[hi], [%[obj]]\n\t"                                        \
                         "cmp %[lo], %[elo]\n\t"                                                 \
                         "ccmp %[hi], %[ehi], #0, eq\n\t"                                        \
                         "b.ne 2f\n\t"                                                           \
                         ST " %w[st], %[dlo], %[dhi], [%[obj]]\n\t"                              \
                         "cbnz %w[st], 1b\n\t"                                                   \
                         "mov %w[ok], #1\n\t"                                                    \
                         "b 3f\n"                                                                \
                         "2:\n\t"                                                                \
                         ST " %w[st], %[lo], %[hi], [%[obj]]\n\t"                                \
                         "cbnz %w[st], 1b\n\t"                                                   \
                         "mov %w[ok], #0\n"                                                      \
                         "3:"                                                                    \
                         : [lo] "=&r"(lo), [hi] "=&r"(hi), [st] "=&r"(st), [ok] "=&r"(ok),        \
                           "+m"(*(volatile pa_u128 *)obj)                                         \
                         : [elo] "r"(elo), [ehi] "r"(ehi), [dlo] "r"(PA_LO(desired)),             \
                           [dhi] "r"(PA_HI(desired)), [obj] "r"(obj)                              \
                         : "cc", "memory")

PA_INLINE int pa_cas128_llsc(volatile void *obj, pa_u128 *expected, pa_u128 desired, int smo,
                             int fmo)
{
    const uint64_t elo = PA_LO(*expected), ehi = PA_HI(*expected);
    uint64_t lo, hi;
    unsigned int st, ok;
    const int acq = pa_arm_acq(smo, fmo), rel = pa_arm_rel(smo);
    if (acq && rel) {
        PA_LLSC_CAS("ldaxp", "stlxp");
    } else if (acq) {
        PA_LLSC_CAS("ldaxp", "stxp");
    } else if (rel) {
        PA_LLSC_CAS("ldxp", "stlxp");
    } else {
        PA_LLSC_CAS("ldxp", "stxp");
    }
    if (!ok) {
        *expected = PA_U128(lo, hi);
    }
    return (int)ok;
}

/* One ldp: a single atomic 16-byte read of an aligned object with FEAT_LSE2. Acquire forms add
 * `dmb ishld` after it; SEQ_CST first does a load-acquire of the same location so that the read
 * cannot be reordered before an earlier store-release (the RCsc rule that makes stlr; ldar
 * sequentially consistent). */
PA_INLINE pa_u128 pa_load128_lse2(const volatile void *obj, int mo)
{
    uint64_t lo, hi;
    if (mo == PA_SEQ) {
        uint64_t tmp; /* the load-acquire's value is not needed, only its ordering */
        __asm__ __volatile__("ldar %[t], [%[obj]]\n\t"
                             "ldp %[lo], %[hi], [%[obj]]\n\t"
                             "dmb ishld"
                             : [lo] "=&r"(lo), [hi] "=&r"(hi), [t] "=&r"(tmp)
                             : [obj] "r"(obj), "m"(*(const volatile pa_u128 *)obj)
                             : "memory");
    } else if (mo == PA_ACQ || mo == PA_CON) {
        __asm__ __volatile__("ldp %[lo], %[hi], [%[obj]]\n\t"
                             "dmb ishld"
                             : [lo] "=&r"(lo), [hi] "=&r"(hi)
                             : [obj] "r"(obj), "m"(*(const volatile pa_u128 *)obj)
                             : "memory");
    } else {
        __asm__ __volatile__("ldp %[lo], %[hi], [%[obj]]"
                             : [lo] "=&r"(lo), [hi] "=&r"(hi)
                             : [obj] "r"(obj), "m"(*(const volatile pa_u128 *)obj)
                             : "memory");
    }
    return PA_U128(lo, hi);
}

#endif /* architecture */

/* The kernels of one 16-byte variant V, built on CAS (a pa_cas128_* function) and LOAD (a pure
 * 16-byte read, used only where the CPU makes it atomic). */
#define PA_DEFINE_KERNELS_128(V, CAS, LOAD)                                                      \
    PA_INLINE void pa_k_store_##V(volatile void *obj, const void *desired, int mo)               \
    {                                                                                            \
        pa_u128 d, o = pa_128_guess(obj);                                                        \
        memcpy(&d, desired, sizeof d);                                                           \
        while (!CAS(obj, &o, d, mo, PA_RLX)) {                                                   \
        }                                                                                        \
    }                                                                                            \
    PA_INLINE void pa_k_load_##V(const volatile void *obj, void *ret, int mo)                    \
    {                                                                                            \
        const pa_u128 v = LOAD(obj, mo);                                                         \
        memcpy(ret, &v, sizeof v);                                                               \
    }                                                                                            \
    PA_INLINE void pa_k_exchange_##V(volatile void *obj, const void *desired, void *ret, int mo) \
    {                                                                                            \
        pa_u128 d, o = pa_128_guess(obj);                                                        \
        memcpy(&d, desired, sizeof d);                                                           \
        while (!CAS(obj, &o, d, mo, PA_RLX)) {                                                   \
        }                                                                                        \
        memcpy(ret, &o, sizeof o);                                                               \
    }                                                                                            \
    /* weak and strong are the same: the CAS never fails spuriously */                         \
    PA_INLINE int pa_k_cmpxchg_weak_##V(volatile void *obj, void *expected, const void *desired, \
                                        int smo, int fmo)                                        \
    {                                                                                            \
        pa_u128 e, d;                                                                            \
        int ok;                                                                                  \
        memcpy(&e, expected, sizeof e);                                                          \
        memcpy(&d, desired, sizeof d);                                                           \
        ok = CAS(obj, &e, d, smo, fmo);                                                          \
        if (!ok) {                                                                               \
            memcpy(expected, &e, sizeof e);                                                      \
        }                                                                                        \
        return ok;                                                                               \
    }                                                                                            \
    PA_INLINE int pa_k_cmpxchg_strong_##V(volatile void *obj, void *expected,                    \
                                          const void *desired, int smo, int fmo)                 \
    {                                                                                            \
        return pa_k_cmpxchg_weak_##V(obj, expected, desired, smo, fmo);                          \
    }                                                                                            \
    PA_INLINE int pa_k_test_##V(const volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        return (int)((LOAD(obj, mo) >> offset) & 1u);                                            \
    }                                                                                            \
    /* the old value after replacing it with F(old, a) */                                        \
    PA_INLINE pa_u128 pa_k_rmw_##V(volatile void *obj, int f, pa_u128 a, int mo)                 \
    {                                                                                            \
        pa_u128 o = pa_128_guess(obj);                                                           \
        while (!CAS(obj, &o, pa_128_apply(f, o, a), mo, PA_RLX)) {                               \
        }                                                                                        \
        return o;                                                                                \
    }                                                                                            \
    PA_INLINE int pa_k_test_compl_##V(volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        const pa_u128 m = (pa_u128)1 << offset;                                                  \
        return (pa_k_rmw_##V(obj, PA_F_XOR, m, mo) & m) != 0;                                    \
    }                                                                                            \
    PA_INLINE int pa_k_test_set_##V(volatile void *obj, int offset, int mo)                      \
    {                                                                                            \
        const pa_u128 m = (pa_u128)1 << offset;                                                  \
        return (pa_k_rmw_##V(obj, PA_F_OR, m, mo) & m) != 0;                                     \
    }                                                                                            \
    PA_INLINE int pa_k_test_reset_##V(volatile void *obj, int offset, int mo)                    \
    {                                                                                            \
        const pa_u128 m = (pa_u128)1 << offset;                                                  \
        return (pa_k_rmw_##V(obj, PA_F_AND, ~m, mo) & m) != 0;                                   \
    }                                                                                            \
    PA_DEFINE_BINARY_KERNEL_128(V, or, PA_F_OR)                                                  \
    PA_DEFINE_BINARY_KERNEL_128(V, xor, PA_F_XOR)                                                \
    PA_DEFINE_BINARY_KERNEL_128(V, and, PA_F_AND)                                                \
    PA_DEFINE_BINARY_KERNEL_128(V, add, PA_F_ADD)                                                \
    PA_DEFINE_BINARY_KERNEL_128(V, sub, PA_F_SUB)                                                \
    PA_DEFINE_NOARG_KERNEL_128(V, not, PA_F_NOT)                                                 \
    PA_DEFINE_NOARG_KERNEL_128(V, inc, PA_F_INC)                                                 \
    PA_DEFINE_NOARG_KERNEL_128(V, dec, PA_F_DEC)                                                 \
    PA_DEFINE_NOARG_KERNEL_128(V, neg, PA_F_NEG)

#define PA_DEFINE_BINARY_KERNEL_128(V, OP, F)                                                    \
    PA_INLINE void pa_k_##OP##_##V(volatile void *obj, const void *arg, int mo)                  \
    {                                                                                            \
        pa_u128 a;                                                                               \
        memcpy(&a, arg, sizeof a);                                                               \
        (void)pa_k_rmw_##V(obj, F, a, mo);                                                       \
    }                                                                                            \
    PA_INLINE void pa_k_fetch_##OP##_##V(volatile void *obj, const void *arg, void *ret, int mo) \
    {                                                                                            \
        pa_u128 a;                                                                               \
        memcpy(&a, arg, sizeof a);                                                               \
        a = pa_k_rmw_##V(obj, F, a, mo);                                                         \
        memcpy(ret, &a, sizeof a);                                                               \
    }

#define PA_DEFINE_NOARG_KERNEL_128(V, OP, F)                                                     \
    PA_INLINE void pa_k_##OP##_##V(volatile void *obj, int mo)                                   \
    {                                                                                            \
        (void)pa_k_rmw_##V(obj, F, 0, mo);                                                       \
    }                                                                                            \
    PA_INLINE void pa_k_fetch_##OP##_##V(volatile void *obj, void *ret, int mo)                  \
    {                                                                                            \
        const pa_u128 old = pa_k_rmw_##V(obj, F, 0, mo);                                         \
        memcpy(ret, &old, sizeof old);                                                           \
    }

/* The new value of a read-modify-write; f is a constant after inlining, so the switch folds. */
enum { PA_F_OR, PA_F_XOR, PA_F_AND, PA_F_ADD, PA_F_SUB, PA_F_NOT, PA_F_INC, PA_F_DEC, PA_F_NEG };

PA_INLINE pa_u128 pa_128_apply(int f, pa_u128 o, pa_u128 a)
{
    switch (f) {
    case PA_F_OR: return o | a;
    case PA_F_XOR: return o ^ a;
    case PA_F_AND: return o & a;
    case PA_F_ADD: return o + a;
    case PA_F_SUB: return o - a;
    case PA_F_NOT: return ~o;
    case PA_F_INC: return o + 1;
    case PA_F_DEC: return o - 1;
    default: return 0 - o;
    }
}

#if defined(__x86_64__)
PA_DEFINE_KERNELS_128(128, pa_cas128_x86, pa_load128_x86)
#else
PA_DEFINE_KERNELS_128(128lse, pa_cas128_lse, pa_load128_lse2)
PA_DEFINE_KERNELS_128(128llsc, pa_cas128_llsc, pa_load128_lse2)
#endif

#endif /* PA_HAVE_128 */

/* ================================================================================================
 * Explicit ops: the memory order is a run-time argument.
 * ============================================================================================== */

#define PA_DEFINE_EXPLICIT_BINARY(N, OP)                                                         \
    PA_DISTINCT static void pa_e_##OP##_##N(volatile void *obj, const void *arg, int order)      \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_##OP##_##N, obj, arg)                                          \
    }                                                                                            \
    PA_DISTINCT static void pa_e_fetch_##OP##_##N(volatile void *obj, const void *arg, int order, void *ret) \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_fetch_##OP##_##N, obj, arg, ret)                               \
    }

#define PA_DEFINE_EXPLICIT_NOARG(N, OP)                                                          \
    PA_DISTINCT static void pa_e_##OP##_##N(volatile void *obj, int order)                       \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_##OP##_##N, obj)                                               \
    }                                                                                            \
    PA_DISTINCT static void pa_e_fetch_##OP##_##N(volatile void *obj, int order, void *ret)      \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_fetch_##OP##_##N, obj, ret)                                    \
    }

#define PA_DEFINE_EXPLICIT_TEST_MODIFY(N, OP)                                                    \
    PA_DISTINCT static int pa_e_##OP##_##N(volatile void *obj, int offset, int order)            \
    {                                                                                            \
        int pa_r;                                                                                \
        PA_SWITCH_ANY(order, pa_r = pa_k_##OP##_##N, obj, offset)                                \
        return pa_r;                                                                             \
    }

#define PA_DEFINE_EXPLICIT_CMPXCHG(N, KIND)                                                      \
    PA_DISTINCT static int pa_e_cmpxchg_##KIND##_##N(volatile void *obj, void *expected, const void *desired, \
                                         int succ, int fail)                                     \
    {                                                                                            \
        int pa_r;                                                                                \
        PA_SWITCH_CMPXCHG(succ, fail, pa_r = pa_k_cmpxchg_##KIND##_##N, obj, expected, desired)  \
        return pa_r;                                                                             \
    }

#define PA_DEFINE_EXPLICIT(N)                                                                    \
    PA_DISTINCT static void pa_e_store_##N(volatile void *obj, const void *desired, int order)   \
    {                                                                                            \
        PA_SWITCH_STORE(order, pa_k_store_##N, obj, desired)                                     \
    }                                                                                            \
    PA_DISTINCT static void pa_e_load_##N(const volatile void *obj, int order, void *ret)        \
    {                                                                                            \
        PA_SWITCH_LOAD(order, pa_k_load_##N, obj, ret)                                           \
    }                                                                                            \
    PA_DISTINCT static void pa_e_exchange_##N(volatile void *obj, const void *desired, int order, void *ret) \
    {                                                                                            \
        PA_SWITCH_ANY(order, pa_k_exchange_##N, obj, desired, ret)                               \
    }                                                                                            \
    PA_DEFINE_EXPLICIT_CMPXCHG(N, weak)                                                          \
    PA_DEFINE_EXPLICIT_CMPXCHG(N, strong)                                                        \
    PA_DISTINCT static int pa_e_test_##N(const volatile void *obj, int offset, int order)        \
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

#if PA_HAVE_128
#  if defined(__x86_64__)
PA_DEFINE_EXPLICIT(128)
#  else
PA_DEFINE_EXPLICIT(128lse)
PA_DEFINE_EXPLICIT(128llsc)
#  endif
#endif

/* ================================================================================================
 * Implicit ops: one function per (width, op, order). O is the order's name, MO its constant,
 * FMO the fail order of a compare-exchange (cmpxchg_fail_order(order)).
 * ============================================================================================== */

#define PA_DEFINE_IMPLICIT_STORE(N, O, MO)                                                       \
    PA_DISTINCT static void pa_i_store_##N##_##O(volatile void *obj, const void *desired)        \
    {                                                                                            \
        pa_k_store_##N(obj, desired, MO);                                                        \
    }

#define PA_DEFINE_IMPLICIT_LOAD(N, O, MO)                                                        \
    PA_DISTINCT static void pa_i_load_##N##_##O(const volatile void *obj, void *ret)             \
    {                                                                                            \
        pa_k_load_##N(obj, ret, MO);                                                             \
    }                                                                                            \
    PA_DISTINCT static int pa_i_test_##N##_##O(const volatile void *obj, int offset)             \
    {                                                                                            \
        return pa_k_test_##N(obj, offset, MO);                                                   \
    }

#define PA_DEFINE_IMPLICIT_BINARY(N, O, MO, OP)                                                  \
    PA_DISTINCT static void pa_i_##OP##_##N##_##O(volatile void *obj, const void *arg)           \
    {                                                                                            \
        pa_k_##OP##_##N(obj, arg, MO);                                                           \
    }                                                                                            \
    PA_DISTINCT static void pa_i_fetch_##OP##_##N##_##O(volatile void *obj, const void *arg, void *ret) \
    {                                                                                            \
        pa_k_fetch_##OP##_##N(obj, arg, ret, MO);                                                \
    }

#define PA_DEFINE_IMPLICIT_NOARG(N, O, MO, OP)                                                   \
    PA_DISTINCT static void pa_i_##OP##_##N##_##O(volatile void *obj)                            \
    {                                                                                            \
        pa_k_##OP##_##N(obj, MO);                                                                \
    }                                                                                            \
    PA_DISTINCT static void pa_i_fetch_##OP##_##N##_##O(volatile void *obj, void *ret)           \
    {                                                                                            \
        pa_k_fetch_##OP##_##N(obj, ret, MO);                                                     \
    }

#define PA_DEFINE_IMPLICIT_TEST_MODIFY(N, O, MO, OP)                                             \
    PA_DISTINCT static int pa_i_##OP##_##N##_##O(volatile void *obj, int offset)                 \
    {                                                                                            \
        return pa_k_##OP##_##N(obj, offset, MO);                                                 \
    }

/* The 24 operations valid for every order. */
#define PA_DEFINE_IMPLICIT_RMW(N, O, MO, FMO)                                                    \
    PA_DISTINCT static void pa_i_exchange_##N##_##O(volatile void *obj, const void *desired, void *ret) \
    {                                                                                            \
        pa_k_exchange_##N(obj, desired, ret, MO);                                                \
    }                                                                                            \
    PA_DISTINCT static int pa_i_cmpxchg_weak_##N##_##O(volatile void *obj, void *expected,       \
                                           const void *desired)                                  \
    {                                                                                            \
        return pa_k_cmpxchg_weak_##N(obj, expected, desired, MO, FMO);                           \
    }                                                                                            \
    PA_DISTINCT static int pa_i_cmpxchg_strong_##N##_##O(volatile void *obj, void *expected,     \
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
    /* ACQUIRE: no store. CONSUME gets this table too, as upstream (compilers implement consume \
     * as acquire anyway) */                                                                     \
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
        &pa_implicit_ops_##N##_relaxed, &pa_implicit_ops_##N##_acquire,                          \
        &pa_implicit_ops_##N##_acquire, &pa_implicit_ops_##N##_release,                          \
        &pa_implicit_ops_##N##_acq_rel, &pa_implicit_ops_##N##_seq_cst                           \
    };

PA_DEFINE_IMPLICIT(8)
PA_DEFINE_IMPLICIT(16)
PA_DEFINE_IMPLICIT(32)
PA_DEFINE_IMPLICIT(64)

#if PA_HAVE_128
#  if defined(__x86_64__)
PA_DEFINE_IMPLICIT(128)
#  else
PA_DEFINE_IMPLICIT(128lse)
PA_DEFINE_IMPLICIT(128llsc)
#  endif
#endif

/* ================================================================================================
 * Entry points.
 * ============================================================================================== */

/* This implementation's identity in the kinds/ids filters. */
#define PA_IMPL_ID patomic_id_STDC
#define PA_IMPL_KIND patomic_kind_BLTN

static const patomic_align_t pa_align_unsupported = { 1, 1, 0 };

/* A broken precondition that the ABI treats as fatal in every build: say what, then abort. */
__attribute__((noreturn, cold)) static void pa_fatal(const char *function, const char *what,
                                                     long value)
{
    fprintf(stderr, "patomic: %s: %s (%ld)\n", function, what, value);
    fflush(stderr);
    abort();
}

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

/* ---- CPU features for width 16 ------------------------------------------------------------- */

#define PA_F128_CAS 0x1  /* a lock-free 16-byte CAS: the table exists */
#define PA_F128_LOAD 0x2 /* a single atomic 16-byte read: the load and test slots exist */
#define PA_F128_LSE 0x4  /* aarch64: casp (else the ldxp/stxp loop) */

#if PA_HAVE_128 && defined(__x86_64__)
static int pa_detect_features(void)
{
    unsigned int a, b, c, d;
    int f = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_CMPXCHG16B)) {
        return 0;
    }
    f = PA_F128_CAS;
    /* Intel and AMD guarantee that an aligned 16-byte movdqa is one atomic access on processors
     * that enumerate AVX; other vendors make no such promise, so they get no load. */
    if (c & bit_AVX) {
        unsigned int max, vb, vc, vd;
        if (__get_cpuid(0, &max, &vb, &vc, &vd)) {
            const int intel = vb == 0x756e6547u && vd == 0x49656e69u && vc == 0x6c65746eu;
            const int amd = vb == 0x68747541u && vd == 0x69746e65u && vc == 0x444d4163u;
            if (intel || amd) {
                f |= PA_F128_LOAD;
            }
        }
    }
    return f;
}
#elif PA_HAVE_128 && defined(__aarch64__) && defined(__linux__)
#  ifndef HWCAP_ATOMICS
#    define HWCAP_ATOMICS (1ul << 8)
#  endif
#  ifndef HWCAP_USCAT
#    define HWCAP_USCAT (1ul << 25)
#  endif
static int pa_detect_features(void)
{
    const unsigned long hw = getauxval(AT_HWCAP);
    /* ldxp/stxp exist on every ARMv8-A CPU */
    int f = PA_F128_CAS;
    if (hw & HWCAP_ATOMICS) {
        f |= PA_F128_LSE;
    }
    if (hw & HWCAP_USCAT) {
        f |= PA_F128_LOAD; /* FEAT_LSE2: an aligned ldp of two 64-bit registers is atomic */
    }
#  if defined(PATOMIC_TEST_ONLY_ASSUME_LSE2)
    /* Never in a shipped build: lets the tests run the ldp load under an emulator that lacks
     * FEAT_LSE2 (single-threaded model checks only, since such an ldp is not atomic). */
    f |= PA_F128_LOAD;
#  endif
    return f;
}
#else
static int pa_detect_features(void)
{
    return 0;
}
#endif

/* Detected once; a racing first call computes the same value twice, harmlessly. */
static int pa_features(void)
{
    static int cached = -1;
    int f = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (f < 0) {
        f = pa_detect_features();
        __atomic_store_n(&cached, f, __ATOMIC_RELAXED);
    }
    return f;
}

#if PA_HAVE_128
#  if defined(__x86_64__)
#    define PA_EXPLICIT_128(f) (&pa_explicit_ops_128)
#    define PA_IMPLICIT_128(f, o) (pa_implicit_ops_128[o])
#  else
#    define PA_EXPLICIT_128(f) ((f) & PA_F128_LSE ? &pa_explicit_ops_128lse : &pa_explicit_ops_128llsc)
#    define PA_IMPLICIT_128(f, o)                                                                \
        ((f) & PA_F128_LSE ? pa_implicit_ops_128lse[o] : pa_implicit_ops_128llsc[o])
#  endif
#endif

PATOMIC_EXPORT patomic_t patomic_create(size_t byte_width, patomic_memory_order_t order,
                                        unsigned int options, unsigned int kinds,
                                        unsigned long ids)
{
    patomic_t r;
    const int o = (int)order;
    (void)options; /* patomic_option_NONE is the only option; any value is ignored */

    /* checked before anything else, like upstream's always-on assertion */
    if (!pa_valid_order(o)) {
        pa_fatal("patomic_create", "order is not a valid patomic_memory_order_t", (long)o);
    }
    memset(&r, 0, sizeof r);
    r.align = pa_align_unsupported;
    if (!pa_selected(kinds, ids)) {
        return r;
    }
    switch (byte_width) {
    case 1: r.ops = *pa_implicit_ops_8[o]; break;
    case 2: r.ops = *pa_implicit_ops_16[o]; break;
    case 4: r.ops = *pa_implicit_ops_32[o]; break;
    case 8: r.ops = *pa_implicit_ops_64[o]; break;
#if PA_HAVE_128
    case 16: {
        const int f = pa_features();
        if (!(f & PA_F128_CAS)) {
            return r;
        }
        r.ops = *PA_IMPLICIT_128(f, o);
        if (!(f & PA_F128_LOAD)) {
            r.ops.fp_load = NULL;
            r.ops.bitwise_ops.fp_test = NULL;
        }
        break;
    }
#endif
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
#if PA_HAVE_128
    case 16: {
        const int f = pa_features();
        if (!(f & PA_F128_CAS)) {
            return r;
        }
        r.ops = *PA_EXPLICIT_128(f);
        if (!(f & PA_F128_LOAD)) {
            r.ops.fp_load = NULL;
            r.ops.bitwise_ops.fp_test = NULL;
        }
        break;
    }
#endif
    default: return r;
    }
    r.align = pa_align_of(byte_width);
    return r;
}

PATOMIC_EXPORT patomic_transaction_t patomic_create_transaction(unsigned int options,
                                                                unsigned int kinds,
                                                                unsigned long ids)
{
    /* No transactional implementation (upstream 1.1.0 has none on any platform either): every
     * slot NULL, whatever the arguments. Callers see it through the feature checks. */
    patomic_transaction_t r;
    (void)options;
    (void)kinds;
    (void)ids;
    memset(&r, 0, sizeof r);
    return r;
}

/* ================================================================================================
 * Combine, feature checks, ids and kinds, transaction status.
 * ============================================================================================== */

typedef void (*pa_fp_t)(void);

/* The tables are arrays of function pointers in disguise; these layouts are what the slot-wise
 * code below relies on. */
_Static_assert(sizeof(patomic_ops_t) == PATOMIC_OPS_COUNT * sizeof(pa_fp_t), "ops layout");
_Static_assert(sizeof(patomic_ops_explicit_t) == PATOMIC_OPS_COUNT * sizeof(pa_fp_t),
               "explicit ops layout");
_Static_assert(sizeof(patomic_ops_transaction_t) == PATOMIC_OPS_TRANSACTION_COUNT * sizeof(pa_fp_t),
               "transaction ops layout");

/* Each slot's category and kind, in slot order (the first 27 are shared by all three tables). */
static const struct {
    unsigned short opcat;
    unsigned char opkind;
} pa_slot_kinds[PATOMIC_OPS_TRANSACTION_COUNT] = {
    { patomic_opcat_LDST, patomic_opkind_STORE },
    { patomic_opcat_LDST, patomic_opkind_LOAD },
    { patomic_opcat_XCHG, patomic_opkind_EXCHANGE },
    { patomic_opcat_XCHG, patomic_opkind_CMPXCHG_WEAK },
    { patomic_opcat_XCHG, patomic_opkind_CMPXCHG_STRONG },
    { patomic_opcat_BIT, patomic_opkind_TEST },
    { patomic_opcat_BIT, patomic_opkind_TEST_COMPL },
    { patomic_opcat_BIT, patomic_opkind_TEST_SET },
    { patomic_opcat_BIT, patomic_opkind_TEST_RESET },
    { patomic_opcat_BIN_V, patomic_opkind_OR },
    { patomic_opcat_BIN_V, patomic_opkind_XOR },
    { patomic_opcat_BIN_V, patomic_opkind_AND },
    { patomic_opcat_BIN_V, patomic_opkind_NOT },
    { patomic_opcat_BIN_F, patomic_opkind_OR },
    { patomic_opcat_BIN_F, patomic_opkind_XOR },
    { patomic_opcat_BIN_F, patomic_opkind_AND },
    { patomic_opcat_BIN_F, patomic_opkind_NOT },
    { patomic_opcat_ARI_V, patomic_opkind_ADD },
    { patomic_opcat_ARI_V, patomic_opkind_SUB },
    { patomic_opcat_ARI_V, patomic_opkind_INC },
    { patomic_opcat_ARI_V, patomic_opkind_DEC },
    { patomic_opcat_ARI_V, patomic_opkind_NEG },
    { patomic_opcat_ARI_F, patomic_opkind_ADD },
    { patomic_opcat_ARI_F, patomic_opkind_SUB },
    { patomic_opcat_ARI_F, patomic_opkind_INC },
    { patomic_opcat_ARI_F, patomic_opkind_DEC },
    { patomic_opcat_ARI_F, patomic_opkind_NEG },
    { patomic_opcat_TSPEC, patomic_opkind_DOUBLE_CMPXCHG },
    { patomic_opcat_TSPEC, patomic_opkind_MULTI_CMPXCHG },
    { patomic_opcat_TSPEC, patomic_opkind_GENERIC },
    { patomic_opcat_TSPEC, patomic_opkind_GENERIC_WFB },
    { patomic_opcat_TFLAG, patomic_opkind_TEST },
    { patomic_opcat_TFLAG, patomic_opkind_TEST_SET },
    { patomic_opcat_TFLAG, patomic_opkind_CLEAR },
    { patomic_opcat_TRAW, patomic_opkind_TBEGIN },
    { patomic_opcat_TRAW, patomic_opkind_TCOMMIT },
    { patomic_opcat_TRAW, patomic_opkind_TABORT_ALL },
    { patomic_opcat_TRAW, patomic_opkind_TABORT_SINGLE },
    { patomic_opcat_TRAW, patomic_opkind_TTEST },
    { patomic_opcat_TRAW, patomic_opkind_TDEPTH },
};

static void pa_combine_slots(pa_fp_t *p, const pa_fp_t *o, patomic_align_t *pa,
                             const patomic_align_t *oa)
{
    pa_fp_t ps[PATOMIC_OPS_COUNT], os[PATOMIC_OPS_COUNT];
    int i, copied = 0;
    memcpy(ps, p, sizeof ps);
    memcpy(os, o, sizeof os);
    for (i = 0; i < PATOMIC_OPS_COUNT; ++i) {
        if (ps[i] == NULL && os[i] != NULL) {
            ps[i] = os[i];
            copied = 1;
        }
    }
    if (!copied) {
        return; /* nothing taken from `other`: its alignment does not apply */
    }
    memcpy(p, ps, sizeof ps);
    if (oa->recommended > pa->recommended) {
        pa->recommended = oa->recommended;
    }
    if (oa->minimum > pa->minimum) {
        pa->minimum = oa->minimum;
    }
    /* size_within 0 means "no limit", so the tighter limit is the smaller non-zero one */
    if (pa->size_within == 0 || (oa->size_within != 0 && oa->size_within < pa->size_within)) {
        pa->size_within = oa->size_within;
    }
}

PATOMIC_EXPORT void patomic_combine(patomic_t *priority, const patomic_t *other)
{
    pa_combine_slots((pa_fp_t *)(void *)&priority->ops, (const pa_fp_t *)(const void *)&other->ops,
                     &priority->align, &other->align);
}

PATOMIC_EXPORT void patomic_combine_explicit(patomic_explicit_t *priority,
                                             const patomic_explicit_t *other)
{
    pa_combine_slots((pa_fp_t *)(void *)&priority->ops, (const pa_fp_t *)(const void *)&other->ops,
                     &priority->align, &other->align);
}

/* all (want_all != 0) or any check over the first `nslots` slots; `known` is the table type's
 * category mask. */
static unsigned int pa_check_cats(const void *ops, int nslots, unsigned int known,
                                  unsigned int opcats, int want_all)
{
    pa_fp_t s[PATOMIC_OPS_TRANSACTION_COUNT];
    unsigned int cat;
    if (opcats == 0) {
        return 0; /* without reading ops */
    }
    memcpy(s, ops, (size_t)nslots * sizeof s[0]);
    for (cat = 1; cat != 0 && cat <= known; cat <<= 1) {
        int i, total = 0, present = 0;
        if (!(opcats & cat & known)) {
            continue;
        }
        for (i = 0; i < nslots; ++i) {
            if (pa_slot_kinds[i].opcat == cat) {
                ++total;
                present += s[i] != NULL;
            }
        }
        if (want_all ? present == total : present > 0) {
            opcats &= ~cat;
        }
    }
    return opcats;
}

static unsigned int pa_check_leaf(const char *function, const void *ops, int nslots,
                                  unsigned int known, unsigned int opcat, unsigned int opkinds)
{
    pa_fp_t s[PATOMIC_OPS_TRANSACTION_COUNT];
    int i;
    if (opcat == 0 || (opcat & (opcat - 1)) != 0) {
        pa_fatal(function, "opcat must have exactly one bit set", (long)opcat);
    }
    if (opkinds == 0) {
        return 0;
    }
    if (!(opcat & known)) {
        return opkinds; /* a category this table type does not have */
    }
    memcpy(s, ops, (size_t)nslots * sizeof s[0]);
    for (i = 0; i < nslots; ++i) {
        if (pa_slot_kinds[i].opcat == opcat && s[i] != NULL) {
            opkinds &= ~(unsigned int)pa_slot_kinds[i].opkind;
        }
    }
    return opkinds;
}

PATOMIC_EXPORT unsigned int patomic_feature_check_all(const patomic_ops_t *ops, unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_COUNT, patomic_opcats_IMPLICIT, opcats, 1);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_all_explicit(const patomic_ops_explicit_t *ops,
                                                               unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_COUNT, patomic_opcats_EXPLICIT, opcats, 1);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_all_transaction(
    const patomic_ops_transaction_t *ops, unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_TRANSACTION_COUNT, patomic_opcats_TRANSACTION, opcats, 1);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_any(const patomic_ops_t *ops, unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_COUNT, patomic_opcats_IMPLICIT, opcats, 0);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_any_explicit(const patomic_ops_explicit_t *ops,
                                                               unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_COUNT, patomic_opcats_EXPLICIT, opcats, 0);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_any_transaction(
    const patomic_ops_transaction_t *ops, unsigned int opcats)
{
    return pa_check_cats(ops, PATOMIC_OPS_TRANSACTION_COUNT, patomic_opcats_TRANSACTION, opcats, 0);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_leaf(const patomic_ops_t *ops,
                                                       patomic_opcat_t opcat, unsigned int opkinds)
{
    return pa_check_leaf("patomic_feature_check_leaf", ops, PATOMIC_OPS_COUNT,
                         patomic_opcats_IMPLICIT, opcat, opkinds);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_leaf_explicit(const patomic_ops_explicit_t *ops,
                                                                patomic_opcat_t opcat,
                                                                unsigned int opkinds)
{
    return pa_check_leaf("patomic_feature_check_leaf_explicit", ops, PATOMIC_OPS_COUNT,
                         patomic_opcats_EXPLICIT, opcat, opkinds);
}

PATOMIC_EXPORT unsigned int patomic_feature_check_leaf_transaction(
    const patomic_ops_transaction_t *ops, patomic_opcat_t opcat, unsigned int opkinds)
{
    return pa_check_leaf("patomic_feature_check_leaf_transaction", ops,
                         PATOMIC_OPS_TRANSACTION_COUNT, patomic_opcats_TRANSACTION, opcat, opkinds);
}

/* The registered implementations, as upstream registers them on every platform: NULL (id 0,
 * kind UNKN), STDC (kind BLTN: this library) and MSVC (kind ASM: empty outside MSVC builds). */
PATOMIC_EXPORT unsigned long patomic_get_ids(unsigned int kinds)
{
    unsigned long ids = 0;
    if (kinds & patomic_kind_BLTN) {
        ids |= patomic_id_STDC;
    }
    if (kinds & patomic_kind_ASM) {
        ids |= patomic_id_MSVC;
    }
    return ids;
}

PATOMIC_EXPORT unsigned int patomic_get_kind(unsigned long id)
{
    if ((id & (id - 1)) != 0) {
        pa_fatal("patomic_get_kind", "id must have at most one bit set", (long)id);
    }
    switch (id) {
    case patomic_id_STDC: return patomic_kind_BLTN;
    case patomic_id_MSVC: return patomic_kind_ASM;
    default: return patomic_kind_UNKN; /* NULL, and ids nobody registered */
    }
}

PATOMIC_EXPORT patomic_transaction_exit_code_t patomic_transaction_status_exit_code(
    unsigned long status)
{
    return (patomic_transaction_exit_code_t)(status & 0xffu);
}

PATOMIC_EXPORT unsigned int patomic_transaction_status_exit_info(unsigned long status)
{
    return (unsigned int)((status >> 16) & 0xffu);
}

PATOMIC_EXPORT unsigned char patomic_transaction_status_abort_reason(unsigned long status)
{
    return (unsigned char)((status >> 8) & 0xffu);
}

/* ================================================================================================
 * Versions, alignment, memory orders.
 * ============================================================================================== */

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
    /* a constant, as upstream's on every platform (x86 adjacent-line prefetch makes 128 the safe
     * stride there; the ABI pads transaction flags for 128 too) */
    return 128;
}

static int pa_pow2(size_t x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

PATOMIC_EXPORT int patomic_align_meets_recommended(const volatile void *ptr, patomic_align_t align)
{
    /* an alignment that is not a power of two is no alignment at all */
    return pa_pow2(align.recommended) && ((uintptr_t)ptr & (align.recommended - 1)) == 0;
}

PATOMIC_EXPORT int patomic_align_meets_minimum(const volatile void *ptr, patomic_align_t align,
                                               size_t width)
{
    const uintptr_t addr = (uintptr_t)ptr;
    if (!pa_pow2(align.minimum) || (addr & (align.minimum - 1)) != 0) {
        return 0;
    }
    if (align.size_within == 0) {
        return 1;
    }
    /* [addr, addr + width) inside one block of size_within bytes; a size_within that is not a
     * power of two is accepted, with a plain remainder */
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
