# test_stage.sh: `quarry test-stage`, the harness from the shell: a stage's output on standard
# output, its rejects on standard error with 79, its files in -o, and clear errors.
. "$(dirname "$0")/lib.sh"
printf '{"id":"a","text":"Cyber attacks rose in the U.S. today."}\n\n{"id":"b","text":"5G"}\n' >"$T/in.jsonl"
"$QUARRY" test-stage tokenize language=english <"$T/in.jsonl" >"$T/out" 2>"$T/err" || fail "test-stage failed: $(cat "$T/err")"
expect_lines "$T/out" 2
expect_in "$T/out" '"tokens":["cyber","attacks","rose","in","the","u.s.","today"]'
expect_in "$T/out" '{"id":"b","text":"5G","tokens":["5g"]'
# A record the stage rejects: 79, the reason on stderr, the good record still out.
printf '{"id":"x","tokens":"not a list"}\n{"id":"y","tokens":["running"]}\n' >"$T/mixed.jsonl"
"$QUARRY" test-stage stem table=false <"$T/mixed.jsonl" >"$T/out2" 2>"$T/err"
[ $? -eq 79 ] || fail "a rejected record should give 79"
expect_in "$T/err" "rejected: field 'tokens' is not a list of tokens"
expect_in "$T/out2" '"stems":["run"]'
# The stage's own files go to -o, made with its parents if missing.
"$QUARRY" test-stage -o "$T/files/made/with/parents" write path=x.jsonl <"$T/in.jsonl" >/dev/null 2>"$T/err" || fail "write failed"
expect_lines "$T/files/made/with/parents/x.jsonl" 2
# Options may follow the stage and its parameters, as they may follow a run's inputs.
"$QUARRY" test-stage write path=y.jsonl -o "$T/files" <"$T/in.jsonl" >/dev/null 2>"$T/err" || fail "write failed: $(cat "$T/err")"
expect_lines "$T/files/y.jsonl" 2
# Errors: not JSON (naming the line), an unknown stage, a bad parameter.
printf '{"id":"a"}\nnot json\n' >"$T/bad.jsonl"
expect_status 65 "$QUARRY" test-stage tokenize <"$T/bad.jsonl"
expect_in "$T/err" "standard input, line 2: a JSON line must hold an object ({...}): this one begins with 'n'"
expect_status 69 "$QUARRY" test-stage tokenise </dev/null
expect_in "$T/err" "stage 'tokenise' not found"
expect_status 64 "$QUARRY" test-stage tokenize split=sentences </dev/null
expect_status 64 "$QUARRY" test-stage tokenize split </dev/null
expect_in "$T/err" "expected KEY=VALUE, not 'split'"
finish
