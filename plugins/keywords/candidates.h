/* candidates.h: a document's candidate keyphrases (stop-word delimited, within sentences) and
 * the statistics of their words, as the keyword scorers need them. */
#ifndef QUARRY_CANDIDATES_H
#define QUARRY_CANDIDATES_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

#include "casing.h"
#include "intern.h"

#define KW_MAX_WORDS 4 /* the longest phrase max-words may ask for, in words */
/* A name may run two words past max-words, so that it is whole ("Federal Home Loan Bank Board"
 * at 3), up to this many words... */
#define KW_MAX_NAME_WORDS 5
/* ...and tokens: a bridge inside a name counts towards no phrase's length, so that a name of
 * five words is whole with one ("United Food and Commercial Workers Union"). */
#define KW_MAX_TOKENS (KW_MAX_NAME_WORDS + 1)

/* One document's tokens, as read from its record. */
typedef struct kw_tokens {
    quarry_strings stems, surface;
    /* per token: a stop word; the first of a sentence; the first of a sentence or a clause
     * (after a comma, a quote, a bracket), where no phrase runs across; a word that can be in a
     * phrase (kw_wordlike, asked once a token: the rules of a pass ask it more than once; no
     * code); its classes in the word tables (kw_lexical, KW_LEX_*), asked once a token for the
     * same reason; a code (tokenize's 'codes': a ticker alone in angle brackets) */
    unsigned char *stop, *starts, *clauses, *wordlike, *lexical, *codes;
    size_t cap;
} kw_tokens;

/* Why a word is no word of its own in the phrases it is in: it is "of" inside a name, which
 * joins two names or a name and its place ("Bank of Japan"); "and" inside one, if the corpus
 * agrees (kw_cand.joined: "Securities and Exchange Commission", not "Britain and France"); or a
 * particle inside one person's or firm's name in all its occurrences ("Joran van der Sloot",
 * "Banco di Roma"). Bits, so that kw_bridges_in can ask for several kinds. */
enum { KW_BRIDGE_NONE = 0, KW_BRIDGE_OF = 1, KW_BRIDGE_PARTICLE = 2, KW_BRIDGE_AND = 4 };

/* A word (by stem) of the document: what the scorers (YAKE, RAKE, combined) use of it. */
typedef struct kw_word {
    uint32_t tf, upper, acronym; /* occurrences; capitalised not first in a sentence; all capitals */
    uint32_t inner;              /* occurrences not first in a sentence */
    uint32_t code;               /* occurrences written as an acronym or a code ("5G") */
    uint32_t sentences, last_sentence1; /* sentences it occurs in; the last one, plus 1 */
    double position_sum;         /* sum of the sentence indices of its occurrences */
    uint32_t compound;           /* occurrences written as a modifier compound (kw_modifier_compound) */
    uint32_t attributive;        /* occurrences followed by another phrase word, same sentence */
    uint32_t left, right;        /* distinct neighbours on each side */
    uint32_t degree, in_chunks;  /* RAKE: co-occurring words in chunks, occurrences in chunks */
    double score;                /* the YAKE word score, lower is better */
    uint32_t particles;          /* occurrences as a name's particle, inside it or leading it ("van" of
                                  * "Joran van der Sloot", "said van der Sloot") */
    uint32_t firm;               /* occurrences in a firm's name in a headline (KW_CASELESS_FIRM) */
    uint32_t heads;              /* capitalised occurrences after no capitalised word: a name's
                                  * first word, or a surname the story uses alone ("Miyazawa said") */
    uint32_t of_names;           /* occurrences in a name joined by "of" ("Ministry" and "Affairs" of
                                  * "Ministry of External Affairs"; with KW_BUILD_WORDS) */
    int bridge;                  /* KW_BRIDGE_*: no word of its own in a phrase */
} kw_word;

/* A candidate phrase (by stems, space-joined). */
typedef struct kw_cand {
    uint32_t tf, first;   /* occurrences, first token */
    uint32_t words;       /* words in the phrase */
    uint32_t cut;         /* occurrences that cut a name off (kw_cuts_name), or end before a bridge */
    uint32_t headless;    /* occurrences of 2+ words that end before a noun phrase's head could:
                           * in a verb ("board declared") or a modifier before its noun
                           * ("repay short-term" of "repay short-term debt", "Canadian
                           * economic"); or that hold a verb before their end ("reduce debt",
                           * kw_verbal) */
    uint32_t describing;  /* occurrences of a one-word phrase as a word that only describes or
                           * reports, in lower case (kw_describing: "robust", "ensure"; with
                           * KW_BUILD_WORDS) */
    uint32_t verb;        /* occurrences of a one-word phrase as a verb that is nothing else, in
                           * lower case: its base form or third person (KW_LEX_VERB_BASE,
                           * KW_LEX_VERB_THIRD: "acquire", "expects"; with KW_BUILD_WORDS) */
    uint32_t whole;       /* occurrences that make a noun phrase by themselves: right after a
                           * determiner or a preposition, up to the end of their run of phrase
                           * words ("the company said", "of cyber security."; with KW_BUILD_WORDS) */
    uint32_t labels;      /* occurrences as a label: in a table's row ("Shr", "Qtly div"), or a heading ("NOTE:") */
    uint32_t headings;    /* of those, occurrences as a heading after a document's first sentence (KW_LABEL_HEADING) */
    uint32_t headline;    /* occurrences in a headline in title case or capitals */
    uint32_t past_name;   /* occurrences that end in a word in lower case after a capitalised one:
                           * a name and a word past its end ("Vivienne Westwood launch"; counted
                           * for phrases of 3+ words, with KW_BUILD_WORDS) */
    uint32_t unbounded;   /* occurrences that begin or end inside a name ("Treasury Secretary
                           * James" of "Treasury Secretary James Baker") or end before a figure
                           * ("satellite launch" of "satellite launch May 5"): no whole of their
                           * own (counted as past_name is) */
    uint32_t led;         /* occurrences right after a capitalised word of their run, so not at a
                           * name's start ("Minister Chrispus Kiyonga" of "Finance Minister Chrispus
                           * Kiyonga"; counted for phrases of 2+ words, with KW_BUILD_WORDS) */
    uint32_t clause;      /* whether a phrase of 3+ words, where first seen, holds a verb form
                           * after its first word, as no noun phrase does ("Company went public",
                           * kw_holds_verb; with KW_BUILD_WORDS): a clause, not a term */
    uint32_t extended;    /* occurrences of the phrase one word longer that holds it most often
                           * ("revenue passenger miles" of "revenue passenger", kw_doc_build)... */
    uint32_t longer;      /* ...and that phrase's id + 1 (0: none) */
    uint32_t fragment;    /* a piece of that longer phrase, in this document and in the corpus
                           * (kw_score) */
    uint32_t joined;      /* joined by "and" inside a name (KW_BRIDGE_AND, with KW_BUILD_WORDS)... */
    uint32_t parts[2];    /* ...the ids + 1 of its parts before and after it (0: no candidate)... */
    uint32_t fixed;       /* ...and whether the corpus writes it as one name (kw_score): seen in
                           * two documents or more, and in at least half of those that have one
                           * of its parts; or, where the corpus has it once at most, the story
                           * says so: an acronym in brackets defines it (kw_acronyms_mark), or it
                           * names a body (kw_score). Else it is no phrase ("Britain and France"). */
    uint32_t defined;     /* an acronym: the id + 1 of the phrase of the story it stands for
                           * ("European Community" of "EC"; kw_acronyms_mark), 0: none */
    uint32_t word[KW_MAX_TOKENS]; /* their ids in the word table */
    uint32_t docs;        /* documents of the corpus that have it (kw_score; 0 without document
                           * frequencies, as for yake and rake) */
    double tfidf, yake, rake, score;
} kw_cand;

/* What kw_doc_build works out beyond the candidates themselves. */
enum {
    KW_BUILD_KEYS = 0,       /* the candidates only (document frequencies) */
    KW_BUILD_WORDS = 1,      /* and their words' statistics (scoring) */
    KW_BUILD_NEIGHBOURS = 2, /* and the words' distinct neighbours (YAKE) */
    KW_BUILD_CASE = 4,       /* and the words' casings inside sentences (kw_casing_add) */
};

/* How a token inside a sentence begins: with a lower-case letter, a capital, or neither (or
 * its case says nothing, at a sentence's start or in a headline); and a capitalised compound
 * whose last part is in lower case ("Chicago-based"), which begins as a name and ends as a
 * modifier. */
enum { KW_INITIAL_OTHER = 0, KW_INITIAL_LOWER = 1, KW_INITIAL_CAPITAL = 2, KW_INITIAL_COMPOUND = 3 };

/* Why a token's capitals say nothing of it: it starts a sentence, it is in a headline in
 * title case or in capitals, in a dateline ("AUBURN HILLS, Mich. (AP) -"), or in a firm's name
 * before its legal form in such a headline ("FARMERS GROUP INC <FGRP> 4TH QTR NET"). The last
 * three are a headline's, for the forms shown (kw_doc_surface). */
enum {
    KW_CASE_SHOWN = 0,
    KW_CASELESS_START = 1,
    KW_CASELESS_HEADLINE = 2,
    KW_CASELESS_DATELINE = 3,
    KW_CASELESS_FIRM = 4
};

/* Why a token is a label (kw_doc.label): it is none; it is in a table's row; it is a heading
 * outside one, in a document's first sentence, which may be its headline's word before a quote
 * or a dash ("TOYS \"R\" US INC", "CORRECTED - ACME"); or it is a heading after that ("NOTE:"). */
enum { KW_LABEL_NONE = 0, KW_LABEL_ROW = 1, KW_LABEL_FIRST = 2, KW_LABEL_HEADING = 3 };

/* A name's particles in lower case ("van", "der", "de", "bin"; kw_name_particle): inside a name
 * ("Joran van der Sloot"), where they are bridges, as "of" is in "Bank of Japan"; or leading
 * one ("said van der Sloot"), where they may begin a phrase but not end one. */
enum { KW_PARTICLE_NONE = 0, KW_PARTICLE_INSIDE = 1, KW_PARTICLE_LEADS = 2 };

/* The candidates of one document, reused from document to document. */
typedef struct kw_doc {
    const kw_tokens *tokens; /* those of the last build, which must outlive the choice of its top */
    intern *cands;      /* stem phrase -> kw_cand */
    intern *words;      /* stem -> kw_word */
    intern *neighbours; /* word id, side, neighbour stem -> nothing */
    intern *surfaces;   /* a candidate's surface forms -> their count (kw_doc_surface) */
    uint32_t *word_of;  /* per token: its word id, or UINT32_MAX if it is in no phrase */
    unsigned char *caseless; /* per token: KW_CASE_SHOWN, or why its case says nothing */
    unsigned char *label;    /* per token: KW_LABEL_*, in a table's row ("Net 807,000 vs 2,858,000") or a heading (KW_BUILD_WORDS) */
    unsigned char *initial;  /* per token: KW_INITIAL_*, where its case tells (KW_BUILD_WORDS) */
    unsigned char *particle; /* per token: KW_PARTICLE_*, a name's particle in lower case or not */
    unsigned char *lexical;  /* per token: its classes (kw_tokens.lexical), and a headline's verb
                              * classes in lower case where the corpus writes it so (KW_BUILD_WORDS) */
    kw_casing *casing;       /* per word id: its occurrences inside sentences (KW_BUILD_CASE) */
    size_t casing_cap;
    size_t word_cap;
    uint32_t sentences;
    quarry_buf key, surface; /* scratch */
    size_t max_cands;        /* distinct candidates held; past it the rarest go (0: no bound) */
    const intern *casings;   /* stem -> the corpus's kw_casing, for headline-only forms; or NULL */
    const intern *possessives; /* stem -> the corpus's kw_possessives_count, or NULL */
    const intern *idioms;    /* word -> the corpus's kw_idiom_count (idioms.h), or NULL */
    uint64_t pruned, prune_floor; /* of the last build: candidates dropped, and the tf floor */
} kw_doc;

/* The casings of D's word ID (kw_doc.casing), grown as needed, zeroed if the word was just
 * ADDED. */
kw_casing *kw_casing_slot(kw_doc *d, uint32_t id, int added);
/* TABLE emptied, or made (with values of VALUE_SIZE bytes), for the next document. */
intern *kw_fresh(intern *table, size_t value_size);
/* OLD freed, and SIZE bytes in its place, their contents undefined, for a longer document's
 * per-token arrays; out of memory, the stage aborts, as its tables do. */
void *kw_fresh_array(void *old, size_t size);
/* Whether no phrase runs from token I - 1 of T into token I: a sentence or clause begins, an
 * office ends before its holder's name, or a possessive ends a noun phrase (candidates.c). */
int kw_phrase_break(const kw_tokens *t, size_t i);

/* Reads REC's lists (STEMS_FIELD, else the tokens; surface, stop, sentences) into T, and
 * classifies its tokens (kw_tokens_classify). -1 when the record has no token list. */
int kw_tokens_read(kw_tokens *t, const quarry_record *rec, const char *stems_field);
/* kw_tokens_read in its two steps: the lists alone, leaving T's wordlike and lexical undefined;
 * then those two from the lists, which depend on nothing else (so a pass may take them from an
 * earlier pass's work on the same lists instead: classes.h). */
int kw_tokens_read_lists(kw_tokens *t, const quarry_record *rec, const char *stems_field);
void kw_tokens_classify(kw_tokens *t);
void kw_tokens_free(kw_tokens *t);

/* Fills D with the candidates of T: runs of up to MAX_WORDS words, none a stop word or a bare
 * number, within a sentence; and what WHAT (KW_BUILD_*) asks for besides. Past D's max_cands,
 * the rarest candidates so far are dropped (intern_prune), and counted in D's pruned. */
void kw_doc_build(kw_doc *d, const kw_tokens *t, int max_words, int what);
void kw_doc_free(kw_doc *d);
/* After a huge document (a 100 MB dump of millions of words), gives D's memory back: cleared
 * for the next document, its tables would hold it to the end of the run. */
void kw_doc_trim(kw_doc *d);
/* How the corpus writes STEM (LEN bytes) inside sentences, by D's casings (kw_casing_main);
 * KW_MIXED without them. */
int kw_corpus_casing(const kw_doc *d, const char *stem, size_t len);
/* Whether every word of candidate C is written capitalised in most of its occurrences inside
 * sentences (a sentence's first word, and a title-case headline's words, are capitalised
 * whatever they are): a name, "Katy Perry". A word the document writes only where its case
 * says nothing (a headline, "Steve Carell's new film"; "AMERICAN EXPRESS RAISES DIVIDEND") is
 * judged by how the corpus writes it, as its shown form is (kw_doc_surface): otherwise "Steve",
 * "Carell" and "Steve Carell" would share one list, as would "American Express" and "American".
 * A word of a firm's name in a headline ("FARMERS GROUP INC") is a name's, whatever the corpus
 * writes ("group"). With TOLD, every word must be written so where the document tells its
 * case, or be such a word of a firm's name: a name the document alone vouches for. */
int kw_is_name(const kw_doc *d, const kw_cand *c, int told);
/* Whether token I of D's tokens ends an organisation's name (kw_organisation_head:
 * "Association", "Bank", "Ministry"). Needs D's tokens, as kw_possessive_within does. */
int kw_token_heads_body(const kw_doc *d, size_t i);
/* Whether one of the first WORDS words of candidate C of D, where C is first seen, ends in an
 * English possessive ("Chirac's Gaullist RPR", "American Aircraft's Uvalde"): a name of its own
 * before another, where C is no one name. Needs D's tokens (kw_doc.tokens), as a build leaves
 * them. */
int kw_possessive_within(const kw_doc *d, const kw_cand *c, uint32_t words);
/* Whether candidate C is a label: most of its occurrences outside headlines are in rows of
 * figures ("Shr", "Qtly div") or headings ("NOTE: ..."); a headline repeats a row's label
 * ("COBANCO INC YEAR NET" over "Net 807,000 vs 2,858,000") and says nothing of it. A label is
 * shown only after every other phrase, and left out of the corpus table, which it would fill
 * with the labels of earnings notes. */
int kw_label(const kw_cand *c);
/* Whether C, in most of its occurrences, is no phrase a reader would take: one that cuts a
 * name off (kw_cuts_name: "times New" of "2.27 times New York", "giant Huawei", "York-based"),
 * as a name does not begin inside a phrase; one that ends before a noun phrase's head could (a
 * subject and its verb, "board declared"; a modifier without its noun, "repay short-term"). */
int kw_broken(const kw_cand *c);
/* Whether C is joined by "and" but the corpus does not write it as one name (kw_cand.fixed):
 * two names side by side ("Britain and France"), no phrase. */
int kw_unfixed(const kw_cand *c);
#endif
