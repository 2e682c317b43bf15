/* meta.c: the document's headline and date, from the lines above its body. */
#include "clean.h"
#include "textline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define META_MAX_TITLE_WORDS 30
#define META_MAX_TITLE_CHARS 250

static int meta_headline_shaped(const char *s, size_t len)
{
    /* A line ending in a colon introduces what follows ("Why in News:"): a label. */
    if (len == 0 || len > META_MAX_TITLE_CHARS || s[len - 1] == '.' || s[len - 1] == ',' || s[len - 1] == ':')
        return 0;
    int words, stops;
    boiler_count_words(s, len, &words, &stops);
    int letters = 0;
    for (size_t i = 0; i < len; i++)
        letters += isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
    return words >= 3 && words <= META_MAX_TITLE_WORDS && letters * 2 > (int)len;
}

/* The first date in line S (LEN bytes) into OUT as YYYY-MM-DD: 1; -1 if the line holds only a
 * date in figures whose day and month cannot be told apart (OUT untouched); 0 if none. */
static int meta_date_in(const char *s, size_t len, char *out);

/* How many words of S are written in title case ("Cyber", "Security"), months, days of the week
 * and the words datelines put before a date ("Published", "Updated") aside: a line with a date
 * and three such words is a headline that names a date, "India-Japan Cyber Security
 * Cooperation (12 October 2020)", not a dateline. */
static int meta_title_words(const char *s, size_t len)
{
    static const char *const dateline_words[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                 "Saturday", "Sunday", "Published", "Updated", "Posted",
                                                 "Last", "Modified", "First", "Created"};
    int n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && !isalpha((unsigned char)s[i]))
            i++;
        size_t start = i;
        int lower = 0;
        while (i < len && (isalpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '\''))
            lower += islower((unsigned char)s[i++]) != 0;
        size_t wlen = i - start;
        if (!wlen || !isupper((unsigned char)s[start]) || !lower || meta_month(s + start, wlen))
            continue;
        int dateline_word = 0;
        for (size_t k = 0; k < sizeof dateline_words / sizeof *dateline_words && !dateline_word; k++)
            dateline_word = strlen(dateline_words[k]) == wlen && !memcmp(dateline_words[k], s + start, wlen);
        n += !dateline_word;
    }
    return n;
}

/* Whether S (LEN bytes) opens as a byline does: "By", then a space and a capital ("By John
 * Smith", "BY JOHN SMITH"); "by" in any case if ANY_CASE. */
static int meta_by_name(const char *s, size_t len, int any_case)
{
    if (len < 4 || s[2] != ' ' || !isupper((unsigned char)s[3]))
        return 0;
    if (any_case)
        return tolower((unsigned char)s[0]) == 'b' && tolower((unsigned char)s[1]) == 'y';
    return s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y');
}

/* A byline ("By", then a capitalised word: "By John Smith", "By JOHN SMITH, Associated Press")
 * or a dateline ("March 5, 2011", "Published 2011-03-04"), in a short line: no headline, and
 * between a headline and its body it does not join the two. "By the numbers: ..." (lower case)
 * can still be a headline. */
static int meta_aside(const char *s, size_t len)
{
    int words, stops;
    boiler_count_words(s, len, &words, &stops);
    if (words > 8)
        return 0;
    if (meta_by_name(s, len, 1))
        return 1;
    char date[11];
    return meta_date_in(s, len, date) && meta_title_words(s, len) < 3;
}

/* The most words of a byline alone: names, an employer, a date and a time. */
#define META_BYLINE_WORDS 14

int meta_byline(const char *s, size_t len)
{
    if (!meta_by_name(s, len, 0))
        return 0;
    size_t end = 3;
    while (end < len && isalpha((unsigned char)s[end]))
        end++;
    /* A colon after the first word makes a label ("By Car: 2 hours from the city"). */
    return doc_words(s, len) <= META_BYLINE_WORDS && !meta_month(s + 3, end - 3) && (end == len || s[end] != ':') &&
           !doc_paragraph(s, len);
}

/* The most words of a site's name after a page title's headline ("... - The New York Times"). */
#define META_SITE_WORDS 5

size_t meta_site_name(const char *s, size_t len)
{
    static const char *const marks[] = {" - ", " | ", " :: ", " \xc2\xbb ", " \xe2\x80\x93 ", " \xe2\x80\x94 "};
    size_t words = 0;
    for (size_t i = len; i-- > 0;) {
        if (s[i] != ' ')
            continue;
        for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
            size_t n = strlen(marks[k]);
            if (i + 1 >= n && !memcmp(s + i + 1 - n, marks[k], n))
                return i + 1 > n ? i + 1 - n : len; /* a headline before the mark */
        }
        if (++words > META_SITE_WORDS)
            return len;
    }
    return len;
}

long meta_title_line(const clean_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        const clean_line *l = &doc->lines[i];
        if (l->blank)
            continue;
        /* Furniture is never a headline; stop at the body. */
        int furniture = l->drop && l->rule && strcmp(l->rule, "boilerplate") != 0;
        /* A headline stands alone: not the first line of a wrapped paragraph. Below it (past a
         * byline), a blank line, furniture, or a line longer than any hard-wrapped one: a
         * paragraph on a line of its own, as scraped stories put each one (the headline, then
         * the body at once). */
        size_t below = i + 1;
        for (int k = 0; k < 2 && below < doc->n && !doc->lines[below].blank &&
                        meta_aside(doc_line(doc, below), doc->lines[below].len);
             k++)
            below++;
        int alone = below >= doc->n || doc->lines[below].blank || doc->lines[below].drop ||
                    doc->lines[below].len > TEXTLINE_WRAP_WIDTH;
        /* Nor does its sentence run onto the next line ("Zayre Corp said sales for the" / "four
         * weeks ended ..."): a short story's first line, hard-wrapped. */
        if (i + 1 < doc->n && !doc->lines[i + 1].blank) {
            const char *next = doc_line(doc, i + 1);
            alone = alone && !(next[0] >= 'a' && next[0] <= 'z');
        }
        int aside = meta_aside(doc_line(doc, i), l->len);
        if (!furniture && !aside && alone && meta_headline_shaped(doc_line(doc, i), l->len)) {
            /* A headline stands above a body: a lone line is the text, not its title. */
            for (size_t j = i + 1; j < doc->n; j++)
                if (!doc->lines[j].drop && !doc->lines[j].blank)
                    return (long)i;
            return -1;
        }
        if (!l->drop && !aside)
            return -1;
    }
    return -1;
}

static const char *const meta_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

int meta_month(const char *w, size_t len)
{
    if (len < 3)
        return 0;
    char low[16];
    size_t n = len < sizeof low - 1 ? len : sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    if (n > 3 && low[n - 1] == '.')
        low[--n] = '\0';
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++)
        if ((n == 3 && !strncmp(low, meta_months[m], 3)) || !strcmp(low, full[m]) ||
            (n == 4 && !strcmp(low, "sept") && m == 8))
            return m + 1;
    return 0;
}

typedef struct meta_word {
    const char *s;
    size_t len;
    long num;  /* value if all digits (ignoring st/nd/rd/th), else -1 */
} meta_word;

/* Writes year Y, month M, day D as YYYY-MM-DD into OUT (11 bytes) if that day exists ("31
 * February" does not): 1, else 0. */
static int meta_put_date(char *out, long y, int m, long d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y <= 1900 || y >= 2200 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] + (m == 2 && leap))
        return 0;
    /* The modulos change nothing here; they show the compiler that each field fits. */
    snprintf(out, 11, "%04d-%02d-%02d", (int)(y % 10000), (m % 100 + 100) % 100, (int)(d % 100 + 100) % 100);
    return 1;
}

/* A date in figures at HERE (NUL-terminated), whose first figures end at SEP ('/' or '.'):
 * "2020/10/08" (year first), "08.10.2020" (day first, as the countries that write dots put it),
 * or "13/10/2020" and "10/13/2020", whose day is told by its being over 12. Into OUT as
 * meta_put_date: 1; -1 for a date whose day and month cannot be told apart ("08/10/2020" is
 * 8 October in London and 10 August in New York), OUT untouched; 0 for none. */
static int meta_figures_date(const char *here, char sep, char *out)
{
    char *end;
    long a = strtol(here, &end, 10), b, c;
    size_t na = (size_t)(end - here);
    if (*end != sep || !isdigit((unsigned char)end[1]))
        return 0;
    const char *second = end + 1;
    b = strtol(second, &end, 10);
    size_t nb = (size_t)(end - second);
    if (*end != sep || !isdigit((unsigned char)end[1]) || nb > 2)
        return 0;
    const char *third = end + 1;
    c = strtol(third, &end, 10);
    size_t nc = (size_t)(end - third);
    if (isdigit((unsigned char)*end))
        return 0; /* longer than the copy: no date */
    if (na == 4 && nc <= 2 && sep == '/')
        return meta_put_date(out, a, (int)b, c); /* 2020/10/08 */
    if (na > 2 || nc != 4)
        return 0;
    if (sep == '.')
        return meta_put_date(out, c, (int)b, a); /* 08.10.2020 */
    if (a > 12 || b > 12)
        return a > 12 ? meta_put_date(out, c, (int)b, a) : meta_put_date(out, c, (int)a, b);
    char either[11];
    return meta_put_date(either, c, (int)a, b) && meta_put_date(either, c, (int)b, a) ? -1 : 0;
}

static int meta_date_in(const char *s, size_t len, char *out)
{
    int unsure = 0; /* a date in figures whose day and month cannot be told apart */
    meta_word w[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < 64;) {
        while (i < len && !isalnum((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && (isalnum((unsigned char)s[i]) || (s[i] == '.' && i > start && !isdigit((unsigned char)s[start]))))
            i++;
        if (i == start)
            break;
        meta_word *x = &w[n++];
        x->s = s + start;
        x->len = i - start;
        /* strtol and sscanf read up to a NUL, and the line is not followed by one: they read a
         * copy of its next bytes, which holds any number or date that starts here. */
        char here[24];
        size_t copied = len - start < sizeof here - 1 ? len - start : sizeof here - 1;
        memcpy(here, x->s, copied);
        here[copied] = '\0';
        char *end;
        long v = strtol(here, &end, 10);
        size_t digits = (size_t)(end - here);
        x->num = digits && (digits == x->len || (x->len - digits == 2 && isalpha((unsigned char)*end))) ? v : -1;
        /* "2020/10/08", "08.10.2020", "13/10/2020" */
        if (i < len && (s[i] == '/' || s[i] == '.') && digits == x->len) {
            int found = meta_figures_date(here, s[i], out);
            if (found > 0)
                return 1;
            unsure |= found < 0;
        }
        /* "2020年10月8日": year, month and day, in Chinese and Japanese */
        if (i + 3 <= len && !memcmp(s + i, "\xe5\xb9\xb4", 3) && digits == x->len) {
            int y, m, d;
            if (sscanf(here, "%4d\xe5\xb9\xb4%2d\xe6\x9c\x88%2d\xe6\x97\xa5", &y, &m, &d) == 3 &&
                meta_put_date(out, y, m, d))
                return 1;
        }
        /* "2020-10-08" and "26-FEB-1987" */
        if (i < len && s[i] == '-' && digits == x->len) {
            int y, m, d;
            char mon[4];
            if (sscanf(here, "%4d-%2d-%2d", &y, &m, &d) == 3 && meta_put_date(out, y, m, d))
                return 1;
            if (sscanf(here, "%2d-%3[A-Za-z]-%4d", &d, mon, &y) == 3 && (m = meta_month(mon, 3)) &&
                meta_put_date(out, y, m, d))
                return 1;
        }
    }
    for (size_t i = 0; i + 2 < n; i++) {
        int m;
        long d = -1, y = -1;
        if ((m = meta_month(w[i].s, w[i].len)) && w[i + 1].num >= 1 && w[i + 1].num <= 31 && w[i + 2].num > 1900) {
            d = w[i + 1].num;  /* October 8, 2020 */
            y = w[i + 2].num;
        } else if (w[i].num >= 1 && w[i].num <= 31 && (m = meta_month(w[i + 1].s, w[i + 1].len)) && w[i + 2].num > 1900) {
            d = w[i].num;      /* 12 October 2020 */
            y = w[i + 2].num;
        }
        if (d > 0 && meta_put_date(out, y, m, d))
            return 1;
    }
    return unsure ? -1 : 0;
}

int meta_find_date(const clean_doc *doc, size_t limit, char *out)
{
    size_t seen = 0;
    for (size_t i = 0; i < doc->n && seen < limit; i++) {
        if (doc->lines[i].blank)
            continue;
        seen++;
        if (meta_date_in(doc_line(doc, i), doc->lines[i].len, out) > 0)
            return 1; /* one whose day is unsure is no date to give: a later line may tell */
    }
    return 0;
}
