/* Interop peer for MappedFileProcessesTest: maps a file shared with JVMs and increments an 8-byte
 * counter in it with C11 atomics.
 * usage: mapped_counter FILE COUNTER_OFFSET COUNT PROBE_OFFSET
 * Prints the 8-byte value at PROBE_OFFSET (written by Java) as hex, then stores 0x1122334455667788 at
 * PROBE_OFFSET + 8 for Java to read, then increments the counter COUNT times. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s FILE COUNTER_OFFSET COUNT PROBE_OFFSET\n", argv[0]);
        return 2;
    }
    const long counter = atol(argv[2]);
    const long count = atol(argv[3]);
    const long probe = atol(argv[4]);
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) { perror("open"); return 1; }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror("fstat"); return 1; }
    unsigned char *base = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    _Atomic int64_t *c = (_Atomic int64_t *) (base + counter);
    _Atomic uint64_t *p = (_Atomic uint64_t *) (base + probe);
    printf("probe=%016llx\n", (unsigned long long) atomic_load(p));
    atomic_store((_Atomic uint64_t *) (base + probe + 8), 0x1122334455667788ull);
    for (long i = 0; i < count; i++) {
        atomic_fetch_add(c, 1);
    }
    printf("done=%ld\n", count);
    munmap(base, (size_t) st.st_size);
    close(fd);
    return 0;
}
