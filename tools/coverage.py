#!/usr/bin/python3
"""coverage.py: which lines of quarry's own code `make check` runs, measured with gcov.

usage: tools/coverage.py [--build DIR] [--worst N] [--lines] [--jobs J]

  --build DIR   a build tree configured with --coverage whose `make check` has run: only its
                figures are read. Without it, the source tree (its files that git tracks, and
                those it does not ignore) is copied to a temporary folder, configured with
                CFLAGS='-O0 -g --coverage' and --disable-lto, built and checked there, and the
                folder removed after; a test that fails is reported, and its figures count too
  --worst N     the N files least covered, with their lines (default 25; 0: none)
  --lines       after each of those files, the numbers of its lines no test runs
  --jobs J      make's jobs (default 2)

Prints the lines executed out of those that gcov counts, for the whole tree and for each of the
worst files, least covered first. A source compiled into more than one object (plugins/common's
files go into every stage that uses them, and the unit tests compile stages' files again) counts
a line as run when any of its objects ran it. Code under tests/ is left out: it is the tests.
A run stopped by a signal writes no figures (gcov writes them at exit), so the paths of a run
killed on purpose (tests/cli/signals.sh) show as never run. Needs gcc's gcov; never run by the
build or the tests. Exits 1 when `make check` failed, else 0."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def copy_tree(dest):
    """Copies the files of the source tree that git tracks or does not ignore into DEST."""
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=SOURCE, check=True, capture_output=True).stdout.split(b"\0")
    for name in filter(None, names):
        path = os.fsdecode(name)
        src = os.path.join(SOURCE, path)
        if not os.path.isfile(src):
            continue  # deleted in the working tree, not yet in git
        os.makedirs(os.path.dirname(os.path.join(dest, path)), exist_ok=True)
        shutil.copy2(src, os.path.join(dest, path))


def build_and_check(build, jobs):
    """Configures BUILD for coverage, builds it and runs make check: whether every test passed."""
    def step(*cmd):
        print("coverage.py:", " ".join(cmd), file=sys.stderr)
        return subprocess.run(cmd, cwd=build, stdout=subprocess.DEVNULL).returncode
    if (step("autoreconf", "-fi") or
            step("./configure", "-q", "--disable-lto", "CFLAGS=-O0 -g --coverage", "LDFLAGS=--coverage") or
            step("make", "-s", "-j%d" % jobs)):
        sys.exit("coverage.py: the coverage build failed in %s" % build)
    return step("make", "-s", "-j%d" % jobs, "check") == 0


def line_counts(build):
    """{source path: {line: runs}} over every object of BUILD, of the tree's sources only (not the
    system's headers, nor the programs configure compiles to probe the compiler and removes)."""
    counts = {}
    for root, _, files in os.walk(build):
        for name in sorted(files):
            if not name.endswith(".gcno"):
                continue
            out = subprocess.run(["gcov", "--json-format", "--stdout", "-o", root, os.path.join(root, name)],
                                 cwd=build, capture_output=True, text=True).stdout
            for doc in filter(None, out.splitlines()):
                for f in json.loads(doc)["files"]:
                    path = os.path.normpath(f["file"])
                    if (os.path.isabs(path) or path.startswith("tests" + os.sep) or
                            not os.path.exists(os.path.join(build, path))):
                        continue
                    lines = counts.setdefault(path, {})
                    for line in f["lines"]:
                        n = line["line_number"]
                        lines[n] = max(lines.get(n, 0), line["count"])
    return counts


def ranges(numbers):
    """'3-5, 9' for [3, 4, 5, 9]."""
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else "%d-%d" % (start, n))
            start = None
    return ", ".join(out)


def report(counts, worst, show_lines):
    total = sum(len(lines) for lines in counts.values())
    run = sum(1 for lines in counts.values() for c in lines.values() if c)
    if not total:
        sys.exit("coverage.py: no coverage figures: was the build configured with --coverage, and checked?")
    print("%d of %d lines run by make check (%.1f%%), in %d files" % (run, total, 100.0 * run / total, len(counts)))
    rows = []
    for path, lines in counts.items():
        missed = sorted(n for n, c in lines.items() if not c)
        rows.append(((len(lines) - len(missed)) / len(lines), -len(missed), path, missed, len(lines)))
    for share, _, path, missed, n in sorted(rows)[:worst]:
        print("%5.1f%%  %4d of %4d lines not run  %s" % (100 * share, len(missed), n, path))
        if show_lines and missed:
            print("        " + ranges(missed))


def main():
    ap = argparse.ArgumentParser(description="which lines of quarry's code make check runs (gcov)")
    ap.add_argument("--build")
    ap.add_argument("--worst", type=int, default=25)
    ap.add_argument("--lines", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("gcov"):
        sys.exit("coverage.py: needs gcov (gcc's)")
    passed = True
    if args.build:
        report(line_counts(args.build), args.worst, args.lines)
    else:
        with tempfile.TemporaryDirectory(prefix="quarry-coverage-") as build:
            copy_tree(build)
            passed = build_and_check(build, args.jobs)
            report(line_counts(build), args.worst, args.lines)
            if not passed:
                shutil.copy(os.path.join(build, "test-suite.log"), "coverage-test-suite.log")
                print("make check failed: see coverage-test-suite.log", file=sys.stderr)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
