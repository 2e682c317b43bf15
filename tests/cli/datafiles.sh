# datafiles.sh: the files a user gives a stage (keywords and LDA models, topic files, clean's
# patterns and spun phrases, tokenize's stop words) fail alike: one that cannot be opened exits
# 66 (EX_NOINPUT) naming what it is, a NUL byte or a bad line exits 65 (EX_DATAERR) naming the
# file and line; a file written on Windows (CRLF, a byte-order mark) reads as written on Unix.
. "$(dirname "$0")/lib.sh"
S="$SRCDIR/samples"
printf 'a\0b\n' >"$T/nul"
printf '# a comment\n\nno tab here\n' >"$T/bad"
# expect_refused PARAMETERS WHAT LINE-3-MESSAGE: the three failures of a stage's file.
expect_refused() {
    expect_status 66 "$QUARRY" run -q -e "read ! $1$T/none ! write" "$S" -o "$T/o"
    expect_in "$T/err" "could not start: cannot open the $2 $T/none: No such file or directory"
    expect_status 65 "$QUARRY" run -q -e "read ! $1$T/nul ! write" "$S" -o "$T/o"
    expect_in "$T/err" "could not start: $T/nul:1: a NUL byte, which no $2 holds"
    expect_status 65 "$QUARRY" run -q -e "read ! $1$T/bad ! write" "$S" -o "$T/o"
    expect_in "$T/err" "could not start: $T/bad:$3"
}
expect_refused 'keywords model=' 'keywords model' "1: not a keywords model"
expect_refused 'topics method=lda model=' 'LDA model' "1: not an LDA model"
expect_refused 'topics lexicon=' 'topic file' "3: a term before any [topic]"
expect_refused 'clean spun-phrases=' 'spun-phrase table' "3: expected 'spun phrase<TAB>original'"
# Patterns and stop words take any line: only opening and NUL bytes fail.
for p in 'clean patterns=' 'tokenize stopwords='; do
    what=$(case $p in clean*) echo 'patterns file' ;; *) echo 'stop-word file' ;; esac)
    expect_status 66 "$QUARRY" run -q -e "read ! $p$T/none ! write" "$S" -o "$T/o"
    expect_in "$T/err" "could not start: cannot open the $what $T/none"
    expect_status 65 "$QUARRY" run -q -e "read ! $p$T/nul ! write" "$S" -o "$T/o"
    expect_in "$T/err" "$T/nul:1: a NUL byte, which no $what holds"
done
# An LDA model's head sizes its tables: a count of words the file cannot hold is refused before
# they are made (2,000,000,000 words of 2 topics asked for 32 GB).
printf '# quarry lda model 1\ntopics 2\nalpha 1 1\nbeta 0.01\nwords 2000000000\na\ta\t1 1\n' >"$T/huge.lda"
expect_status 65 "$QUARRY" run -q -e "read ! topics method=lda model=$T/huge.lda ! write" "$S" -o "$T/o"
expect_in "$T/err" "$T/huge.lda:5: 'words V' is more words than the file can hold"
# A folder given for a file is a wrong name, as a missing file is: 66 (EX_NOINPUT), for each
# stage's file, and from check --start as from the run. Not 74 (EX_IOERR), which says a disk
# failed part way through.
for p in 'keywords model=' 'keywords background=' 'topics method=lda model=' 'topics lexicon=' \
    'clean patterns=' 'clean spun-phrases=' 'tokenize stopwords='; do
    expect_status 66 "$QUARRY" run -q -e "read ! $p$T ! write" "$S" -o "$T/o"
    expect_in "$T/err" "could not start: cannot open the "
    expect_in "$T/err" " $T: Is a directory"
    expect_status 66 "$QUARRY" check --start -q -e "read ! $p$T ! write" "$S"
done

# Windows line ends and a byte-order mark: the same results as the files as saved.
crlf() { printf '\357\273\277' >"$2"; sed 's/$/\r/' "$1" >>"$2"; }
prep='read ! clean ! tokenize ! stem'
expect_status 0 "$QUARRY" run -q -e "$prep ! keywords save-model=kw.model ! topics method=lda topics=2 min-df=1 iterations=20 save-model=lda.model ! write" "$S" -o "$T/m"
crlf "$T/m/kw.model" "$T/kw.crlf"
crlf "$T/m/lda.model" "$T/lda.crlf"
crlf "$SRCDIR/pipelines/news.topics" "$T/topics.crlf"
for form in unix windows; do
    if [ $form = unix ]; then kw=$T/m/kw.model lda=$T/m/lda.model lex=$SRCDIR/pipelines/news.topics
    else kw=$T/kw.crlf lda=$T/lda.crlf lex=$T/topics.crlf; fi
    expect_status 0 "$QUARRY" run -q -e "$prep ! keywords model=$kw ! topics lexicon=$lex ! write fields=id,keywords,topics" "$S" -o "$T/$form"
    expect_status 0 "$QUARRY" run -q -e "$prep ! topics method=lda model=$lda ! write fields=id,topics" "$S" -o "$T/$form-lda"
done
cmp -s "$T/unix/documents.jsonl" "$T/windows/documents.jsonl" || fail "a keywords model or topic file in CRLF reads otherwise"
cmp -s "$T/unix-lda/documents.jsonl" "$T/windows-lda/documents.jsonl" || fail "an LDA model in CRLF reads otherwise"
expect_in "$T/windows/documents.jsonl" '"topics":[['
# The first token, 'the', is a stop word; a stop-word file marks 'japanese' too, not the
# commented-out 'indian': "stop" starts 1 (the), 1 (japanese), 1 (and), 0 (indian).
printf '\357\273\277japanese\r\n#indian\r\n' >"$T/stop.crlf"
expect_status 0 "$QUARRY" run -q -e "read ! tokenize stopwords=$T/stop.crlf ! write fields=id,tokens,stop" "$S/000_eb3a2499798f2629.txt" -o "$T/s"
expect_in "$T/s/documents.jsonl" '"tokens":["the","japanese","and","indian",'
expect_in "$T/s/documents.jsonl" '"stop":[1,1,1,0,'
finish
