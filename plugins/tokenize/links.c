/* links.c: where a web address or an e-mail address in text ends. Their pieces are no words of
 * the story: cut at their dots, slashes and '=' they gave keyphrases such as "http", "utm" and
 * "www.example.com news". */
#include "links.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The longest web address, e-mail local part and domain looked for, in bytes: each word's search
 * stops there, so that a line of "www.a." or "a+a+" costs its length, not its length squared.
 * Browsers and mail take addresses near these lengths at most. */
enum { LINK_URL_MAX = 2048, LINK_LOCAL_MAX = 64, LINK_DOMAIN_MAX = 255 };

/* Whether the LEN bytes at S begin with PREFIX, whatever its case. */
static int link_prefix(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && !strncasecmp(s, prefix, n);
}

/* Whether byte C ends a web address written in text: a space or a control byte, or what
 * encloses one ("<https://...>", "\"www...\""). */
static int link_stop(unsigned char c)
{
    return c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7F;
}

size_t link_url_end(const char *s, size_t len, size_t i)
{
    if (!memchr("hHfFwW", s[i], 6))
        return i; /* asked at every word's start: most begin with none of the schemes' letters */
    const char *p = s + i;
    size_t left = len - i, head;
    if (link_prefix(p, left, "http://") || link_prefix(p, left, "ftp://"))
        head = p[0] == 'f' || p[0] == 'F' ? 6 : 7;
    else if (link_prefix(p, left, "https://"))
        head = 8;
    else if (link_prefix(p, left, "www.") && left > 4 && isalnum((unsigned char)p[4]))
        head = 4;
    else
        return i;
    if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.'))
        return i; /* inside a longer word: "awww.", "xhttp://" */
    size_t end = i + head, limit = len - i > LINK_URL_MAX ? i + LINK_URL_MAX : len;
    while (end < limit && !link_stop((unsigned char)s[end]))
        end++;
    /* What ends the sentence or closes a bracket after it is the text's, not the address's. */
    while (end > i + head && memchr(".,;:!?)]}'", s[end - 1], 10))
        end--;
    /* A site's name alone ("www.reuters.com") is a word, as "foxnews.com" is: only a path
     * makes it a link. */
    if (head == 4 && !memchr(p, '/', end - i))
        return i;
    return end;
}

/* Whether byte C may stand in an e-mail address's local part. */
static int link_local(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

size_t link_email_end(const char *s, size_t len, size_t i)
{
    size_t at = i, local_limit = len - i > LINK_LOCAL_MAX ? i + LINK_LOCAL_MAX : len;
    while (at < local_limit && link_local((unsigned char)s[at]))
        at++;
    if (at == i || at >= len || s[at] != '@')
        return i;
    size_t end = at + 1, labels = 0, limit = len - end > LINK_DOMAIN_MAX ? end + LINK_DOMAIN_MAX : len;
    for (;;) { /* labels of letters, figures and '-', parted by dots */
        size_t label = end;
        while (end < limit && (isalnum((unsigned char)s[end]) || s[end] == '-'))
            end++;
        if (end == label)
            break;
        labels++;
        if (end + 1 < limit && s[end] == '.' && isalnum((unsigned char)s[end + 1]))
            end++;
        else
            break;
    }
    return labels >= 2 ? end : i;
}
