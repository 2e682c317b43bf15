/* guess.c: the legacy encoding of a text that names none, guessed by uchardet, and taken only
 * where a wrong guess is unlikely (clean's encoding = auto, and read's feeds). */
#include "guess.h"
#include "facts.h"
#include "namelist.h"

#include <string.h>
#include <strings.h>
#include <uchardet.h>

/* How much of a text the guess reads: a few pages of evidence settle it, and a 100 MB dump
 * should not be read three times over. */
#define GUESS_WINDOW (256u << 10)

/* What uchardet names, as it names them, and how far each guess is trusted (clean then drops a
 * guess whose reading looks like mojibake, and read one that leaves a feed broken). Reading a
 * text in a non-Latin script as Windows-1252 gives nothing but letters with accents, so those
 * guesses are taken as they come. A Latin alphabet with other accents (Central European,
 * Turkish, Baltic) is where uchardet errs on Western text: Italian or Catalan, with few accented
 * letters, is now and then named ISO-8859-13 or Windows-1250, so those guesses must hold for
 * each half of the text as well. Guesses of DOS, Mac and Vietnamese code pages, rare in news
 * and uchardet's usual slips on English with curly quotes, are not taken at all. */
static const char *const guess_scripts[] = {
    "WINDOWS-1251", "ISO-8859-5", "KOI8-R", "IBM866", "IBM855", "MAC-CYRILLIC", "WINDOWS-1253", "ISO-8859-7",
    "WINDOWS-1255", "ISO-8859-8", "WINDOWS-1256", "ISO-8859-6", "TIS-620", "ISO-8859-11", "WINDOWS-874",
    "SHIFT_JIS", "EUC-JP", "GB18030", "BIG5", "EUC-TW", "EUC-KR", "UHC", "JOHAB", NULL};
static const char *const guess_latin[] = {"WINDOWS-1250", "ISO-8859-2", "WINDOWS-1254", "ISO-8859-9",
                                          "WINDOWS-1257", "ISO-8859-13", NULL};

/* uchardet's verdict on the LEN bytes at S, into NAME (CAP bytes): "" if it has none. */
static void guess_run(const char *s, size_t len, char *name, size_t cap)
{
    name[0] = 0;
    uchardet_t ud = uchardet_new();
    if (!ud)
        return;
    if (uchardet_handle_data(ud, s, len) == 0) {
        uchardet_data_end(ud);
        const char *verdict = uchardet_get_charset(ud);
        if (verdict && strlen(verdict) < cap)
            strcpy(name, verdict);
    }
    uchardet_delete(ud);
}

void guess_fact(quarry_ctx *ctx)
{
    facts_library(ctx, (const void *)uchardet_new);
}

size_t guess_window(size_t len)
{
    return len < GUESS_WINDOW ? len : GUESS_WINDOW;
}

size_t guess_encoding(const char *s, size_t len, char *name, size_t cap)
{
    len = guess_window(len);
    char whole[64];
    guess_run(s, len, whole, sizeof whole);
    int latin = namelist_has(guess_latin, whole);
    if (!latin && !namelist_has(guess_scripts, whole))
        return 0;
    if (latin) {
        size_t half = len / 2;
        while (half < len && s[half] != ' ' && s[half] != '\n')
            half++; /* at a word's end: neither half starts inside a word */
        char first[64], second[64];
        guess_run(s, half, first, sizeof first);
        guess_run(s + half, len - half, second, sizeof second);
        if (strcasecmp(whole, first) || strcasecmp(whole, second))
            return 0;
    }
    /* KOI8-U is KOI8-R with the Ukrainian letters in place of eight box-drawing characters,
     * which news does not use: uchardet names both KOI8-R. */
    const char *as = !strcasecmp(whole, "KOI8-R") ? "KOI8-U" : !strcasecmp(whole, "UHC") ? "CP949" : whole;
    size_t n = strlen(as);
    if (n >= cap)
        return 0;
    for (size_t i = 0; i <= n; i++)
        name[i] = (char)(as[i] >= 'A' && as[i] <= 'Z' ? as[i] - 'A' + 'a' : as[i]);
    return n;
}
