/*
 * A C peer for the shared-memory tests: attaches to atomics in a named POSIX shared-memory object the way
 * any C program would, with shm_open + mmap and C11 atomics, given a handle "shm:/name@offset:width:type".
 *
 *   shm_peer inc   <handle> <n> [<go>]    fetch_add 1, n times; prints "done <value after>"; with a go
 *                                         handle, first prints "ready" and waits until go is non-zero
 *   shm_peer inc16 <handle> <n> [<go>]    the same on a 16-byte atomic, each increment a 16-byte
 *                                         compare-and-swap loop (x86-64: lock cmpxchg16b, inline)
 *   shm_peer read  <handle>               prints the value (signed decimal for int, unsigned for uint/bytes;
 *                                         widths 1, 2, 4, 8 and 16)
 *   shm_peer write <handle> <value>       atomic store of a decimal value (width 16: of a 64-bit value,
 *                                         sign-extended for int)
 *   shm_peer fault <counter> <slot>       loops forever: fetch_add(counter, 1), then store(slot, ++mine);
 *                                         prints "ready" after the first round (to be killed with SIGKILL)
 *   shm_peer create <name> <size>         creates (O_EXCL, 0600) and sizes an object; prints "created"
 *   shm_peer size  <name>                 prints the object's size from fstat
 *   shm_peer truncate <name> <size>       shrinks (or grows) an existing object with ftruncate; prints "truncated"
 *   shm_peer flip <name> <size> <millis>  for that long, loops ftruncate(fd, 0); ftruncate(fd, size) (a peer that
 *                                         re-creates the object in place); prints "flipping" first, then "flips <n>"
 *   shm_peer replace <name> <size> <value>  unlinks the object and creates a new one of that name and size whose
 *                                         first 8 bytes hold value; prints "replaced"
 *
 * Exit code 0 on success, 2 on usage errors, 1 on system errors (with strerror on stderr), 3 where width 16
 * is unavailable (not x86-64, or a CPU without CMPXCHG16B).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

typedef struct {
    char name[256];
    long offset;
    int width;
    char type[16];
    unsigned char *base;
} handle_t;

static void die(const char *what, const char *name) {
    fprintf(stderr, "shm_peer: %s %s: %s (errno %d)\n", what, name, strerror(errno), errno);
    exit(1);
}

static void attach(const char *text, handle_t *h) {
    if (sscanf(text, "shm:%255[^@]@%ld:%d:%15s", h->name, &h->offset, &h->width, h->type) != 4) {
        fprintf(stderr, "shm_peer: not a handle: %s\n", text);
        exit(2);
    }
    if (h->width != 1 && h->width != 2 && h->width != 4 && h->width != 8 && h->width != 16) {
        fprintf(stderr, "shm_peer: unsupported width %d\n", h->width);
        exit(2);
    }
    int fd = shm_open(h->name, O_RDWR, 0);
    if (fd < 0) die("shm_open", h->name);
    struct stat st;
    if (fstat(fd, &st) != 0) die("fstat", h->name);
    if (h->offset + h->width > st.st_size) {
        fprintf(stderr, "shm_peer: %s has %lld bytes, too small for %s\n", h->name, (long long) st.st_size, text);
        exit(2);
    }
    void *p = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) die("mmap", h->name);
    close(fd);
    h->base = (unsigned char *) p + h->offset;
    if (h->width == 16 && ((uintptr_t) h->base & 15) != 0) {
        fprintf(stderr, "shm_peer: %s is not 16-byte aligned\n", text);
        exit(2);
    }
}

/* ---- width 16: a 16-byte compare-and-swap, written inline so that nothing here can take a lock ---------- */

__extension__ typedef unsigned __int128 u128;

#if defined(__x86_64__)
static void require_cas16(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 13))) {
        fprintf(stderr, "shm_peer: this CPU has no CMPXCHG16B\n");
        exit(3);
    }
}

/* If *p equals *expected, writes desired and returns 1; else writes the value seen to *expected and returns 0.
 * The locked instruction is one atomic access to the 16 bytes (it writes even when the comparison fails). */
static int cas16(unsigned char *p, u128 *expected, u128 desired) {
    uint64_t lo = (uint64_t) *expected, hi = (uint64_t) (*expected >> 64);
    unsigned char ok;
    __asm__ __volatile__("lock cmpxchg16b %1\n\tsete %0"
                         : "=q"(ok), "+m"(*(volatile u128 *) p), "+a"(lo), "+d"(hi)
                         : "b"((uint64_t) desired), "c"((uint64_t) (desired >> 64))
                         : "memory", "cc");
    *expected = ((u128) hi << 64) | lo;
    return ok;
}
#else
static void require_cas16(void) {
    fprintf(stderr, "shm_peer: width 16 is implemented for x86-64 only\n");
    exit(3);
}

static int cas16(unsigned char *p, u128 *expected, u128 desired) {
    (void) p; (void) expected; (void) desired;
    exit(3);
}
#endif

/* An atomic 16-byte read on writable memory: a compare-and-swap of 0 with 0 (writes back what it read). */
static u128 load16(const handle_t *h) {
    u128 v = 0;
    cas16(h->base, &v, 0);
    return v;
}

static void print_value16(const handle_t *h, u128 raw) {
    char digits[48];
    int n = 0;
    int negative = strcmp(h->type, "int") == 0 && (raw >> 127) != 0;
    u128 v = negative ? (u128) 0 - raw : raw;
    do {
        digits[n++] = (char) ('0' + (int) (v % 10));
        v /= 10;
    } while (v != 0);
    if (negative) {
        putchar('-');
    }
    while (n > 0) {
        putchar(digits[--n]);
    }
    putchar('\n');
}

static uint64_t load(const handle_t *h) {
    switch (h->width) {
        case 1: return atomic_load((_Atomic uint8_t *) h->base);
        case 2: return atomic_load((_Atomic uint16_t *) h->base);
        case 4: return atomic_load((_Atomic uint32_t *) h->base);
        default: return atomic_load((_Atomic uint64_t *) h->base);
    }
}

static void store(const handle_t *h, uint64_t v) {
    switch (h->width) {
        case 1: atomic_store((_Atomic uint8_t *) h->base, (uint8_t) v); break;
        case 2: atomic_store((_Atomic uint16_t *) h->base, (uint16_t) v); break;
        case 4: atomic_store((_Atomic uint32_t *) h->base, (uint32_t) v); break;
        default: atomic_store((_Atomic uint64_t *) h->base, v); break;
    }
}

static void fetch_add(const handle_t *h, uint64_t v) {
    switch (h->width) {
        case 1: atomic_fetch_add((_Atomic uint8_t *) h->base, (uint8_t) v); break;
        case 2: atomic_fetch_add((_Atomic uint16_t *) h->base, (uint16_t) v); break;
        case 4: atomic_fetch_add((_Atomic uint32_t *) h->base, (uint32_t) v); break;
        default: atomic_fetch_add((_Atomic uint64_t *) h->base, v); break;
    }
}

static void print_value(const handle_t *h, uint64_t raw) {
    if (strcmp(h->type, "int") == 0) {
        int shift = 64 - 8 * h->width;
        int64_t v = (int64_t) (raw << shift) >> shift;
        printf("%" PRId64 "\n", v);
    } else {
        printf("%" PRIu64 "\n", raw);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: shm_peer inc|read|write|fault|create|size|truncate|flip|replace ...\n");
        return 2;
    }
    const char *mode = argv[1];
    if (strcmp(mode, "inc16") == 0 && (argc == 4 || argc == 5)) {
        handle_t h;
        require_cas16();
        attach(argv[2], &h);
        if (h.width != 16) {
            fprintf(stderr, "shm_peer: inc16 needs a handle of width 16: %s\n", argv[2]);
            return 2;
        }
        long n = atol(argv[3]);
        if (argc == 5) {
            handle_t go;
            attach(argv[4], &go);
            printf("ready\n");
            fflush(stdout);
            while (load(&go) == 0) {
                struct timespec pause = {0, 100000};
                nanosleep(&pause, NULL);
            }
        }
        for (long i = 0; i < n; i++) {
            u128 seen = load16(&h);
            while (!cas16(h.base, &seen, seen + 1)) {
                /* seen now holds the value found: try again from it */
            }
        }
        printf("done ");
        print_value16(&h, load16(&h));
        return 0;
    }
    if (strcmp(mode, "inc") == 0 && (argc == 4 || argc == 5)) {
        handle_t h;
        attach(argv[2], &h);
        long n = atol(argv[3]);
        if (argc == 5) { /* start line: say ready, wait until the go flag is non-zero */
            handle_t go;
            attach(argv[4], &go);
            printf("ready\n");
            fflush(stdout);
            while (load(&go) == 0) {
                struct timespec pause = {0, 100000}; /* 0.1 ms: do not starve processes still starting */
                nanosleep(&pause, NULL);
            }
        }
        for (long i = 0; i < n; i++) fetch_add(&h, 1);
        printf("done ");
        print_value(&h, load(&h));
        return 0;
    }
    if (strcmp(mode, "read") == 0 && argc == 3) {
        handle_t h;
        attach(argv[2], &h);
        if (h.width == 16) {
            require_cas16();
            print_value16(&h, load16(&h));
        } else {
            print_value(&h, load(&h));
        }
        return 0;
    }
    if (strcmp(mode, "write") == 0 && argc == 4) {
        handle_t h;
        attach(argv[2], &h);
        if (h.width == 16) {
            int64_t v = (int64_t) strtoll(argv[3], NULL, 10);
            u128 desired = strcmp(h.type, "int") == 0 ? (u128) (__int128) v : (u128) (uint64_t) v;
            u128 seen;
            require_cas16();
            seen = load16(&h);
            while (!cas16(h.base, &seen, desired)) {
            }
            printf("written\n");
            return 0;
        }
        store(&h, (uint64_t) strtoll(argv[3], NULL, 10));
        printf("written\n");
        return 0;
    }
    if (strcmp(mode, "fault") == 0 && argc == 4) {
        handle_t counter, slot;
        attach(argv[2], &counter);
        attach(argv[3], &slot);
        uint64_t mine = 0;
        for (;;) {
            fetch_add(&counter, 1);
            store(&slot, ++mine);
            if (mine == 1) {
                printf("ready\n");
                fflush(stdout);
            }
        }
    }
    if (strcmp(mode, "create") == 0 && argc == 4) {
        int fd = shm_open(argv[2], O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0) die("shm_open", argv[2]);
        if (ftruncate(fd, (off_t) atoll(argv[3])) != 0) die("ftruncate", argv[2]);
        close(fd);
        printf("created\n");
        return 0;
    }
    if (strcmp(mode, "size") == 0 && argc == 3) {
        int fd = shm_open(argv[2], O_RDONLY, 0);
        if (fd < 0) die("shm_open", argv[2]);
        struct stat st;
        if (fstat(fd, &st) != 0) die("fstat", argv[2]);
        printf("%lld\n", (long long) st.st_size);
        return 0;
    }
    if (strcmp(mode, "truncate") == 0 && argc == 4) {
        int fd = shm_open(argv[2], O_RDWR, 0);
        if (fd < 0) die("shm_open", argv[2]);
        if (ftruncate(fd, (off_t) atoll(argv[3])) != 0) die("ftruncate", argv[2]);
        close(fd);
        printf("truncated\n");
        return 0;
    }
    if (strcmp(mode, "flip") == 0 && argc == 5) {
        int fd = shm_open(argv[2], O_RDWR, 0);
        if (fd < 0) die("shm_open", argv[2]);
        off_t size = (off_t) atoll(argv[3]);
        struct timespec now, end;
        clock_gettime(CLOCK_MONOTONIC, &end);
        long long ms = atoll(argv[4]);
        end.tv_sec += (time_t) (ms / 1000);
        end.tv_nsec += (long) (ms % 1000) * 1000000L;
        if (end.tv_nsec >= 1000000000L) {
            end.tv_sec++;
            end.tv_nsec -= 1000000000L;
        }
        printf("flipping\n");
        fflush(stdout);
        long long flips = 0;
        do {
            for (int i = 0; i < 64; i++, flips++) {
                if (ftruncate(fd, 0) != 0) die("ftruncate", argv[2]);
                if (ftruncate(fd, size) != 0) die("ftruncate", argv[2]);
            }
            clock_gettime(CLOCK_MONOTONIC, &now);
        } while (now.tv_sec < end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec < end.tv_nsec));
        close(fd);
        printf("flips %lld\n", flips);
        return 0;
    }
    if (strcmp(mode, "replace") == 0 && argc == 5) {
        if (shm_unlink(argv[2]) != 0) die("shm_unlink", argv[2]);
        int fd = shm_open(argv[2], O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0) die("shm_open", argv[2]);
        off_t size = (off_t) atoll(argv[3]);
        if (ftruncate(fd, size) != 0) die("ftruncate", argv[2]);
        int64_t *p = mmap(NULL, (size_t) size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED) die("mmap", argv[2]);
        atomic_store((_Atomic int64_t *) p, (int64_t) atoll(argv[4]));
        munmap(p, (size_t) size);
        close(fd);
        printf("replaced\n");
        return 0;
    }
    fprintf(stderr, "shm_peer: bad arguments for %s\n", mode);
    return 2;
}
