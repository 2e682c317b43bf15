/* scriptstop.h: the stop words of Chinese, Japanese and Thai, for which Snowball has no lists:
 * told by their script where it can tell them (Japanese kana, a lone Chinese character), else
 * listed (Thai). */
#ifndef QUARRY_SCRIPTSTOP_H
#define QUARRY_SCRIPTSTOP_H
#include <stddef.h>

/* Thai's function words (conjunctions, prepositions, auxiliaries, particles), NULL-ended:
 * added to the stop words whatever their language. */
extern const char *const scriptstop_thai[];

/* Whether token T (LEN bytes, lower-cased) is a stop word by its script alone: Hiragana alone
 * (Japanese particles and endings: "は", "の", "した"), or one Chinese character ("的", "了",
 * "和"; a Japanese counter or suffix, "円", "氏"). */
int scriptstop_by_script(const char *t, size_t len);
#endif
