"""saring.run() writes what `saring run` writes, and saring.read_records()
yields the records (and offsets) the run reads."""

import gzip
import json
import os
import subprocess
import tempfile
import unittest

import saring

SARING_BIN = os.environ.get("SARING_BIN")
SOURCE_DIR = os.environ.get("SARING_SOURCE_DIR",
                            os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(SOURCE_DIR, "tests", "fixtures", "corpus", "sample.warc.gz")

# Fields of stats.json and the journal that depend on the machine or the
# thread count.
TIMING_FIELDS = {"threads", "seconds", "stage_share", "wall_seconds", "throughput"}


def without_timings(value):
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k not in TIMING_FIELDS}
    return value


def output_files(directory):
    """Every file of a run's output, path -> bytes (JSON files without timings;
    not the lock, which names its holder)."""
    files = {}
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            if os.path.relpath(path, directory) == os.path.join(".saring", "lock"):
                continue  # names the process that held the folder
            with open(path, "rb") as f:
                data = f.read()
            if name.endswith(".json"):
                data = without_timings(json.loads(data))
            files[os.path.relpath(path, directory)] = data
    return files


def run_lines(directory):
    """The JSON lines of a run's kept and rejected shards."""
    lines = []
    for root, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith(".jsonl.zst"):
                out = subprocess.run(["zstd", "-dc", os.path.join(root, name)], check=True,
                                     capture_output=True).stdout
                lines += [json.loads(line) for line in out.splitlines()]
    return lines


@unittest.skipUnless(SARING_BIN, "SARING_BIN names the saring executable")
class RunTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def cli_run(self, out, *flags):
        subprocess.run([SARING_BIN, "run", "--quiet", *flags, SAMPLE, "-o", out], check=True,
                       capture_output=True)
        return output_files(out)

    def test_same_output_as_the_command(self):
        cli = self.cli_run(os.path.join(self.tmp.name, "cli"), "--threads", "1")
        seen = []
        out = os.path.join(self.tmp.name, "py")
        result = saring.run(SAMPLE, out, threads=2, progress=seen.append)
        self.assertEqual(output_files(out), cli)
        self.assertIn("part-00000.jsonl.zst", cli)
        self.assertIsInstance(result, saring.RunResult)
        stats = cli["stats.json"]
        self.assertEqual((result.items, result.kept, result.rejected),
                         (stats["documents"]["read"], stats["documents"]["kept"],
                          stats["documents"]["rejected"]))
        self.assertEqual(result.rejected_by_stage, stats["rejected_by_stage"])
        self.assertEqual(result.skipped_by_reader, stats["skipped_by_reader"])
        self.assertGreater(result.kept, 0)
        self.assertFalse(result.already_complete)
        # The callback is called at least once, at the end, with the final counts.
        self.assertIsInstance(seen[-1], saring.Progress)
        self.assertEqual((seen[-1].items, seen[-1].kept), (result.items, result.kept))
        # The command's semantics: the same call again finds the run complete.
        again = saring.run([SAMPLE], out)
        self.assertTrue(again.already_complete)
        self.assertEqual(output_files(out), cli)

    def test_options_and_config_as_the_command(self):
        config = os.path.join(self.tmp.name, "run.toml")
        with open(config, "w") as f:
            f.write("[filter]\nenabled = false\n[lang]\nlanguages = [\"en\"]\n")
        cli = self.cli_run(os.path.join(self.tmp.name, "cli"), "--config", config, "--no-dedup",
                           "--shard", "0/1")
        out = os.path.join(self.tmp.name, "py")
        saring.run([SAMPLE], out, config=config, dedup=False, shard=(0, 1))
        self.assertEqual(output_files(out), cli)
        # A different setting is a different run: resuming it is refused.
        with self.assertRaises(saring.Error):
            saring.run([SAMPLE], out, config=config, dedup=True)

    def test_errors(self):
        out = os.path.join(self.tmp.name, "py")
        with self.assertRaises(saring.FileError):
            saring.run([os.path.join(self.tmp.name, "missing.warc.gz")], out)
        with self.assertRaises(saring.BadInputError):
            saring.run([], out)
        with self.assertRaises(saring.BadInputError):
            saring.run([SAMPLE], out, shard=(2, 2))
        with self.assertRaises(saring.BadInputError):
            saring.run([SAMPLE], out, shard="0/2")
        with self.assertRaises(TypeError):
            saring.run([SAMPLE], out, output="elsewhere")
        with self.assertRaises(ZeroDivisionError):
            saring.run([SAMPLE], out, progress=lambda p: 1 / 0)


@unittest.skipUnless(SARING_BIN, "SARING_BIN names the saring executable")
class ReadRecordsTest(unittest.TestCase):
    def test_warc_records_and_offsets_as_the_run_reports_them(self):
        records = list(saring.read_records(SAMPLE))
        self.assertTrue(all(isinstance(r, saring.Record) for r in records))
        self.assertTrue(all(r.kind == "html" and r.html and r.text is None for r in records))
        self.assertEqual([r.source.index for r in records], list(range(len(records))))
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([SARING_BIN, "run", "--quiet", "--no-filter", SAMPLE, "-o", out],
                           check=True, capture_output=True)
            cli = {line["id"]: line for line in run_lines(out)}
        self.assertEqual(sorted(cli), sorted(r.id for r in records))
        for r in records:
            # A WARC record is named by its bytes, not its number, so that
            # the output is the same however the input is split into shards.
            self.assertEqual(cli[r.id]["source"], {"path": SAMPLE, "offset": r.source.member_offset})
            self.assertEqual(cli[r.id]["url"], r.url)
        # The offset is where the record starts: a gzip member of its own.
        with open(SAMPLE, "rb") as f:
            f.seek(records[1].source.member_offset)
            member = gzip.GzipFile(fileobj=f).read(64)
        self.assertTrue(member.startswith(b"WARC/1."))
        self.assertEqual(records[0].http_status, 200)
        self.assertEqual(records[0].content_type, "text/html")
        # Every header field, as the file has it.
        first = records[0]
        self.assertEqual(first.warc_headers[0][0].lower(), "warc-type")
        self.assertEqual(first.header("warc-type"), "response")
        self.assertEqual(first.header("WARC-Record-ID"), f"<{first.id}>")
        self.assertEqual(first.header("WARC-Target-URI").strip("<>"), first.url)
        http = {name.lower(): value for name, value in first.http_headers}
        self.assertTrue(http["content-type"].lower().startswith("text/html"))
        # header() looks in the WARC fields first.
        self.assertEqual(first.header("content-type").split(";")[0], "application/http")
        self.assertIsNone(first.header("no-such-field"))

    def test_skips_are_counted(self):
        reader = saring.read_records(SAMPLE)
        list(reader)
        self.assertIn("warc-type:request", reader.skipped)
        kept_404 = list(saring.read_records(SAMPLE, keep_non_2xx=True))
        self.assertGreater(len(kept_404), len(list(saring.read_records(SAMPLE))))

    def test_jsonl_lines_and_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "docs.jsonl")
            with open(path, "w") as f:
                f.write('{"id": "a", "url": "https://a.example/", "text": "First text."}\n')
                f.write('{"id": "b", "html": "<p>An HTML page.</p>"}\n')
                f.write('not json\n')
                f.write('{"id": 7, "text": "After the damage."}\n')
            with self.assertRaises(saring.RecordError) as caught:
                list(saring.read_records(path))
            self.assertEqual(caught.exception.source.line, 3)
            self.assertIsInstance(caught.exception, saring.BadInputError)
            reader = saring.read_records(path, errors="skip")
            records = list(reader)
            self.assertEqual(reader.errors_skipped, 1)
        self.assertEqual([(r.id, r.kind, r.source.line) for r in records],
                         [("a", "text", 1), ("b", "html", 2), ("7", "text", 4)])
        self.assertEqual(records[0].text, "First text.")
        self.assertEqual(records[0].url, "https://a.example/")
        self.assertEqual(records[1].html, b"<p>An HTML page.</p>")
        self.assertEqual((records[0].warc_headers, records[0].http_headers), ((), ()))

    def test_wet_conversion_records_are_text(self):
        body = "Plain text of a page,\nas Common Crawl's WET files hold it.\n".encode()
        head = ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://w.example/\r\n"
                "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "page.warc.wet.gz")
            with open(path, "wb") as f:
                f.write(gzip.compress(head + body + b"\r\n\r\n") * 2)
            records = list(saring.read_records([path]))
        self.assertEqual(len(records), 2)
        self.assertEqual((records[0].kind, records[0].text, records[0].html),
                         ("text", body.decode(), None))
        self.assertEqual(records[0].url, "https://w.example/")
        self.assertEqual(records[0].warc_date, "2024-01-02T03:04:05Z")
        self.assertEqual(records[0].warc_headers[:2],
                         (("WARC-Type", "conversion"), ("WARC-Target-URI", "https://w.example/")))
        self.assertEqual(records[0].http_headers, ())
        self.assertEqual(records[1].source.member_offset, len(gzip.compress(head + body + b"\r\n\r\n")))

    def test_missing_input(self):
        with self.assertRaises(saring.FileError):
            saring.read_records("/nonexistent/crawl.warc.gz")


if __name__ == "__main__":
    unittest.main()
