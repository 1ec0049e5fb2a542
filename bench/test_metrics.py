"""Unit tests of bench/metrics.py on tiny made-up texts, values worked out by hand.

Run from bench/:  /usr/bin/python3 -m unittest test_metrics
or from the repo: /usr/bin/python3 -m unittest discover -s bench -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import metrics as m  # noqa: E402


class TokensAndShingles(unittest.TestCase):
    def test_tokens_split_on_non_word_and_keep_case(self):
        self.assertEqual(m.tokens("Hello, World! it's 2024"), ["Hello", "World", "it", "s", "2024"])

    def test_tokens_are_unicode_words(self):
        self.assertEqual(m.tokens("Grüße, señor"), ["Grüße", "señor"])

    def test_shingles_of_six_tokens(self):
        # a b c d e f -> abcd, bcde, cdef
        sh = m.shingles("a b c d e f")
        self.assertEqual(sum(sh.values()), 3)
        self.assertIn(("b", "c", "d", "e"), sh)

    def test_short_text_gives_one_short_shingle(self):
        self.assertEqual(m.shingles("one two"), {("one", "two"): 1})

    def test_empty_text_gives_no_shingle(self):
        self.assertEqual(sum(m.shingles("  ,, ").values()), 0)

    def test_repeated_shingles_are_counted(self):
        # x y z w x y z w -> xyzw, yzwx, zwxy, wxyz, xyzw: xyzw twice
        self.assertEqual(m.shingles("x y z w x y z w")[("x", "y", "z", "w")], 2)


class Scrapinghub(unittest.TestCase):
    def test_identical_texts(self):
        s = m.scrapinghub_page("a b c d e", "a b c d e")
        self.assertEqual((s.tp, s.fp, s.fn), (1.0, 0.0, 0.0))
        self.assertEqual(s.precision, 1.0)
        self.assertEqual(s.recall, 1.0)

    def test_fractions_of_partial_overlap(self):
        # gold a..f: abcd bcde cdef ; pred c..h: cdef defg efgh
        # tp=1 fp=2 fn=2 -> /5
        s = m.scrapinghub_page("a b c d e f", "c d e f g h")
        self.assertAlmostEqual(s.tp, 0.2)
        self.assertAlmostEqual(s.fp, 0.4)
        self.assertAlmostEqual(s.fn, 0.4)
        self.assertAlmostEqual(s.precision, 1 / 3)
        self.assertAlmostEqual(s.recall, 1 / 3)

    def test_case_matters(self):
        s = m.scrapinghub_page("A b c d", "a b c d")
        self.assertEqual(s.tp, 0.0)

    def test_empty_prediction_has_no_precision(self):
        s = m.scrapinghub_page("a b c d", "")
        self.assertEqual((s.tp, s.fp, s.fn), (0.0, 0.0, 1.0))
        self.assertIsNone(s.precision)
        self.assertEqual(s.recall, 0.0)

    def test_summary_means_per_page_values(self):
        pages = [
            m.scrapinghub_page("a b c d e f", "c d e f g h"),  # P=R=1/3
            m.scrapinghub_page("a b c d e", "a b c d e"),      # P=R=1
            m.scrapinghub_page("a b c d", ""),                 # P absent, R=0
        ]
        s = m.scrapinghub_summary(pages)
        p = (1 / 3 + 1) / 2          # 2/3
        r = (1 / 3 + 1 + 0) / 3      # 4/9
        self.assertAlmostEqual(s["precision"], p)
        self.assertAlmostEqual(s["recall"], r)
        self.assertAlmostEqual(s["f1"], 2 * p * r / (p + r))  # 8/15
        self.assertAlmostEqual(s["f1"], 8 / 15)
        # summed: tp=0.2+1+0=1.2 fp=0.4 fn=0.4+1=1.4 -> P=0.75 R=1.2/2.6
        self.assertAlmostEqual(s["precision_summed"], 0.75)
        self.assertAlmostEqual(s["recall_summed"], 1.2 / 2.6)


class TrafilaturaEval(unittest.TestCase):
    def test_counts_with_whitespace_collapsed(self):
        c = m.trafilatura_page(
            ["the  main\ntext", "missing part"],
            ["Impressum", "Share this"],
            "Header\nThe end. the main   text here.\nShare this",
        )
        self.assertEqual((c.tp, c.fp, c.fn, c.tn), (1, 1, 1, 1))

    def test_matching_is_case_sensitive(self):
        c = m.trafilatura_page(["Main Text"], [], "main text")
        self.assertEqual((c.tp, c.fn), (0, 1))

    def test_failed_output_counts_as_empty(self):
        c = m.trafilatura_page(["a"], ["b", "c"], None)
        self.assertEqual((c.tp, c.fp, c.fn, c.tn), (0, 0, 1, 2))

    def test_pooled_summary(self):
        counts = [m.SnippetCounts(tp=3, fp=1, fn=1, tn=2), m.SnippetCounts(tp=1, fp=0, fn=3, tn=1)]
        s = m.trafilatura_summary(counts)
        # tp=4 fp=1 fn=4 tn=3
        self.assertAlmostEqual(s["precision"], 4 / 5)
        self.assertAlmostEqual(s["recall"], 4 / 8)
        self.assertAlmostEqual(s["f1"], 8 / 13)
        self.assertAlmostEqual(s["accuracy"], 7 / 12)


class Wcxb(unittest.TestCase):
    def test_word_prf_bag_of_words_lowercase(self):
        # gold: the cat sat on the mat (6); pred: The cat the dog (4)
        # overlap: the x2, cat x1 = 3 -> P=3/4 R=3/6
        p, r, f = m.word_prf("the cat sat on the mat", "The cat, the dog")
        self.assertAlmostEqual(p, 0.75)
        self.assertAlmostEqual(r, 0.5)
        self.assertAlmostEqual(f, 0.6)

    def test_empty_gold(self):
        self.assertEqual(m.word_prf("", ""), (1.0, 1.0, 1.0))
        self.assertEqual(m.word_prf("", "something"), (0.0, 0.0, 0.0))

    def test_empty_prediction(self):
        self.assertEqual(m.word_prf("words here", None), (0.0, 0.0, 0.0))

    def test_snippet_rate_lowercase_and_whitespace(self):
        self.assertAlmostEqual(m.snippet_rate(["Hello  World", "absent"], "say hello\nworld"), 0.5)

    def test_field_match(self):
        self.assertTrue(m.field_match("Café  Story", "café story"))
        self.assertFalse(m.field_match("Café Story", "Café Story - Site"))
        self.assertIsNone(m.field_match("", "x"))
        self.assertIsNone(m.field_match(None, "x"))
        self.assertFalse(m.field_match("Ann Lee", None))

    def test_date_match(self):
        self.assertTrue(m.date_match("2021-10-20", "2021-10-20T12:47:00+07:00"))
        self.assertFalse(m.date_match("2021-10-20", "2021-10-21"))
        self.assertFalse(m.date_match("2021-10-20", None))
        self.assertTrue(m.date_match("2021-10", "2021-10-05"))
        self.assertIsNone(m.date_match(None, "2021-10-20"))

    def test_page_and_summary(self):
        gold1 = {"main_content": "the cat sat on the mat", "with": ["cat sat", "dog"],
                 "without": ["Menu"], "title": "Cats", "author": None, "publish_date": "2020-01-02"}
        rec1 = {"text": "The cat sat. Menu", "title": "cats", "author": "X", "date": "2020-01-02"}
        gold2 = {"main_content": "alpha beta", "with": [], "without": [],
                 "title": "Alpha", "author": "Bo", "publish_date": None}
        rec2 = {"text": "alpha beta", "title": "Beta", "author": "bo", "date": None}
        p1 = m.wcxb_page(gold1, rec1)
        # pred tokens: the cat sat menu (4); overlap the, cat, sat = 3; P=3/4 R=3/6 F=0.6
        self.assertAlmostEqual(p1.f1, 0.6)
        self.assertAlmostEqual(p1.with_rate, 0.5)
        self.assertAlmostEqual(p1.without_rate, 1.0)
        self.assertEqual((p1.title, p1.author, p1.date), (True, None, True))
        p2 = m.wcxb_page(gold2, rec2)
        self.assertEqual(p2.f1, 1.0)
        self.assertIsNone(p2.with_rate)
        s = m.wcxb_summary([p1, p2])
        self.assertAlmostEqual(s["f1"], 0.8)
        self.assertAlmostEqual(s["precision"], (0.75 + 1) / 2)
        self.assertAlmostEqual(s["with_rate"], 0.5)      # only page 1 has with snippets
        self.assertAlmostEqual(s["without_rate"], 1.0)
        self.assertAlmostEqual(s["title_match"], 0.5)
        self.assertEqual(s["title_pages"], 2)
        self.assertAlmostEqual(s["author_match"], 1.0)
        self.assertEqual(s["author_pages"], 1)
        self.assertAlmostEqual(s["date_match"], 1.0)


if __name__ == "__main__":
    unittest.main()
