/* markdown.c: Markdown's markup left in a text (a feed or a CMS export that sends its source):
 * links become their text, images, emphasis marks, heading and quotation marks go. The rules
 * are CommonMark's, cut to what news text holds. */
#include "clean.h"

#include <string.h>

/* How far a link's target is looked for: a web address's length (tokenize's bound too). */
#define MARKDOWN_TARGET_MAX 2048

/* The length of a link's target at S ("(https://x.test/a)", S[0] the '('), or 0 if there is
 * none: bytes without white space up to ')', or such an address then a quoted title
 * ('(https://x.test "Title")'), on one line. */
static size_t markdown_target(const char *s, size_t n)
{
    size_t max = n < MARKDOWN_TARGET_MAX ? n : MARKDOWN_TARGET_MAX, i = 1;
    while (i < max && s[i] != ')' && s[i] != ' ' && s[i] != '\n' && s[i] != '(')
        i++;
    if (i == 1 || i >= max || s[i] == '\n' || s[i] == '(')
        return 0;
    if (s[i] == ' ') { /* a title: one quoted string, then ')' */
        if (i + 1 >= max || s[i + 1] != '"')
            return 0;
        const char *close = memchr(s + i + 2, '"', max - i - 2);
        if (!close || (size_t)(close - s) + 1 >= max || close[1] != ')' ||
            memchr(s + i, '\n', (size_t)(close - (s + i))))
            return 0;
        i = (size_t)(close - s) + 1;
    }
    return i + 1;
}

/* The link at S (S[0] the '[', or the '!' of an image): its length, and where its text is in
 * *TEXT, *TLEN; 0 if S begins none. A link's text holds no brackets and no line break. */
static size_t markdown_link(const char *s, size_t n, size_t *text, size_t *tlen)
{
    size_t open = s[0] == '!' ? 1 : 0;
    if (open + 1 >= n || s[open] != '[')
        return 0;
    size_t i = open + 1;
    while (i < n && i < MARKDOWN_TARGET_MAX && s[i] != ']' && s[i] != '[' && s[i] != '\n')
        i++;
    if (i + 1 >= n || s[i] != ']' || s[i + 1] != '(')
        return 0;
    size_t target = markdown_target(s + i + 1, n - i - 1);
    if (!target)
        return 0;
    *text = open + 1;
    *tlen = i - open - 1;
    return i + 1 + target;
}

/* The length of the emphasis marks at S: 2 for "**" or "__", 1 for a lone '*' ("*no change*"),
 * else 0. A lone '_' is none: it joins the words of names ("snake_case", "file_name"). */
static size_t markdown_marks(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '*' || s[0] == '_') && s[1] == s[0])
        return 2;
    return n && s[0] == '*' ? 1 : 0;
}

/* Whether C may stand inside a pair of emphasis marks MARK, next to one: not white space, and
 * not the mark itself, as in a rule of underscores ("______"). */
static int markdown_inner(char c, char mark)
{
    return c != ' ' && c != '\t' && c != mark;
}

/* Where the pair of emphasis marks (M bytes) opened at S[I] closes on its line, before END: the
 * next marks of the same kind, after a byte that may stand inside them, the opening ones before
 * such a byte; else 0 ("5 * 3 * 2" is none). */
static size_t markdown_emphasis_close(const char *s, size_t end, size_t i, size_t m)
{
    if (i + m >= end || !markdown_inner(s[i + m], s[i]))
        return 0;
    for (size_t j = i + m + 1; j + m <= end; j++) {
        if (s[j] != s[i] || (m == 2 && s[j + 1] != s[i]))
            continue;
        int lone = m == 2 || j + 1 >= end || s[j + 1] != s[i];
        return lone && markdown_inner(s[j - 1], s[i]) ? j : 0;
    }
    return 0;
}

/* Whether S holds the two bytes PAIR one after the other. Their first byte is rare in text, and
 * memchr finds it many bytes at a time, where memmem looks at every byte for a pair. */
static int markdown_pair(const char *s, size_t len, const char pair[2])
{
    for (const char *p = memchr(s, pair[0], len); p && p + 1 < s + len;
         p = memchr(p + 1, pair[0], len - (size_t)(p + 1 - s)))
        if (p[1] == pair[1])
            return 1;
    return 0;
}

int markdown_detect(const char *s, size_t len)
{
    /* Most text has none of the signs' pairs of bytes: looking for them first spares it the
     * loop below (a tenth of the stage on Reuters, which memmem's searches still cost). */
    if (!markdown_pair(s, len, "](") && !markdown_pair(s, len, "**") && !markdown_pair(s, len, "__"))
        return 0;
    size_t strong = 0, end = 0; /* end: where the line of S[i] ends, found once a line */
    for (size_t i = 0; i < len; i++) {
        if (i >= end) {
            const char *nl = memchr(s + i, '\n', len - i);
            end = nl ? (size_t)(nl - s) : len;
        }
        if (s[i] == '[') {
            size_t text, tlen, l = markdown_link(s + i, len - i, &text, &tlen);
            if (l && tlen)
                return 1; /* a link: "[the Federal Reserve](https://...)" */
        } else if (markdown_marks(s + i, len - i) == 2) {
            size_t close = markdown_emphasis_close(s, end, i, 2);
            if (close && ++strong >= 2)
                return 1; /* two pairs of "**": one may be a footnote's marks */
            i = close ? close + 1 : i + 1;
        }
    }
    return 0;
}

/* The length of the marks that open line S (N bytes): quotation marks ("> ", "> > ") and a
 * heading's "## ", in that order. */
static size_t markdown_line_marks(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '>') {
        i++;
        if (i < n && s[i] == ' ')
            i++;
    }
    size_t h = i;
    while (h < n && h - i < 6 && s[h] == '#')
        h++;
    if (h > i && h < n && s[h] == ' ')
        i = h + 1;
    return i;
}

size_t markdown_strip(const char *s, size_t len, quarry_buf *out)
{
    size_t marks = 0;
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len, i = start + markdown_line_marks(s + start, end - start);
        marks += i > start;
        size_t copied = i;
        while (i < end) {
            size_t text, tlen, l = 0, close = 0, m = markdown_marks(s + i, end - i);
            if (s[i] == '[' || (s[i] == '!' && i + 1 < end && s[i + 1] == '['))
                l = markdown_link(s + i, end - i, &text, &tlen);
            else if (m)
                close = markdown_emphasis_close(s, end, i, m);
            if (!l && !close) {
                i += m ? m : 1; /* marks that close nothing stay, and open nothing either */
                continue;
            }
            quarry_buf_append(out, s + copied, i - copied);
            marks++;
            if (close) { /* the text between the marks stays, the marks go */
                quarry_buf_append(out, s + i + m, close - i - m);
                i = close + m;
            } else {
                if (s[i] != '!') /* an image goes whole: its text describes it, and is no part of the story */
                    quarry_buf_append(out, s + i + text, tlen);
                i += l;
            }
            copied = i;
        }
        quarry_buf_append(out, s + copied, end - copied);
        if (nl)
            quarry_buf_append(out, "\n", 1);
        start = end + (nl ? 1 : 0);
    }
    return marks;
}
