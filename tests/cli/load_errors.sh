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
# test-stage exits as a run does: the status the stage's open chose, 64 for a parameter missing,
# for no stage and for an option it does not take.
printf '{"id":"a"}\n' >"$T/one.jsonl"
expect_status 66 "$QUARRY" test-stage $P failopen model=/no/model.bin <"$T/one.jsonl"
expect_in "$T/err" "stage 'failopen' could not start: cannot read model /no/model.bin"
expect_status 64 "$QUARRY" test-stage $P probe <"$T/one.jsonl"
expect_in "$T/err" "stage 'probe': missing required parameter 'tag'"
expect_status 64 "$QUARRY" test-stage
expect_in "$T/err" "quarry test-stage: give a STAGE"
expect_status 64 "$QUARRY" test-stage --bogus probe
expect_in "$T/err" "quarry test-stage: unrecognized option '--bogus'"

# QUARRY_PLUGIN_PATH is searched too, and list reports modules that do not load.
QUARRY_PLUGIN_PATH=$FIXTURES expect_status 0 "$QUARRY" inspect probe
expect_in "$T/out" "tag              string required"
QUARRY_PLUGIN_PATH=$FIXTURES expect_status 69 "$QUARRY" list
expect_in "$T/out" "probe        0.1.0"
expect_in "$T/err" "ABI 9.2"
# So is --plugin-path; and list refuses what it does not take, with the usage status.
expect_status 69 "$QUARRY" list --plugin-path "$FIXTURES"
expect_in "$T/out" "probe        0.1.0"
expect_in "$T/err" "ABI 9.2"
expect_status 64 "$QUARRY" list --bogus
expect_in "$T/err" "quarry list: unrecognized option '--bogus'"
expect_status 64 "$QUARRY" list extra
expect_in "$T/err" "quarry list: unexpected argument 'extra'"

# Each rule of the descriptor, broken by a stage of its own that the test compiles (a C compiler
# and quarry.h are all a researcher's stage takes): the loader names the stage, its file and the
# rule, with status 69. Later designators override earlier ones (C11 6.7.9), so each stage is
# the valid descriptor below with one member set otherwise.
stage_source() { # NAME MEMBERS: the source of stage NAME, its descriptor's MEMBERS set so
    printf '%s\n' '#include <quarry.h>' \
        'static int pass_on(void *s, quarry_ctx *c, quarry_record *r) { (void)s; (void)c; (void)r; return 0; }' \
        'static int emit_none(void *s, quarry_ctx *c) { (void)s; (void)c; return 0; }' \
        'static const quarry_param no_choices[] = {{"mode", QUARRY_PARAM_ENUM, NULL, "a mode", 0, 0, 0, NULL},' \
        '                                          {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};' \
        "QUARRY_STAGE($1) = {.abi = QUARRY_ABI_VERSION, .size = sizeof(struct quarry_stage), .name = \"$1\"," \
        "    .version = \"1.0.0\", .summary = \"fixture\", .process = pass_on, .produce = NULL, $2};"
}
compile_stage() { # NAME MEMBERS: stage NAME, MEMBERS set so, built into $T/broken
    stage_source "$1" "$2" >"$T/broken/$1.c"
    "${CC:-cc}" -shared -fPIC -I"$SRCDIR/core" -o "$T/broken/$1.so" "$T/broken/$1.c" ||
        fail "cannot compile the fixture stage $1"
}
broken() { # NAME MEMBERS MESSAGE: stage NAME, MEMBERS set so, refused with MESSAGE
    compile_stage "$1" "$2"
    expect_status 69 "$QUARRY" inspect --plugin-path "$T/broken" "$1"
    expect_in "$T/err" "stage '$1' ($T/broken/$1.so)"
    expect_in "$T/err" "$3"
}
if command -v "${CC:-cc}" >/dev/null 2>&1; then
    mkdir "$T/broken"
    compile_stage valid '.flags = QUARRY_PER_RECORD'
    expect_status 0 "$QUARRY" inspect --plugin-path "$T/broken" valid
    expect_in "$T/out" "Stage:       valid 1.0.0"
    broken newer '.abi = QUARRY_ABI_VERSION + 1' "but this quarry provides ABI 1.9: upgrade quarry or rebuild the stage"
    broken small '.size = 8' "invalid descriptor: size 8 is smaller than ABI 1.0's"
    broken noversion '.version = ""' "invalid descriptor: it has no version"
    broken nosummary '.summary = NULL' "invalid descriptor: it has no summary"
    broken newflags '.flags = 1u << 20' "invalid descriptor: it sets flags this ABI does not define"
    broken noproduce '.flags = QUARRY_SOURCE' "invalid descriptor: it is a source but has no produce callback"
    broken noprocess '.process = NULL' "invalid descriptor: it has no process callback"
    broken twopass_source '.flags = QUARRY_SOURCE | QUARRY_TWO_PASS, .produce = emit_none' \
        "invalid descriptor: a source cannot be two-pass or per-record"
    broken noobserve '.flags = QUARRY_TWO_PASS' "invalid descriptor: it is two-pass but has no observe callback"
    broken nochoices '.params = no_choices' "invalid descriptor: enum parameter 'mode' lists no choices"
fi
finish
