/* docfile.h: files that hold many documents (JSON Lines, a JSON array, CSV, an RSS or Atom
 * feed), read into a record each: its fields, with "id" and "text" from id-field and text-field,
 * or an id made from its place ("feed:3"), and rejects that name the line or element. */
#ifndef QUARRY_READ_DOCFILE_H
#define QUARRY_READ_DOCFILE_H
#include "read.h"

/* The documents of file GZ, opened from PATH (FILE_ID: its id, for those without one), its
 * first PENDING bytes already in st->chunk; GZ is closed. A gzip problem or a file cut short
 * rejects the file, naming how far reading got, after the documents before it. 0. */
/* JSON Lines: a document a line. */
int docfile_jsonl(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending);
/* JSON: the elements of its array, or the objects it holds one after another. */
int docfile_json(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending);
/* CSV, or (TSV nonzero) TSV: a header row naming the columns, then a document a row, each
 * column a string field. */
int docfile_csv(quarry_ctx *ctx, read_state *st, gzin *gz, const char *path, const char *file_id, int pending,
                int tsv);
/* The items of the feed in st->data (from PATH, its id ID), each a document; the file is
 * rejected when it is no feed, or, after the items read, when its XML breaks. Text CONVERTED
 * from UTF-16 is UTF-8 whatever its XML declaration says. */
int docfile_feed_items(quarry_ctx *ctx, read_state *st, const char *path, const char *id, int converted);
#endif
