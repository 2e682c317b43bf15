# load_errors.sh: every way loading a stage can fail, each with a message that says why.
. "$(dirname "$0")/lib.sh"
printf 'x\n' >"$T/in.txt"
P="--plugin-path $FIXTURES"

expect_status 64 "$QUARRY" run $P -e 'read ! nosuchstage ! write' "$T/in.txt"
expect_in "$T/err" "stage 'nosuchstage' not found; searched $FIXTURES, "
expect_in "$T/err" "/plugins for nosuchstage.la or nosuchstage.so"

expect_status 64 "$QUARRY" run $P -e 'read ! prbe tag=x ! write' "$T/in.txt"
expect_in "$T/err" "did you mean 'probe'?"

expect_status 69 "$QUARRY" run $P -e 'read ! undef ! write' "$T/in.txt"
expect_in "$T/err" "stage 'undef': cannot load $FIXTURES/undef.la:"
expect_in "$T/err" "quarry_fixture_missing_symbol"

# A stage whose library is missing (needlib needs libqtdep, which nothing points to) ...
expect_status 69 "$QUARRY" run $P -e 'read ! needlib ! write' "$T/in.txt"
expect_in "$T/err" "stage 'needlib': cannot load $FIXTURES/needlib.la:"
expect_in "$T/err" "libqtdep.so"
expect_in "$T/err" "cannot open shared object file"
expect_in "$T/err" "(a library the stage needs: build the stage with a run path to its folder"
expect_not_in "$T/err" "file not found" # libltdl's word for it, although the stage's file is there
# ... and it loads and works where its library is found.
LD_LIBRARY_PATH="$FIXTURES/qtdep-lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    expect_status 0 "$QUARRY" run $P -e 'read ! needlib ! write path=-' "$T/in.txt" -o "$T/ok"
expect_in "$T/out" '"answer":42'

expect_status 69 "$QUARRY" run $P -e 'read ! badabi ! write' "$T/in.txt"
expect_in "$T/err" "was built for quarry ABI 9.2, but this quarry provides ABI 1.9"

expect_status 69 "$QUARRY" run $P -e 'read ! nodesc ! write' "$T/in.txt"
expect_in "$T/err" "exports no stage descriptor (nodesc_LTX_quarry_stage"

expect_status 69 "$QUARRY" run $P -e 'read ! misnamed ! write' "$T/in.txt"
expect_in "$T/err" "invalid descriptor: its name 'other' differs from its file name 'misnamed'"

# open() fails: the stage's own message and status, and nothing was read or written.
expect_status 66 "$QUARRY" run $P -e 'read ! failopen model=/no/model.bin ! write' "$T/in.txt" -o "$T/o"
expect_in "$T/err" "stage 'failopen' could not start: cannot read model /no/model.bin"
[ -e "$T/o/documents.jsonl" ] && fail "a run whose stage failed to open wrote output"

# QUARRY_PLUGIN_PATH is searched too, and list reports modules that do not load.
QUARRY_PLUGIN_PATH=$FIXTURES expect_status 0 "$QUARRY" inspect probe
expect_in "$T/out" "tag              string required"
QUARRY_PLUGIN_PATH=$FIXTURES expect_status 69 "$QUARRY" list
expect_in "$T/out" "probe        0.1.0"
expect_in "$T/err" "ABI 9.2"
finish
