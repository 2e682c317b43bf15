/* stream.h: block streams in files: saved edges, spools, the native output format. */
#ifndef QUARRY_STREAM_H
#define QUARRY_STREAM_H
#include "block.h"
#include <stdio.h>

typedef struct stream_writer {
    FILE *file;
    char *name;       /* for messages */
    uint64_t blocks;  /* written so far, the end-of-stream block not counted */
    uint64_t bytes;
    int failed;       /* errno of the first failed write, or 0 */
    int borrowed;     /* the FILE is the caller's to close (stream_writer_borrow) */
} stream_writer;

/* Opens NAME for writing (NULL with ERR set on failure). */
stream_writer *stream_writer_open(const char *name, quarry_buf *err);
/* A temporary file for a spool, in $TMPDIR (else /tmp), with no name: nothing is left behind
 * whatever ends the run. NULL with errno set on failure; *DIR says where it was tried. */
FILE *stream_temp_file(const char **dir);
/* Wraps an open FILE (e.g. a temporary file); the writer closes it. */
stream_writer *stream_writer_wrap(FILE *file, const char *name);
/* Wraps an open FILE that stays the caller's: an output file, which the run commits or discards
 * with the others. */
stream_writer *stream_writer_borrow(FILE *file, const char *name);
int stream_write_block(stream_writer *w, const block *b);
/* Writes the end-of-stream block and flushes; returns 0, or -1 with ERR set. The FILE stays
 * open (for a spool to be re-read) until stream_writer_free. */
int stream_writer_finish(stream_writer *w, block_codec *codec, quarry_buf *err);
void stream_writer_free(stream_writer *w);

typedef struct stream_reader {
    FILE *file;
    char *name;
    uint64_t offset;  /* of the next member */
    uint64_t index;   /* of the next member, from 0 */
    int at_end;       /* the last member read was an end-of-stream block */
} stream_reader;

stream_reader *stream_reader_open(const char *name, quarry_buf *err);
stream_reader *stream_reader_wrap(FILE *file, const char *name);
/* Reads the next block with records: 1 and *OUT, 0 at a proper end of stream, -1 with ERR
 * naming the file, block and offset (truncation, a bad header). The block is not yet
 * decompressed: block_unpack checks its CRC. */
int stream_read_block(stream_reader *r, block **out, quarry_buf *err);
void stream_reader_free(stream_reader *r);
#endif
