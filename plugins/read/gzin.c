/* gzin.c: reads a file that may be gzip-compressed: member after member (as `cat a.gz b.gz`
 * makes), or its bytes as they are. zlib's gzread stops in silence at bytes after a member that
 * begin no other, so a member damaged in its first bytes, and every document after it, went
 * without a word; here such bytes are a problem the reader names. Zero bytes after the last
 * member are padding (a tape's, a block device's), as gzip(1) takes them. */
#include "gzin.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

enum { GZIN_UNTOLD, GZIN_PLAIN, GZIN_GZIP }; /* what the file is, told at the first read */

struct gzin {
    int fd;
    int kind;        /* GZIN_UNTOLD, GZIN_PLAIN or GZIN_GZIP */
    int member;      /* inside a gzip member: inflate has not reached its end */
    int at_eof;      /* the descriptor has given its last byte */
    int done;        /* nothing more to give: the end, or a problem */
    int saved_errno; /* of a read error, or 0 */
    uint64_t taken;  /* bytes of the file read into in so far */
    z_stream z;      /* next_in and avail_in: what is left of in, in plain files too */
    char problem[192];
    unsigned char in[GZIN_BUF];
};

gzin *gzin_open(int fd)
{
    gzin *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->fd = fd;
    g->z.next_in = g->in;
    return g;
}

/* Up to CAP bytes of G's file into BUF: how many came (0 at the end, which G notes), or -1 on a
 * read error, which ends G. */
static ssize_t gzin_read_file(gzin *g, unsigned char *buf, size_t cap)
{
    ssize_t n;
    do
        n = read(g->fd, buf, cap);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        g->saved_errno = errno;
        g->done = 1;
    }
    g->at_eof = n == 0;
    return n;
}

/* Reads more of G's file into its buffer, after what is left there. Returns how many bytes came
 * (0 at the end), or -1 on a read error, which ends G. */
static ssize_t gzin_fill(gzin *g)
{
    if (g->z.avail_in && g->z.next_in != g->in)
        memmove(g->in, g->z.next_in, g->z.avail_in);
    g->z.next_in = g->in;
    ssize_t n = gzin_read_file(g, g->in + g->z.avail_in, GZIN_BUF - g->z.avail_in);
    if (n > 0) {
        g->z.avail_in += (uInt)n;
        g->taken += (uint64_t)n;
    }
    return n;
}

/* Whether the next bytes of G's file begin a gzip member (its two magic bytes): 1 or 0, or -1
 * on a read error. */
static int gzin_member_next(gzin *g)
{
    while (g->z.avail_in < 2 && !g->at_eof)
        if (gzin_fill(g) < 0)
            return -1;
    return g->z.avail_in >= 2 && g->z.next_in[0] == 0x1f && g->z.next_in[1] == 0x8b;
}

/* Tells what G's file is by its first two bytes: gzip's magic, or plain bytes. 0, or -1 when
 * it cannot (a read error, or no memory for zlib). */
static int gzin_tell(gzin *g)
{
    int gzip = gzin_member_next(g);
    if (gzip < 0)
        return -1;
    g->kind = gzip ? GZIN_GZIP : GZIN_PLAIN;
    if (g->kind == GZIN_PLAIN)
        return 0;
    if (inflateInit2(&g->z, 15 + 16) != Z_OK) { /* 16: a gzip header and trailer, CRC checked */
        snprintf(g->problem, sizeof g->problem, "out of memory");
        g->done = 1;
        return -1;
    }
    g->member = 1;
    return 0;
}

/* At the end of a member of G: the next one, the end of the data, or the bytes after the last
 * member, read to their end; zeros alone are padding, anything else the problem. */
static void gzin_next_member(gzin *g)
{
    int gzip = gzin_member_next(g);
    if (gzip < 0)
        return;
    if (gzip) {
        inflateReset(&g->z);
        g->member = 1;
        return;
    }
    uint64_t at = g->taken - g->z.avail_in, after = 0;
    int padding = 1;
    for (;;) {
        for (uInt i = 0; i < g->z.avail_in && padding; i++)
            padding = g->z.next_in[i] == 0;
        after += g->z.avail_in;
        g->z.avail_in = 0;
        if (g->at_eof || gzin_fill(g) < 0)
            break;
    }
    g->done = 1;
    if (!padding && !g->saved_errno)
        snprintf(g->problem, sizeof g->problem,
                 "%llu bytes after byte %llu, where its gzip data end, are no gzip data (a damaged gzip member, "
                 "or other data appended): what they hold is not read",
                 (unsigned long long)after, (unsigned long long)at);
}

/* The bytes of a plain file into BUF (CAP bytes): what is left in G's buffer, then straight
 * from the file. */
static size_t gzin_copy(gzin *g, unsigned char *buf, size_t cap)
{
    size_t got = 0;
    while (got < cap && !g->done) {
        if (g->z.avail_in) {
            size_t k = g->z.avail_in < cap - got ? g->z.avail_in : cap - got;
            memcpy(buf + got, g->z.next_in, k);
            g->z.next_in += k;
            g->z.avail_in -= (uInt)k;
            got += k;
            continue;
        }
        if (g->at_eof)
            break;
        ssize_t n = gzin_read_file(g, buf + got, cap - got);
        if (n > 0)
            got += (size_t)n;
    }
    return got;
}

/* The gunzipped bytes of G into BUF (CAP bytes), member after member. */
static size_t gzin_inflate(gzin *g, unsigned char *buf, size_t cap)
{
    g->z.next_out = buf;
    g->z.avail_out = (uInt)(cap > UINT32_MAX ? UINT32_MAX : cap);
    while (g->z.avail_out && !g->done) {
        if (!g->member) {
            gzin_next_member(g);
            continue;
        }
        if (!g->z.avail_in && !g->at_eof && gzin_fill(g) < 0)
            break;
        int rc = inflate(&g->z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            g->member = 0;
        else if (rc == Z_BUF_ERROR && !g->z.avail_in && g->at_eof) {
            snprintf(g->problem, sizeof g->problem, "truncated gzip data (unexpected end of file)");
            g->done = 1;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(g->problem, sizeof g->problem, "%s",
                     rc == Z_MEM_ERROR ? "out of memory" : g->z.msg ? g->z.msg : "damaged gzip data");
            g->done = 1;
            /* What this call inflated came from the damage, or before a check that failed:
             * none of it is given, as gzread gives none (a cut file's bytes are sound). */
            return 0;
        }
    }
    return (size_t)(g->z.next_out - buf);
}

ssize_t gzin_read(gzin *g, void *buf, size_t cap)
{
    if (g->kind == GZIN_UNTOLD && !g->done && gzin_tell(g) < 0 && g->saved_errno) {
        errno = g->saved_errno;
        return -1;
    }
    size_t got = g->done ? 0 : g->kind == GZIN_GZIP ? gzin_inflate(g, buf, cap) : gzin_copy(g, buf, cap);
    if (got == 0 && g->saved_errno) {
        errno = g->saved_errno;
        return -1;
    }
    return (ssize_t)got;
}

const char *gzin_problem(const gzin *g)
{
    return g->problem[0] ? g->problem : g->saved_errno ? strerror(g->saved_errno) : NULL;
}

void gzin_close(gzin *g)
{
    if (!g)
        return;
    if (g->kind == GZIN_GZIP)
        inflateEnd(&g->z);
    close(g->fd);
    free(g);
}
