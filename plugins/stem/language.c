/* language.c: the alphabet each Snowball algorithm stems (see language.h). */
#include "language.h"

#include <string.h>

/* libstemmer's algorithms outside Latin letters, with the ISO 639 codes it also takes for them
 * (its modules.txt). Snowball's newer algorithms (esperanto, estonian, polish) are all Latin. */
static const struct {
    const char *names[4];
    alphabet letters;
} stem_alphabets[] = {
    {{"russian", "ru", "rus", NULL}, ALPHABET_CYRILLIC},
    {{"serbian", "sr", "srp", NULL}, ALPHABET_NONE}, /* Cyrillic is written in Latin, then stemmed */
    {{"arabic", "ar", "ara", NULL}, ALPHABET_OTHER},
    {{"armenian", "hy", "hye", "arm"}, ALPHABET_OTHER},
    {{"greek", "el", "ell", "gre"}, ALPHABET_OTHER},
    {{"hindi", "hi", "hin", NULL}, ALPHABET_OTHER},
    {{"nepali", "ne", "nep", NULL}, ALPHABET_OTHER},
    {{"tamil", "ta", "tam", NULL}, ALPHABET_OTHER},
    {{"yiddish", "yi", "yid", NULL}, ALPHABET_OTHER},
};

alphabet stem_language_alphabet(const char *language)
{
    for (size_t i = 0; i < sizeof stem_alphabets / sizeof stem_alphabets[0]; i++)
        for (size_t n = 0; n < 4 && stem_alphabets[i].names[n]; n++)
            if (strcmp(language, stem_alphabets[i].names[n]) == 0)
                return stem_alphabets[i].letters;
    return ALPHABET_LATIN;
}
