/* gzin.h: reads a file that may be gzip-compressed, member after member, or its bytes as they
 * are; unlike zlib's gzread, it tells bytes after the last member that are none. */
#ifndef QUARRY_READ_GZIN_H
#define QUARRY_READ_GZIN_H
#include <sys/types.h>

typedef struct gzin gzin;

/* The bytes read from the file at a time: a member that ends where a read does, or a byte before
 * (the next member's magic cut in two), is the case its tests make. */
enum { GZIN_BUF = 256 * 1024 };

/* A reader of descriptor FD, which it owns from now on (gzin_close closes it): gunzipped if its
 * first two bytes are gzip's, else as it is; nothing is read before the first gzin_read. NULL if
 * out of memory, and FD is left open. */
gzin *gzin_open(int fd);
/* Up to CAP bytes into BUF (fewer only at the end, or before a problem); 0 at the end, or once a
 * problem stopped it; -1 on a read error of the descriptor (errno set). */
ssize_t gzin_read(gzin *g, void *buf, size_t cap);
/* Why reading stopped before the data's end, or NULL: zlib's word for damaged data ("incorrect
 * data check"), "truncated gzip data (unexpected end of file)", the system's for a read error,
 * or the bytes after the last member that are no gzip data. Valid until gzin_close. */
const char *gzin_problem(const gzin *g);
/* Closes G and its descriptor; NULL is nothing to close. */
void gzin_close(gzin *g);
#endif
