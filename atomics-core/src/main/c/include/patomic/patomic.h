/*
 * atomics-core: declarations of the patomic 1.x C ABI.
 *
 * This header is this project's own description of the ABI (see patomic-abi.md): the types, the
 * constants and the entry points that the bundled libpatomic exports, laid out exactly like the
 * upstream 1.x ABI so that a caller can use either library through the same declarations.
 *
 * Every operation of an ops table works on an object of `byte_width` bytes, read as a native
 * unsigned integer of that width in the machine's byte order (width 16: unsigned __int128). A NULL
 * pointer means the operation is not supported for that width (or, in an implicit table, not valid
 * for the table's memory order). Load and test never write the object, so they may be given
 * read-only memory; at width 16 they are NULL where the CPU has no atomic 16-byte read, and every
 * other width-16 operation, a failing compare-exchange included, writes.
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
 * Feature checks: operation categories (opcat, bit set) and operation kinds (opkind, bit set whose
 * meaning depends on the category). Enum types of the ABI are 4 bytes; these are plain constants
 * of the matching values.
 * ---------------------------------------------------------------------------------------------- */

typedef unsigned int patomic_opcat_t;

#define patomic_opcat_NONE  0x0u
#define patomic_opcat_LDST  0x1u
#define patomic_opcat_XCHG  0x2u
#define patomic_opcat_BIT   0x4u
#define patomic_opcat_BIN_V 0x8u
#define patomic_opcat_BIN_F 0x10u
#define patomic_opcat_ARI_V 0x20u
#define patomic_opcat_ARI_F 0x40u
#define patomic_opcat_TSPEC 0x80u
#define patomic_opcat_TFLAG 0x100u
#define patomic_opcat_TRAW  0x200u

#define patomic_opcats_BIN         0x18u
#define patomic_opcats_ARI         0x60u
#define patomic_opcats_IMPLICIT    0x7fu
#define patomic_opcats_EXPLICIT    0x7fu
#define patomic_opcats_TRANSACTION 0x3ffu

typedef unsigned int patomic_opkind_t;

#define patomic_opkind_NONE 0x0u
/* LDST */
#define patomic_opkind_LOAD  0x1u
#define patomic_opkind_STORE 0x2u
#define patomic_opkinds_LDST 0x3u
/* XCHG */
#define patomic_opkind_EXCHANGE       0x1u
#define patomic_opkind_CMPXCHG_WEAK   0x2u
#define patomic_opkind_CMPXCHG_STRONG 0x4u
#define patomic_opkinds_XCHG          0x7u
/* BIT (bit order differs from the slot order test, compl, set, reset) and TFLAG */
#define patomic_opkind_TEST       0x1u
#define patomic_opkind_TEST_SET   0x2u
#define patomic_opkind_TEST_RESET 0x4u
#define patomic_opkind_TEST_COMPL 0x8u
#define patomic_opkind_CLEAR      0x10u
#define patomic_opkinds_BIT       0xfu
#define patomic_opkinds_TFLAG     0x13u
/* BIN_V, BIN_F */
#define patomic_opkind_OR   0x1u
#define patomic_opkind_XOR  0x2u
#define patomic_opkind_AND  0x4u
#define patomic_opkind_NOT  0x8u
#define patomic_opkinds_BIN 0xfu
/* ARI_V, ARI_F */
#define patomic_opkind_ADD  0x1u
#define patomic_opkind_SUB  0x2u
#define patomic_opkind_INC  0x4u
#define patomic_opkind_DEC  0x8u
#define patomic_opkind_NEG  0x10u
#define patomic_opkinds_ARI 0x1fu
/* TSPEC */
#define patomic_opkind_DOUBLE_CMPXCHG 0x1u
#define patomic_opkind_MULTI_CMPXCHG  0x2u
#define patomic_opkind_GENERIC        0x4u
#define patomic_opkind_GENERIC_WFB    0x8u
#define patomic_opkinds_TSPEC         0xfu
/* TRAW */
#define patomic_opkind_TBEGIN        0x1u
#define patomic_opkind_TCOMMIT       0x2u
#define patomic_opkind_TABORT_ALL    0x4u
#define patomic_opkind_TABORT_SINGLE 0x8u
#define patomic_opkind_TTEST         0x10u
#define patomic_opkind_TDEPTH        0x20u
#define patomic_opkinds_TRAW         0x3fu

/* ------------------------------------------------------------------------------------------------
 * Transactions (hardware transactional memory). This library has no transactional implementation:
 * patomic_create_transaction always returns a table of NULL pointers. The types are declared so
 * that callers written against the ABI compile and see the right layout.
 * ---------------------------------------------------------------------------------------------- */

typedef unsigned long patomic_id_t;
typedef unsigned int patomic_kind_t;

typedef volatile unsigned char patomic_transaction_flag_t;

/* 128: the fixed largest cache line size the ABI pads for (not patomic_cache_line_size()'s
 * value on a given machine, though it is 128 too). */
#define PATOMIC_MAX_CACHE_LINE_SIZE 128

typedef struct {
    unsigned char _padding_head[PATOMIC_MAX_CACHE_LINE_SIZE - 1];
    patomic_transaction_flag_t flag;
    unsigned char _padding_tail[PATOMIC_MAX_CACHE_LINE_SIZE];
} patomic_transaction_padded_flag_holder_abi_unstable_t;

typedef struct {
    volatile void *obj;
    void *expected;
    const void *desired;
} patomic_transaction_cmpxchg_t;

typedef struct {
    size_t width;
    unsigned long attempts;
    const patomic_transaction_flag_t *flag_nullable;
} patomic_transaction_config_t;

typedef struct {
    size_t width;
    unsigned long attempts;
    unsigned long fallback_attempts;
    const patomic_transaction_flag_t *flag_nullable;
    const patomic_transaction_flag_t *fallback_flag_nullable;
} patomic_transaction_config_wfb_t;

typedef struct {
    unsigned long status;
    unsigned long attempts_made;
} patomic_transaction_result_t;

typedef struct {
    unsigned long status;
    unsigned long fallback_status;
    unsigned long attempts_made;
    unsigned long fallback_attempts_made;
} patomic_transaction_result_wfb_t;

/* exit codes: bits 0-7 of a status */
typedef unsigned int patomic_transaction_exit_code_t;
#define patomic_TSUCCESS         0u
#define patomic_TABORT_EXPLICIT  1u
#define patomic_TABORT_CONFLICT  2u
#define patomic_TABORT_CAPACITY  3u
#define patomic_TABORT_DEBUG     4u
#define patomic_TABORT_UNKNOWN   255u

/* exit info: bits 16-23 of a status; 0x1 and 0x2 each have two names, by context */
#define patomic_TINFO_NONE          0x0u
#define patomic_TINFO_RETRY         0x1u
#define patomic_TINFO_ZERO_ATTEMPTS 0x1u
#define patomic_TINFO_NESTED        0x2u
#define patomic_TINFO_FLAG_SET      0x2u

typedef void (*patomic_fn_transaction_store_t)(volatile void *obj, const void *desired,
                                               patomic_transaction_config_t config,
                                               patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_load_t)(const volatile void *obj, void *ret,
                                              patomic_transaction_config_t config,
                                              patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_exchange_t)(volatile void *obj, const void *desired,
                                                  void *ret, patomic_transaction_config_t config,
                                                  patomic_transaction_result_t *result);
typedef int (*patomic_fn_transaction_cmpxchg_t)(volatile void *obj, void *expected,
                                                const void *desired,
                                                patomic_transaction_config_wfb_t config,
                                                patomic_transaction_result_wfb_t *result);
typedef int (*patomic_fn_transaction_test_t)(const volatile void *obj, int offset,
                                             patomic_transaction_config_t config,
                                             patomic_transaction_result_t *result);
typedef int (*patomic_fn_transaction_test_modify_t)(volatile void *obj, int offset,
                                                    patomic_transaction_config_t config,
                                                    patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_fetch_t)(volatile void *obj, const void *arg, void *ret,
                                               patomic_transaction_config_t config,
                                               patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_fetch_noarg_t)(volatile void *obj, void *ret,
                                                     patomic_transaction_config_t config,
                                                     patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_void_t)(volatile void *obj, const void *arg,
                                              patomic_transaction_config_t config,
                                              patomic_transaction_result_t *result);
typedef void (*patomic_fn_transaction_void_noarg_t)(volatile void *obj,
                                                    patomic_transaction_config_t config,
                                                    patomic_transaction_result_t *result);
typedef int (*patomic_fn_transaction_double_cmpxchg_t)(patomic_transaction_cmpxchg_t cxa,
                                                       patomic_transaction_cmpxchg_t cxb,
                                                       patomic_transaction_config_wfb_t config,
                                                       patomic_transaction_result_wfb_t *result);
typedef int (*patomic_fn_transaction_multi_cmpxchg_t)(const patomic_transaction_cmpxchg_t *cxs_buf,
                                                      size_t cxs_len,
                                                      patomic_transaction_config_wfb_t config,
                                                      patomic_transaction_result_wfb_t *result);
typedef void (*patomic_fn_transaction_generic_t)(void (*fn)(void *), void *ctx,
                                                 patomic_transaction_config_t config,
                                                 patomic_transaction_result_t *result);
typedef int (*patomic_fn_transaction_generic_wfb_t)(void (*fn)(void *), void *ctx,
                                                    void (*fallback_fn)(void *), void *fallback_ctx,
                                                    patomic_transaction_config_wfb_t config,
                                                    patomic_transaction_result_wfb_t *result);
typedef int (*patomic_fn_transaction_flag_test_t)(const patomic_transaction_flag_t *flag);
typedef int (*patomic_fn_transaction_flag_test_set_t)(patomic_transaction_flag_t *flag);
typedef void (*patomic_fn_transaction_flag_clear_t)(patomic_transaction_flag_t *flag);
typedef unsigned long (*patomic_fn_transaction_tbegin_t)(void);
typedef void (*patomic_fn_transaction_tcommit_t)(void);
typedef int (*patomic_fn_transaction_ttest_t)(void);
typedef void (*patomic_fn_transaction_tabort_all_t)(unsigned char reason);
typedef void (*patomic_fn_transaction_tabort_single_t)(unsigned char reason, int unused);

typedef struct {
    patomic_fn_transaction_exchange_t fp_exchange;
    patomic_fn_transaction_cmpxchg_t fp_cmpxchg_weak;
    patomic_fn_transaction_cmpxchg_t fp_cmpxchg_strong;
} patomic_ops_transaction_xchg_t;

typedef struct {
    patomic_fn_transaction_test_t fp_test;
    patomic_fn_transaction_test_modify_t fp_test_compl;
    patomic_fn_transaction_test_modify_t fp_test_set;
    patomic_fn_transaction_test_modify_t fp_test_reset;
} patomic_ops_transaction_bitwise_t;

typedef struct {
    patomic_fn_transaction_void_t fp_or;
    patomic_fn_transaction_void_t fp_xor;
    patomic_fn_transaction_void_t fp_and;
    patomic_fn_transaction_void_noarg_t fp_not;
    patomic_fn_transaction_fetch_t fp_fetch_or;
    patomic_fn_transaction_fetch_t fp_fetch_xor;
    patomic_fn_transaction_fetch_t fp_fetch_and;
    patomic_fn_transaction_fetch_noarg_t fp_fetch_not;
} patomic_ops_transaction_binary_t;

typedef struct {
    patomic_fn_transaction_void_t fp_add;
    patomic_fn_transaction_void_t fp_sub;
    patomic_fn_transaction_void_noarg_t fp_inc;
    patomic_fn_transaction_void_noarg_t fp_dec;
    patomic_fn_transaction_void_noarg_t fp_neg;
    patomic_fn_transaction_fetch_t fp_fetch_add;
    patomic_fn_transaction_fetch_t fp_fetch_sub;
    patomic_fn_transaction_fetch_noarg_t fp_fetch_inc;
    patomic_fn_transaction_fetch_noarg_t fp_fetch_dec;
    patomic_fn_transaction_fetch_noarg_t fp_fetch_neg;
} patomic_ops_transaction_arithmetic_t;

typedef struct {
    patomic_fn_transaction_double_cmpxchg_t fp_double_cmpxchg;
    patomic_fn_transaction_multi_cmpxchg_t fp_multi_cmpxchg;
    patomic_fn_transaction_generic_t fp_generic;
    patomic_fn_transaction_generic_wfb_t fp_generic_wfb;
} patomic_ops_transaction_special_t;

typedef struct {
    patomic_fn_transaction_flag_test_t fp_test;
    patomic_fn_transaction_flag_test_set_t fp_test_set;
    patomic_fn_transaction_flag_clear_t fp_clear;
} patomic_ops_transaction_flag_t;

typedef struct {
    patomic_fn_transaction_tbegin_t fp_tbegin;
    patomic_fn_transaction_tcommit_t fp_tcommit;
    patomic_fn_transaction_tabort_all_t fp_tabort_all;
    patomic_fn_transaction_tabort_single_t fp_tabort_single;
    patomic_fn_transaction_ttest_t fp_ttest;
    patomic_fn_transaction_ttest_t fp_tdepth;
} patomic_ops_transaction_raw_t;

typedef struct {
    patomic_fn_transaction_store_t fp_store;
    patomic_fn_transaction_load_t fp_load;
    patomic_ops_transaction_xchg_t xchg_ops;
    patomic_ops_transaction_bitwise_t bitwise_ops;
    patomic_ops_transaction_binary_t binary_ops;
    patomic_ops_transaction_arithmetic_t arithmetic_ops;
    patomic_ops_transaction_special_t special_ops;
    patomic_ops_transaction_flag_t flag_ops;
    patomic_ops_transaction_raw_t raw_ops;
} patomic_ops_transaction_t;

/* Number of function pointers in a transaction table (the first 27 match the other tables). */
#define PATOMIC_OPS_TRANSACTION_COUNT 40

/* No align member, unlike patomic_t. */
typedef struct {
    patomic_ops_transaction_t ops;
} patomic_transaction_t;

/* ------------------------------------------------------------------------------------------------
 * Entry points.
 * ---------------------------------------------------------------------------------------------- */

/* Ops with `order` baked in. Slots are NULL where the width is unsupported or the order is not
 * valid for the operation (store: a store order; load and test: a load order). An order outside
 * 0..5 aborts the process (in every build). */
PATOMIC_EXPORT patomic_t patomic_create(size_t byte_width, patomic_memory_order_t order,
                                        unsigned int options, unsigned int kinds,
                                        unsigned long ids);

/* Ops taking their memory order(s) at each call. Slots are NULL where the width is unsupported. */
PATOMIC_EXPORT patomic_explicit_t patomic_create_explicit(size_t byte_width, unsigned int options,
                                                          unsigned int kinds, unsigned long ids);

/* Transactional ops (no width, no order). This library has none: every pointer is NULL. */
PATOMIC_EXPORT patomic_transaction_t patomic_create_transaction(unsigned int options,
                                                                unsigned int kinds,
                                                                unsigned long ids);

/* Fills each NULL slot of `priority` from `other`; if any slot was filled, merges the alignments
 * (largest recommended and minimum, smallest non-zero size_within). `other` is never written. */
PATOMIC_EXPORT void patomic_combine(patomic_t *priority, const patomic_t *other);
PATOMIC_EXPORT void patomic_combine_explicit(patomic_explicit_t *priority,
                                             const patomic_explicit_t *other);

/* Return `opcats` with the bit of each category cleared whose slots are all (_all) or at least
 * partly (_any) non-NULL; bits of categories the table type does not have are returned as given. */
PATOMIC_EXPORT unsigned int patomic_feature_check_all(const patomic_ops_t *ops, unsigned int opcats);
PATOMIC_EXPORT unsigned int patomic_feature_check_all_explicit(const patomic_ops_explicit_t *ops,
                                                               unsigned int opcats);
PATOMIC_EXPORT unsigned int patomic_feature_check_all_transaction(
    const patomic_ops_transaction_t *ops, unsigned int opcats);
PATOMIC_EXPORT unsigned int patomic_feature_check_any(const patomic_ops_t *ops, unsigned int opcats);
PATOMIC_EXPORT unsigned int patomic_feature_check_any_explicit(const patomic_ops_explicit_t *ops,
                                                               unsigned int opcats);
PATOMIC_EXPORT unsigned int patomic_feature_check_any_transaction(
    const patomic_ops_transaction_t *ops, unsigned int opcats);
/* Return `opkinds` with the bit of each op of category `opcat` cleared whose slot is non-NULL.
 * Aborts unless `opcat` has exactly one bit set. */
PATOMIC_EXPORT unsigned int patomic_feature_check_leaf(const patomic_ops_t *ops,
                                                       patomic_opcat_t opcat,
                                                       unsigned int opkinds);
PATOMIC_EXPORT unsigned int patomic_feature_check_leaf_explicit(const patomic_ops_explicit_t *ops,
                                                                patomic_opcat_t opcat,
                                                                unsigned int opkinds);
PATOMIC_EXPORT unsigned int patomic_feature_check_leaf_transaction(
    const patomic_ops_transaction_t *ops, patomic_opcat_t opcat, unsigned int opkinds);

/* Ids of the implementations whose kind shares a bit with `kinds`. */
PATOMIC_EXPORT unsigned long patomic_get_ids(unsigned int kinds);
/* Kind of the implementation with exactly this id (0 for an unknown one). Aborts if `id` has two
 * or more bits set. */
PATOMIC_EXPORT unsigned int patomic_get_kind(unsigned long id);

/* The fields of a transaction status: exit code (bits 0-7), abort reason (bits 8-15) and exit
 * info (bits 16-23). */
PATOMIC_EXPORT patomic_transaction_exit_code_t patomic_transaction_status_exit_code(
    unsigned long status);
PATOMIC_EXPORT unsigned int patomic_transaction_status_exit_info(unsigned long status);
PATOMIC_EXPORT unsigned char patomic_transaction_status_abort_reason(unsigned long status);

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
