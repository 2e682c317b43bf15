/* wordbreak.h: words of scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer,
 * Myanmar), cut by ICU's word-break dictionaries. */
#ifndef QUARRY_WORDBREAK_H
#define QUARRY_WORDBREAK_H
#include "tokenize.h"

typedef struct wordbreak wordbreak;

/* From open(): 0 if ICU can open its word-break rules, else -1 with its reason in WHY (CAP
 * bytes). Without them no text in those scripts could be cut. */
int wordbreak_check(char *why, size_t cap);
/* One worker's cutter; NULL when out of memory or when ICU cannot open its rules. */
wordbreak *wordbreak_new(void);
void wordbreak_free(wordbreak *wb);
/* Cuts each token of TOKS (in text S, LEN bytes) that holds a character of a script without
 * spaces, and no hyphen, into the words ICU finds in it ("日本和印度" into "日本", "和", "印度"):
 * the first keeps the token's sentence and clause starts. A token of such a script after one
 * that ends in one, with only spaces between them, starts a clause. */
void wordbreak_cut(wordbreak *wb, const char *s, size_t len, seg_tokens *toks);
/* The symbol whose library's bytes join the stage's fingerprint: ICU's dictionaries decide the
 * words. */
const void *wordbreak_library(void);
#endif
