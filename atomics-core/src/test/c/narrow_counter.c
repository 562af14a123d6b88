/* Interop peer for MappedFileProcessesTest: maps a file shared with JVMs and adds 1 COUNT times to the
 * 1- or 2-byte counter at OFFSET with C11 atomics of exactly that width, while JVMs work on the other bytes
 * of the same 4-byte word. A byte store or compare-and-exchange of that width is what C compilers emit for
 * _Atomic uint8_t / uint16_t: the JVM engine's word-wide loop must interoperate with it.
 * usage: narrow_counter FILE OFFSET WIDTH COUNT */
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
        fprintf(stderr, "usage: %s FILE OFFSET WIDTH COUNT\n", argv[0]);
        return 2;
    }
    const long offset = atol(argv[2]);
    const long width = atol(argv[3]);
    const long count = atol(argv[4]);
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) { perror("open"); return 1; }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror("fstat"); return 1; }
    unsigned char *base = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    for (long i = 0; i < count; i++) {
        if (width == 1) {
            atomic_fetch_add((_Atomic uint8_t *) (base + offset), 1);
        } else {
            atomic_fetch_add((_Atomic uint16_t *) (base + offset), 1);
        }
    }
    printf("done=%ld\n", count);
    munmap(base, (size_t) st.st_size);
    close(fd);
    return 0;
}
