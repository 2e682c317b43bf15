/* live.c: standard input fed as events happen, read as its bytes come (see live.h). */
#include "live.h"
#include "utf16.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int live_input(int fd, const unsigned char *head, size_t n)
{
    struct stat sb;
    if (fstat(fd, &sb) < 0)
        return 0;
    if (S_ISCHR(sb.st_mode))
        return isatty(fd); /* someone typing lines, or pasting them */
    /* A file is all there already; a socket could not be peeked at. */
    return S_ISFIFO(sb.st_mode) && n > 0 && head[0] != 0x1F;
}

ssize_t live_read(int fd, char *buf, size_t cap, const live_hooks *hooks, void *arg)
{
    struct pollfd ready = {.fd = fd, .events = POLLIN};
    if (poll(&ready, 1, 0) == 0)
        hooks->waiting(arg); /* what came so far goes on before the wait, however long */
    for (;;) {
        ssize_t n = read(fd, buf, cap);
        if (n >= 0 || errno != EINTR)
            return n;
        if (hooks->stopped(arg))
            return 0;
    }
}

int live_head_told(const char *s, size_t n)
{
    if (n < 3 && memcmp(s, READ_UTF8_MARK, n) == 0)
        return 0;
    for (size_t i = read_utf8_mark(s, n); i < n; i++)
        if (!memchr(" \t\r\n", s[i], 4))
            return 1;
    return 0;
}
