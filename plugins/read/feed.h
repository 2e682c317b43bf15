/* feed.h: RSS and Atom feeds (the form syndicated news is published in) read as their items,
 * each a document of its title, text, link, date, author, categories and source. */
#ifndef QUARRY_READ_FEED_H
#define QUARRY_READ_FEED_H
#include <stddef.h>

#include "intern.h"

/* One item of a feed: its NUMBER (from 1) and the LINE it begins on; each string NUL-terminated,
 * or NULL where the feed gives none. TEXT is the item's content as the feed gives it, most often
 * HTML, which clean reads; DATE is YYYY-MM-DD, from PUBLISHED (the feed's own words) where that
 * reads as a date (RFC 822, as RSS writes them, or ISO 8601, as Atom does). */
typedef struct feed_item {
    size_t number, line;
    const char *id, *title, *text, *url, *date, *published, *author, *source;
    /* Its categories, as the feed names them (RSS <category> and <dc:subject>, Atom's label or
     * term): a section ("Business") or tags. The keys of this table, each once, in order (ids
     * 0, 1, ...); NULL if it has none. */
    const intern *categories;
} feed_item;

typedef void (*feed_item_fn)(void *data, const feed_item *item);

/* Whether the N bytes at S are an XML document whose root is a feed's (<rss>, <feed>, <rdf:RDF>),
 * as far as its first bytes tell: for files named .xml, which may hold anything. */
int feed_sniff(const char *s, size_t n);

/* Calls FN with each item of the feed of LEN bytes at S (ENCODING, or NULL for what the XML
 * says). Returns 0; 1 when the XML is not well formed, after the items that could be read, with
 * WHERE it broke and why in WHY; -1 with WHY when it is no feed at all. Entities of the feed's
 * own DTD are not expanded, and nothing outside the file is read. */
int feed_read(const char *s, size_t len, const char *encoding, feed_item_fn fn, void *data, char *why,
              size_t cap);

/* The date of S (RFC 822's "Tue, 01 Dec 2026 10:00:00 GMT" or ISO 8601's "2026-12-01T10:00Z")
 * as YYYY-MM-DD into OUT (11 bytes); 0, or -1 if it reads as neither. */
int feed_date(const char *s, char *out);
#endif
