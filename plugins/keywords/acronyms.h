/* acronyms.h: a story's acronyms ("the Ministry of External Affairs (MEA)"), each tied to the
 * phrase it stands for, so that a list shows one entry for the two. */
#ifndef QUARRY_KW_ACRONYMS_H
#define QUARRY_KW_ACRONYMS_H
#include "candidates.h"

/* Sets kw_cand.defined on each candidate of D that is an acronym T defines: in brackets right
 * after the capitalised words whose initials it spells ("European Community (EC)",
 * "Information and Communication Technologies (ICTs)", "Inter-American Development Bank
 * (IADB)"), where those words are a candidate too; or written in capitals apart from the one
 * phrase of the story whose initials it spells ("International Business Machines Corp ...
 * IBM"). */
void kw_acronyms_mark(kw_doc *d, const kw_tokens *t);
#endif
