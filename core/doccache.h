/* doccache.h: the per-document cache of a per-record stage in the state folder: what the stage
 * made of each input record it saw in the last run, keyed by that record's content hash under
 * the stage's fingerprint, kept as a block stream like any other. */
#ifndef QUARRY_DOCCACHE_H
#define QUARRY_DOCCACHE_H
#include "block.h"
#include "fingerprint.h"

typedef struct doccache doccache;

/* One worker's reads of the old cache file: the block it decoded last (hits come in order, so
 * most are in the block before). */
typedef struct doccache_reader {
    uint64_t block_offset; /* of the decoded block; UINT64_MAX: none */
    quarry_buf payload;
    block_codec codec;
    quarry_record *rec;    /* finds where an entry ends */
} doccache_reader;

/* The cache of stage STAGE_NAME (fingerprint FP) in folder DIR: with REUSE, indexes the file
 * the last run with this fingerprint left (a damaged block is reported and its entries dropped,
 * to be recomputed); and opens a new file beside it, written with zlib level LEVEL. NULL with ERR
 * set if DIR cannot be written. */
doccache *doccache_open(const char *dir, const char *stage_name, const fingerprint *fp, int level,
                        int reuse, quarry_buf *err);
/* The key of an input record (its packed bytes). */
fingerprint doccache_key(const doccache *c, const char *rec, size_t len);
/* Looks KEY up in the old file. 1 with *ENTRY, *LEN: a record holding the stage's output and,
 * as its first field, "_key" (pointing into RD, valid until the next call); 0 if absent or
 * unreadable (reported). */
int doccache_find(doccache *c, doccache_reader *rd, const fingerprint *key, const char **entry,
                  size_t *len);
/* Appends to OUT the entry for KEY whose output is the packed record REC (LEN bytes). */
void doccache_entry(quarry_buf *out, const fingerprint *key, const char *rec, size_t len);
/* Writes the next block of entries to the new file (in input order). 0, or -1 with ERR set. */
int doccache_write(doccache *c, const block *b, quarry_buf *err);
/* Finishes the new file and renames it over the old one. 0, or -1 with ERR set. */
int doccache_commit(doccache *c, quarry_buf *err);
/* The cache's file name (for the run's manifest). */
const char *doccache_file_name(const doccache *c);
/* Frees C; an uncommitted new file is removed. */
void doccache_free(doccache *c);

void doccache_reader_init(doccache_reader *rd);
void doccache_reader_free(doccache_reader *rd);

/* The file name of an instance's cache: "INSTANCE-FPHEX.qz". */
void doccache_name(quarry_buf *out, const char *stage_name, const fingerprint *fp);
#endif
