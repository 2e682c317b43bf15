# lda.sh: the topics stage's LDA method through quarry run, on a small corpus of two obvious
# subjects: the topics separate, the run is the same on any thread count, a saved model read
# back by a later run gives the documents the same main topics, a nightly job's first run trains
# the model it reads back later (and trains it again after a night that saved one of no words;
# says so when the job asks for another number of topics than the model has),
# the default prior, a corpus with no vocabulary is named, and a broken model is refused.
. "$(dirname "$0")/lib.sh"
i=0
: >"$T/docs.jsonl"
while [ $i -lt 60 ]; do
    if [ $((i % 2)) -eq 0 ]; then
        text="Crude oil prices rose as OPEC cut output. Oil barrels and crude exports fell. Refinery output of oil."
    else
        text="The central bank cut interest rates. Bank lending and interest income grew. Rates at the bank fell."
    fi
    printf '{"id":"d%d","text":"%s"}\n' $i "$text" >>"$T/docs.jsonl"
    i=$((i + 1))
done
pipe='read ! tokenize ! stem ! topics method=lda topics=2 alpha=0.1 iterations=50 min-df=2 max-df=0.6 save-model=lda.model ! write'
expect_jobs_alike "$T/o" "documents.jsonl lda.tsv lda.model" -q -e "$pipe" "$T/docs.jsonl"
expect_in "$T/o1/lda.tsv" "topic	words	share	npmi	umass"
expect_lines "$T/o1/lda.tsv" 3
# One topic is about oil, the other about banks, and no topic mixes them in its top words.
grep -qi 'oil.*crude\|crude.*oil' "$T/o1/lda.tsv" || fail "no oil topic in lda.tsv"
grep -qi 'bank.*interest\|interest.*bank' "$T/o1/lda.tsv" || fail "no bank topic in lda.tsv"
grep -qi 'oil.*bank\|bank.*oil' "$T/o1/lda.tsv" && fail "a topic mixes oil and banks"
# Each document's main topic, from training and from the saved model.
expect_status 0 "$QUARRY" run -q -e "read ! tokenize ! stem ! topics method=lda model=$T/o1/lda.model ! write" \
    "$T/docs.jsonl" -o "$T/o3"
sed 's/.*"id":"\(d[0-9]*\)".*"topics":\[\["\([0-9]*\):.*/\1 \2/' "$T/o1/documents.jsonl" >"$T/trained"
sed 's/.*"id":"\(d[0-9]*\)".*"topics":\[\["\([0-9]*\):.*/\1 \2/' "$T/o3/documents.jsonl" >"$T/inferred"
cmp -s "$T/trained" "$T/inferred" || fail "the saved model gives other main topics than training"
awk '{print $2}' "$T/trained" | sort | uniq -c | awk '$1 != 30 { exit 1 }' || fail "topics are not 30 and 30"
# A nightly job that reads back the model it saves: its first run trains it, with a warning, and
# saves the training run's model; the next run infers with it and saves it again, unchanged.
job="read ! tokenize ! stem ! topics method=lda topics=2 alpha=0.1 iterations=50 min-df=2 max-df=0.6"
job="$job model=$T/o6/lda.model save-model=lda.model ! write"
expect_status 0 "$QUARRY" run -e "$job" "$T/docs.jsonl" -o "$T/o6"
expect_in "$T/err" "the model $T/o6/lda.model is not there yet: this run trains it"
cmp -s "$T/o1/lda.model" "$T/o6/lda.model" || fail "the first night's model differs from a training run's"
expect_status 0 "$QUARRY" run -e "$job" "$T/docs.jsonl" -o "$T/o6"
expect_not_in "$T/err" "not there yet"
expect_not_in "$T/err" "is not used" # topics = 2, as the model has
cmp -s "$T/o1/lda.model" "$T/o6/lda.model" || fail "the second night's model differs from the first's"
sed 's/.*"id":"\(d[0-9]*\)".*"topics":\[\["\([0-9]*\):.*/\1 \2/' "$T/o6/documents.jsonl" >"$T/nightly"
cmp -s "$T/trained" "$T/nightly" || fail "the second night gives other main topics than training"
# The same job changed to ask for 3 topics: the model's 2 are kept, as its documents show, and a
# warning says so, every night, until a run trains a new one.
expect_status 0 "$QUARRY" run -e "$(echo "$job" | sed 's/topics=2/topics=3/')" "$T/docs.jsonl" -o "$T/o6"
expect_in "$T/err" "topics: warning: topics = 3 is not used: the model $T/o6/lda.model has 2 topics, which a run that infers with it keeps"
cmp -s "$T/o1/lda.model" "$T/o6/lda.model" || fail "a night that asked for 3 topics changed the model"
grep -q '"3: ' "$T/o6/documents.jsonl" && fail "a night that asked for 3 topics inferred a third"
# The default prior: 10 / topics (0.5 each of 20), at most the flat prior (1 each of 4), fixed.
for k in 20 4; do
    expect_status 0 "$QUARRY" run -q -e "read ! tokenize ! stem ! topics method=lda topics=$k iterations=5 min-df=2 \
        max-df=0.6 save-model=lda.model ! write" "$T/docs.jsonl" -o "$T/k$k"
done
grep -qx 'alpha\( 0.5\)\{20\}' "$T/k20/lda.model" || fail "20 topics: not a prior of 0.5 each"
grep -qx 'alpha 1 1 1 1' "$T/k4/lda.model" || fail "4 topics: not a prior of 1 each"
# A corpus too small for the defaults (min-df 5, max-df half: 10 documents at least) has no
# vocabulary: the run goes on, with empty topics, and says why.
head -n 6 "$T/docs.jsonl" >"$T/six.jsonl"
expect_status 0 "$QUARRY" run -e 'read ! tokenize ! stem ! topics method=lda topics=2 ! write' "$T/six.jsonl" -o "$T/o6"
expect_in "$T/err" "lda: no word is in at least 5 documents (min-df) and at most 50% of the 6 (max-df): every topic is empty"
# A nightly job whose first night had too few documents for a word: that night saves a model of
# no words, and the next night, with enough, trains it, as a first night would (it was refused:
# every night after stopped with 65), then the night after infers with it.
head -n 2 "$T/docs.jsonl" >"$T/two.jsonl"
job=$(echo "$job" | sed "s|$T/o6/|$T/o7/|")
expect_status 0 "$QUARRY" run -q -e "$job" "$T/two.jsonl" -o "$T/o7"
grep -qx 'words 0' "$T/o7/lda.model" || fail "the first night of two documents saved a model of words"
expect_status 0 "$QUARRY" run -q -e "$job" "$T/docs.jsonl" -o "$T/o7"
expect_in "$T/err" "the model $T/o7/lda.model has no words (the run that saved it had no word for a topic): this run trains it again"
cmp -s "$T/o1/lda.model" "$T/o7/lda.model" || fail "the night after a model of no words saved another model than training"
expect_status 0 "$QUARRY" run -q -e "$job" "$T/docs.jsonl" -o "$T/o7"
expect_not_in "$T/err" "no words"
cmp -s "$T/o1/lda.model" "$T/o7/lda.model" || fail "the third night changed the model"
# A broken model, and a model path where a file name belongs.
printf '# quarry lda model 1\ntopics 2\nalpha 0.1 0.1\nbeta 0.01\nwords 1\noil\toil\t3\n' >"$T/bad.model"
expect_status 65 "$QUARRY" run -e "read ! tokenize ! topics method=lda model=$T/bad.model ! write" "$T/docs.jsonl" -o "$T/o4"
expect_in "$T/err" "bad.model:6: expected one count a topic"
expect_status 64 "$QUARRY" run -e 'read ! tokenize ! topics method=lda save-model=a/b ! write' "$T/docs.jsonl" -o "$T/o5"
expect_in "$T/err" "save-model is a file name in the output folder"
# A document with no word of the vocabulary has the prior's even proportions, which say nothing of
# any topic: it is given none, in training and from a saved model (with 2 topics, both were
# given it at 0.5).
{ cat "$T/docs.jsonl"; echo '{"id":"none","text":"Zzzq blorf."}'; } >"$T/with-none.jsonl"
expect_status 0 "$QUARRY" run -q -e "$pipe" "$T/with-none.jsonl" -o "$T/o6"
expect_in "$T/o6/documents.jsonl" '"topic-proportions":[0.5,0.5],"topics":[]}'
expect_in "$T/o6/documents.jsonl" '"id":"d0","text"'
grep '"id":"d0"' "$T/o6/documents.jsonl" | grep -q '"topics":\[\["' || fail "d0 lost its topic beside a wordless document"
echo '{"id":"none","text":"Zzzq blorf."}' >"$T/none.jsonl"
expect_status 0 "$QUARRY" run -q -e "read ! tokenize ! stem ! topics method=lda model=$T/o1/lda.model ! write" \
    "$T/none.jsonl" -o "$T/o7"
expect_in "$T/o7/documents.jsonl" '"topic-proportions":[0.5,0.5],"topics":[]}'
finish
