/* wordclass.h: what a token is, for keyphrases: a phrase word or not, and the shape of its
 * surface form. The rules and their reasons are at the definitions, in wordclass.c. */
#ifndef QUARRY_WORDCLASS_H
#define QUARRY_WORDCLASS_H
#include <stddef.h>

#include "candidates.h"

/* An ASCII letter, of either case; an ASCII capital. */
static inline int kw_is_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static inline int kw_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Whether token I of T can be part of a phrase: not a stop word, function word (but where it
 * ends a name: "Theresa May"), figure or quantity, nor a number in words in lower case, nor a
 * word that is only an adverb, nor "rose", "fell" or "led" in lower case. Asked in token order:
 * it reads T's wordlike of the token before, and T's lexical, starts and clauses. */
int kw_wordlike(const kw_tokens *t, size_t i);
/* Marks in T's wordlike, once every token is asked, the months that end a name after a
 * sentence's first word ("Theresa May said"), which kw_wordlike leaves out as it would "During
 * May", where the story writes the same name inside a sentence too ("said Theresa May"). */
void kw_name_ends_confirm(kw_tokens *t);
/* Whether token I of T is a figure: it begins with a digit and holds no letter ("807", "1.19";
 * not "4th", "5G"). */
int kw_figure(const kw_tokens *t, size_t i);

/* Whether token I of T is a quantity written as one word: an age, an amount with its magnitude
 * or in pence, an ordinal ("73-year-old", "40b", "6.5p", "3rd", "5/8ths"). */
int kw_quantity_at(const kw_tokens *t, size_t i);
/* Whether token I of T opens a verb's object: a figure, "$", a determiner, "that" or "whether". */
int kw_object_opener(const kw_tokens *t, size_t i);
/* Whether token I of T opens a noun phrase: a determiner or a preposition, in any case ("the",
 * "A", "its", "of", "in"). */
int kw_noun_phrase_opener(const kw_tokens *t, size_t i);
/* Whether token I of T is a preposition that opens a noun phrase ("of", "in", "to"), in any
 * case. */
int kw_preposition(const kw_tokens *t, size_t i);
/* Whether token I of T governs what follows it in its clause, as a preposition does, and is then
 * no phrase word: written in lower case (or capitalised first in its sentence: "Following"), and
 * - a preposition that Snowball's stop words lack and that is then nothing else ("principal
 *   amount plus accrued interest", "the day following receipt", "companies like IBM", "would
 *   like to");
 * - or one that may modify a noun ("outside directors", "inside information", "pending
 *   litigation"), before a stop word or a capitalised word, which it governs ("investors
 *   outside the U.S.", "inside and outside Japan", "branches inside Michigan");
 * - or a word of time or amount before the time, the figure or the stop word it governs ("last
 *   week", "early next month", "bonds due 1992", "delays due to", "contract worth 10 mln"),
 *   but for the noun of "net worth".
 * At a clause's end such a word is a noun or an adverb ("a loyal following", "on the outside"). */
int kw_governs_next(const kw_tokens *t, size_t i);
/* Whether token I of T is a verb that reports what was said ("said", "says", "say", "told",
 * "added"), in any case. */
int kw_reporting(const kw_tokens *t, size_t i);
/* Whether token I of T is "of", in any case. */
int kw_of(const kw_tokens *t, size_t i);
/* Whether token I of T names a month or a day of the week ("January", "Sept", "Monday"), or is a
 * unit of calendar time in lower case ("year", "weeks"). */
int kw_time_name(const kw_tokens *t, size_t i);
/* Whether token I of T is the month of a date, before its day or year in the same clause:
 * "Pay April 30", "Record April three", "in March 1987". A date says when, not what: wire
 * copy's dividend notes gave "Record April", "Pay April" and "April" to hundreds of lists. */
int kw_date_month(const kw_tokens *t, size_t i);
/* Whether token I of T is a word of "full name" or "full company name" (or "corporate",
 * "legal"), in any case and number, as wire copy's notes open a firm's name ("NOTE: Full name
 * Philippine Long Distance Telephone Co", "Full company name is ..."): it names nothing, and was
 * in 109 of Reuters' lists, 5 of them glued to the name ("Full name Hospital"). */
int kw_full_name_word(const kw_tokens *t, size_t i);
/* Whether token I of T is a small number in words ("one", "Nine"). */
int kw_number_word(const kw_tokens *t, size_t i);
/* Whether token I of T is an ordinal in words up to "tenth", a fraction, or a word that places
 * a thing before or after others ("first", "Second", "thirds", "half", "next", "current"). */
int kw_rank_word(const kw_tokens *t, size_t i);
/* Whether token I of T is a measure written as one word: a figure or a number in words, a hyphen
 * and a word ("15-year", "60-kilo", "109-billion", "3-for-2", "21-June", "five-year",
 * "one-third", "half-point"). Before its noun it is part of a phrase ("10-year notes", "3-for-2
 * stock split", "five-year plan"); alone it says how much or when, not of what. */
int kw_measure(const kw_tokens *t, size_t i);
/* Whether token I of T is a general noun, which names nothing alone ("side", "way", "kind"). */
int kw_general_noun(const kw_tokens *t, size_t i);
/* Whether token I of T begins with a capital letter. */
int kw_capitalised(const kw_tokens *t, size_t i);
/* Whether surface form S is a compound with a hyphen inside and its last part in lower case
 * ("five-time", "Chicago-based"). */
int kw_modifier_compound(const char *s, size_t len);
/* Whether surface form S reads as a past tense or participle ("declared"; not "speed"). */
int kw_past_tense(const char *s, size_t len);
/* Whether surface form S is "rose", "fell" or "led", in lower case: the pasts that report a
 * figure ("car sales fell 5.1 pct"), which WordNet knows as nouns too. */
int kw_news_verb(const char *s, size_t len);
/* The classes of the word tables (WordNet's: verbforms.h, verbbases.h, adjectives.h,
 * adverbs.h, headlineverbs.h) a surface form is of. */
enum {
    KW_LEX_VERB_FORM = 1, /* a verb form no noun phrase ends in ("told", "reflects") */
    KW_LEX_VERB_BASE = 2, /* a verb's base form that is nothing else ("reduce"; not "plan") */
    KW_LEX_ADJECTIVE = 4, /* a word that is only an adjective ("economic") */
    KW_LEX_ADVERB = 8,    /* a word that is only an adverb ("immediately") */
    KW_LEX_VERB_THIRD = 16, /* of KW_LEX_VERB_FORM, a third person singular ("expects", "reflects") */
    KW_LEX_HEADLINE_VERB = 32, /* a headline's verb that is a noun's plural too ("buys", "issues") */
    /* Not of the tables but of a token's context: a verb after a modal or an infinitive's
     * "to" (kw_after_infinitive_to: "will meet conditions", "expects to report earnings"; after
     * "to" alone, a KW_LEX_VERB_MOSTLY word: "shares to cover overallotments"), which opens no
     * noun phrase; alone the word may still name the act ("rebound", "report"), so it counts as
     * a verb only inside a phrase. */
    KW_LEX_VERB_INFINITIVE = 64,
    KW_LEX_VERB_MOSTLY = 128 /* a verb more often than a noun or an adjective ("cover", "supply") */
};
/* The classes (KW_LEX_*) of surface form S, START if it begins a sentence: the verbs' and
 * adjectives' in lower case only, the adverbs' as kw_wordlike needs them. kw_tokens_read keeps
 * them in kw_tokens.lexical. */
unsigned kw_lexical(const char *s, size_t len, int start);
/* S (LEN bytes) copied into OUT (CAP bytes) with its ASCII letters in lower case, to look a
 * headline's word in capitals up in the word tables ("SELLS"); its length, or 0 if it does not
 * fit. */
size_t kw_ascii_lower(char *out, size_t cap, const char *s, size_t len);
/* Whether token I of T comes right after "to" (KW_AFTER_TO) or a modal verb (KW_AFTER_MODAL) in
 * its clause, where a verb's base form goes: "ACME TO SELL UNIT", "Acme will sell"; else
 * KW_AFTER_NONE. Not "may", which is a month too. After "to" a noun may go as well ("rose to
 * record"); after a modal only a verb does. */
enum { KW_AFTER_NONE, KW_AFTER_TO, KW_AFTER_MODAL };
int kw_after_to_or_modal(const kw_tokens *t, size_t i);
/* Of token I of T, right after "to" (KW_AFTER_TO, which the caller has asked): whether the "to"
 * follows a word taking an infinitive, in its clause: "expects to increase capacity", "used to
 * fund research", "designed to help curb". A verb goes there, where after "to" alone a noun may
 * ("rose to record", "loans to farmers"). */
int kw_after_infinitive_to(const kw_tokens *t, size_t i);
/* Of token I of T, right after "to" (KW_AFTER_TO, which the caller has asked): whether a word
 * makes the "to" a preposition: "according to press reports", "due to supply problems", "in
 * addition to purchase price". */
int kw_after_preposition_to(const kw_tokens *t, size_t i);
/* Whether token I of T comes right after a form of "be" in its clause ("is", "were", "been"),
 * or after one and "not" or an adverb ("are also"), where a progressive's "-ing" goes: "The
 * World Bank is issuing a bond". */
int kw_after_be(const kw_tokens *t, size_t i);
/* Whether token I of T comes right before a pronoun that is only ever an object, written in
 * lower case, in its clause: "us", "them", "him", "me". Only a verb or a preposition goes there
 * ("give us permission", "offer them grain", "told him"). */
int kw_before_object_pronoun(const kw_tokens *t, size_t i);
/* Whether ING (LEN bytes, lower case), a form in "-ing", is a verb's whose third person the
 * word tables list: "issuing" ("issues"), "seeking" ("seeks"), "cutting" ("cuts"). */
int kw_progressive_listed(const char *ing, size_t len);
/* Whether BASE (LEN bytes, lower case), a verb's base form, has its third person in the word
 * tables (KW_LEX_VERB_THIRD or KW_LEX_HEADLINE_VERB): "sell" ("sells"), "carry" ("carries"),
 * "push" ("pushes"). */
int kw_third_person_listed(const char *base, size_t len);
/* Whether token I of T is of a class of LEX (KW_LEX_*, or-ed). */
static inline int kw_token_is(const kw_tokens *t, size_t i, unsigned lex)
{
    return (t->lexical[i] & lex) != 0;
}
/* Whether token I of T is only an adjective or a verb form that is no noun, in lower case
 * ("robust", "ensure", "discussed"): it describes or reports rather than names. */
int kw_describing(const kw_tokens *t, size_t i);
/* The words of the tables that the lexicon could not hold (0 unless a table outgrew it). */
size_t kw_lexicon_dropped(void);
/* Whether S is a firm's legal form, in any case ("Inc", "CORP", "Ltd"). */
int kw_legal_form(const char *s, size_t len);
/* Whether S is, as written, a firm's legal form abroad ("AG", "NV", "SpA", "GmbH", "LP"), which
 * ends its name like "Inc" but is a word in no English text. */
int kw_legal_form_abroad(const char *s, size_t len);
/* Whether token I of T is an office before its holder's name, which is capitalised: "Chairman"
 * of "Chairman Larry Tisch", "Minister" of "Finance Minister Roger Douglas", "chairman" of "Fed
 * chairman Paul Volcker". The name is a phrase of its own ("Larry Tisch"), as is the office
 * ("Finance Minister"): kw_phrase_break. */
int kw_title(const kw_tokens *t, size_t i);
/* Whether S (LEN bytes, which may hold any byte) is, as written, the name of a place of
 * kw_places ("Japan", "Sri Lanka"; places.h). */
int kw_place_listed(const char *s, size_t len);
/* Whether S, in any case, is a noun that ends an organisation's name ("Commission",
 * "Administration", "Bank"): words joined by "and" that end in one name one body ("Securities
 * and Exchange Commission"), where two names side by side seldom do ("Britain and France"). */
int kw_organisation_head(const char *s, size_t len);
/* Whether S is a particle that names write in lower case ("van", "der", "al"). */
int kw_name_particle(const char *s, size_t len);
/* Whether S is such a particle and no English word ("der", "de"; not "van"). */
int kw_foreign_particle(const char *s, size_t len);
/* Case features of surface form S: capitalised; an acronym; a code ("5G"). */
void kw_case(const char *s, size_t len, int *capital, int *acronym, int *code);
/* The length of S without an English possessive ending ("'s", "’s"). */
size_t kw_without_possessive(const char *s, size_t len);
#endif
