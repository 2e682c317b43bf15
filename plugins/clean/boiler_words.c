/* boiler_words.c: the measures of text that the boilerplate rules share: byte classes, the stop
 * words of every language, word counts, and keys that tell copies of a line. */
#include "clean.h"
#include "stoplists.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* ASCII classes by table: the ctype functions cost a call per byte here. */
unsigned char boiler_lower[256];
unsigned char boiler_wordc[256];   /* letters, digits and every non-ASCII byte */

static void boiler_tables_init(void)
{
    for (int c = 0; c < 256; c++) {
        boiler_lower[c] = (unsigned char)(c < 0x80 ? tolower(c) : c);
        boiler_wordc[c] = c >= 0x80 || isalnum(c);
    }
}

/* The stop words of every language, in one table. */
#define STOP_SLOTS 8192
static const char *stop_table[STOP_SLOTS];
static unsigned char stop_len[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint64_t boiler_fnv(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The union of every language's list: a line of any of them reads as prose. */
static void stop_init(void)
{
    for (size_t l = 0; stoplists[l].language; l++) {
        for (size_t i = 0; stoplists[l].words[i]; i++) {
            const char *w = stoplists[l].words[i];
            size_t len = strlen(w);
            size_t h = boiler_fnv(w, len) & (STOP_SLOTS - 1);
            while (stop_table[h] && !(stop_len[h] == len && !memcmp(stop_table[h], w, len)))
                h = (h + 1) & (STOP_SLOTS - 1);
            if (stop_table[h])
                continue; /* in an earlier language's list already */
            stop_table[h] = w;
            stop_len[h] = (unsigned char)len;
        }
    }
    boiler_tables_init();
}

void boiler_words_init(void)
{
    pthread_once(&stop_once, stop_init);
}

static int boiler_is_stop(const char *w, size_t len)
{
    size_t h = boiler_fnv(w, len) & (STOP_SLOTS - 1);
    while (stop_table[h]) {
        if (stop_len[h] == len && memcmp(stop_table[h], w, len) == 0)
            return 1;
        h = (h + 1) & (STOP_SLOTS - 1);
    }
    return 0;
}

static int boiler_word_byte(unsigned char c)
{
    return boiler_wordc[c];
}

/* Bytes that start general punctuation (U+2000-U+206F: dashes, quotes, ellipsis): not a word. */
static int boiler_punct_at(const char *s, size_t i, size_t len)
{
    return (unsigned char)s[i] == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] >= 0x80 &&
           (unsigned char)s[i + 1] <= 0x81;
}

void boiler_count_words(const char *s, size_t len, int *words, int *stops)
{
    boiler_words_init();
    char low[64];
    int w = 0, st = 0;
    for (size_t i = 0; i < len;) {
        if (boiler_punct_at(s, i, len)) {
            i += 3;
            continue;
        }
        if (!boiler_word_byte((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        /* Apostrophes inside words, straight or curly (’), do not split them. */
        while (i < len) {
            if (s[i] == '\'' && i + 1 < len && isalpha((unsigned char)s[i + 1]))
                i++;
            else if (i + 3 < len && !memcmp(s + i, "\xe2\x80\x99", 3) && isalpha((unsigned char)s[i + 3]))
                i += 3;
            else if (boiler_word_byte((unsigned char)s[i]) && !boiler_punct_at(s, i, len))
                i++;
            else
                break;
        }
        size_t n = i - start;
        int letter = 0;
        for (size_t k = start; k < i && !letter; k++)
            letter = s[k] < '0' || s[k] > '9';
        if (!letter)
            continue; /* figures are not words: "4,400 dlrs" is one word, not three */
        w++;
        if (n < sizeof low) {
            for (size_t k = 0; k < n; k++)
                low[k] = (char)boiler_lower[(unsigned char)s[start + k]];
            st += boiler_is_stop(low, n);
        }
    }
    *words = w;
    *stops = st;
}

uint64_t boiler_line_key(const char *s, size_t len)
{
    boiler_words_init();
    uint64_t h = BOILER_KEY_SEED;
    for (size_t i = 0; i < len; i++)
        h = boiler_key_step(h, (unsigned char)s[i]);
    return h ? h : 1;
}

int boiler_listed(const char *const *list, size_t n, const char *w, size_t len)
{
    unsigned char first = (unsigned char)tolower((unsigned char)w[0]);
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)list[k][0] == first && strlen(list[k]) == len && !strncasecmp(list[k], w, len))
            return 1;
    return 0;
}
