/* tablerows.h: a corpus table's rows that reach the stage that makes the table: rows of an
 * earlier stage of the same kind ("a:ngrams ! b:ngrams") or of a kept stream read back, which
 * one write would mix with the stage's own rows in one file, with nothing to tell them apart. */
#ifndef QUARRY_TABLEROWS_H
#define QUARRY_TABLEROWS_H
#include <quarry.h>

/* QUARRY_OK if REC is no row of a table named in OWN (NULL-terminated: the tables this stage
 * makes); else fails the run (EX_USAGE), naming the table and what to do, and returns
 * QUARRY_ERROR. Call it for the records that lack the stage's input list: the rows are there. */
int tablerows_check(quarry_ctx *ctx, const quarry_record *rec, const char *const *own);

#endif
