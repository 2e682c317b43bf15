/* live.h: standard input fed as events happen (a pipe from a feed or a queue): read as its bytes
 * come, with the records already made passed on before waiting for more. */
#ifndef QUARRY_READ_LIVE_H
#define QUARRY_READ_LIVE_H
#include <stddef.h>
#include <sys/types.h>

/* What live_read calls on ARG: WAITING before it waits for bytes that have not come, STOPPED
 * when a signal breaks the wait, to ask whether to end there. */
typedef struct live_hooks {
    void (*waiting)(void *arg);
    int (*stopped)(void *arg);
} live_hooks;

/* Whether FD, standard input, is best read as its bytes come: a terminal, or a pipe whose start
 * HEAD (N bytes, peeked at) is not a gzip stream's (1F 8B), which zlib reads whole buffers of. */
int live_input(int fd, const unsigned char *head, size_t n);
/* Up to CAP bytes of FD into BUF, as many as have come, or waits for some: the count, 0 at the
 * end (or once HOOKS->stopped says so), -1 with errno set. */
ssize_t live_read(int fd, char *buf, size_t cap, const live_hooks *hooks, void *arg);
/* Whether the N bytes at S, the start of a stream read as its bytes come, tell what follows, as
 * a file's first chunk would: not while they are all white space (a feed may begin with blank
 * lines), after a UTF-8 byte-order mark, or a part of one. */
int live_head_told(const char *s, size_t n);
#endif
