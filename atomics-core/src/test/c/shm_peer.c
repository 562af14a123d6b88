/*
 * A C peer for the shared-memory tests: attaches to atomics in a named POSIX shared-memory object the way
 * any C program would, with shm_open + mmap and C11 atomics, given a handle "shm:/name@offset:width:type".
 *
 *   shm_peer inc   <handle> <n> [<go>]    fetch_add 1, n times; prints "done <value after>"; with a go
 *                                         handle, first prints "ready" and waits until go is non-zero
 *   shm_peer read  <handle>               prints the value (signed decimal for int, unsigned for uint/bytes)
 *   shm_peer write <handle> <value>       atomic store of a decimal value
 *   shm_peer fault <counter> <slot>       loops forever: fetch_add(counter, 1), then store(slot, ++mine);
 *                                         prints "ready" after the first round (to be killed with SIGKILL)
 *   shm_peer create <name> <size>         creates (O_EXCL, 0600) and sizes an object; prints "created"
 *   shm_peer size  <name>                 prints the object's size from fstat
 *   shm_peer truncate <name> <size>       shrinks (or grows) an existing object with ftruncate; prints "truncated"
 *   shm_peer replace <name> <size> <value>  unlinks the object and creates a new one of that name and size whose
 *                                         first 8 bytes hold value; prints "replaced"
 *
 * Exit code 0 on success, 2 on usage errors, 1 on system errors (with strerror on stderr).
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
    if (h->width != 1 && h->width != 2 && h->width != 4 && h->width != 8) {
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
        fprintf(stderr, "usage: shm_peer inc|read|write|fault|create|size|truncate|replace ...\n");
        return 2;
    }
    const char *mode = argv[1];
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
        print_value(&h, load(&h));
        return 0;
    }
    if (strcmp(mode, "write") == 0 && argc == 4) {
        handle_t h;
        attach(argv[2], &h);
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
