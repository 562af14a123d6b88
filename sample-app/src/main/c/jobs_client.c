/*
 * jobs_client: a second process that works on the sample app's shared counter.
 *
 * The app declares (application.yml)
 *
 *     atomics.shared.jobs-done: { shm: atomics-sample, offset: 0, type: int, width: 8, create: true }
 *
 * so the POSIX shared-memory object "/atomics-sample" holds a signed 64-bit counter at offset 0. This
 * program opens that object with shm_open, maps it with mmap, and adds 1 to the counter COUNT times with
 * C11 atomic_fetch_add on an _Atomic int64_t: the same lock-free, address-free operation that the app
 * performs through atomics-core, so neither side ever loses an increment.
 *
 * Usage: jobs_client [-n COUNT] [-r PER_SECOND] [-q] [SHM_NAME]
 *        jobs_client -u [SHM_NAME]          remove (shm_unlink) the object
 *
 *   SHM_NAME    the object's name with or without the leading '/', default atomics-sample
 *   -n COUNT    how many increments, default 1000
 *   -r RATE     at most RATE increments per second (0 = as fast as possible, the default)
 *   -q          print only the final value
 *
 * It never creates the object: start the app first (it creates it, create: true). On success it prints
 * the counter's value before and after and exits 0.
 *
 * Build: sample-app/scripts/build-client.sh  (cc -std=c11 -O2 jobs_client.c -o jobs_client [-lrt])
 */
#define _POSIX_C_SOURCE 200809L

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

#define DEFAULT_NAME "atomics-sample"
#define COUNTER_OFFSET 0
#define COUNTER_WIDTH 8

static void usage(FILE *out) {
    fprintf(out,
            "usage: jobs_client [-n COUNT] [-r PER_SECOND] [-q] [SHM_NAME]\n"
            "       jobs_client -u [SHM_NAME]\n"
            "Adds 1 COUNT times (default 1000) to the signed 64-bit counter at offset 0 of the POSIX\n"
            "shared-memory object SHM_NAME (default " DEFAULT_NAME "), with C11 atomic_fetch_add.\n"
            "-u removes the object instead (shm_unlink).\n");
}

static int parse_long(const char *text, long long *out) {
    char *end = NULL;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0) {
        return -1;
    }
    *out = value;
    return 0;
}

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Sleeps until the monotonic clock reaches deadline_ns (pacing by deadline keeps the average rate exact). */
static void sleep_until_ns(long long deadline_ns) {
    long long left;
    while ((left = deadline_ns - now_ns()) > 0) {
        struct timespec ts;
        ts.tv_sec = (time_t) (left / 1000000000LL);
        ts.tv_nsec = (long) (left % 1000000000LL);
        nanosleep(&ts, NULL);
    }
}

int main(int argc, char **argv) {
    long long count = 1000;
    long long rate = 0;
    int quiet = 0;
    int unlink_mode = 0;
    int opt;
    while ((opt = getopt(argc, argv, "n:r:quh")) != -1) {
        switch (opt) {
        case 'n':
            if (parse_long(optarg, &count) != 0) {
                fprintf(stderr, "jobs_client: -n wants a non-negative number, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'r':
            if (parse_long(optarg, &rate) != 0) {
                fprintf(stderr, "jobs_client: -r wants a non-negative number, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'q':
            quiet = 1;
            break;
        case 'u':
            unlink_mode = 1;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (argc - optind > 1) {
        usage(stderr);
        return 2;
    }

    /* POSIX wants the name to start with exactly one '/'; the app's config writes it without. */
    char name[256];
    const char *raw = optind < argc ? argv[optind] : DEFAULT_NAME;
    const char *given = raw;
    while (*given == '/') {
        given++;
    }
    if (*given == '\0' || strchr(given, '/') != NULL
            || snprintf(name, sizeof name, "/%s", given) >= (int) sizeof name) {
        fprintf(stderr, "jobs_client: bad shared-memory name '%s'\n", raw);
        return 2;
    }

    if (unlink_mode) {
        if (shm_unlink(name) != 0 && errno != ENOENT) {
            fprintf(stderr, "jobs_client: shm_unlink(%s): %s\n", name, strerror(errno));
            return 1;
        }
        if (!quiet) {
            printf("removed %s\n", name);
        }
        return 0;
    }

    int fd = shm_open(name, O_RDWR, 0);
    if (fd == -1) {
        if (errno == ENOENT) {
            fprintf(stderr, "jobs_client: no shared-memory object %s: start the sample app first"
                            " (it creates it)\n", name);
        } else {
            fprintf(stderr, "jobs_client: shm_open(%s): %s\n", name, strerror(errno));
        }
        return 1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fprintf(stderr, "jobs_client: fstat(%s): %s\n", name, strerror(errno));
        close(fd);
        return 1;
    }
    if (st.st_size < COUNTER_OFFSET + COUNTER_WIDTH) {
        fprintf(stderr, "jobs_client: %s is %lld bytes, too small for an 8-byte counter at offset %d\n",
                name, (long long) st.st_size, COUNTER_OFFSET);
        close(fd);
        return 1;
    }
    void *base = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd); /* the mapping stays valid */
    if (base == MAP_FAILED) {
        fprintf(stderr, "jobs_client: mmap(%s): %s\n", name, strerror(errno));
        return 1;
    }

    _Atomic int64_t *counter = (_Atomic int64_t *) ((char *) base + COUNTER_OFFSET);
    if (!atomic_is_lock_free(counter)) {
        /* A lock-based fallback would not be address-free, so the app would not see our updates. */
        fprintf(stderr, "jobs_client: 64-bit atomics are not lock-free on this machine\n");
        munmap(base, (size_t) st.st_size);
        return 1;
    }

    int64_t before = atomic_load(counter);
    long long start = now_ns();
    for (long long i = 0; i < count; i++) {
        if (rate > 0) {
            sleep_until_ns(start + (long long) ((double) i * 1e9 / (double) rate));
        }
        atomic_fetch_add(counter, 1);
    }
    int64_t after = atomic_load(counter);

    if (quiet) {
        printf("%" PRId64 "\n", after);
    } else {
        printf("%s: added %lld, counter was %" PRId64 ", now %" PRId64 "\n", name, count, before, after);
    }
    munmap(base, (size_t) st.st_size);
    return 0;
}
