/* quotes.c: quotes doubled by CSV escaping ("" for "), which text exported through a
 * spreadsheet or a CSV dump keeps: made single again where every quote of a document is so. */
#include "clean.h"

#include <ctype.h>
#include <string.h>

/* The quotes of S in runs: whether each run of two, at I (of N bytes, run ending at J), reads
 * as a quotation mark: a word follows it (opening) or a word or a sentence's end precedes it
 * (closing). An empty string literal ("" between spaces or after '=') does not. */
static int quotes_pair_like_mark(const char *s, size_t n, size_t i, size_t j)
{
    unsigned char after = j < n ? (unsigned char)s[j] : ' ';
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ';
    return isalnum(after) || after >= 0x80 || isalnum(before) || before >= 0x80 ||
           (before && strchr(".,!?;:)'", before));
}

size_t quotes_undouble(quarry_buf *text)
{
    const char *s = text->data;
    size_t n = text->len, marks = 0, others = 0;
    if (!n || !memchr(s, '"', n))
        return 0;
    for (const char *q = memchr(s, '"', n); q; q = memchr(q, '"', n - (size_t)(q - s))) {
        size_t i = (size_t)(q - s), j = i;
        while (j < n && s[j] == '"')
            j++;
        if (j - i == 1)
            return 0; /* a quote of its own: the text means its quotes as they are */
        if (j - i == 2) {
            int mark = quotes_pair_like_mark(s, n, i, j);
            marks += mark;
            others += !mark;
        }
        if (j == n)
            break;
        q = s + j;
    }
    /* Two at least, as one pair alone is as likely a typo as an export's doing; and most pairs
     * read as marks, where empty strings ("" between spaces) would be code. In an escaped text
     * the other pairs are escaped quotes too, next to a bracket or a dash. */
    if (marks < 2 || others * 2 > marks)
        return 0;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] == '"')
            j++;
        if (j - i == 2) {
            text->data[w++] = '"';
            i = j;
        } else if (j > i) { /* a longer run ("""): left as it is */
            memmove(text->data + w, s + i, j - i);
            w += j - i;
            i = j;
        } else {
            text->data[w++] = s[i++];
        }
    }
    text->len = w;
    return marks + others;
}
