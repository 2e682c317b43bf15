/* kept.c: the folder of kept streams (--keep-intermediate): the name of a stage's stream, and
 * the streams that an earlier run with other stages left there. */
#include "kept.h"
#include "mem.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

void kept_name(quarry_buf *out, size_t index, const char *label)
{
    out->len = 0;
    buf_printf(out, "%02zu-%s.qz", index + 1, label);
}

/* Whether NAME is a kept stream's: two or more digits, '-', a label, ".qz". */
static int kept_is_stream(const char *name)
{
    size_t digits = strspn(name, "0123456789"), len = strlen(name);
    return digits >= 2 && name[digits] == '-' && len > digits + 1 + 3 && !strcmp(name + len - 3, ".qz");
}

static int kept_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t kept_stale(const char *dir, char *const *this_run, size_t n, quarry_buf *stale)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **found = NULL;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!kept_is_stream(e->d_name))
            continue;
        size_t i = 0;
        while (i < n && strcmp(this_run[i], e->d_name))
            i++;
        if (i < n)
            continue; /* this run's own */
        found = mem_realloc(found, (count + 1) * sizeof *found);
        found[count++] = mem_strdup(e->d_name);
    }
    closedir(d);
    /* In order of name, which is the order of the stages that kept them: the folder's is none. */
    if (count)
        qsort(found, count, sizeof *found, kept_name_cmp);
    for (size_t i = 0; i < count; i++) {
        buf_printf(stale, "%s%s", i ? ", " : "", found[i]);
        free(found[i]);
    }
    free(found);
    return count;
}
