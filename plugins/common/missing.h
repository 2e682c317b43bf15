/* missing.h: the documents that lack the field a stage works on, counted, and one warning at the
 * end of the run that says so: such documents pass through untouched, which is right for a
 * stream that mixes kinds of records, but is most often a stage missing before this one. */
#ifndef QUARRY_MISSING_H
#define QUARRY_MISSING_H
#include <quarry.h>
#include <stdatomic.h>
#include <stdint.h>

typedef struct missing {
    atomic_uint_least64_t documents, without;
} missing;

/* Counts a document, HAS saying whether it holds the field (a corpus table's row is none: the
 * stage passes it on before, tablerows_is_row). From any worker. */
void missing_count(missing *m, int has);
/* From finish(): if COUNT is not 0, warns "COUNT of N documents WHAT", N the documents that had
 * the field (those the stage worked on) and WHAT made from FORMAT: for what the stage found in
 * some of them, such as "have no text after cleaning". */
void missing_warn_some(missing *m, quarry_ctx *ctx, uint64_t count, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
/* Whether REC has a field NAME, found by its name alone: quarry_get would decode a whole list. */
int missing_has(const quarry_record *rec, const char *name);
/* From finish(): if some documents lacked the field, warns "N of M documents have no WHAT:
 * THEN", WHAT made from FORMAT, as in "no 'tokens' list: they pass through unstemmed (put
 * tokenize before stem)". */
void missing_warn(missing *m, quarry_ctx *ctx, const char *then, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* The same for the 'stop' list beside a document's tokens, which tokens of their own (JSON Lines
 * from another tokenizer) most often lack: then no word is a stop word. Count only documents
 * that have tokens; the warning says that "the" and "of" can begin and end WHAT ("keyphrases")
 * and to put tokenize before STAGE. */
void missing_count_stop(missing *m, const quarry_record *rec);
void missing_warn_stop(missing *m, quarry_ctx *ctx, const char *what, const char *stage);
#endif
