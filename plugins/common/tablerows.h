/* tablerows.h: corpus table rows in a stage's input (made by an earlier stage's finish, or read
 * back from a kept stream): no documents, passed on as they are. Rows of the table the stage
 * makes itself, from an earlier stage of the same kind ("a:ngrams ! b:ngrams") or a kept stream,
 * stop the run: one write would mix them with the stage's own rows, with nothing to tell them
 * apart. */
#ifndef QUARRY_TABLEROWS_H
#define QUARRY_TABLEROWS_H
#include <quarry.h>

/* 1 if REC is a corpus table's row: it has a string '_table' field, the table's name (write's
 * test). A row is no document, whatever its columns are called: a stage passes it on untouched
 * and counts nothing of it. */
int tablerows_is_row(const quarry_record *rec);

/* QUARRY_OK if REC is no row of a table named in OWN (NULL-terminated: the tables this stage
 * makes); else fails the run (EX_USAGE), naming the table and what to do, and returns
 * QUARRY_ERROR. Call it for the rows (tablerows_is_row) that reach the stage. */
int tablerows_check(quarry_ctx *ctx, const quarry_record *rec, const char *const *own);

#endif
