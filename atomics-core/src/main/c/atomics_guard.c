/*
 * atomics-core: the fault guard for shared mappings.
 *
 * A peer may shrink (or truncate and regrow) an object this process has mapped; touching a page past the
 * object's end then raises SIGBUS, which kills the JVM when it hits native code or the interpreter's
 * read-modify-writes. This library recovers such faults in the ranges registered with it:
 *
 *   - one handler for SIGBUS and SIGSEGV, installed once, in front of the previous one (HotSpot's), with that
 *     handler's sa_mask and flags; every signal it does not recover is passed on to the previous handler with
 *     the same siginfo and ucontext;
 *   - a fault inside a registered range: the handler makes the range's generation odd ("broken"), maps a private
 *     anonymous page over the faulting page (MAP_FIXED) and returns, so the faulting instruction runs again and
 *     completes harmlessly on that page, whichever code it is (compiled Java, the interpreter, any native
 *     library: no unwinding, no knowledge of the code);
 *   - atomics_guard_repair maps the whole range from the object again (MAP_FIXED|MAP_SHARED from a descriptor
 *     the range keeps) once the object is large enough, and makes the generation even again.
 *
 * The caller of an operation reads the generation before and after its access: the access went to the object
 * only if both reads are the same even value. Nothing here is part of the patomic ABI; patomic never loads this
 * library. Linked with -z nodelete: a handler must never be unloaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__GNUC__) || defined(__clang__)
#  define GUARD_EXPORT __attribute__((visibility("default")))
#else
#  define GUARD_EXPORT
#endif

/* One registered range; 64 bytes, so Java finds slot i's generation at table + 64 * i. */
typedef struct {
    int64_t generation; /* even: the mapping is the object's; odd: broken since the last repair */
    int64_t address;
    int64_t length;
    int64_t faults;     /* faults recovered in this range */
    int32_t fd;
    int32_t prot;
    int32_t used;
    int32_t lock;
    int64_t repairs;
    int64_t reserved;
} guard_range_t;

#define GUARD_SLOTS 1024
#define GUARD_SLOT_SIZE 64

_Static_assert(sizeof(guard_range_t) == GUARD_SLOT_SIZE, "slot layout");

static guard_range_t ranges[GUARD_SLOTS] __attribute__((aligned(64)));
static int32_t high_water;          /* slots below it may be in use */
static int32_t installed;           /* 1 once the handlers are in place */
static int32_t install_lock;
static int32_t registry_lock;       /* serializes register and unregister (never taken by the handler) */
static int64_t total_faults;
static int64_t page_size;           /* read at install: sysconf is not async-signal-safe */
static struct sigaction previous_bus, previous_segv;

static void spin_lock(int32_t *lock)
{
    while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(lock, __ATOMIC_RELAXED)) {
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
    }
}

static void spin_unlock(int32_t *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

/* Recovers a fault at `addr` if a registered range holds it; returns whether it did. Async-signal-safe: atomics,
 * a spin lock the interrupted thread cannot hold (no code holding it touches a range), and mmap. */
static int recover(void *addr)
{
    const int64_t a = (int64_t)(intptr_t)addr;
    const int32_t n = __atomic_load_n(&high_water, __ATOMIC_ACQUIRE);
    for (int32_t i = 0; i < n; i++) {
        guard_range_t *r = &ranges[i];
        if (!__atomic_load_n(&r->used, __ATOMIC_ACQUIRE)) {
            continue;
        }
        const int64_t start = __atomic_load_n(&r->address, __ATOMIC_RELAXED);
        const int64_t length = __atomic_load_n(&r->length, __ATOMIC_RELAXED);
        if (a < start || a - start >= length) {
            continue;
        }
        spin_lock(&r->lock);
        int done = 0;
        if (r->used && a >= r->address && a - r->address < r->length) {
            /* broken first, then the page: an access that lands on the private page runs after the change */
            int64_t g = __atomic_load_n(&r->generation, __ATOMIC_RELAXED);
            __atomic_store_n(&r->generation, (g | 1) + ((g & 1) ? 2 : 0), __ATOMIC_SEQ_CST);
            const int64_t page = page_size;
            void *p = (void *)(intptr_t)(a & ~(page - 1));
            if (mmap(p, (size_t)page, r->prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
                __atomic_fetch_add(&r->faults, 1, __ATOMIC_RELAXED);
                __atomic_fetch_add(&total_faults, 1, __ATOMIC_RELAXED);
                done = 1;
            }
        }
        spin_unlock(&r->lock);
        return done;
    }
    return 0;
}

/* Passes the signal on to the handler installed before ours, as the kernel would have called it. */
static void chain(int sig, siginfo_t *info, void *context)
{
    struct sigaction *prev = sig == SIGBUS ? &previous_bus : &previous_segv;
    if (prev->sa_flags & SA_SIGINFO) {
        if (prev->sa_sigaction != NULL) {
            prev->sa_sigaction(sig, info, context);
            return;
        }
    } else if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN) {
        prev->sa_handler(sig);
        return;
    }
    /* default action (or an ignored fault, which would repeat forever): let the fault happen again without us */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
}

static void handler(int sig, siginfo_t *info, void *context)
{
    const int saved = errno;
    /* SIGSEGV only for an address not mapped at all (a range is never read-only for a write that succeeds) */
    if ((sig == SIGBUS || info->si_code == SEGV_MAPERR) && recover(info->si_addr)) {
        errno = saved;
        return;
    }
    errno = saved;
    chain(sig, info, context);
}

static int install_one(int sig, struct sigaction *previous)
{
    struct sigaction now, act;
    if (sigaction(sig, NULL, &now) != 0) {
        return -errno;
    }
    memset(&act, 0, sizeof act);
    act.sa_sigaction = handler;
    act.sa_mask = now.sa_mask;
    act.sa_flags = (now.sa_flags & ~(int)SA_RESETHAND) | SA_SIGINFO;
    *previous = now;
    if (sigaction(sig, &act, NULL) != 0) {
        return -errno;
    }
    return 0;
}

/* Installs the handlers (once); returns 0, or -errno. */
GUARD_EXPORT int32_t atomics_guard_install(void)
{
    int32_t rc = 0;
    spin_lock(&install_lock);
    if (!installed) {
        page_size = (int64_t)sysconf(_SC_PAGESIZE);
        rc = install_one(SIGBUS, &previous_bus);
        if (rc == 0) {
            rc = install_one(SIGSEGV, &previous_segv);
            if (rc != 0) {
                sigaction(SIGBUS, &previous_bus, NULL);
            }
        }
        if (rc == 0) {
            __atomic_store_n(&installed, 1, __ATOMIC_RELEASE);
        }
    }
    spin_unlock(&install_lock);
    return rc;
}

/* The address of the slot table (GUARD_SLOTS slots of GUARD_SLOT_SIZE bytes, the generation first). */
GUARD_EXPORT int64_t atomics_guard_table(void)
{
    return (int64_t)(intptr_t)ranges;
}

GUARD_EXPORT int32_t atomics_guard_slots(void)
{
    return GUARD_SLOTS;
}

GUARD_EXPORT int32_t atomics_guard_slot_size(void)
{
    return GUARD_SLOT_SIZE;
}

/* Registers `length` bytes at `address`, mapped MAP_SHARED with `prot` from offset 0 of `fd` (which the range
 * owns from now on: closed by atomics_guard_unregister). Returns the slot, or -1 if the table is full. */
GUARD_EXPORT int32_t atomics_guard_register(int64_t address, int64_t length, int32_t fd, int32_t prot)
{
    int32_t slot = -1;
    spin_lock(&registry_lock);
    for (int32_t i = 0; i < GUARD_SLOTS; i++) {
        if (!__atomic_load_n(&ranges[i].used, __ATOMIC_ACQUIRE)) {
            slot = i;
            break;
        }
    }
    if (slot >= 0) {
        guard_range_t *r = &ranges[slot];
        spin_lock(&r->lock);
        __atomic_store_n(&r->address, address, __ATOMIC_RELAXED);
        __atomic_store_n(&r->length, length, __ATOMIC_RELAXED);
        r->fd = fd;
        r->prot = prot;
        r->faults = 0;
        r->repairs = 0;
        /* a new generation, even, never equal to one a previous user of the slot saw */
        __atomic_store_n(&r->generation, (r->generation + 2) & ~(int64_t)1, __ATOMIC_RELEASE);
        __atomic_store_n(&r->used, 1, __ATOMIC_RELEASE);
        spin_unlock(&r->lock);
        if (slot >= high_water) {
            __atomic_store_n(&high_water, slot + 1, __ATOMIC_RELEASE);
        }
    }
    spin_unlock(&registry_lock);
    return slot;
}

/* Forgets a slot (before its range is unmapped) and closes its descriptor. */
GUARD_EXPORT void atomics_guard_unregister(int32_t slot)
{
    if (slot < 0 || slot >= GUARD_SLOTS) {
        return;
    }
    guard_range_t *r = &ranges[slot];
    spin_lock(&registry_lock);
    spin_lock(&r->lock);
    int fd = r->used ? r->fd : -1;
    __atomic_store_n(&r->used, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&r->generation, r->generation | 1, __ATOMIC_RELEASE);
    spin_unlock(&r->lock);
    spin_unlock(&registry_lock);
    if (fd >= 0) {
        close(fd);
    }
}

/* Maps a broken range from its object again if the object covers it now. Returns 1 if the range is the
 * object's again (or was not broken), 0 if the object is still too small, -errno if a system call failed. */
GUARD_EXPORT int32_t atomics_guard_repair(int32_t slot)
{
    if (slot < 0 || slot >= GUARD_SLOTS) {
        return -EINVAL;
    }
    guard_range_t *r = &ranges[slot];
    int32_t rc = 1;
    spin_lock(&r->lock);
    if (!r->used) {
        rc = -EBADF;
    } else if (r->generation & 1) {
        struct stat st;
        if (fstat(r->fd, &st) != 0) {
            rc = -errno;
        } else if ((int64_t)st.st_size < r->length) {
            rc = 0;
        } else if (mmap((void *)(intptr_t)r->address, (size_t)r->length, r->prot, MAP_SHARED | MAP_FIXED, r->fd, 0)
                   == MAP_FAILED) {
            rc = -errno;
        } else {
            /* the object's pages first, then valid: an access that saw the new generation goes to them */
            __atomic_store_n(&r->generation, r->generation + 1, __ATOMIC_SEQ_CST);
            __atomic_fetch_add(&r->repairs, 1, __ATOMIC_RELAXED);
        }
    }
    spin_unlock(&r->lock);
    return rc;
}

/* Faults recovered in a slot since it was registered (-1 for a slot not in use). */
GUARD_EXPORT int64_t atomics_guard_faults(int32_t slot)
{
    if (slot < 0 || slot >= GUARD_SLOTS || !__atomic_load_n(&ranges[slot].used, __ATOMIC_ACQUIRE)) {
        return -1;
    }
    return __atomic_load_n(&ranges[slot].faults, __ATOMIC_RELAXED);
}

/* Times a slot's range was mapped from its object again since it was registered (-1 for a slot not in use). */
GUARD_EXPORT int64_t atomics_guard_repairs(int32_t slot)
{
    if (slot < 0 || slot >= GUARD_SLOTS || !__atomic_load_n(&ranges[slot].used, __ATOMIC_ACQUIRE)) {
        return -1;
    }
    return __atomic_load_n(&ranges[slot].repairs, __ATOMIC_RELAXED);
}

/* Faults recovered in this process since the library was loaded. */
GUARD_EXPORT int64_t atomics_guard_total_faults(void)
{
    return __atomic_load_n(&total_faults, __ATOMIC_RELAXED);
}
