#!/usr/bin/python3
"""fuzz.py: a mutation fuzzer for quarry's inputs, run by hand against a sanitizer build.

usage: tools/fuzz.py [--build DIR] [--runs N] [--seed S] [--target T ...] [--keep DIR]

  --build DIR   a build tree (default: the source tree); configure one with
                --enable-sanitizers, so that a memory error or undefined behaviour is caught
  --runs N      runs per target (default 500)
  --seed S      the random seed (default 1): the same seed makes the same inputs
  --target T    streams, files, documents, state, graphs, pipes or jobs (default: all seven)
  --keep DIR    where failing inputs are kept, with the command and its stderr (default:
                ./fuzz-failures)

Targets:
  streams    saved record streams whose blocks are rebuilt with valid CRCs around damaged
             records (and, one run in three, damaged as raw bytes), through `quarry run` and
             `quarry cat`;
  files      damaged keywords and LDA models, topic files, clean's patterns and spun phrases,
             tokenize's stop words, JSON, CSV and TSV files of documents (and JSON Lines with corpus
             table rows among them, and in gzip members one after another, damaged compressed), RSS feeds (one in Windows-1251 that names no encoding) and
             pipeline files;
  documents  damaged stories and an HTML page through the whole news pipeline, written as
             JSON Lines, TSV or CSV;
  state      a state folder with one damaged file: the next run must write what a fresh one
             writes;
  graphs     damaged one-line pipelines through `quarry check -e`, then `quarry check --start`
             and `quarry run` over samples/: what check refuses, check --start refuses alike,
             and what check --start refuses, the run refuses with the same status;
  pipes      damaged JSON Lines, JSON, CSV, TSV or text, with or without a byte-order mark or blank
             lines first, written into `quarry run ... -` through a pipe a few bytes at a time:
             it must give what the same bytes from a file give;
  jobs       a small corpus of damaged stories, some of several stories run together (so that a
             max-terms of 1000 prunes), through the whole pipeline with parameters drawn at
             random for each stage: at -j 1 from the command line, and at 2 to 7 jobs from a
             pipeline file of the same stages, with blocks of 256 bytes to 256 KiB, short or long
             queues, deflated between stages and in spools or not, kept or not, and one run in
             three with a state folder that a run over some of the stories filled first. Every
             output file must be the same bytes, rejects.jsonl too (LDA's own threads are a
             setting of its model, which the same draw gives both runs: topics.md).

A run fails when it is killed by a signal, a sanitizer reports, it exits with a status that
damaged input must not give (70, or one quarry never uses), or (state, pipes, jobs) its outputs
differ from a fresh run's, a file's or a run at one job's. Prints one line a failure and a
summary a target; exits 1 if anything failed. Never run by the build or the tests."""
import argparse
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# quarry's statuses (sysexits.h) that damaged input may give; not 70, an internal error or a
# stage's failure, which bad data must never cause.
STATUSES = {0, 1, 64, 65, 66, 69, 73, 74, 75, 78, 79}
TARGETS = ["streams", "files", "documents", "state", "graphs", "pipes", "jobs"]
TOKENS = [b"&amp;", b"&#9999999999;", b"&", b"\xc3\xa2\xe2\x82\xac\xe2\x84\xa2", b"\xc3", b"\xe2\x80",
          b"\xf0\x9f\x98", b"\x00", b"\r\n", b"\n\n", b"(", b")", b"(AI)", b"<p>", b"</p>", b"<",
          b"By John Smith", b"NEW YORK (Reuters) - ", b"\t", b"U.S.", b"'s", b"\xef\xbb\xbf",
          b"\xe2\x80\x8b", b"\xcc\x81", b"A" * 300, b"\xdf\xff\xff\xff\xff", b"\xdd\xff\xff\xff\xff",
          b"#", b"[", b"]", b"=", b"!", b" ", b"{a|b}", b"{", b"|", b"&#xD83D;", b"&#xDE00;", b"&amp ",
          b"https://x.test/a?b=1", b"www.x.test/a", b"a@b.cd", b" & ", b"...", b"\xe2\x80\xa2", b"\xc3\x82 ",
          b"=E2=80=99", b"=\n", b"=00", b"=3D\"", b"=?UTF-8?Q?a=C3=A9_b?=", b"=?utf-8?B?w6k=?=", b"=?",
          b"\xef\xac\x81", b"\xef\xbc\xb4", b"\xef\xbd\xb6\xef\xbe\x9e",
          b"[a](https://x.test)", b"![i](x.png)", b"](", b"**", b"__", b"*", b"\n> ", b"\n## ",
          b"\\n", b"\\u2019", b"\\ud83d", b"\\\"", b"\\",
          b" [+4352 chars]", b" \xe2\x80\x94 NWS (@nws) October 7, 2020", b"(@", b"pic.twitter.com/x ",
          b" (Photo: ", b"(AP Photo/", b" Credit: ", b"Credit:", b" | Getty Images", b" - Site", b" | ",
          b"6 thoughts on \xe2\x80\x9c", b"32M ago", b"\n13 hours ago\n",
          b"\nTrending News\n\n", b"\nMore in World\n", b"\nHome\nWorld\nUS\nSport\nArts\nTech\nFood\nAuto\n",
          b"\nPolitik (3)\nIslam (103)\nIman (17)\nJihad (24)\nMesir (42)\nLibya (10)\n", b" (1,204)",
          b"\n2018 Example Theater Tradition Series Performance at Festival\n",
          b"\nMinister opens the new bridge over the river as crowds gather to watch...\n",
          b"\n    The company said", b"\n  * item", b"\nShr 1.10 dlrs vs 8.63 dlrs\n",
          b"1,506,000", b"7-3/4", b"3/15/87", b"9-5/8s", b"5/8ths", b"6.5p", b"17P", b",", b"/",
          b"\n Apr    148.00 148.00 148.25 148.50\n", b"145.00-150.00"]


class Fuzzer:
    def __init__(self, args):
        self.build = os.path.abspath(args.build)
        self.quarry = os.path.join(self.build, "quarry")
        self.keep = os.path.abspath(args.keep)
        self.rng = random.Random(args.seed)
        self.work = tempfile.mkdtemp(prefix="quarry-fuzz-")
        self.env = dict(os.environ, QUARRY_PLUGIN_PATH=os.path.join(self.build, "plugins", ".libs"),
                        ASAN_OPTIONS="detect_leaks=1:exitcode=99",
                        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98")
        self.failures = 0

    # ---- Mutations -------------------------------------------------------------------------

    def mutate(self, data, times=None):
        """DATA with a few random edits: bit flips, bytes from TOKENS, cuts, copies, big numbers."""
        b = bytearray(data)
        for _ in range(times or self.rng.choice([1, 1, 2, 3, 8])):
            i = self.rng.randrange(len(b) + 1)
            kind = self.rng.randrange(6)
            if kind == 0 and b:
                b[min(i, len(b) - 1)] ^= 1 << self.rng.randrange(8)
            elif kind == 1:
                b[i:i] = self.rng.choice(TOKENS)
            elif kind == 2:
                del b[i:i + self.rng.randrange(1, 32)]
            elif kind == 3:
                j = self.rng.randrange(len(b) + 1)
                b[i:i] = b[j:j + self.rng.randrange(1, 200)]
            elif kind == 4 and self.rng.random() < 0.2:
                del b[i:]
            else:
                b[i:i + 4] = struct.pack("<I", self.rng.choice([0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff]))
        return bytes(b)

    # ---- Running ---------------------------------------------------------------------------

    def run(self, target, args, inputs, expect=None, timeout=120):
        """Runs quarry ARGS; a failure keeps INPUTS (name -> bytes), the command and stderr."""
        try:
            p = subprocess.run([self.quarry] + args, env=self.env, capture_output=True, timeout=timeout)
            status, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            status, err = "timeout", ""
        return self.judge(target, args, inputs, status, err, expect, timeout)

    def judge(self, target, args, inputs, status, err, expect=None, timeout=120):
        """Counts and keeps a failed run of quarry ARGS, which ended with STATUS and stderr ERR."""
        why = None
        if status == "timeout":
            why = "no end after %d s" % timeout
        elif status not in STATUSES:
            why = "exit status %d" % status
        elif "Sanitizer" in err or "runtime error" in err:
            why = "a sanitizer report"
        elif expect is not None and not expect(status):
            why = ("output differs from the reference: a fresh run's, (pipes) the same bytes' from a file, or "
                   "(jobs) the same stages' at -j1")
        if why:
            self.failures += 1
            folder = os.path.join(self.keep, "%s-%d" % (target, self.failures))
            os.makedirs(folder, exist_ok=True)
            for name, data in inputs.items():
                with open(os.path.join(folder, name), "wb") as fh:
                    fh.write(data)
            with open(os.path.join(folder, "command"), "w") as fh:
                fh.write(" ".join(["quarry"] + args) + "\n")
            with open(os.path.join(folder, "stderr"), "w") as fh:
                fh.write(err)
            print("%s: %s (kept in %s)" % (target, why, folder), flush=True)
        return status

    def path(self, name):
        return os.path.join(self.work, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as fh:
            fh.write(data)
        return self.path(name)

    def prepare(self):
        """Seeds made from samples/ by the build itself: kept streams and saved models."""
        samples = os.path.join(SOURCE, "samples")
        graph = ("read ! clean ! tokenize ! stem ! keywords save-model=kw.model ! "
                 "topics method=lda topics=3 min-df=1 save-model=lda.model ! write")
        status = subprocess.run([self.quarry, "run", "-q", "-e", graph, samples, "-o", self.path("seed"),
                                 "--keep-intermediate", self.path("kept")], env=self.env).returncode
        if status != 0:
            sys.exit("fuzz.py: the seed run failed with status %d" % status)
        self.stems = self.path("kept/04-stem.qz")
        self.streams = [self.path("kept/" + f) for f in ("02-clean.qz", "04-stem.qz", "05-keywords.qz")]
        self.samples = [open(os.path.join(samples, f), "rb").read() for f in sorted(os.listdir(samples))]

    # ---- Targets ---------------------------------------------------------------------------

    @staticmethod
    def members(data):
        """The payloads and record counts of a stream's gzip members (block.h's layout)."""
        out, at = [], 0
        while at + 24 <= len(data):
            size, nrec = struct.unpack_from("<II", data, at + 16)
            out.append((zlib.decompress(data[at + 24:at + size - 8], -15), nrec))
            at += size
        return out

    @staticmethod
    def member(payload, nrec):
        """A gzip member as block.c writes one, CRC and all."""
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = packer.compress(payload) + packer.flush()
        head = bytes([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 255, 12, 0, ord("Q"), ord("Y"), 8, 0])
        return (head + struct.pack("<II", 24 + len(body) + 8, nrec) + body
                + struct.pack("<II", zlib.crc32(payload), len(payload) & 0xffffffff))

    def streams_run(self):
        data = open(self.rng.choice(self.streams), "rb").read()
        if self.rng.random() < 0.3:
            blob = self.mutate(data)
        else:
            blob = b"".join(self.member(self.mutate(p) if p and self.rng.random() < 0.7 else p, n)
                            for p, n in self.members(data))
        f = self.write("in.qz", blob)
        if self.rng.random() < 0.2:
            return self.run("streams", ["cat", f], {"in.qz": blob})
        stage = self.rng.choice(["", "keywords ! ", "ngrams ! ", "stem ! ", "tokenize ! ",
                                 "topics method=lda topics=2 min-df=1 ! "])
        return self.run("streams", ["run", "-q", "-j2", "-e", "read ! %swrite" % stage, f,
                                    "-o", self.path("o")], {"in.qz": blob})

    def files_run(self):
        kinds = {
            "keywords model": (self.path("seed/kw.model"), "read ! keywords model=%s ! write", self.stems),
            "LDA model": (self.path("seed/lda.model"), "read ! topics method=lda model=%s ! write", self.stems),
            "topic file": (os.path.join(SOURCE, "pipelines/news.topics"), "read ! topics lexicon=%s ! write",
                           self.stems),
            "patterns": (None, "read ! clean patterns=%s ! write", None),
            "spun phrases": (None, "read ! clean spun-phrases=%s ! write", None),
            "stop words": (None, "read ! tokenize stopwords=%s ! write", None),
            "JSON documents": (None, "read format=json path=%s ! clean ! tokenize ! write", None),
            "CSV documents": (None, "read format=csv path=%s ! clean ! tokenize ! write", None),
            "TSV documents": (None, "read format=tsv path=%s ! clean ! tokenize ! write path=d.tsv", None),
            # Table rows among the documents, their columns named as the stages' input fields:
            # no stage may take one for a document, whatever its damage.
            # Gzip members one after another, damaged in their compressed bytes.
            "gzip members": (None, "read format=jsonl path=%s ! clean ! tokenize ! write", None),
            "JSON Lines with rows": (None, "read format=jsonl path=%s ! clean ! tokenize ! stem ! ngrams ! "
                                           "keywords ! write table-format=both", None),
            "RSS feed": (None, "read format=feed path=%s ! clean ! tokenize ! write", None),
            "legacy feed": (None, "read format=feed path=%s ! clean ! tokenize ! write", None),
            "pipeline": (os.path.join(SOURCE, "pipelines/news.pipeline"), None, None),
        }
        kind = self.rng.choice(sorted(kinds))
        seed, graph, source = kinds[kind]
        text = {"patterns": b"Advertisement\nRead more*\n*Subscribe\n",
                "spun phrases": b"alter your life\tchange your life\n", "stop words": b"the\nfoo\n",
                "JSON documents": json.dumps([{"id": str(i), "text": t.decode("utf-8", "replace")}
                                              for i, t in enumerate(self.samples)], indent=1).encode(),
                "gzip members": b"".join(
                    zlib.compress(json.dumps({"id": str(i), "text": t.decode("utf-8", "replace")}).encode() + b"\n",
                                  wbits=31) for i, t in enumerate(self.samples)),
                "JSON Lines with rows": b"".join(
                    json.dumps({"id": str(i), "text": t.decode("utf-8", "replace")}).encode() + b"\n" +
                    json.dumps({"_table": "probe%d" % i, "text": "Row &amp; text.", "tokens": ["row", "text"],
                                "stems": "row", "stop": [0, 1], "sentences": [0]}).encode() + b"\n"
                    for i, t in enumerate(self.samples)),
                "TSV documents": b"id\ttitle\ttext\n" + b"".join(b"%d\tT\\t%d\t%s\n" % (i, i, tsv_cell(t))
                                                                for i, t in enumerate(self.samples)),
                "CSV documents": b"id,title,text\n" + b"".join(b'%d,"T, %d","%s"\n' % (i, i, t.replace(b'"', b'""'))
                                                             for i, t in enumerate(self.samples)),
                "RSS feed": b'<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                            b'<title>W</title>' + b"".join(
                                b"<item><title>T %d</title><guid>g%d</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT"
                                b"</pubDate><category>World</category><dc:subject>Tag %d</dc:subject>"
                                b"<description><![CDATA[<p>%s</p>]]></description></item>" % (i, i, i, t)
                                for i, t in enumerate(self.samples)) + b"</channel></rss>",
                # In Windows-1251 with no XML declaration: read parses it again in the guessed one.
                "legacy feed": ("<rss><channel><title>Вести</title>" + "".join(
                    "<item><guid>r%d</guid><title>Новости %d</title><description>Правительство России в среду "
                    "объявило о новых мерах поддержки экономики.</description></item>" % (i, i)
                    for i in range(3)) + "</channel></rss>").encode("cp1251")}
        data = self.mutate(open(seed, "rb").read() if seed else text[kind] * 3)
        f = self.write("file", data)
        if kind == "pipeline":
            shutil.copy(os.path.join(SOURCE, "pipelines/news.topics"), self.path("news.topics"))
            return self.run("files", ["check", "-q", f], {"file": data})
        return self.run("files", ["run", "-q", "-e", graph % f, source or os.path.join(SOURCE, "samples"),
                                  "-o", self.path("o")], {"file": data})

    def documents_run(self):
        page = (b"<html><head><title>Oil up</title><script>x()</script></head><body><nav>Home | News"
                b"</nav><h1>Oil prices rise</h1><p>Oil rose 3% &amp; gas fell.</p><footer>(c)</footer>"
                b"</body></html>")
        folder = self.path("docs")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        inputs = {}
        # Pages in legacy encodings that say so: clean decodes them with iconv, damaged or not.
        legacy = [b'<html><head><meta charset="windows-1251"></head><body><h1>\xcd\xee\xe2\xee\xf1\xf2\xe8</h1>'
                  b'<p>\xcc\xee\xf1\xea\xe2\xe0 \xe8 \xcf\xe5\xf2\xe5\xf0\xe1\xf3\xf0\xe3.</p></body></html>',
                  b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>\x93\x8c\x8b\x9e'
                  b'\x82\xc5\x89\xef\x8bc</p><p>\x1b$B</p>',
                  b'<meta charset=gb2312><p>\xd6\xec\xe9F\xbb\xf9\xd4\xda\xb1\xb1\xbe\xa9</p>']
        # Text in legacy encodings that names none: clean guesses it (encoding = auto), or reads
        # its ISO-2022 escapes.
        legacy += [t.encode(e) for t, e in (
            ("Правительство России в среду объявило о новых мерах поддержки экономики.", "cp1251"),
            ("Уряд України у середу схвалив нову програму підтримки малого бізнесу.", "koi8_u"),
            ("日本政府は水曜日、経済を支援するための新たな対策を発表した。", "shift_jis"),
            ("Rząd Polski przyjął w środę projekt ustawy o wsparciu dla rolników dotkniętych suszą.", "cp1250"),
            ("日本政府は経済対策を発表した。Sony said so.", "iso2022_jp"),
            ("한국 정부는 새로운 경제 대책을 발표했다.", "iso2022_kr"))]
        for k in range(self.rng.choice([1, 2, 3])):
            data = self.mutate(self.rng.choice(self.samples + [page] + legacy), self.rng.choice([1, 4, 16, 64]))
            if self.rng.random() < 0.8:  # read rejects a document with a NUL: most go further
                data = data.replace(b"\0", b"")
            name = "d%d%s" % (k, ".html" if data.lstrip().startswith(b"<") else ".txt")
            inputs[name] = data
            self.write("docs/" + name, data)
        # The damaged text goes out in each format write has, tables too: their escaping and
        # quoting meet every byte.
        out = self.rng.choice(["documents.jsonl", "d.tsv", "d.csv", "d.csv.gz"])
        tables = self.rng.choice(["tsv", "jsonl", "both", "csv"])
        graph = ("read ! clean ! tokenize ! stem ! ngrams ! keywords ! topics lexicon=%s ! write path=%s "
                 "table-format=%s" % (os.path.join(SOURCE, "pipelines/news.topics"), out, tables))
        return self.run("documents", ["run", "-q", "-j2", "-e", graph, folder, "-o", self.path("o")], inputs)

    def state_run(self):
        graph = "read ! clean ! tokenize ! stem ! keywords ! write"
        samples = os.path.join(SOURCE, "samples")
        if not os.path.isdir(self.path("state0")):
            subprocess.run([self.quarry, "run", "-q", "-e", graph, "--state", self.path("state0"), samples,
                            "-o", self.path("fresh")], env=self.env, check=True)
        want = open(self.path("fresh/documents.jsonl"), "rb").read()
        shutil.rmtree(self.path("state"), ignore_errors=True)
        shutil.copytree(self.path("state0"), self.path("state"))
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(self.path("state")) for f in fs if f != "lock")
        victim = self.rng.choice(files)
        data = self.mutate(open(victim, "rb").read(), self.rng.choice([1, 2, 5]))
        with open(victim, "wb") as fh:
            fh.write(data)
        out = self.path("o")
        shutil.rmtree(out, ignore_errors=True)

        def same(status):
            got = os.path.join(out, "documents.jsonl")
            return status not in (0, 79) or (os.path.exists(got) and open(got, "rb").read() == want)

        return self.run("state", ["run", "-q", "-e", graph, "--state", self.path("state"), samples,
                                  "-o", out], {os.path.basename(victim): data}, expect=same)

    def pipes_run(self):
        docs = [json.dumps({"id": "p%d" % i, "text": t.decode("utf-8", "replace")}).encode()
                for i, t in enumerate(self.samples)]
        shape = self.rng.choice(["jsonl", "json", "csv", "tsv", "text"])
        body = {"jsonl": b"\n".join(docs) + b"\n", "json": b"[" + b",\n".join(docs) + b"]",
                "csv": b"id,text\n" + b"".join(b'c%d,"%s"\n' % (i, t.replace(b'"', b'""'))
                                               for i, t in enumerate(self.samples)),
                "tsv": b"id\ttext\n" + b"".join(b"t%d\t%s\n" % (i, tsv_cell(t)) for i, t in enumerate(self.samples)),
                "text": self.samples[0]}[shape]
        body = self.rng.choice([b"", b"\xef\xbb\xbf", b"\n\n", b" \r\n"]) + body
        data = self.mutate(body)
        named = self.rng.random() < 0.5 and shape != "text"
        graph = "read%s ! clean ! tokenize ! write path=- fields=id,tokens" % (" format=" + shape if named else "")
        args = ["run", "-q", "-j2", "-e", graph, "-", "-o", self.path("o")]
        with open(self.write("stdin", data), "rb") as whole:  # a file: all there at once
            ref = subprocess.run([self.quarry] + args, env=self.env, stdin=whole, capture_output=True, timeout=120)
        proc = subprocess.Popen([self.quarry] + args, env=self.env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        got = {}
        readers = [threading.Thread(target=lambda k=k, f=f: got.__setitem__(k, f.read()))
                   for k, f in (("out", proc.stdout), ("err", proc.stderr))]
        for r in readers:
            r.start()
        at, pause_first = 0, self.rng.random() < 0.5
        try:
            while at < len(data):  # a few bytes at a time; one run in two, a first byte alone
                n = 1 if at == 0 and pause_first else self.rng.choice([1, 2, 3, 7, 64])
                proc.stdin.write(data[at:at + n])
                proc.stdin.flush()
                if (at == 0 and pause_first) or self.rng.random() < 0.05:
                    time.sleep(0.01)
                at += n
            proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            status = proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            status = "timeout"
        for r in readers:
            r.join()
        err = got.get("err", b"").decode("utf-8", "replace")
        same = lambda s: s == ref.returncode and got.get("out") == ref.stdout
        return self.judge("pipes", args, {"stdin": data}, status, err, same)

    def graphs_run(self):
        seeds = [b"read ! clean ! tokenize ! stem ! ngrams max=3 ! keywords top=5 method=yake ! write fields=id",
                 b"read format=jsonl ! clean normalize=nfkc ! topics method=lda topics=3 ! write path=x.jsonl.gz",
                 b"read ! c:write path=a.jsonl  c. ! write path=b.jsonl"]
        # Stages that open files: damaged, their names and parameters meet the stages' checks.
        models = os.fsencode(self.path("seed"))
        seeds += [b"read ! tokenize ! stem ! keywords model=" + models + b"/kw.model save-model=k.model ! write",
                  b"read ! tokenize ! stem ! topics method=lda model=" + models + b"/lda.model ! write",
                  b"read ! tokenize ! stem ! keywords method=tfidf background=" + models + b"/kw.model ! write"]
        graph = self.mutate(self.rng.choice(seeds), self.rng.choice([1, 2, 4, 8])).replace(b"\0", b"")
        inputs = {"graph": graph}
        checked = self.run("graphs", ["check", "-q", "-e", os.fsdecode(graph)], inputs)
        samples = os.path.join(SOURCE, "samples")
        started = self.run("graphs", ["check", "-q", "--start", "-e", os.fsdecode(graph), samples], inputs,
                           lambda s: checked == 0 or s == checked)
        if started == 0 or started == "timeout":
            return started
        # The run must refuse it as check --start did, before any data flows (standard input
        # closed: a damaged graph may read 'path=-').
        args = ["run", "-q", "-e", os.fsdecode(graph), samples, "-o", self.path("graph-out")]
        try:
            p = subprocess.run([self.quarry] + args, env=self.env, capture_output=True, timeout=120,
                               stdin=subprocess.DEVNULL)
            status, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            status, err = "timeout", ""
        return self.judge("graphs", args, inputs, status, err, lambda s: s == started)

    def jobs_stages(self):
        """The whole pipeline as (stage, parameters) pairs, each parameter drawn from its legal
        values (the same draw for both runs: the caller sets the generator's state again)."""
        pick = self.rng.choice
        ngrams = ["min=%d" % pick([1, 2]), "max=%d" % pick([2, 3, 4]), "min-count=%d" % pick([1, 2, 3]),
                  "score=" + pick(["npmi", "pmi", "llr", "t"]), "stop-edges=" + pick(["true", "false"]),
                  "within=" + pick(["clauses", "sentences"]), "top=%d" % pick([0, 5, 1000]),
                  "max-terms=%d" % pick([1000, 5000000]), "max-doc-terms=%d" % pick([1000, 1000000]),
                  "per-document=" + pick(["true", "false"])]
        method = pick(["combined", "combined", "tfidf", "yake", "rake"])
        keywords = ["method=" + method, "top=%d" % pick([1, 5, 10, 50]), "max-words=%d" % pick([1, 2, 3, 4]),
                    "merge-names=" + pick(["true", "false"]), "max-terms=%d" % pick([1000, 5000000]),
                    "max-doc-terms=%d" % pick([1000, 1000000]), "table=%d" % pick([0, 5, 1000])]
        if method == "combined":
            keywords.append("noun-bonus=" + pick(["0", "1.5", "4"]))
        if method in ("combined", "tfidf") and self.rng.random() < 0.3:
            keywords += ["background=" + self.path("seed/kw.model"), "background-weight=%d" % pick([1, 100])]
        if self.rng.random() < 0.5:
            topics = ["lexicon=" + os.path.join(SOURCE, "pipelines/news.topics")]
        else:
            topics = ["method=lda", "topics=%d" % pick([2, 3, 5]), "min-df=1", "max-df=1",
                      "iterations=%d" % pick([5, 50]), "threads=%d" % pick([1, 3])]
        return [("read", []), ("clean", []), ("tokenize", []), ("stem", []), ("ngrams", ngrams),
                ("keywords", keywords), ("topics", topics),
                ("write", ["table-format=" + pick(["tsv", "jsonl", "both", "csv"])])]

    def jobs_run(self):
        folder = self.path("jobs-docs")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        inputs = {}
        for k in range(self.rng.randrange(2, 10)):
            parts = [self.rng.choice(self.samples) for _ in range(self.rng.choice([1, 1, 1, 3, 6]))]
            data = self.mutate(b"\n\n".join(parts), self.rng.choice([1, 2, 4]))
            if self.rng.random() < 0.8:  # a NUL rejects the story: rejects.jsonl must agree too
                data = data.replace(b"\0", b"")
            name = "d%d.txt" % k
            inputs[name] = data
            self.write("jobs-docs/" + name, data)
        stages = self.jobs_stages()
        # At one job, the graph on the command line; at more, the same stages in a pipeline file
        # whose blocks are small or large, deflated between stages and in spools or not, in short
        # queues or long, and kept or not: none of it may change a byte of the outputs.
        many = self.rng.randrange(2, 8)
        pipeline = ["[pipeline]", "jobs = %d" % many, "block-size = %d" % self.rng.choice([256, 4096, 262144]),
                    "queue = %d" % self.rng.choice([1, 2, 8]), "edge-compression = %d" % self.rng.choice([0, 1, 6]),
                    "spool-compression = %d" % self.rng.choice([0, 1])]
        if self.rng.random() < 0.3:
            pipeline.append("keep-intermediate = " + self.path("jobs-kept"))
        for stage, params in stages:
            pipeline += ["[%s]" % stage] + [" = ".join(p.split("=", 1)) for p in params]
        inputs["many.pipeline"] = ("\n".join(pipeline) + "\n").encode()
        graph = " ! ".join(" ".join([stage] + params) for stage, params in stages)
        runs = (["-j1", "-e", graph], [self.write("many.pipeline", inputs["many.pipeline"])])
        # One run in three, the second keeps a state folder and has run over some of the stories
        # the night before: what its caches give must be what a fresh run computes.
        state = self.path("jobs-state")
        shutil.rmtree(state, ignore_errors=True)
        if self.rng.random() < 0.3:
            runs[1][:0] = ["--state", state]
            before = self.path("jobs-before")
            shutil.rmtree(before, ignore_errors=True)
            os.makedirs(before)
            stories = sorted(name for name in inputs if name.endswith(".txt"))
            for name in self.rng.sample(stories, self.rng.randrange(1, len(stories))):
                shutil.copy(os.path.join(folder, name), before)
            self.run("jobs", ["run", "-q"] + runs[1] + [before, "-o", self.path("jobs-before-o")], inputs)
        outputs = []
        for k, how in enumerate(runs):
            out = self.path("jobs-o%d" % k)
            shutil.rmtree(out, ignore_errors=True)
            args = ["run", "-q"] + how + [folder, "-o", out]
            status = self.run("jobs", args, inputs)
            files = {f: open(os.path.join(out, f), "rb").read() for f in sorted(os.listdir(out))} \
                if os.path.isdir(out) else {}
            outputs.append((status, files))
        return self.judge("jobs", args, inputs, status, "", lambda s: outputs[0] == outputs[1])


def tsv_cell(text):
    """TEXT (bytes) as a TSV cell, escaped as write escapes one."""
    return text.replace(b"\\", b"\\\\").replace(b"\t", b"\\t").replace(b"\n", b"\\n").replace(b"\r", b"\\r")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=SOURCE)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", action="append",
                        choices=TARGETS)
    parser.add_argument("--keep", default="fuzz-failures")
    args = parser.parse_args()
    fuzzer = Fuzzer(args)
    if not os.access(fuzzer.quarry, os.X_OK):
        sys.exit("fuzz.py: no quarry in %s: build first, or give --build" % fuzzer.build)
    try:
        fuzzer.prepare()
        for target in args.target or TARGETS:
            before = fuzzer.failures
            statuses = {}
            for _ in range(args.runs):
                status = getattr(fuzzer, target + "_run")()
                statuses[status] = statuses.get(status, 0) + 1
            print("%-9s %d runs, %d failed; exit statuses: %s" % (
                target, args.runs, fuzzer.failures - before,
                ", ".join("%s x%d" % (s, n) for s, n in sorted(statuses.items(), key=str))), flush=True)
    finally:
        shutil.rmtree(fuzzer.work, ignore_errors=True)
    sys.exit(1 if fuzzer.failures else 0)


if __name__ == "__main__":
    main()
