/* touch.c: what this machine charges for memory a program touches for the first time: the
 * microseconds per 4 KiB page, in plain pages and in transparent huge pages where the kernel
 * gives them (madvise); prints the two. Not part of quarry: bench/keywords.sh prices its runs'
 * page faults with it, a cost that virtual machines can multiply.
 * Usage: touch [MIB] (default 256). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE 4096u
#define HUGE_PAGE ((size_t)2 << 20)

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Microseconds per 4 KiB page to write one byte in each page of LEN fresh bytes, on a huge
 * page boundary; with HUGE, asking the kernel for huge pages first, else asking for none (a
 * kernel set to give them always would otherwise give them here too, on this boundary). -1 if
 * no memory. */
static double touch_cost(size_t len, int huge)
{
    char *map = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return -1;
    char *p = (char *)(((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
#if defined MADV_HUGEPAGE && defined MADV_NOHUGEPAGE
    madvise(p, len, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE); /* hints: a kernel may not heed them */
#else
    (void)huge;
#endif
    double t = now();
    for (size_t i = 0; i < len; i += PAGE)
        p[i] = 1;
    double secs = now() - t;
    munmap(map, len + HUGE_PAGE);
    return secs * 1e6 / (double)(len / PAGE);
}

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
    if (!mib || mib > 65536) {
        fprintf(stderr, "usage: touch [MIB] (1 to 65536; default 256)\n");
        return 64;
    }
    size_t len = mib << 20;
    /* Each kind twice, in turn, the lesser counting: a first huge-page run may wait on the
     * kernel to gather free memory into 2 MiB pieces. */
    double least[2] = {-1, -1};
    for (int round = 0; round < 4; round++) {
        int huge = round % 2;
        double cost = touch_cost(len, huge);
        if (cost < 0) {
            fprintf(stderr, "touch: cannot map %zu MiB: %s\n", mib, strerror(errno));
            return 71;
        }
        if (least[huge] < 0 || cost < least[huge])
            least[huge] = cost;
    }
    printf("%.3f %.3f\n", least[0], least[1]);
    return 0;
}
