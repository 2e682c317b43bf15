/* clean.h: what the clean stage's files share: text buffers, code pages, the repair steps. */
#ifndef QUARRY_CLEAN_H
#define QUARRY_CLEAN_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Data tables (tables.c, generated) ---------------------------------------------------- */
typedef struct codepage {
    const char *name;
    const uint16_t *high;  /* bytes 0x80..0xFF -> code point; 0xFFFF: undefined */
} codepage;
extern const codepage clean_codepages[];
extern const size_t clean_ncodepages;

typedef struct html_entity {
    const char *name;   /* without & and ; */
    const char *utf8;
} html_entity;
extern const html_entity clean_entities[];
extern const size_t clean_nentities;

/* ---- UTF-8 (utf8.c) ------------------------------------------------------------------------ */
/* Decodes one code point at S (N bytes left): its length, or 0 if S holds no valid UTF-8
 * sequence there (overlong, surrogate, truncated, out of range). */
size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Appends CP as UTF-8. */
void utf8_append(quarry_buf *out, int32_t cp);
/* Appends S, decoding each byte that is not part of valid UTF-8 as Windows-1252 (undefined
 * bytes as the Latin-1 character of the same value). Returns how many bytes were invalid. */
size_t utf8_repair_bytes(quarry_buf *out, const char *s, size_t len);
/* True when S is all ASCII. */
int utf8_is_ascii(const char *s, size_t len);

/* ---- Mojibake (mojibake.c, badness.c) ------------------------------------------------------------ */
/* How much S (valid UTF-8) looks like mojibake: 0 for text that looks right. */
int badness_score(const char *s, size_t len);
/* Repairs mojibake in one line of valid UTF-8 S, appending the result to OUT. Returns 1 if it
 * changed anything. */
int mojibake_fix_line(const char *s, size_t len, quarry_buf *out);

/* ---- HTML entities (entities.c) ----------------------------------------------------------------- */
/* Decodes named and numeric character references, repeatedly for double-escaped text
 * ("&amp;lt;"). Returns 1 if it changed anything. */
int entities_decode(const char *s, size_t len, quarry_buf *out);

/* ---- Characters (chars.c) -------------------------------------------------------------------- */
typedef struct chars_options {
    int nfkc;           /* NFKC instead of NFC */
    int straight_quotes;
} chars_options;
/* Removes control characters (keeping tab and newline; CR LF and CR become LF), zero-width
 * spaces, soft hyphens and byte-order marks; no-break and other odd spaces become plain
 * spaces; then normalizes (NFC or NFKC) and, if asked, straightens curly quotes. S must be
 * valid UTF-8. Returns 1 if anything changed. */
int chars_clean(const char *s, size_t len, const chars_options *opt, quarry_buf *out);
#endif
