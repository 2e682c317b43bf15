/* encname.c: the name of a text encoding as a document declares it, and whether iconv knows it
 * (see encname.h). */
#include "encname.h"

#include <ctype.h>
#include <iconv.h>
#include <string.h>

size_t encname_value(const char *s, const char *end, char *name, size_t cap)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s >= end || *s != '=')
        return 0;
    s++;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
        s++;
    size_t n = 0;
    while (s < end && n + 1 < cap && (isalnum((unsigned char)*s) || strchr("-_.:", *s)))
        name[n++] = (char)tolower((unsigned char)*s++);
    name[n] = '\0';
    return n;
}

int encname_iconv_knows(const char *name, int both_ways)
{
    iconv_t in = iconv_open("UTF-8", name);
    iconv_t out = both_ways ? iconv_open(name, "UTF-8") : in;
    int known = in != (iconv_t)-1 && out != (iconv_t)-1;
    if (in != (iconv_t)-1)
        iconv_close(in);
    if (both_ways && out != (iconv_t)-1)
        iconv_close(out);
    return known;
}
