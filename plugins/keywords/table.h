/* table.h: the corpus keywords table: the phrases in the most documents' top lists, each shown
 * once, in its most frequent surface form, its spellings merged. */
#ifndef QUARRY_KW_TABLE_H
#define QUARRY_KW_TABLE_H
#include <quarry.h>
#include <stdint.h>

#include "intern.h"

/* A phrase of the corpus table: in how many documents' top it is, and its scores there, summed
 * in millionths: integers add up to the same total in any order, so the table does not depend
 * on which worker saw which document. */
typedef struct kw_listed {
    uint32_t docs;
    int64_t micro;
} kw_listed;

/* The table's columns (besides '_table'), in order. */
#define KW_TABLE_COLUMNS 5
extern const char *const kw_table_columns[KW_TABLE_COLUMNS];

/* Emits, as rows of the table NAME, the ROWS phrases of LISTED (stem phrase -> kw_listed) in
 * the most documents' top lists. Each is shown in its most frequent surface form (SURFACES:
 * stem phrase, NUL, surface -> uint64_t count), with its documents in DF (stem phrase ->
 * uint32_t); phrases shown with the same letters (kw_spelling_key), each capitalised or
 * neither, are one row. */
void kw_table_emit(quarry_ctx *ctx, const char *name, const intern *listed, const intern *surfaces, const intern *df,
                   size_t rows);
#endif
