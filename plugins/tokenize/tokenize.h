/* tokenize.h: what the tokenize stage's files share: the segmenter. */
#ifndef QUARRY_TOKENIZE_H
#define QUARRY_TOKENIZE_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

#include "stoplists.h"

/* One token of a text: where it is, and whether a sentence begins with it. */
typedef struct seg_token {
    size_t off, len;
    int sentence_start;
    int clause_start; /* punctuation inside the sentence (a comma, a quote, a bracket) before it */
    int hyphens;  /* inner hyphens: the token has hyphens + 1 parts */
    int code;     /* alone in angle brackets: a wire's ticker ("<DOTX.O>"), no word of the text */
} seg_token;

typedef struct seg_tokens {
    seg_token *v;
    size_t n, cap;
} seg_tokens;

/* Words of S: letters, digits and marks of every script, kept whole across inner hyphens
 * ("cyber-security", "COVID-19"), decimal points ("3.2"), apostrophes ("don't"),
 * abbreviation dots ("U.S.") and dots between letters of one case ("DOTX.O", "foxnews.com");
 * punctuation dropped. A token alone in angle brackets is a code ("<DOTX.O>"). A sentence
 * ends at . ! ? and their other-script forms, at a blank line, and in hard-wrapped text at an
 * indented line (a paragraph's or a table row's start), but not after a known abbreviation
 * ("Mr.") or an initial, nor before a lower-case word. A clause starts, inside a sentence,
 * after a comma, semicolon, colon, bracket (angle brackets too), quotation mark, dash or bar
 * (not a comma or colon between figures, "2,000", "10:30", nor an apostrophe closing a word,
 * "Republicans' plan"). */
void segment_words(const char *s, size_t len, seg_tokens *out);
/* Whitespace-separated chunks of S, as they are. */
void segment_whitespace(const char *s, size_t len, seg_tokens *out);
/* Every line of S, as it is, empty lines too (word lists such as Snowball's test vocabularies);
 * a final newline does not start another line. */
void segment_lines(const char *s, size_t len, seg_tokens *out);
/* Appends a token: OFF and LEN in the text, whether a sentence (START) or a clause (CLAUSE)
 * begins with it, and its inner hyphens. */
void seg_push(seg_tokens *t, size_t off, size_t len, int start, int clause, int hyphens);
void seg_tokens_free(seg_tokens *t);
#endif
