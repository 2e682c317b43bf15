/* layout.h: the sentences whose words are no prose, or whose case says nothing of them:
 * headlines, datelines, table rows and headings. The rules are at the definitions, in layout.c. */
#ifndef QUARRY_LAYOUT_H
#define QUARRY_LAYOUT_H
#include <stddef.h>
#include <stdint.h>

#include "candidates.h"

/* How a sentence's words are capitalised, when that says nothing of names or acronyms. */
enum { KW_CASE_TOLD, KW_CASE_TITLE, KW_CASE_SHOUTED };

/* How the sentence from token START of T is written (KW_CASE_*); *END receives the token
 * after it. */
int kw_sentence_case(const kw_tokens *t, size_t start, size_t *end);
/* Whether the sentence from START to END is a table's row ("Shr 34 cts vs 1.19 dlrs"). */
int kw_table_row(const kw_tokens *t, size_t start, size_t end);
/* Whether token I of T is a heading ("NOTE: ..."), by D's corpus casings. */
int kw_heading(const kw_doc *d, const kw_tokens *t, size_t i);
/* How many words of the sentence from token START, the story's SENTENCE-th, are its dateline
 * ("AUBURN HILLS, Mich. (AP) -", "By C.J. Kuncheria NEW DELHI, April 2 (Reuters) -"), the first
 * into *AT; 0 if none. */
size_t kw_dateline(const kw_doc *d, const kw_tokens *t, size_t start, uint32_t sentence, size_t *at);
/* The first token of the story's text after a dateline whose words end before token AFTER, in
 * the sentence that ends before token END: the clause after its agency or date ("GUELPH,
 * Ontario, April 1 (UPI) - Eating a fatty meal", "AUBURN HILLS, Mich. (AP) - Chrysler"). It is
 * capitalised as a sentence's first word is, whatever it is. SIZE_MAX if the sentence tells
 * none. */
size_t kw_dateline_text(const kw_tokens *t, size_t after, size_t end);
#endif
