/* guess.h: the legacy encoding of a text that names none, guessed by uchardet (see guess.c). */
#ifndef QUARRY_GUESS_H
#define QUARRY_GUESS_H
#include <quarry.h>
#include <stddef.h>

/* From open(): uchardet's code joins the stage's fingerprint (facts_library), as its guesses
 * shape what the stage passes on. */
void guess_fact(quarry_ctx *ctx);

/* How many of a text's LEN bytes a guess reads: all, or the first 256 KiB. */
size_t guess_window(size_t len);
/* The encoding of S (not UTF-8), guessed by uchardet from its window, lower-cased into NAME (CAP
 * bytes) as iconv knows it: its length, or 0 when there is no guess safe to take. */
size_t guess_encoding(const char *s, size_t len, char *name, size_t cap);
#endif
