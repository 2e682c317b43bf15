/* layout.c: the sentences whose words are no prose, or whose case says nothing of them:
 * headlines in title case or capitals, datelines, the rows of tables, headings. */
#include "layout.h"
#include "letters.h"
#include "wordclass.h"

#include <string.h>

/* Whether token I of T is a heading: a sentence's first word, alone before punctuation, that
 * the corpus writes in lower case inside sentences, so a common word set before what it heads:
 * "NOTE: 1986 year includes 53 weeks", "Photo: ...", "Meanwhile, ...". Wire copy's earnings
 * notes put "NOTE" in 633 of Reuters' top tens, fourth in its corpus table. A name so placed
 * is a dateline ("CLEVELAND (AP) --", "NEW DELHI:"), which the crowd's keys take for a key;
 * the corpus writes it capitalised, so it is no heading. A heading after a story's first
 * sentence, capitalised, is in no list at all (kw_no_phrase). */
int kw_heading(const kw_doc *d, const kw_tokens *t, size_t i)
{
    return t->starts[i] && i + 1 < t->stems.n && t->clauses[i + 1] && t->stems.str[i] &&
           kw_corpus_casing(d, t->stems.str[i], t->stems.len[i]) == KW_LOWER;
}

/* Whether the sentence from START to END is a table's row: figures and labels without a stop
 * word, at least half as many figures as words that could be in a phrase, as in wire copy's
 * earnings tables ("Shr loss 12 cts vs profit 5 cts", "Net 807,000 vs 2,858,000"), results
 * ("Arsenal 2 Chelsea 1") and prices ("Gold 421.90 422.40"). Its words are labels, which a
 * reader takes for a story's keyphrases only when the story has nothing else (kw_top); a
 * sentence has stop words ("Exports rose 5.3 pct to 1.2 billion"). A quantity counts as a
 * figure ("Div 3.95p vs 3.34p making 6.5p"), and figures side by side count once ("7 3/4");
 * so does a small number in words ("Shr one dlr vs 73 cts", the heading "Nine mths"), or
 * tables of earnings would show "eight" and "Nine mths". */
int kw_table_row(const kw_tokens *t, size_t start, size_t end)
{
    size_t figures = 0, words = 0;
    int after_figure = 0;
    for (size_t i = start; i < end; i++) {
        if (t->stop[i])
            return 0;
        int figure = kw_figure(t, i) || kw_quantity_at(t, i);
        figures += figure && !after_figure;
        after_figure = figure;
        if (figure)
            continue;
        if (kw_number_word(t, i))
            figures++;
        else
            words += t->wordlike[i];
    }
    return figures && 2 * figures >= words;
}

/* Whether the sentence from token START is written in title case ("Feds Investigate Seattle
 * Police for Possible Excessive Use of Force") or in capitals ("BAHIA COCOA REVIEW"), as
 * headlines are. Stop words aside, title case takes three words at least after the first (whose
 * capital says nothing) and four in five of them capitalised. Capitals take two words at least,
 * the first among them, and four in five of them in capitals: a short headline ("CHAIRMAN
 * RESIGNS", "TRIZEC COMPLETES OFFERING") is one too, where one word alone may be an acronym. A
 * capital letter alone counts as in capitals ("S/P DOWNGRADES MICHIGAN GENERAL").
 * *END receives the token after the sentence. */
int kw_sentence_case(const kw_tokens *t, size_t start, size_t *end)
{
    size_t n = t->stems.n, words = 0, capitals = 0, shouts = 0, i = start; /* words after the first */
    int first_word = 0, first_shouts = 0;
    for (; i < n && (i == start || !t->starts[i]); i++) {
        const char *s = t->surface.str[i];
        if (!s || t->stop[i] || !t->surface.len[i] || !kw_is_letter((unsigned char)s[0]))
            continue;
        /* The first two letters tell ("U.S." too): this pass is over every token of every
         * document. */
        int capital = kw_is_upper((unsigned char)s[0]);
        size_t k = 1, len = t->surface.len[i];
        while (k < len && !kw_is_letter((unsigned char)s[k]))
            k++;
        /* A word of one letter ("S/P", "U S") is written so in capitals too. */
        int shout = capital && (k >= len || kw_is_upper((unsigned char)s[k]));
        if (i == start) {
            first_word = 1;
            first_shouts = shout;
            continue;
        }
        words++;
        capitals += (size_t)capital;
        shouts += (size_t)shout;
    }
    *end = i;
    size_t all_words = words + (size_t)first_word, all_shouts = shouts + (size_t)first_shouts;
    if (all_words >= 2 && 5 * all_shouts >= 4 * all_words)
        return KW_CASE_SHOUTED;
    return words >= 3 && 5 * capitals >= 4 * words ? KW_CASE_TITLE : KW_CASE_TOLD;
}

/* Whether S (LEN bytes) holds an English vowel, as a place's name does and an acronym may not
 * ("NTSB"). */
static int kw_has_vowel(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] && strchr("AEIOUYaeiouy", s[i]))
            return 1;
    return 0;
}

/* How many words from token AT of T are in capitals as a place's name may be, up to three:
 * no stop word, none that D's corpus writes in capitals inside sentences (an acronym: "GMAC
 * (Australia) Finance Ltd"), and with a word of four letters or more holding a vowel ("ST.
 * LOUIS"; not "UL", "WWD"), in one clause; 0 if they are no such name. */
static size_t kw_place_in_capitals(const kw_doc *d, const kw_tokens *t, size_t at)
{
    size_t n = t->stems.n, k = 0;
    int named = 0; /* a word of four letters or more with a vowel so far */
    for (; k < 3 && at + k < n && (!k || !t->clauses[at + k]); k++) {
        const char *s = t->surface.str[at + k];
        size_t len = t->surface.len[at + k];
        if (!s || t->stop[at + k] || kw_casing_of(s, len) != KW_CAPITALS)
            break;
        if (kw_corpus_casing(d, t->stems.str[at + k], t->stems.len[at + k]) == KW_CAPITALS)
            break; /* an acronym */
        named |= len >= 4 && kw_has_vowel(s, len);
    }
    return named ? k : 0;
}

/* Whether token I of T names a news agency, as a wire's dateline gives it: "(Reuters)",
 * "(AP)", "(AFP)". */
static int kw_agency(const kw_tokens *t, size_t i)
{
    static const char *const agencies[] = {"Reuters", "AP", "AFP", "UPI", "Xinhua", "IANS", "PTI", "dpa", "Kyodo"};
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    for (size_t k = 0; s && k < sizeof agencies / sizeof *agencies; k++)
        if (strlen(agencies[k]) == len && !memcmp(agencies[k], s, len))
            return 1;
    return 0;
}

/* The words from token START of T that its sentence, the story's SENTENCE-th, gives as a
 * dateline, into *AT; their count, 0 if none. A dateline is a place's name in capitals
 * (kw_place_in_capitals) in a story's first sentences, ending at punctuation inside the
 * sentence. It opens the sentence, which goes on in lower case or capitalised ("AUBURN HILLS,
 * Mich. (AP) -", "NEW DELHI:", "TRIPOLI, April 1 (Xinhua) -"); or it follows a byline, before
 * a date or an agency ("By C.J. Kuncheria NEW DELHI, April 2 (Reuters) -"), where it would
 * otherwise count as capitals inside a sentence, and make the place an acronym for the whole
 * corpus. */
size_t kw_dateline(const kw_doc *d, const kw_tokens *t, size_t start, uint32_t sentence, size_t *at)
{
    *at = start;
    if (sentence > 2)
        return 0;
    size_t n = t->stems.n, k = kw_place_in_capitals(d, t, start);
    /* The punctuation is inside the sentence: a short headline in capitals ("BRAZILIAN COFFEE
     * RAINFALL") ends at the next sentence. */
    if (k && start + k < n && t->clauses[start + k] && !t->starts[start + k]) {
        /* The sentence goes on in lower case or capitalised ("Mich.", "April 1"); a headline
         * in capitals goes on in capitals ("WESTPORT BANCORP <WBAT.O> 3RD QTR NET", whose
         * first sentence ends at "WBAT."). */
        for (size_t i = start + k; i < n && (i == start + k || !t->starts[i]); i++) {
            int casing = t->surface.str[i] ? kw_casing_of(t->surface.str[i], t->surface.len[i]) : KW_MIXED;
            if (casing == KW_LOWER || casing == KW_CAPITAL)
                return k;
        }
        return 0;
    }
    /* After a byline, right after a capitalised word: anywhere in the sentence, as lines of
     * bullets may come first in one sentence ("* Charges include conspiracy ... By C.J.
     * Kuncheria NEW DELHI, April 2 (Reuters) -"). */
    for (size_t i = start + 1; i < n && !t->starts[i]; i++) {
        const char *s = t->surface.str[i];
        if (!s || t->surface.len[i] < 2 || !kw_is_upper((unsigned char)s[0]) || !kw_is_upper((unsigned char)s[1]))
            continue; /* most words: not in capitals */
        if (!kw_capitalised(t, i - 1) || kw_casing_of(t->surface.str[i - 1], t->surface.len[i - 1]) == KW_CAPITALS)
            continue;
        k = kw_place_in_capitals(d, t, i);
        size_t after = i + k;
        if (k && after < n && t->clauses[after] && !t->starts[after] &&
            (kw_date_month(t, after) || kw_agency(t, after))) {
            *at = i;
            return k;
        }
    }
    return 0;
}

size_t kw_dateline_text(const kw_tokens *t, size_t after, size_t end)
{
    enum { KW_DATELINE_TAIL = 8 }; /* what may follow the place: ", Ontario, April 1 (UPI)" is 5 tokens */
    for (size_t i = after; i + 1 < end && i < after + KW_DATELINE_TAIL; i++) {
        if (!t->clauses[i + 1] || t->starts[i + 1])
            continue;
        if (kw_agency(t, i))
            return i + 1;
        /* "April 1 (UPI) -": the agency after the date comes first. */
        if (i > 0 && kw_date_month(t, i - 1) && !kw_agency(t, i + 1))
            return i + 1;
    }
    return SIZE_MAX;
}
