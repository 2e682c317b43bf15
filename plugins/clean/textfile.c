/* textfile.c: reads the small line-oriented files users give the clean stage. */
#include "clean.h"
#include "textline.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int textfile_each_line(const char *path, const char *what,
                       int (*fn)(void *data, const char *line, size_t len, int lineno, quarry_buf *err),
                       void *data, quarry_buf *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        char msg[600];
        int n = snprintf(msg, sizeof msg, "cannot open %s %s: %s", what, path, strerror(errno));
        quarry_buf_append(err, msg, (size_t)n);
        return -1;
    }
    char *buf = NULL; /* whole lines, however long: a fixed buffer would cut one in two */
    size_t cap = 0;
    ssize_t got;
    int lineno = 0, rc = 0;
    while (rc == 0 && (got = getline(&buf, &cap, f)) >= 0) {
        lineno++;
        const char *line = buf + textline_bom(buf, (size_t)got, (size_t)lineno);
        size_t len = strcspn(line, "\r\n");
        size_t start = 0;
        while (start < len && isspace((unsigned char)line[start]))
            start++;
        if (start == len || line[start] == '#')
            continue;
        rc = fn(data, line, len, lineno, err);
    }
    free(buf);
    fclose(f);
    return rc;
}
