/* doccache.c: the per-document cache of a per-record stage: an index of last run's file, reads
 * of single entries from it, and the new file written beside it and renamed over it. */
#include "doccache.h"
#include "buf.h"
#include "log.h"
#include "mem.h"
#include "output.h"
#include "record.h"
#include "stream.h"

#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Each entry is a record whose first field is "_key": fixstr "_key", then str8 of 32 digits. */
static const char doccache_key_field[] = "\xa4_key\xd9\x20";
#define DOCCACHE_KEY_FIELD_LEN 7

typedef struct doccache_slot {
    fingerprint key;
    uint64_t offset; /* of the block holding the entry */
    uint32_t at;     /* where the entry starts in that block's payload */
    uint32_t used;
} doccache_slot;

struct doccache {
    char *instance;
    fingerprint fp;
    char *dir, *old_path, *temp_path, *file_name;
    int fd; /* the old file, read with pread by every worker; -1: none */
    doccache_slot *slots;
    size_t cap, count;
    stream_writer *out;
    block_codec codec;
    int committed;
    atomic_flag told; /* a lookup failed, and said so: a failing disk fails them all, told once */
};

void doccache_name(quarry_buf *out, const char *stage_name, const fingerprint *fp)
{
    char hex[FINGERPRINT_HEX_LEN + 1];
    fingerprint_hex(fp, hex);
    buf_printf(out, "%s-%s.qz", stage_name, hex);
}

/* ---- The index ------------------------------------------------------------------------------ */

static void doccache_insert(doccache *c, const fingerprint *key, uint64_t offset, uint32_t at);

static void doccache_grow(doccache *c)
{
    doccache_slot *old = c->slots;
    size_t oldcap = c->cap;
    c->cap = c->cap ? 2 * c->cap : 1024;
    c->slots = mem_calloc(c->cap, sizeof *c->slots);
    c->count = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].used)
            doccache_insert(c, &old[i].key, old[i].offset, old[i].at);
    free(old);
}

static void doccache_insert(doccache *c, const fingerprint *key, uint64_t offset, uint32_t at)
{
    if (2 * (c->count + 1) > c->cap)
        doccache_grow(c);
    size_t mask = c->cap - 1;
    for (size_t i = (size_t)key->lo & mask;; i = (i + 1) & mask) {
        doccache_slot *s = &c->slots[i];
        if (!s->used) {
            *s = (doccache_slot){*key, offset, at, 1};
            c->count++;
            return;
        }
        if (fingerprint_equal(&s->key, key))
            return; /* the same input twice: its first entry serves both */
    }
}

static const doccache_slot *doccache_lookup(const doccache *c, const fingerprint *key)
{
    if (!c->cap)
        return NULL;
    size_t mask = c->cap - 1;
    for (size_t i = (size_t)key->lo & mask; c->slots[i].used; i = (i + 1) & mask)
        if (fingerprint_equal(&c->slots[i].key, key))
            return &c->slots[i];
    return NULL;
}

/* The map header's length at P (LEN bytes), and its entry count; 0 if P holds no map. */
static size_t doccache_map_header(const unsigned char *p, size_t len, uint32_t *n)
{
    if (len >= 1 && p[0] >= 0x80 && p[0] <= 0x8f) {
        *n = p[0] & 0x0f;
        return 1;
    }
    if (len >= 3 && p[0] == 0xde) {
        *n = (uint32_t)p[1] << 8 | p[2];
        return 3;
    }
    if (len >= 5 && p[0] == 0xdf) {
        *n = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 8 | p[4];
        return 5;
    }
    return 0;
}

/* The key of the entry at P (LEN bytes); -1 if it has none. */
static int doccache_entry_key(const char *p, size_t len, fingerprint *key)
{
    uint32_t n;
    size_t h = doccache_map_header((const unsigned char *)p, len, &n);
    char hex[FINGERPRINT_HEX_LEN + 1];
    if (!h || n < 1 || len < h + DOCCACHE_KEY_FIELD_LEN + FINGERPRINT_HEX_LEN ||
        memcmp(p + h, doccache_key_field, DOCCACHE_KEY_FIELD_LEN) != 0)
        return -1;
    memcpy(hex, p + h + DOCCACHE_KEY_FIELD_LEN, FINGERPRINT_HEX_LEN);
    hex[FINGERPRINT_HEX_LEN] = '\0';
    return fingerprint_parse(hex, key);
}

/* Indexes the old file, block by block; a damaged block costs its own entries only, a damaged
 * header the rest of the file. */
static void doccache_index(doccache *c)
{
    quarry_buf err = {0}, payload = {0};
    stream_reader *sr = stream_reader_open(c->old_path, &err);
    if (!sr) { /* no cache yet for this fingerprint */
        quarry_buf_free(&err);
        return;
    }
    quarry_record *rec = quarry_record_new();
    block *b;
    int got;
    for (;;) {
        uint64_t offset = sr->offset, index = sr->index;
        err.len = 0;
        if ((got = stream_read_block(sr, &b, &err)) <= 0)
            break;
        if (block_unpack(&c->codec, b, &payload, &err) < 0) {
            log_msg(LOG_WARN, c->instance, "cache %s: block %llu at byte %llu: %s; its %u "
                    "documents will be recomputed", c->old_path, (unsigned long long)index,
                    (unsigned long long)offset, buf_cstr(&err), b->nrec);
            block_unref(b);
            continue;
        }
        size_t off = 0, start = 0;
        fingerprint key;
        while (record_next(rec, payload.data, payload.len, &off) > 0) {
            if (doccache_entry_key(payload.data + start, off - start, &key) == 0)
                doccache_insert(c, &key, offset, (uint32_t)start);
            start = off;
        }
        block_unref(b);
    }
    if (got < 0)
        log_msg(LOG_WARN, c->instance, "cache %s; the documents after it will be recomputed",
                buf_cstr(&err)); /* the reader's message names the file */
    quarry_record_free(rec);
    stream_reader_free(sr);
    quarry_buf_free(&err);
    quarry_buf_free(&payload);
    c->fd = open(c->old_path, O_RDONLY | O_CLOEXEC);
}

/* ---- Opening and reading ------------------------------------------------------------------- */

doccache *doccache_open(const char *dir, const char *stage_name, const fingerprint *fp, int level,
                        int reuse, quarry_buf *err)
{
    doccache *c = mem_calloc(1, sizeof *c);
    atomic_flag_clear(&c->told);
    c->instance = mem_strdup(stage_name);
    c->fp = *fp;
    c->fd = -1;
    block_codec_init(&c->codec, level);
    quarry_buf name = {0}, path = {0};
    doccache_name(&name, stage_name, fp);
    buf_printf(&path, "%s/%s", dir, buf_cstr(&name));
    c->old_path = buf_steal(&path);
    output_temp_path(&path, dir, buf_cstr(&name));
    c->temp_path = buf_steal(&path);
    c->dir = mem_strdup(dir);
    c->file_name = buf_steal(&name);
    if (reuse)
        doccache_index(c);
    c->out = stream_writer_open(c->temp_path, err);
    if (!c->out) {
        doccache_free(c);
        return NULL;
    }
    /* Its failures are told by the folder, which the user chose, not by the hidden name. */
    quarry_buf shown = {0};
    buf_printf(&shown, "its cache in the state folder (%s)", dir);
    free(c->out->name);
    c->out->name = buf_steal(&shown);
    return c;
}

fingerprint doccache_key(const doccache *c, const char *rec, size_t len)
{
    return fingerprint_bytes(&c->fp, rec, len);
}

void doccache_reader_init(doccache_reader *rd)
{
    memset(rd, 0, sizeof *rd);
    rd->block_offset = UINT64_MAX;
    block_codec_init(&rd->codec, 0);
    rd->rec = quarry_record_new();
}

void doccache_reader_free(doccache_reader *rd)
{
    quarry_buf_free(&rd->payload);
    block_codec_free(&rd->codec);
    quarry_record_free(rd->rec);
}

/* Reads LEN bytes at OFFSET of FD into TO: 0, or -1 with ERR saying why (an error, or the file
 * ending first: CUT, what that means). */
static int doccache_pread(int fd, void *to, size_t len, uint64_t offset, const char *cut, quarry_buf *err)
{
    size_t done = 0;
    while (done < len) {
        ssize_t got = pread(fd, (char *)to + done, len - done, (off_t)(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            buf_printf(err, "cannot read it: %s", strerror(errno));
            return -1;
        }
        if (got == 0) {
            buf_puts(err, cut);
            return -1;
        }
        done += (size_t)got;
    }
    return 0;
}

/* Decodes the block at OFFSET into RD. 0, or -1 with ERR set. */
static int doccache_load_block(doccache *c, doccache_reader *rd, uint64_t offset, quarry_buf *err)
{
    unsigned char header[BLOCK_HEADER_SIZE];
    uint32_t member_len, nrec;
    rd->block_offset = UINT64_MAX;
    if (doccache_pread(c->fd, header, sizeof header, offset, "the file is shorter than its index says", err) < 0 ||
        block_parse_header(header, &member_len, &nrec, err) < 0)
        return -1;
    unsigned char *member = mem_alloc(member_len);
    if (doccache_pread(c->fd, member, member_len, offset, "a block is cut short", err) < 0) {
        free(member);
        return -1;
    }
    block *b = block_adopt(member, member_len, nrec);
    int rc = block_unpack(&rd->codec, b, &rd->payload, err);
    block_unref(b);
    if (rc < 0)
        return -1;
    rd->block_offset = offset;
    return 0;
}

int doccache_find(doccache *c, doccache_reader *rd, const fingerprint *key, const char **entry,
                  size_t *len)
{
    const doccache_slot *s = doccache_lookup(c, key);
    if (!s || c->fd < 0)
        return 0;
    quarry_buf err = {0};
    if (rd->block_offset != s->offset && doccache_load_block(c, rd, s->offset, &err) < 0) {
        if (!atomic_flag_test_and_set(&c->told))
            log_msg(LOG_WARN, c->instance, "cache %s: block at byte %llu: %s; recomputing its documents "
                    "(and any other the cache fails to give, not told again)", c->old_path,
                    (unsigned long long)s->offset, buf_cstr(&err));
        quarry_buf_free(&err);
        return 0;
    }
    size_t start = s->at, off = start;
    fingerprint found;
    if (start >= rd->payload.len || record_next(rd->rec, rd->payload.data, rd->payload.len, &off) <= 0 ||
        doccache_entry_key(rd->payload.data + start, off - start, &found) < 0 ||
        !fingerprint_equal(&found, key)) {
        if (!atomic_flag_test_and_set(&c->told))
            log_msg(LOG_WARN, c->instance, "cache %s: the entry at %zu of the block at byte %llu is not the one "
                    "the index names; recomputing it (and any other the cache fails to give, not told again)",
                    c->old_path, start, (unsigned long long)s->offset);
        rd->block_offset = UINT64_MAX;
        return 0;
    }
    *entry = rd->payload.data + start;
    *len = off - start;
    return 1;
}

/* ---- Writing -------------------------------------------------------------------------------- */

void doccache_entry(quarry_buf *out, const fingerprint *key, const char *rec, size_t len)
{
    uint32_t n;
    size_t h = doccache_map_header((const unsigned char *)rec, len, &n);
    if (!h)
        return; /* not a record: nothing to keep */
    msgpack_packer pk;
    record_packer_init(&pk, out);
    msgpack_pack_map(&pk, n + 1);
    char hex[FINGERPRINT_HEX_LEN + 1];
    fingerprint_hex(key, hex);
    quarry_buf_append(out, doccache_key_field, DOCCACHE_KEY_FIELD_LEN);
    quarry_buf_append(out, hex, FINGERPRINT_HEX_LEN);
    quarry_buf_append(out, rec + h, len - h);
}

int doccache_write(doccache *c, const block *b, quarry_buf *err)
{
    if (stream_write_block(c->out, b) == 0)
        return 0;
    buf_printf(err, "cannot write %s: %s", c->out->name, strerror(c->out->failed));
    return -1;
}

int doccache_commit(doccache *c, quarry_buf *err)
{
    if (stream_writer_finish(c->out, &c->codec, err) < 0)
        return -1;
    if (fsync(fileno(c->out->file)) != 0) {
        buf_printf(err, "cannot write %s: %s", c->out->name, strerror(errno));
        return -1;
    }
    /* Named by its folder, as a failure to write it is (doccache_open), not by the hidden
     * temporary file the rename's own message would name. */
    if (output_rename_synced(c->temp_path, c->old_path, c->dir, NULL) < 0) {
        buf_printf(err, "cannot replace %s: %s", c->out->name, strerror(errno));
        return -1;
    }
    c->committed = 1;
    return 0;
}

const char *doccache_file_name(const doccache *c)
{
    return c->file_name;
}

void doccache_free(doccache *c)
{
    if (!c)
        return;
    stream_writer_free(c->out);
    if (!c->committed)
        unlink(c->temp_path);
    if (c->fd >= 0)
        close(c->fd);
    block_codec_free(&c->codec);
    free(c->slots);
    free(c->instance);
    free(c->dir);
    free(c->old_path);
    free(c->temp_path);
    free(c->file_name);
    free(c);
}
