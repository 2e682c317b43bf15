/* cut.c: the marker a news API leaves where it cut a story short ("... in a statement… [+4352
 * chars]", NewsAPI's 'content'), found at the end of a text. */
#include "clean.h"

#include <string.h>

int cut_marker(const char *s, size_t len, size_t *start)
{
    static const char tail[] = " chars]";
    const size_t tl = sizeof tail - 1;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
        len--;
    if (len < tl + 3 || memcmp(s + len - tl, tail, tl))
        return 0;
    size_t digits = len - tl;
    while (digits && s[digits - 1] >= '0' && s[digits - 1] <= '9')
        digits--;
    if (digits == len - tl || digits < 2 || s[digits - 1] != '+' || s[digits - 2] != '[')
        return 0;
    *start = digits - 2;
    return 1;
}
