/* textline.h: what stages agree on about lines of text: where the text of a line of a user's
 * file starts (past a UTF-8 byte-order mark on the first line, as Windows editors write one,
 * which would otherwise become part of the first word, section or pattern), and how long a line
 * of hard-wrapped text can be. */
#ifndef QUARRY_TEXTLINE_H
#define QUARRY_TEXTLINE_H
#include <stddef.h>
#include <string.h>

/* The bytes to skip at the start of line LINENO (from 1), S of LEN bytes: 3 or 0. */
static inline size_t textline_bom(const char *s, size_t len, size_t lineno)
{
    return lineno == 1 && len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* The longest line of hard-wrapped text (newswire cut at 70 columns): a longer line is a
 * paragraph of its own, as scraped stories hold them. clean (a headline above its body) and
 * tokenize (whether a line break ends a sentence) read text the same way. */
enum { TEXTLINE_WRAP_WIDTH = 100 };
#endif
