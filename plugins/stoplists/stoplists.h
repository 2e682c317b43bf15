/* stoplists.h: the stop-word lists of data/stopwords, one per language, as C tables (shared by
 * the tokenize and clean stages). */
#ifndef QUARRY_STOPLISTS_H
#define QUARRY_STOPLISTS_H

typedef struct stoplist {
    const char *language;
    const char *const *words;  /* lower case, NULL-terminated */
} stoplist;

extern const stoplist stoplists[];  /* ends with a NULL language */
#endif
