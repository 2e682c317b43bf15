/* embeds.c: what an embedded post leaves at the end of a scraped paragraph: a tweet's
 * signature ("pic.twitter.com/x — NWS Boston (@NWSBoston) October 7, 2020"), its links too. */
#include "clean.h"

#include <ctype.h>
#include <string.h>

/* How far back from its handle a signature's dash may stand: a display name is at most 50. */
#define EMBEDS_NAME_MAX 64

/* The length of the run of bytes that END (S[END] the byte after it) ends, of those that
 * CLASS_OF says are in it, up to MAX; counted backwards. */
static size_t embeds_back(const char *s, size_t end, size_t max, int (*class_of)(int))
{
    size_t n = 0;
    while (n < end && n < max && class_of((unsigned char)s[end - n - 1]))
        n++;
    return n;
}

static int embeds_handle_byte(int c)
{
    return isalnum(c) || c == '_';
}

static int embeds_letter(int c)
{
    return isalpha(c) || c == '.';
}

/* Where a link of the embed ("pic.twitter.com/AbC", "https://t.co/x") that ends at END (spaces
 * after it aside) begins, or END if none does. */
static size_t embeds_link_before(const char *s, size_t end)
{
    size_t e = end;
    while (e && s[e - 1] == ' ')
        e--;
    size_t start = e;
    while (start && s[start - 1] != ' ')
        start--;
    static const char *const links[] = {"pic.twitter.com/", "https://t.co/", "http://t.co/"};
    for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
        size_t n = strlen(links[k]);
        if (e - start > n && !memcmp(s + start, links[k], n))
            return start;
    }
    return end;
}

size_t embeds_tweet_signature(const char *s, size_t len)
{
    size_t e = len;
    while (e && s[e - 1] == ' ')
        e--;
    /* "... (@handle) October 7, 2020", read from its end: the year, the day, the month. */
    size_t year = embeds_back(s, e, 5, isdigit);
    if (year != 4 || e < 4 + 2 || s[e - 5] != ' ' || s[e - 6] != ',')
        return len;
    e -= 6;
    size_t day = embeds_back(s, e, 3, isdigit);
    if (!day || day > 2 || e - day < 1 || s[e - day - 1] != ' ')
        return len;
    e -= day + 1;
    size_t month = embeds_back(s, e, 10, embeds_letter);
    if (!month || !meta_month(s + e - month, month) || e - month < 2 || s[e - month - 1] != ' ' ||
        s[e - month - 2] != ')')
        return len;
    e -= month + 2;
    size_t handle = embeds_back(s, e, 16, embeds_handle_byte);
    if (!handle || handle > 15 || e - handle < 2 || s[e - handle - 1] != '@' || s[e - handle - 2] != '(')
        return len;
    e -= handle + 2;
    /* The display name, then the dash before it ("—", "–" or "-", with a space each side). */
    for (size_t back = 0; back < EMBEDS_NAME_MAX && back < e; back++) {
        size_t at = e - back;
        if (s[at - 1] == '(' || s[at - 1] == ')')
            return len;
        size_t dash = 0;
        if (at >= 5 && !memcmp(s + at - 5, " \xe2\x80\x94 ", 5)) /* em dash */
            dash = 5;
        else if (at >= 5 && !memcmp(s + at - 5, " \xe2\x80\x93 ", 5)) /* en dash */
            dash = 5;
        else if (at >= 3 && !memcmp(s + at - 3, " - ", 3))
            dash = 3;
        else if (at == 4 && !memcmp(s, "\xe2\x80\x94 ", 4)) /* a line that begins with it */
            dash = 4;
        if (!dash)
            continue;
        size_t start = at - dash;
        for (size_t link = embeds_link_before(s, start); link < start; link = embeds_link_before(s, start))
            start = link;
        while (start && s[start - 1] == ' ')
            start--;
        return start;
    }
    return len;
}

/* A tweet's signature at the end of line S (LEN bytes), for doc_trim_endings: most lines have
 * no "@", and are not read further. */
static size_t embeds_line_signature(const char *s, size_t len, const void *arg)
{
    (void)arg;
    return len < 16 || !memchr(s, '@', len) ? len : embeds_tweet_signature(s, len);
}

void embeds_trim(clean_doc *doc)
{
    doc_trim_endings(doc, "embed", embeds_line_signature, NULL);
}
