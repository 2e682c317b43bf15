/* touch.c: what this machine charges for memory a program touches for the first time: the
 * microseconds per 4 KiB page, in plain pages and in transparent huge pages where the kernel
 * gives them (madvise); prints the two. Not part of quarry: bench/keywords.sh prices its runs'
 * page faults with it, a cost that virtual machines can multiply.
 * Usage: touch [MIB] (default 256). */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
 * page boundary; with HUGE, asking the kernel for huge pages first. -1 if no memory. */
static double touch_cost(size_t len, int huge)
{
    char *map = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return -1;
    char *p = (char *)(((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
    if (huge)
        madvise(p, len, MADV_HUGEPAGE); /* a hint: where the kernel gives none, plain pages */
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
    if (!mib)
        return 64;
    size_t len = mib << 20;
    /* Each twice, the lesser counting: a first huge-page run may wait on the kernel to gather
     * free memory into 2 MiB pieces. */
    double plain = touch_cost(len, 0), huge = touch_cost(len, 1);
    double plain2 = touch_cost(len, 0), huge2 = touch_cost(len, 1);
    if (plain < 0 || huge < 0 || plain2 < 0 || huge2 < 0)
        return 71;
    printf("%.3f %.3f\n", plain < plain2 ? plain : plain2, huge < huge2 ? huge : huge2);
    return 0;
}
