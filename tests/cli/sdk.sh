# sdk.sh: the path of a researcher with only the installed files: install quarry to a
# temporary root, scaffold a stage with `quarry new-stage`, build it with pkg-config only, test
# it with `quarry test-stage`, find it with `quarry list` and run it in a pipeline; and the same
# against quarry's build folder, not installed; the stage examples of the docs, as written; and
# a stage in C++.
. "$(dirname "$0")/lib.sh"
command -v pkg-config >/dev/null 2>&1 && command -v "${CC:-cc}" >/dev/null 2>&1 || exit 77
# The path of a researcher with quarry's build folder, not installed: new-stage, run from it,
# says how to name the folder; pkg-config then reads its quarry-uninstalled.pc, and the test
# runs the build's quarry. Without it, the Makefile says what is missing, not the compiler.
# PKG_CONFIG_LIBDIR hides any quarry installed on this machine.
mkdir "$T/no-pc"
expect_status 0 "$QUARRY" new-stage build_stage "$T/bs"
expect_in "$T/out" "cd $T/bs && PKG_CONFIG_PATH=$BUILDDIR make && QUARRY=$BUILDDIR/quarry make check"
expect_status 2 env -u MAKEFLAGS -u MFLAGS PKG_CONFIG_LIBDIR="$T/no-pc" PKG_CONFIG_PATH= ${MAKE:-make} -C "$T/bs"
expect_in "$T/err" "build_stage.so: pkg-config finds no quarry: install it (make install in its build folder), or name that folder: PKG_CONFIG_PATH=/path/to/quarry make"
expect_not_in "$T/err" "quarry.h"
[ ! -e "$T/bs/build_stage.so" ] || fail "a stage was built without quarry"
expect_status 0 env -u MAKEFLAGS -u MFLAGS PKG_CONFIG_LIBDIR="$T/no-pc" PKG_CONFIG_PATH="$BUILDDIR" ${MAKE:-make} -C "$T/bs"
expect_in "$T/out" "-L$BUILDDIR/.libs"
expect_status 0 env -u MAKEFLAGS -u MFLAGS -u LD_LIBRARY_PATH QUARRY="$QUARRY" ${MAKE:-make} -C "$T/bs" check
expect_in "$T/out" "build_stage: all tests passed"
printf '{"id":"a","text":"three little words"}\n' >"$T/bs.jsonl"
expect_status 0 env QUARRY_PLUGIN_PATH="$T/bs" "$QUARRY" run -q -e 'read ! build_stage ! write' "$T/bs.jsonl" -o "$T/bso"
expect_in "$T/bso/documents.jsonl" '"text_words":3'
# A stage exports its descriptor alone: new-stage's, and quarry's own, compiled with
# -fvisibility=hidden where configure found the compiler takes it (QUARRY_STAGE marks the
# descriptor visible). Names in __ are the compiler's and the sanitizers', not a stage's; so is
# mangle_path where gcov's runtime is linked in (a build with --coverage: tools/coverage.py).
exported() {
    nm -D --defined-only "$1" | awk '{ s[NR] = $3; if ($3 ~ /^__gcov_/) gcov = 1 }
        END { for (i = 1; i <= NR; i++) if (s[i] !~ /^__/ && !(gcov && s[i] == "mangle_path")) print s[i] }' |
        tr '\n' ' '
}
[ "$(exported "$T/bs/build_stage.so")" = "build_stage_LTX_quarry_stage " ] ||
    fail "new-stage's stage exports more than its descriptor: $(exported "$T/bs/build_stage.so")"
if grep -q '^STAGE_VISIBILITY_CFLAGS = -fvisibility=hidden' "$BUILDDIR/Makefile"; then
    for so in "$BUILDDIR"/plugins/.libs/*.so; do
        stage=$(basename "$so" .so)
        [ "$(exported "$so")" = "${stage}_LTX_quarry_stage " ] ||
            fail "stage $stage exports more than its descriptor: $(exported "$so" | cut -c1-200)"
    done
fi

# The stage examples of the docs build as they are written, warnings as errors (an implicit
# declaration, say of strdup under -std=c11, is a crash at run time), and do what they say:
# the README's shout, and writing-stages.md's word_count, which is what new-stage writes.
stage_example() { # DOC: its one C block that declares a stage
    awk '/^```c/ { block = ""; inside = 1; next }
         /^```/ && inside { if (block ~ /QUARRY_STAGE\(/) printf "%s", block; inside = 0; next }
         inside { block = block $0 "\n" }' "$1"
}
# The flags of a stage built against the build folder, and a check that stage STAGE, built into
# $T/ex, upper-cases the text of a document as shout does, and passes on the rows of stem's
# table that reach it (exit 0: none rejected).
build_flags="$(PKG_CONFIG_LIBDIR="$T/no-pc" PKG_CONFIG_PATH="$BUILDDIR" pkg-config --cflags --libs quarry) -Wl,-rpath,$BUILDDIR/.libs"
expect_upper_case() {
    expect_status 0 env QUARRY_PLUGIN_PATH="$T/ex" "$QUARRY" run -q -e "read ! tokenize ! stem ! $1 ! write" \
        "$T/bs.jsonl" -o "$T/$1.out"
    expect_in "$T/$1.out/documents.jsonl" '"text":"THREE LITTLE WORDS"'
    expect_in "$T/$1.out/stems.tsv" 'littl	little	1	1	1'
}
mkdir "$T/ex"
stage_example "$SRCDIR/README.md" >"$T/ex/shout.c"
expect_status 0 ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fPIC -shared -o "$T/ex/shout.so" "$T/ex/shout.c" $build_flags
expect_upper_case shout
expect_status 0 "$QUARRY" new-stage word_count "$T/wc"
stage_example "$SRCDIR/doc/writing-stages.md" >"$T/ex/word_count.c"
cmp -s "$T/ex/word_count.c" "$T/wc/word_count.c" ||
    fail "writing-stages.md's example is not what new-stage writes: $(diff "$T/ex/word_count.c" "$T/wc/word_count.c" | head -5)"

# A stage in C++ (tests/plugins/cxx_upper.cpp), where a C++ compiler is at hand: quarry.h's
# QUARRY_STAGE exports its descriptor there too. GCC's -Wextra warns of members a C++
# designated initializer leaves out, which C's does not.
if command -v "${CXX:-c++}" >/dev/null 2>&1; then
    expect_status 0 "${CXX:-c++}" -std=c++20 -Wall -Wextra -Wno-missing-field-initializers -Werror -fPIC \
        -shared -o "$T/ex/cxx_upper.so" "$SRCDIR/tests/plugins/cxx_upper.cpp" $build_flags
    expect_upper_case cxx_upper
else
    echo "no C++ compiler (${CXX:-c++}): the C++ stage is not built"
fi

root="$T/root"
${MAKE:-make} -C "$BUILDDIR" install DESTDIR="$root" >"$T/install.log" 2>&1 ||
    fail "make install failed: $(tail -5 "$T/install.log")"
pc=$(find "$root" -name quarry.pc | head -1)
[ -n "$pc" ] || fail "no quarry.pc installed"
inc=$(find "$root" -name quarry.h | head -1)
[ -n "$inc" ] || fail "no quarry.h installed"
bin=$(find "$root" -path '*/bin/quarry' | head -1)
for page in man1/quarry.1 man5/quarry-pipeline.5 man3/quarry-stage.3; do
    find "$root" -path "*/man/$page" | grep -q . || fail "no man page $page installed"
done
for page in README.md writing-stages.md stages/keywords.md stages/read.md; do
    find "$root" -path "*/doc/quarry/$page" | grep -q . || fail "no doc/quarry/$page installed"
done
libdir=$(dirname "$pc")/..
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$root"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" PATH="$(dirname "$bin"):$PATH"
pkg-config --variable=pluginsdir quarry | grep -q '/lib/quarry$' || fail "quarry.pc has no pluginsdir"
expect_status 0 quarry new-stage word_count "$T/ws"
expect_in "$T/out" "next: cd $T/ws && make && make check" # an installed quarry: no folder to name
for f in word_count.c Makefile test.sh README.md; do [ -f "$T/ws/$f" ] || fail "new-stage wrote no $f"; done
expect_status 64 quarry new-stage Word-Count "$T/bad"
expect_in "$T/err" "is no stage name"
expect_status 73 quarry new-stage word_count "$T/ws" # never over files that are there
# All or nothing: beside a Makefile of one's own, the files written before it are removed again,
# and the Makefile is left as it was.
mkdir "$T/own" && echo "all: ; @echo mine" >"$T/own/Makefile"
expect_status 73 quarry new-stage word_count "$T/own"
expect_in "$T/err" "cannot write $T/own/Makefile: File exists"
[ "$(ls "$T/own")" = Makefile ] || fail "new-stage left half a project: $(ls "$T/own")"
expect_in "$T/own/Makefile" "all: ; @echo mine"
expect_status 73 quarry new-stage word_count "$T/missing/ws"
expect_in "$T/err" "cannot create the folder $T/missing/ws: No such file or directory"
# Without the flags of a `make -s check` around it, which would hide the commands looked for.
env -u MAKEFLAGS -u MFLAGS ${MAKE:-make} -C "$T/ws" >"$T/build.log" 2>&1 || fail "the new stage did not build: $(cat "$T/build.log")"
grep -q -- '-Wall' "$T/build.log" || fail "the build did not use the Makefile's flags"
# Without LD_LIBRARY_PATH: the stage finds libquarry by its run path, as under a prefix that the
# loader does not search (the stock stages need it here only as installed under a DESTDIR).
env -u LD_LIBRARY_PATH ${MAKE:-make} -C "$T/ws" check >"$T/check.log" 2>&1 || fail "the new stage's test failed: $(cat "$T/check.log")"
expect_in "$T/check.log" "word_count: all tests passed"
# The stage being written, and the installed stages: this quarry was built for the real prefix,
# not the temporary root.
export QUARRY_PLUGIN_PATH="$T/ws:$libdir/quarry"
expect_status 0 quarry list
expect_in "$T/out" "word_count"
printf '{"id":"a","text":"three little words"}\n' >"$T/in.jsonl"
expect_status 0 quarry run -q -e 'read ! word_count ! write' "$T/in.jsonl" -o "$T/o"
expect_in "$T/o/documents.jsonl" '"text_words":3'
finish
