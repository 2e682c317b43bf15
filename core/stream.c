/* stream.c: reads and writes block streams (concatenated gzip members) in files. */
#include "stream.h"
#include "buf.h"
#include "interrupt.h"
#include "mem.h"
#include "openfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

stream_writer *stream_writer_wrap(FILE *file, const char *name)
{
    stream_writer *w = mem_calloc(1, sizeof *w);
    w->file = file;
    w->name = mem_strdup(name);
    return w;
}

stream_writer *stream_writer_borrow(FILE *file, const char *name)
{
    stream_writer *w = stream_writer_wrap(file, name);
    w->borrowed = 1;
    return w;
}

FILE *stream_temp_file(const char **dir)
{
    /* glibc's tmpfile() always uses /tmp: often a small in-memory file system, while a spool
     * holds a whole corpus. $TMPDIR is where a user says big temporary files go. */
    const char *tmpdir = getenv("TMPDIR");
    *dir = tmpdir && *tmpdir ? tmpdir : "/tmp";
    int fd = open(*dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        /* A file system without unnamed files: a named one, unlinked at once. */
        quarry_buf path = {0};
        buf_printf(&path, "%s/quarry-spool-XXXXXX", *dir);
        fd = mkostemp(path.data, O_CLOEXEC);
        if (fd >= 0)
            unlink(path.data);
        int saved = errno;
        quarry_buf_free(&path);
        errno = saved;
    }
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w+b");
    if (!f) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return f;
}

stream_writer *stream_writer_open(const char *name, quarry_buf *err)
{
    /* A cache's temporary file: made as a signal's sweep allows (interrupt.h). */
    FILE *f = interrupt_fopen(name, "wb");
    if (!f) {
        buf_printf(err, "cannot create %s: %s", name, strerror(errno));
        return NULL;
    }
    return stream_writer_wrap(f, name);
}

int stream_write_block(stream_writer *w, const block *b)
{
    if (w->failed)
        return -1;
    if (fwrite(b->data, 1, b->len, w->file) != b->len) {
        w->failed = errno ? errno : EIO;
        return -1;
    }
    w->bytes += b->len;
    if (b->nrec)
        w->blocks++;
    return 0;
}

int stream_writer_finish(stream_writer *w, block_codec *codec, quarry_buf *err)
{
    block *eof = block_pack(codec, "", 0, 0, err);
    stream_write_block(w, eof);
    block_unref(eof);
    if (!w->failed && fflush(w->file) != 0)
        w->failed = errno ? errno : EIO;
    if (w->failed) {
        buf_printf(err, "cannot write %s: %s", w->name, strerror(w->failed));
        return -1;
    }
    return 0;
}

void stream_writer_free(stream_writer *w)
{
    if (!w)
        return;
    if (w->file && !w->borrowed)
        fclose(w->file);
    free(w->name);
    free(w);
}

stream_reader *stream_reader_wrap(FILE *file, const char *name)
{
    stream_reader *r = mem_calloc(1, sizeof *r);
    r->file = file;
    r->name = mem_strdup(name);
    return r;
}

stream_reader *stream_reader_open(const char *name, quarry_buf *err)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : openfile_read(name);
    if (!f) {
        buf_printf(err, "cannot open %s: %s", name, strerror(errno));
        return NULL;
    }
    return stream_reader_wrap(f, name);
}

/* Reads the rest of a member of LEN bytes whose first HEAD_LEN bytes are HEAD: the whole member
 * in an array to free, or NULL if the file ends first. The array grows with what is read, so
 * that a damaged header's size (up to 4 GB) is never allocated for a file that is short of it. */
static unsigned char *stream_read_member(FILE *f, const unsigned char *head, size_t head_len,
                                         size_t len)
{
    enum { FIRST = 1 << 20 };
    size_t cap = len < FIRST ? len : FIRST, have = head_len;
    unsigned char *member = mem_alloc(cap);
    memcpy(member, head, head_len);
    while (have < len) {
        if (have == cap) {
            cap = cap < len / 2 ? 2 * cap : len;
            member = mem_realloc(member, cap);
        }
        size_t want = cap - have, got = fread(member + have, 1, want, f);
        have += got;
        if (got < want)
            break;
    }
    if (have < len) {
        free(member);
        return NULL;
    }
    return member;
}

int stream_read_block(stream_reader *r, block **out, quarry_buf *err)
{
    for (;;) {
        unsigned char head[BLOCK_HEADER_SIZE];
        size_t got = fread(head, 1, sizeof head, r->file);
        if (got == 0 && !ferror(r->file)) {
            if (r->at_end)
                return 0;
            if (r->index == 0)
                buf_printf(err, "%s: empty file, not a quarry stream", r->name);
            else
                buf_printf(err, "%s: truncated: ends after block %llu (offset %llu) without the "
                           "end-of-stream block", r->name, (unsigned long long)r->index - 1,
                           (unsigned long long)r->offset);
            return -1;
        }
        /* Whether the bytes begin no gzip member: asked of a stream's start and of a few bytes
         * after a block; block_parse_header asks it of every other block. */
        quarry_buf why = {0};
        int not_gzip = (r->offset == 0 || got < sizeof head) && !ferror(r->file) &&
                       block_check_magic(head, got, &why) < 0;
        if (not_gzip && r->offset == 0) {
            /* Text or JSON Lines given where a stream belongs (quarry cat out/documents.jsonl):
             * no block of any stream, so say what the file is not rather than which byte. */
            buf_printf(err, "%s: not a quarry stream: it does not begin as gzip does (a stream is "
                       "what --keep-intermediate saves)", r->name);
            quarry_buf_free(&why);
            return -1;
        }
        if (got < sizeof head) {
            if (ferror(r->file))
                buf_printf(err, "%s: read error: %s", r->name, strerror(errno));
            else if (not_gzip) /* a few bytes of something else */
                buf_printf(err, "%s: block %llu at offset %llu: %s", r->name, (unsigned long long)r->index,
                           (unsigned long long)r->offset, buf_cstr(&why));
            else
                buf_printf(err, "%s: truncated: block %llu at offset %llu is cut short in its "
                           "header", r->name, (unsigned long long)r->index,
                           (unsigned long long)r->offset);
            quarry_buf_free(&why);
            return -1;
        }
        uint32_t len, nrec;
        if (block_parse_header(head, &len, &nrec, &why) < 0) {
            buf_printf(err, "%s: block %llu at offset %llu: %s", r->name,
                       (unsigned long long)r->index, (unsigned long long)r->offset, buf_cstr(&why));
            quarry_buf_free(&why);
            return -1;
        }
        unsigned char *member = stream_read_member(r->file, head, sizeof head, len);
        if (!member) {
            buf_printf(err, "%s: truncated: block %llu at offset %llu should be %u bytes long",
                       r->name, (unsigned long long)r->index, (unsigned long long)r->offset, len);
            return -1;
        }
        block *b = block_adopt(member, len, nrec);
        b->seq = r->index++;
        r->offset += len;
        if (nrec == 0) {
            /* End-of-stream block; concatenated streams may follow it. */
            r->at_end = 1;
            block_unref(b);
            continue;
        }
        r->at_end = 0;
        *out = b;
        return 1;
    }
}

void stream_reader_free(stream_reader *r)
{
    if (!r)
        return;
    if (r->file && r->file != stdin)
        fclose(r->file);
    free(r->name);
    free(r);
}
