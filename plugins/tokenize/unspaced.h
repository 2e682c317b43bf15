/* unspaced.h: scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
 * Khmer, Myanmar), which tokenize cannot cut into words: a clause of them is one token. */
#ifndef QUARRY_UNSPACED_H
#define QUARRY_UNSPACED_H
#include <stddef.h>

/* Whether token T (LEN bytes of UTF-8) holds UNSPACED_RUN or more characters of such scripts:
 * a clause taken whole, not a word. A name such as "東京" in a story in English is no run. */
int unspaced_run(const char *t, size_t len);

#define UNSPACED_RUN 8
#endif
