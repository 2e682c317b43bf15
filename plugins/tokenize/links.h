/* links.h: where a web address or an e-mail address in text ends, for tokenize to leave it out. */
#ifndef QUARRY_TOKENIZE_LINKS_H
#define QUARRY_TOKENIZE_LINKS_H
#include <stddef.h>

/* The end of the web address that begins at S[I] (LEN bytes in all): "http://", "https://" or
 * "ftp://", or "www." before a letter or figure with a path after the site ("www.x.com/a"), up
 * to the next space, angle bracket or quote, less the punctuation that ends a sentence or
 * closes a bracket around it ("see https://example.com/a."). I if none begins there: a site's
 * name alone ("www.reuters.com") is a word. */
size_t link_url_end(const char *s, size_t len, size_t i);
/* The end of the e-mail address whose local part begins at S[I] ("press@example.com": a local
 * part, '@', and a domain of two labels at least), or I if none. */
size_t link_email_end(const char *s, size_t len, size_t i);
#endif
