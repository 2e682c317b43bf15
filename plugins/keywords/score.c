/* score.c: keyphrase scores: TF-IDF, YAKE's statistical features, RAKE, and the default that
 * weights TF-IDF by cues of the document itself. */
#include "score.h"
#include "wordclass.h"

#include <math.h>
#include <stdlib.h>

/* YAKE's word score (Campos et al., 2020), lower is better: words that are capitalised, early,
 * frequent, in many sentences, but with few distinct neighbours (not function-like) score low.
 * Three choices differ from the reference implementation's, which each scored lower on kpcrowd:
 * the largest frequency among phrase words (not among all words), the mean sentence index (not
 * the median sentence), neighbours over occurrences (not over co-occurrences); see "`yake`
 * beside YAKE as published" in doc/stages/keywords.md. */
static void kw_score_words(kw_doc *d)
{
    size_t nw = intern_count(d->words);
    double mean = 0, sq = 0, max_tf = 1;
    size_t counted = 0;
    for (uint32_t i = 0; i < nw; i++) {
        const kw_word *w = intern_value(d->words, i);
        if (w->bridge)
            continue; /* a stop word ("of" of "Bank of Japan"), which YAKE's statistics leave out */
        counted++;
        mean += w->tf;
        sq += (double)w->tf * w->tf;
        if (w->tf > max_tf)
            max_tf = w->tf;
    }
    mean = counted ? mean / (double)counted : 0;
    double sd = counted ? sqrt(fmax(0, sq / (double)counted - mean * mean)) : 0;
    for (uint32_t i = 0; i < nw; i++) {
        kw_word *w = intern_value(d->words, i);
        double tf = w->tf;
        double t_case = (double)(w->upper > w->acronym ? w->upper : w->acronym) / (1 + log(tf));
        double t_pos = log(log(3 + w->position_sum / tf));
        double t_freq = tf / (mean + sd);
        double t_rel = 1 + ((double)w->left / tf + (double)w->right / tf) * tf / max_tf;
        double t_sent = d->sentences ? (double)w->sentences / d->sentences : 0;
        w->score = t_rel * t_pos / (t_case + t_freq / t_rel + t_sent / t_rel);
    }
}

/* The number of code points of the UTF-8 string S: bytes that do not continue a character. */
static size_t kw_code_points(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

enum { KW_CODE_LENGTH = 6 }; /* the length an acronym or a code counts as, at least */
#define KW_MODIFIER_WEIGHT 0.25  /* what a compound modifier alone ("five-time") keeps of its score */
#define KW_DESCRIBING_DOCS 8.0   /* the corpus size at which a describing word alone keeps half its score */
#define KW_WHOLE_PHRASE_SHARE (1.0 / 3) /* the part of the noun bonus that a phrase of 2+ words gets */

/* The default method: TF-IDF weighted by six cues of the document itself.
 * - Specificity: the square root of the mean length of the phrase's stems, in characters.
 *   Frequent words are short (Zipf's law of abbreviation), and with the few documents a run
 *   may have, document frequencies alone do not tell "said" or "like" from "infrastructure".
 *   Acronyms and codes ("5G", "QUAD") are short for another reason: a word written so in most
 *   of its occurrences counts as KW_CODE_LENGTH characters at least.
 * - Position: (1 + first token)^-0.1, a gentle preference for what a story says early.
 * - Length: each word past the first divides the score by 1.25, since a longer phrase's
 *   document frequency is lower by nature, which alone would favour long phrases.
 * - Compound modifiers: a word with a hyphen inside, in lower case or capitalised with its last
 *   part in lower case (kw_modifier_compound), and followed by another word of its phrase in
 *   most of its occurrences ("five-time champion", "floral-print dress", "two-year low",
 *   "Chicago-based bank"), is a modifier: English hyphenates such compounds before a noun.
 *   Alone it says nothing of the story, so it keeps a quarter of its score; the phrase it
 *   begins keeps all of it.
 * - Describing words: a word alone that is, in most of its occurrences, only an adjective or a
 *   past that is no noun, in lower case (kw_describing: "robust", "respective", "discussed"),
 *   keeps N / (N + 8) of its score in a corpus of N documents. (A verb's base form or third
 *   person alone, "ensure" or "reflects", is no keyphrase at all: kw_no_phrase.) Document
 *   frequencies tell the common ones from the topical ones ("radioactive", "arrested", which
 *   the kpcrowd crowd picks) only over many documents: in the five seed articles every word is
 *   in one to five of them, and "important", "robust" and "strengthen" were in their top tens.
 *   So such a word keeps 38% of its score there, 97% in kpcrowd's 246 stories, and all but
 *   0.04% over Reuters'.
 * - Noun phrases: a phrase that makes a noun phrase by itself, right after a determiner or a
 *   preposition and up to the end of its run of phrase words ("the company said", "of cyber
 *   security."; kw_cand.whole), is what people name a story by: keyphrases are noun phrases,
 *   and a word that heads one alone is a noun, where a word that only modifies the next one
 *   ("foreign", "common", "subordinated") never does. Its score is multiplied by 1 + B * share
 *   of such occurrences, B the noun-bonus parameter for a word and a third of it for a longer
 *   phrase, which is a noun phrase more often by its length alone. A word that the corpus
 *   writes as a set phrase's noun or a quote's source ("in principle", "a spokesman said";
 *   kw_idiom) makes none.
 * On the kpcrowd news stories (bench/keywords-eval.sh) the first three raise F1@10 from 0.178
 * to 0.190, on each half, and the fourth (with short lists filled, kw_top) to 0.192; the fifth
 * took 0.1940 to 0.1944 (halves 0.1888 and 0.1991 to 0.1895 and 0.1993); the sixth, at B = 1.5, to
 * 0.2044 (halves 0.2031 and 0.2057), though it brings generic nouns into Reuters' lists
 * ("company"; doc/stages/keywords.md). A stronger length divisor, longer words or a prior on
 * document frequencies score more there (up to 0.198; the crowd's keys are three quarters
 * single words and often common ones) but leave out phrases and names a reader wants ("cyber
 * security", "Rihanna"): doc/stages/keywords.md. YAKE's word score, tried as a further factor
 * and in rank fusion, lowered F1 on each half, so it is not in. Nor is a cue the crowd's keys
 * reward, a word's share of occurrences right after a function word (F1@10 up to 0.194): it
 * demotes names that follow other words ("telecom giant Huawei", "S Jaishankar"), which a
 * reader wants (doc/stages/keywords.md). */
static double kw_combined(const kw_doc *d, const kw_cand *c, uint64_t docs, double noun_bonus)
{
    /* Bridges ("of" of "Bank of Japan") are not counted, unless the phrase is nothing else: a
     * word whose stem is also a bridge's ("ofs" stems to "of") would give 0 / 0. */
    size_t chars = 0, words = 0, all_chars = 0;
    for (uint32_t k = 0; k < c->words; k++) {
        size_t len;
        const char *stem = intern_key(d->words, c->word[k], &len);
        const kw_word *w = intern_value(d->words, c->word[k]);
        size_t points = kw_code_points(stem, len);
        points = 2 * w->code > w->tf && points < KW_CODE_LENGTH ? KW_CODE_LENGTH : points;
        all_chars += points;
        if (!w->bridge) {
            chars += points;
            words++;
        }
    }
    if (!words) {
        chars = all_chars;
        words = c->words;
    }
    double specificity = sqrt((double)chars / words);
    double modifier = 1;
    if (c->words == 1) {
        const kw_word *w = intern_value(d->words, c->word[0]);
        if (2 * w->compound > w->tf && 2 * w->attributive > w->tf)
            modifier = KW_MODIFIER_WEIGHT;
        if (2 * c->describing > c->tf)
            modifier *= (double)docs / ((double)docs + KW_DESCRIBING_DOCS);
    }
    double whole = c->tf ? (double)c->whole / c->tf : 0;
    double noun = 1 + noun_bonus * (c->words == 1 ? 1 : KW_WHOLE_PHRASE_SHARE) * whole;
    return c->tfidf * specificity * modifier * noun * pow(1.0 + c->first, -0.1) * pow(1.25, -(double)(words - 1));
}

/* Marks the candidates of D that are pieces of a longer phrase (kw_cand.fragment): within it in
 * every occurrence in D (kw_cand.extended), and in at least half the documents of the corpus
 * that have the piece (DFS: each candidate's document frequency), seen in two or more.
 * "American Stock" is always "American Stock Exchange", and "executive officer" mostly "chief
 * executive officer"; but "car sales" of "February car sales" is a phrase of its own in other
 * documents, and one document alone tells nothing of common words. It does of names: a piece
 * of a name, both written capitalised where D tells their case, seen in D alone, gives way to
 * it ("Marine Midland" to "Marine Midland Banks"), and so does a piece of a firm's name in a
 * headline ("American Int'l" to "American Int'l Group"); a corpus that also has the piece
 * elsewhere still keeps it. */
static void kw_mark_fragments(kw_doc *d, const uint64_t *dfs)
{
    for (uint32_t i = 0; i < intern_count(d->cands); i++) {
        kw_cand *c = intern_value(d->cands, i);
        if (!c->longer || c->extended < c->tf)
            continue;
        /* A part of a name joined by "and" that the corpus writes as one (kw_mark_fixed) has
         * the corpus's word for it already: "Standard", always in "Standard and Poor's" here,
         * though the corpus has "Standard Oil" too. */
        const kw_cand *whole = intern_value(d->cands, c->longer - 1);
        c->fragment = whole->joined ? whole->fixed
                      : (dfs[i] >= 2 || (kw_is_name(d, c, 1) && kw_is_name(d, whole, 1))) &&
                            2 * dfs[c->longer - 1] >= dfs[i];
    }
}

/* Whether the corpus (DF) holds phrase ID of D, joined by "and", the other way round: "Japan
 * and India" for "India and Japan". Two names side by side may come in either order; a name's
 * words come in one ("Saatchi and Saatchi" is its own reverse). */
static int kw_reversed_seen(kw_doc *d, uint32_t id, const kw_df *df)
{
    const kw_cand *c = intern_value(d->cands, id);
    if (c->parts[0] == c->parts[1])
        return 0;
    size_t len, before_len, after_len;
    const char *key = intern_key(d->cands, id, &len);
    const char *before = intern_key(d->cands, c->parts[0] - 1, &before_len);
    const char *after = intern_key(d->cands, c->parts[1] - 1, &after_len);
    d->key.len = 0; /* the part after, the bridge with its spaces, the part before */
    quarry_buf_append(&d->key, after, after_len);
    quarry_buf_append(&d->key, key + before_len, len - before_len - after_len);
    quarry_buf_append(&d->key, before, before_len);
    return intern_find(df->table, d->key.data, d->key.len) >= 0;
}

/* Whether phrase ID of D, joined by "and", names one body by the story alone, asked by
 * kw_mark_fixed where the corpus (DFS, each candidate's document frequency) has the phrase in
 * one document at most: it ends in an organisation's noun (kw_organisation_head); the story
 * writes its part before the "and" only inside it, and that part is no body's name itself; and
 * a part of 2+ words is in one document at most, as the phrase is. "Securities and Exchange
 * Commission", "Food and Drug Administration" and "Cheltenham and Gloucester Building Society" in
 * the one story that has them; not "Britain and France", nor "Japan and European Commission"
 * where the story writes "Japan" alone too, nor "Federal Housing Administration and Veterans
 * Administration", nor "Nova Scotia and Empire Company" where other stories write "Nova
 * Scotia". */
static int kw_story_names_body(const kw_doc *d, uint32_t id, const uint64_t *dfs)
{
    const kw_cand *c = intern_value(d->cands, id);
    if (!c->parts[0] || !kw_token_heads_body(d, c->first + c->words - 1))
        return 0;
    const kw_cand *before = intern_value(d->cands, c->parts[0] - 1);
    return before->tf == c->tf && !kw_token_heads_body(d, c->first + before->words - 1) &&
           (before->words < 2 || dfs[c->parts[0] - 1] <= 1);
}

/* Marks the phrases of D joined by "and" that the corpus (DF; DFS, each candidate's document
 * frequency) writes as one name (kw_cand.fixed): seen in two documents or more, in at least
 * half of those that have one of its parts, and never the other way round; in one at most, the
 * story tells (kw_story_names_body). "Phelps" is mostly in "Duff and Phelps", and "Exchange
 * Commission" in "Securities and Exchange Commission"; but "France" and "Britain" stand alone
 * far more often than in "Britain and France", and five stories of India and Japan also write
 * "Japan and India". */
static void kw_mark_fixed(kw_doc *d, const kw_df *df, const uint64_t *dfs)
{
    for (uint32_t i = 0; i < intern_count(d->cands); i++) {
        kw_cand *c = intern_value(d->cands, i);
        if (!c->joined)
            continue;
        if (dfs[i] < 2) { /* the corpus cannot tell: the story may (kw_story_names_body) */
            c->fixed |= kw_story_names_body(d, i, dfs);
            continue;
        }
        for (int k = 0; k < 2; k++)
            if (c->parts[k] && 2 * dfs[i] >= dfs[c->parts[k] - 1])
                c->fixed = 1;
        if (c->fixed && c->parts[0] && c->parts[1] && kw_reversed_seen(d, i, df))
            c->fixed = 0;
    }
}

/* TF-IDF of every candidate of D into 'tfidf', and the score of METHOD (tfidf or combined, with
 * NOUN_BONUS). */
static void kw_score_tfidf(kw_doc *d, const kw_df *df, kw_method method, double noun_bonus)
{
    size_t n = intern_count(d->cands);
    /* The document frequencies of all candidates, looked up at once (a big table). */
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    size_t *lens = malloc((n ? n : 1) * sizeof *lens);
    int64_t *ids = malloc((n ? n : 1) * sizeof *ids);
    uint64_t *dfs = malloc((n ? n : 1) * sizeof *dfs);
    if (!keys || !lens || !ids || !dfs)
        abort();
    for (uint32_t i = 0; i < n; i++) {
        keys[i] = intern_key(d->cands, i, &lens[i]);
        ids[i] = -1;
    }
    if (df && df->table)
        intern_find_many(df->table, n, keys, lens, ids);
    uint64_t docs = df ? df->docs : 0;
    for (uint32_t i = 0; i < n; i++)
        dfs[i] = ids[i] >= 0 ? *(const uint32_t *)intern_value(df->table, (uint32_t)ids[i]) : 0;
    /* The background's documents, as a share of one each: a prior that the run's own counts
     * outweigh as its corpus grows. */
    double *prior = NULL, weight = 0;
    if (df && df->background) {
        if (!(prior = malloc((n ? n : 1) * sizeof *prior)))
            abort();
        for (uint32_t i = 0; i < n; i++)
            ids[i] = -1;
        intern_find_many(df->background, n, keys, lens, ids);
        for (uint32_t i = 0; i < n; i++)
            prior[i] = ids[i] >= 0 ? df->background_share *
                                         *(const uint32_t *)intern_value(df->background, (uint32_t)ids[i])
                                   : 0;
        weight = df->background_weight;
    }
    for (uint32_t i = 0; i < n; i++) {
        kw_cand *c = intern_value(d->cands, i);
        double documents = (double)docs + weight, in = (double)dfs[i] + (prior ? prior[i] : 0);
        c->docs = dfs[i] < UINT32_MAX ? (uint32_t)dfs[i] : UINT32_MAX;
        c->tfidf = c->tf * (log((documents + 1) / (in + 1)) + 1);
        c->score = method == KW_TFIDF ? c->tfidf : kw_combined(d, c, docs, noun_bonus);
    }
    kw_mark_fixed(d, df, dfs);
    kw_mark_fragments(d, dfs);
    free(keys);
    free(lens);
    free(ids);
    free(dfs);
    free(prior);
}

void kw_score(kw_doc *d, const kw_df *df, kw_method method, double noun_bonus)
{
    if (method == KW_TFIDF || method == KW_COMBINED) {
        kw_score_tfidf(d, df, method, noun_bonus);
        return;
    }
    if (method == KW_YAKE)
        kw_score_words(d);
    for (uint32_t i = 0; i < intern_count(d->cands); i++) {
        kw_cand *c = intern_value(d->cands, i);
        double prod = 1, sum = 0, rake = 0;
        for (uint32_t k = 0; k < c->words; k++) {
            const kw_word *w = intern_value(d->words, c->word[k]);
            if (w->bridge)
                continue;
            prod *= w->score;
            sum += w->score;
            rake += (double)w->degree / w->in_chunks;
        }
        double s = prod / (c->tf * (1 + sum)); /* YAKE: lower is better */
        c->yake = 1 / (1 + s);                  /* shown higher-is-better, in (0, 1] */
        c->rake = rake;
        c->score = method == KW_YAKE ? c->yake : c->rake;
    }
}
