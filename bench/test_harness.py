"""Unit tests of the bench's plumbing: record alignment, peer stats lines, and
the text conversion and charset decoding the Python peers share (made-up
inputs only).

Run: /usr/bin/python3 -m unittest discover -s bench -p 'test_*.py'
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "peers"))

import datasets as ds  # noqa: E402
import run_accuracy  # noqa: E402
import tools as tl  # noqa: E402

try:
    import py_runner  # noqa: E402  (needs python3-lxml)
except ImportError:  # pragma: no cover
    py_runner = None


def page(path):
    return ds.Page("scrapinghub", os.path.basename(path), path, None, "")


class Halves(unittest.TestCase):
    def test_split_is_a_fixed_function_of_the_id(self):
        import hashlib
        ids = [f"page-{i:04d}" for i in range(400)]
        halves = [ds.half_of(i) for i in ids]
        self.assertEqual(halves, [ds.half_of(i) for i in ids])
        for i, h in zip(ids, halves):  # the documented rule: first SHA-256 byte's low bit
            self.assertEqual(h, ds.HALVES[hashlib.sha256(i.encode()).digest()[0] & 1])
        tune = halves.count("tune")
        self.assertTrue(150 < tune < 250, tune)  # both halves are sizeable

    def test_each_half_is_scored_on_its_own_pages(self):
        pages = [ds.Page("scrapinghub", f"p{i}", f"/p{i}", None, "one two three four five six")
                 for i in range(40)]
        # Perfect text on the tune half, nothing on the check half.
        recs = [{"source": p.path, "text": p.gold if ds.half_of(p.id) == "tune" else ""} for p in pages]
        halves = run_accuracy.score_halves("scrapinghub", pages, recs)
        self.assertEqual(sum(h["pages"] for h in halves.values()), len(pages))
        self.assertAlmostEqual(halves["tune"]["f1"], 1.0)
        self.assertAlmostEqual(halves["check"]["f1"], 0.0)


class Alignment(unittest.TestCase):
    def test_in_order_records_are_kept(self):
        pages = [page("/a"), page("/b")]
        recs = [{"source": "/a", "text": "x"}, {"source": "/b", "text": "y"}]
        self.assertIs(run_accuracy.align(recs, pages, "t"), recs)

    def test_missing_and_shuffled_records(self):
        pages = [page("/a"), page("/b"), page("/c")]
        recs = [{"source": "/c", "text": "z"}, {"source": "/a", "text": "x"}]
        out = run_accuracy.align(recs, pages, "t")
        self.assertEqual([r["text"] for r in out], ["x", None, "z"])
        self.assertIn("no record", out[1]["error"])


class PeerStats(unittest.TestCase):
    def test_last_stats_line_wins(self):
        err = 'warning\n{"bench_stats": {"pages": 1, "seconds": 1.0}}\nnoise\n' \
              '{"bench_stats": {"pages": 3, "seconds": 2.5, "cpu_seconds": 2.0}}\n'
        self.assertEqual(tl.parse_stats(err), {"pages": 3, "seconds": 2.5, "cpu_seconds": 2.0})

    def test_no_stats(self):
        self.assertIsNone(tl.parse_stats("Traceback ...\n"))


@unittest.skipIf(py_runner is None, "python3-lxml not installed")
class PythonPeers(unittest.TestCase):
    def test_decode_declared_charset(self):
        raw = '<meta charset="windows-1252"><p>caf\u00e9</p>'.encode("cp1252")
        self.assertIn("caf\u00e9", py_runner.decode_html(raw))

    def test_decode_undeclared_utf8_and_fallback(self):
        self.assertEqual(py_runner.decode_html("na\u00efve".encode("utf-8")), "na\u00efve")
        self.assertEqual(py_runner.decode_html(b"na\xefve"), "na\u00efve")  # not UTF-8: cp1252

    def test_block_text_skips_invisible_and_separates_blocks(self):
        html = ("<html><head><title>T</title><style>p{}</style></head><body>"
                "<h1>Head</h1><p>One <b>bold</b> line</p><script>var x;</script>"
                "<div hidden>secret</div><ul><li>a</li><li>b</li></ul>tail</body></html>")
        rec = py_runner.extract_baseline(html.encode("utf-8"))
        self.assertEqual(rec["title"], "T")
        self.assertEqual(rec["text"], "Head\n\nOne bold line\n\na\n\nb\n\ntail")

    def test_failed_page_is_an_error_record(self):
        rec = py_runner.run_one("baseline", "/nonexistent/page.html", "http://x")
        self.assertIsNone(rec["text"])
        self.assertTrue(rec["error"])
        self.assertEqual(rec["url"], "http://x")


if __name__ == "__main__":
    unittest.main()
