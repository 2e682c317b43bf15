/* spool.h: the stored spool of a two-pass stage's input: blocks kept raw in a private file. */
#ifndef QUARRY_SPOOL_H
#define QUARRY_SPOOL_H
#include "block.h"
#include <stdio.h>

/* A spool at spool-compression 0 (the default). Its blocks are written as they pass between
 * threads, their records' bytes and (for a bare block) their field spans, with no gzip framing
 * nor CRC, and read back as bare blocks: the file has no name (stream_temp_file), and lives for
 * the run, so its bytes never leave the process, as a queue's do not. */
typedef struct spool {
    FILE *file;
    uint64_t written, read; /* blocks */
    int failed;             /* errno of the first failed write, or 0 */
} spool;

/* Wraps FILE (a temporary file), which the spool closes. */
spool *spool_wrap(FILE *file);
/* Writes B; a block that is not bare is decompressed first with CODEC into SCRATCH. Returns 0,
 * or -1: with ERR set if B cannot be read, else with errno in FAILED. */
int spool_write(spool *s, const block *b, block_codec *codec, quarry_buf *scratch, quarry_buf *err);
/* Flushes what was written and rewinds for reading: 0, or -1 with errno in FAILED. */
int spool_finish(spool *s);
/* Reads the next block back, bare: 1 and *OUT (its seq counting from 0), 0 at the end, -1 with
 * ERR set (a read error, or a file cut short). */
int spool_read(spool *s, block **out, quarry_buf *err);
void spool_free(spool *s);
#endif
