#!/bin/sh
# docs.sh: the docs match the code: every stage that `quarry list` shows has a page in
# doc/stages/ that the README's stage table links and `make install` installs, and the page's
# parameter table has a row for each parameter `quarry inspect` lists, with the same default,
# and no row for one it lacks; and quarry(1) has every option that the commands' --help lists.
. "$(dirname "$0")/lib.sh"
: "${SRCDIR:?run through make check}"

expect_status 0 "$QUARRY" list
stages=$(awk '/^[a-z]/ {print $1}' "$T/out")
[ -n "$stages" ] || fail "quarry list shows no stage"
for stage in $stages; do
    page="$SRCDIR/doc/stages/$stage.md"
    if [ ! -f "$page" ]; then
        fail "$stage has no page: doc/stages/$stage.md"
        continue
    fi
    expect_in "$SRCDIR/README.md" "[\`$stage\`](doc/stages/$stage.md)"
    expect_in "$SRCDIR/Makefile.am" "doc/stages/$stage.md" # installed with the others
    expect_status 0 "$QUARRY" inspect "$stage"
    # Parameter lines: two spaces, the name, the type, "default: VALUE" or "required".
    awk '/^Parameters:/ {on = 1; next}
         on && /^  [a-z]/ {d = $0; sub(/.*default: /, "", d); sub(/  allowed: .*/, "", d);
                            if ($3 == "required") d = "required";
                            else if (d == "(unset)") d = "unset";
                            else d = "`" d "`";
                            print $1 "\t" d}' "$T/out" >"$T/params"
    [ -s "$T/params" ] || fail "quarry inspect $stage lists no parameter"
    # The rows of the table in the page's "## Parameters" section:
    # | `name` | default | meaning |
    awk '/^## Parameters/ {on = 1; next} on && /^## / {exit} on' "$page" |
        sed -n 's/^| `\([a-z0-9-]*\)` | \([^|]*\) |.*/\1\t\2/p' | sed 's/ *$//' >"$T/rows"
    while IFS="$(printf '\t')" read -r name default; do
        grep -qxF "$(printf '%s\t%s' "$name" "$default")" "$T/rows" ||
            fail "doc/stages/$stage.md: no row '| \`$name\` | $default |' (quarry inspect $stage)"
    done <"$T/params"
    cut -f1 "$T/rows" | sort -u >"$T/documented"
    cut -f1 "$T/params" | sort -u >"$T/declared"
    for extra in $(comm -23 "$T/documented" "$T/declared"); do
        fail "doc/stages/$stage.md documents '$extra', which $stage does not take"
    done
done

# Every long option that a command's --help lists is in quarry(1), where a dash is "\-".
man="$SRCDIR/doc/man/quarry.1"
for command in run check list inspect cat test-stage state new-stage; do
    expect_status 0 "$QUARRY" "$command" --help
    for option in $(grep -o -- '--[a-z][a-z-]*' "$T/out" | sort -u); do
        grep -qF -- "$(printf '%s' "$option" | sed 's/-/\\-/g')" "$man" ||
            fail "quarry(1) lacks $option, which 'quarry $command --help' lists"
    done
done
finish
