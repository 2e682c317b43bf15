/* sniff.h: what a file's first bytes say it is, when it is no document: another format by
 * mistake (bzip2, xz, zstd, zip, PDF), binary data, or a saved record stream's payload. */
#ifndef QUARRY_READ_SNIFF_H
#define QUARRY_READ_SNIFF_H
#include <stddef.h>

/* The start of a text that tells binary data (sniff_binary, and UTF-16 within it). */
enum { SNIFF_SAMPLE = 8192 };

/* What a file that is no text is, by its first bytes, and what to do about it: the formats a
 * corpus folder is likely to hold by mistake. NULL if none of them. */
const char *sniff_other_format(const char *s, size_t n);
/* Whether over a tenth of the first SNIFF_SAMPLE bytes of S (N bytes) are bytes that only
 * binary data has: C0 controls other than white space, ESC, and the shifts (SO, SI) that switch
 * ISO-2022-KR and -CN text between ASCII and a double-byte set. */
int sniff_binary(const unsigned char *s, size_t n);
/* Whether S (N bytes, after gunzip) begins as a saved record stream's payload does: a msgpack
 * map of a few fields whose first key is a short string. As text, that would be a UTF-8
 * continuation byte and another, which no document begins with; standard input cannot be read
 * again to check its gzip headers, which tell a stream for sure (quarry_stream_detect). */
int sniff_records(const unsigned char *s, size_t n);
/* Why a text (N bytes of it so far, not UTF-16) is no document, by what it holds: another
 * format's first bytes, a NUL byte, or control bytes in its first 8 KiB; NULL if none. WHY (CAP
 * bytes) holds a message made here. */
const char *sniff_binary_problem(const char *s, size_t n, char *why, size_t cap);
/* Why a file of documents (JSON Lines, JSON, CSV) whose first bytes are S (N of them) cannot be
 * read as one: UTF-16 (as Excel's "Unicode" export writes it), or another format by mistake (a
 * zip archive); NULL if neither. Their documents are read as they arrive, so UTF-16 is not
 * converted as a text file's is, and each line would be rejected on its own. */
const char *sniff_unreadable_start(const char *s, size_t n);
#endif
