/*
 * atomics-core: declarations of the patomic 1.x C ABI.
 *
 * This header is this project's own description of the ABI (see patomic-abi.md): the types, the
 * constants and the entry points that the bundled libpatomic exports, laid out exactly like the
 * upstream 1.x ABI so that a caller can use either library through the same declarations.
 *
 * Every operation of an ops table works on an object of `byte_width` bytes, read as a native
 * unsigned integer of that width in the machine's byte order. A NULL pointer means the operation is
 * not supported for that width (or, in an implicit table, not valid for the table's memory order).
 */
#ifndef ATOMICS_PATOMIC_PATOMIC_H
#define ATOMICS_PATOMIC_PATOMIC_H

#include <stddef.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(PATOMIC_BUILDING_LIBRARY)
#    define PATOMIC_EXPORT __declspec(dllexport)
#  else
#    define PATOMIC_EXPORT __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define PATOMIC_EXPORT __attribute__((visibility("default")))
#else
#  define PATOMIC_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------------
 * Version of the ABI this header describes.
 * ---------------------------------------------------------------------------------------------- */

#define PATOMIC_VERSION_MAJOR 1
#define PATOMIC_VERSION_MINOR 1
#define PATOMIC_VERSION_PATCH 0
#define PATOMIC_VERSION_STRING "1.1.0"

/* ------------------------------------------------------------------------------------------------
 * Memory orders (passed as int across the ABI).
 * ---------------------------------------------------------------------------------------------- */

typedef enum {
    patomic_RELAXED = 0,
    patomic_CONSUME = 1,
    patomic_ACQUIRE = 2,
    patomic_RELEASE = 3,
    patomic_ACQ_REL = 4,
    patomic_SEQ_CST = 5
} patomic_memory_order_t;

/* ------------------------------------------------------------------------------------------------
 * Options, implementation kinds and implementation ids (filters for patomic_create*).
 * ---------------------------------------------------------------------------------------------- */

/* options: a single value */
#define patomic_option_NONE 0u

/* kinds: bit set (unsigned int) */
#define patomic_kind_UNKN 0x0u
#define patomic_kind_DYN  0x1u
#define patomic_kind_OS   0x2u
#define patomic_kind_LIB  0x4u
#define patomic_kind_BLTN 0x8u
#define patomic_kind_ASM  0x10u
#define patomic_kind_ALL  0x1fu

/* ids: bit set (unsigned long) */
#define patomic_id_NULL 0ul
#define patomic_id_STDC (1ul << 0)
#define patomic_id_MSVC (1ul << 1)
#define patomic_id_ALL  (~0ul)

/* ------------------------------------------------------------------------------------------------
 * Alignment requirements of a width.
 *   recommended: the alignment the C language needs (always valid)
 *   minimum:     the alignment the architecture needs, valid only while the object lies inside one
 *                aligned block of size_within bytes (size_within == 0: always valid)
 * ---------------------------------------------------------------------------------------------- */

typedef struct {
    size_t recommended;
    size_t minimum;
    size_t size_within;
} patomic_align_t;

/* ------------------------------------------------------------------------------------------------
 * Operation signatures, implicit (memory order fixed when the table was created).
 * ---------------------------------------------------------------------------------------------- */

typedef void (*patomic_fn_store_t)(volatile void *obj, const void *desired);
typedef void (*patomic_fn_load_t)(const volatile void *obj, void *ret);
typedef void (*patomic_fn_exchange_t)(volatile void *obj, const void *desired, void *ret);
typedef int  (*patomic_fn_cmpxchg_t)(volatile void *obj, void *expected, const void *desired);
typedef int  (*patomic_fn_test_t)(const volatile void *obj, int offset);
typedef int  (*patomic_fn_test_modify_t)(volatile void *obj, int offset);
typedef void (*patomic_fn_fetch_t)(volatile void *obj, const void *arg, void *ret);
typedef void (*patomic_fn_fetch_noarg_t)(volatile void *obj, void *ret);
typedef void (*patomic_fn_void_t)(volatile void *obj, const void *arg);
typedef void (*patomic_fn_void_noarg_t)(volatile void *obj);

/* ------------------------------------------------------------------------------------------------
 * Operation signatures, explicit (memory order passed at each call).
 * ---------------------------------------------------------------------------------------------- */

typedef void (*patomic_fn_explicit_store_t)(volatile void *obj, const void *desired, int order);
typedef void (*patomic_fn_explicit_load_t)(const volatile void *obj, int order, void *ret);
typedef void (*patomic_fn_explicit_exchange_t)(volatile void *obj, const void *desired, int order,
                                               void *ret);
typedef int  (*patomic_fn_explicit_cmpxchg_t)(volatile void *obj, void *expected,
                                              const void *desired, int succ, int fail);
typedef int  (*patomic_fn_explicit_test_t)(const volatile void *obj, int offset, int order);
typedef int  (*patomic_fn_explicit_test_modify_t)(volatile void *obj, int offset, int order);
typedef void (*patomic_fn_explicit_fetch_t)(volatile void *obj, const void *arg, int order,
                                            void *ret);
typedef void (*patomic_fn_explicit_fetch_noarg_t)(volatile void *obj, int order, void *ret);
typedef void (*patomic_fn_explicit_void_t)(volatile void *obj, const void *arg, int order);
typedef void (*patomic_fn_explicit_void_noarg_t)(volatile void *obj, int order);

/* ------------------------------------------------------------------------------------------------
 * Ops tables: 27 pointers in ABI order (store, load, 3 xchg, 4 bitwise, 8 binary, 10 arithmetic).
 * ---------------------------------------------------------------------------------------------- */

typedef struct {
    patomic_fn_exchange_t fp_exchange;
    patomic_fn_cmpxchg_t fp_cmpxchg_weak;
    patomic_fn_cmpxchg_t fp_cmpxchg_strong;
} patomic_ops_xchg_t;

typedef struct {
    patomic_fn_test_t fp_test;
    patomic_fn_test_modify_t fp_test_compl;
    patomic_fn_test_modify_t fp_test_set;
    patomic_fn_test_modify_t fp_test_reset;
} patomic_ops_bitwise_t;

typedef struct {
    patomic_fn_void_t fp_or;
    patomic_fn_void_t fp_xor;
    patomic_fn_void_t fp_and;
    patomic_fn_void_noarg_t fp_not;
    patomic_fn_fetch_t fp_fetch_or;
    patomic_fn_fetch_t fp_fetch_xor;
    patomic_fn_fetch_t fp_fetch_and;
    patomic_fn_fetch_noarg_t fp_fetch_not;
} patomic_ops_binary_t;

typedef struct {
    patomic_fn_void_t fp_add;
    patomic_fn_void_t fp_sub;
    patomic_fn_void_noarg_t fp_inc;
    patomic_fn_void_noarg_t fp_dec;
    patomic_fn_void_noarg_t fp_neg;
    patomic_fn_fetch_t fp_fetch_add;
    patomic_fn_fetch_t fp_fetch_sub;
    patomic_fn_fetch_noarg_t fp_fetch_inc;
    patomic_fn_fetch_noarg_t fp_fetch_dec;
    patomic_fn_fetch_noarg_t fp_fetch_neg;
} patomic_ops_arithmetic_t;

typedef struct {
    patomic_fn_store_t fp_store;
    patomic_fn_load_t fp_load;
    patomic_ops_xchg_t xchg_ops;
    patomic_ops_bitwise_t bitwise_ops;
    patomic_ops_binary_t binary_ops;
    patomic_ops_arithmetic_t arithmetic_ops;
} patomic_ops_t;

typedef struct {
    patomic_fn_explicit_exchange_t fp_exchange;
    patomic_fn_explicit_cmpxchg_t fp_cmpxchg_weak;
    patomic_fn_explicit_cmpxchg_t fp_cmpxchg_strong;
} patomic_ops_explicit_xchg_t;

typedef struct {
    patomic_fn_explicit_test_t fp_test;
    patomic_fn_explicit_test_modify_t fp_test_compl;
    patomic_fn_explicit_test_modify_t fp_test_set;
    patomic_fn_explicit_test_modify_t fp_test_reset;
} patomic_ops_explicit_bitwise_t;

typedef struct {
    patomic_fn_explicit_void_t fp_or;
    patomic_fn_explicit_void_t fp_xor;
    patomic_fn_explicit_void_t fp_and;
    patomic_fn_explicit_void_noarg_t fp_not;
    patomic_fn_explicit_fetch_t fp_fetch_or;
    patomic_fn_explicit_fetch_t fp_fetch_xor;
    patomic_fn_explicit_fetch_t fp_fetch_and;
    patomic_fn_explicit_fetch_noarg_t fp_fetch_not;
} patomic_ops_explicit_binary_t;

typedef struct {
    patomic_fn_explicit_void_t fp_add;
    patomic_fn_explicit_void_t fp_sub;
    patomic_fn_explicit_void_noarg_t fp_inc;
    patomic_fn_explicit_void_noarg_t fp_dec;
    patomic_fn_explicit_void_noarg_t fp_neg;
    patomic_fn_explicit_fetch_t fp_fetch_add;
    patomic_fn_explicit_fetch_t fp_fetch_sub;
    patomic_fn_explicit_fetch_noarg_t fp_fetch_inc;
    patomic_fn_explicit_fetch_noarg_t fp_fetch_dec;
    patomic_fn_explicit_fetch_noarg_t fp_fetch_neg;
} patomic_ops_explicit_arithmetic_t;

typedef struct {
    patomic_fn_explicit_store_t fp_store;
    patomic_fn_explicit_load_t fp_load;
    patomic_ops_explicit_xchg_t xchg_ops;
    patomic_ops_explicit_bitwise_t bitwise_ops;
    patomic_ops_explicit_binary_t binary_ops;
    patomic_ops_explicit_arithmetic_t arithmetic_ops;
} patomic_ops_explicit_t;

/* Number of function pointers in either ops table. */
#define PATOMIC_OPS_COUNT 27

/* ------------------------------------------------------------------------------------------------
 * What patomic_create / patomic_create_explicit return.
 * ---------------------------------------------------------------------------------------------- */

typedef struct {
    patomic_ops_t ops;
    patomic_align_t align;
} patomic_t;

typedef struct {
    patomic_ops_explicit_t ops;
    patomic_align_t align;
} patomic_explicit_t;

/* ------------------------------------------------------------------------------------------------
 * Entry points.
 * ---------------------------------------------------------------------------------------------- */

/* Ops with `order` baked in. Slots are NULL where the width is unsupported or the order is not
 * valid for the operation (store: a store order; load and test: a load order). */
PATOMIC_EXPORT patomic_t patomic_create(size_t byte_width, patomic_memory_order_t order,
                                        unsigned int options, unsigned int kinds,
                                        unsigned long ids);

/* Ops taking their memory order(s) at each call. Slots are NULL where the width is unsupported. */
PATOMIC_EXPORT patomic_explicit_t patomic_create_explicit(size_t byte_width, unsigned int options,
                                                          unsigned int kinds, unsigned long ids);

PATOMIC_EXPORT const char *patomic_version_string(void);
PATOMIC_EXPORT int patomic_version_major(void);
PATOMIC_EXPORT int patomic_version_minor(void);
PATOMIC_EXPORT int patomic_version_patch(void);
/* non-zero iff major == MAJOR && (minor < MINOR || (minor == MINOR && patch <= PATCH)) */
PATOMIC_EXPORT int patomic_version_compatible_with(int major, int minor, int patch);

PATOMIC_EXPORT size_t patomic_cache_line_size(void);
PATOMIC_EXPORT int patomic_align_meets_recommended(const volatile void *ptr, patomic_align_t align);
PATOMIC_EXPORT int patomic_align_meets_minimum(const volatile void *ptr, patomic_align_t align,
                                               size_t width);

PATOMIC_EXPORT int patomic_is_valid_order(int order);
PATOMIC_EXPORT int patomic_is_valid_store_order(int order);
PATOMIC_EXPORT int patomic_is_valid_load_order(int order);
PATOMIC_EXPORT int patomic_is_valid_fail_order(int succ, int fail);
PATOMIC_EXPORT int patomic_cmpxchg_fail_order(int succ);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ATOMICS_PATOMIC_PATOMIC_H */
