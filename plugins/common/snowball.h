/* snowball.h: the usage error for a language libstemmer has no stemmer for, shared by the stages
 * that take a Snowball language (stem, and topics for its lexicon's stems). */
#ifndef QUARRY_SNOWBALL_H
#define QUARRY_SNOWBALL_H
#include <quarry.h>

/* Fails the stage of CTX (EX_USAGE) for LANGUAGE, which sb_stemmer_new did not know, naming the
 * closest language libstemmer has and all of them, and what is done with the words of a
 * language no stemmer inflects (Chinese, Japanese, Thai). Returns quarry_fail's value. */
int snowball_unknown_language(quarry_ctx *ctx, const char *language);
#endif
