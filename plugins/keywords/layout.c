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
 * the corpus writes it capitalised, so it is no heading. */
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
 * sentence has stop words ("Exports rose 5.3 pct to 1.2 billion"). A figure that a comma
 * splits ("807,000") counts once; a small number in words counts as a figure ("Shr one dlr vs
 * 73 cts", the heading "Nine mths"), or tables of earnings would show "eight" and "Nine mths". */
int kw_table_row(const kw_tokens *t, size_t start, size_t end)
{
    size_t figures = 0, words = 0;
    for (size_t i = start; i < end; i++) {
        if (t->stop[i])
            return 0;
        if (kw_figure(t, i))
            figures += i == start || !kw_figure(t, i - 1);
        else if (kw_number_word(t, i))
            figures++;
        else
            words += (size_t)kw_wordlike(t, i);
    }
    return figures && 2 * figures >= words;
}

/* Whether the sentence from token START is written in title case ("Feds Investigate Seattle
 * Police for Possible Excessive Use of Force") or in capitals ("BAHIA COCOA REVIEW"), as
 * headlines are. Stop words aside, title case takes three words at least after the first (whose
 * capital says nothing) and four in five of them capitalised. Capitals take two words at least,
 * the first among them, and four in five of them in capitals: a short headline ("CHAIRMAN
 * RESIGNS", "TRIZEC COMPLETES OFFERING") is one too, where one word alone may be an acronym.
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
        int shout = capital && k < len && kw_is_upper((unsigned char)s[k]);
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

/* How many words open the sentence from token START as a dateline, 0 if none: one to three
 * words in capitals that end at punctuation inside the sentence, in a story's first sentences
 * ("AUBURN HILLS, Mich. (AP) -", "NEW DELHI:", "TRIPOLI, April 1 (Xinhua) -"). SENTENCE is
 * its index; a title and a byline may come first. A place's name has no stop word and a word
 * of four letters or more with a vowel ("ST. LOUIS"), so an acronym that opens a sentence ("UL,
 * the lab", "WWD:") is none, nor is a word that D's corpus writes in capitals inside
 * sentences ("GMAC (Australia) Finance Ltd"). */
size_t kw_dateline(const kw_doc *d, const kw_tokens *t, size_t start, uint32_t sentence)
{
    if (sentence > 2)
        return 0;
    size_t n = t->stems.n, k = 0;
    int named = 0; /* a word of four letters or more with a vowel so far */
    for (; k < 3 && start + k < n && (!k || !t->clauses[start + k]); k++) {
        const char *s = t->surface.str[start + k];
        size_t len = t->surface.len[start + k];
        if (!s || t->stop[start + k] || kw_casing_of(s, len) != KW_CAPITALS)
            break;
        if (kw_corpus_casing(d, t->stems.str[start + k], t->stems.len[start + k]) == KW_CAPITALS)
            break; /* an acronym */
        named |= len >= 4 && kw_has_vowel(s, len);
    }
    /* The punctuation is inside the sentence: a short headline in capitals ("BRAZILIAN COFFEE
     * RAINFALL") ends at the next sentence. */
    if (!k || !named || start + k >= n || !t->clauses[start + k] || t->starts[start + k])
        return 0;
    /* The sentence goes on in lower case or capitalised ("Mich.", "April 1"); a headline in
     * capitals goes on in capitals ("WESTPORT BANCORP <WBAT.O> 3RD QTR NET", whose first
     * sentence ends at "WBAT."). */
    for (size_t i = start + k; i < n && (i == start + k || !t->starts[i]); i++) {
        int casing = t->surface.str[i] ? kw_casing_of(t->surface.str[i], t->surface.len[i]) : KW_MIXED;
        if (casing == KW_LOWER || casing == KW_CAPITAL)
            return k;
    }
    return 0;
}
