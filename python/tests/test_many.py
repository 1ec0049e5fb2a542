"""saring.extract_many: C++ threads, results in input order, errors in place."""

import json
import os
import pathlib
import subprocess
import tempfile
import unittest

import saring


def page(n):
    return (f"<html><head><title>Page {n}</title></head><body><article><p>This is page number {n}, "
            f"and its paragraph is long enough to be the main text of the page {n} of the set.</p>"
            "</article></body></html>")


PAGES = [(page(n), f"https://example.org/{n}") for n in range(40)]


class ExtractManyTest(unittest.TestCase):
    def test_same_results_as_extract_in_input_order(self):
        expected = [saring.extract(html, url, output_format="python") for html, url in PAGES]
        for threads in (1, 2, 3):
            got = list(saring.extract_many(PAGES, threads=threads, batch_size=7, output_format="python"))
            self.assertEqual(got, expected, threads)
        self.assertEqual([d.url for d in expected], [url for _, url in PAGES])

    def test_pages_alone_and_output_formats(self):
        htmls = [html for html, _ in PAGES[:5]]
        self.assertEqual(list(saring.extract_many(iter(htmls), threads=2)),
                         [saring.extract(h) for h in htmls])
        self.assertEqual(list(saring.extract_many(htmls, output_format="json", with_metadata=True)),
                         [saring.extract(h, output_format="json", with_metadata=True) for h in htmls])
        self.assertEqual(list(saring.extract_many(htmls, output_format="markdown", include_links=True)),
                         [saring.extract(h, output_format="markdown", links=True) for h in htmls])

    def test_lazy_over_a_generator(self):
        taken = []

        def pages():
            for i, p in enumerate(PAGES):
                taken.append(i)
                yield p

        results = saring.extract_many(pages(), threads=2, batch_size=4)
        self.assertEqual(taken, [])
        next(results)
        self.assertEqual(taken, list(range(8)))  # the first batch and the one read ahead
        for _ in range(4):
            next(results)
        self.assertEqual(taken, list(range(12)))

    def test_errors_in_place_or_raised(self):
        pages = [PAGES[0], ("", None), PAGES[2]]
        got = list(saring.extract_many(pages, errors="return"))
        self.assertIsInstance(got[1], saring.BadInputError)
        self.assertEqual(got[0], saring.extract(*PAGES[0]))
        self.assertEqual(got[2], saring.extract(*PAGES[2]))
        results = saring.extract_many(pages)
        self.assertEqual(next(results), got[0])
        with self.assertRaises(saring.BadInputError):
            next(results)

    def test_pages_as_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for n, (html, url) in enumerate(PAGES[:6]):
                path = pathlib.Path(tmp) / f"{n}.html"
                path.write_bytes(html.encode("utf-8"))
                paths.append((path, url))
            expected = [saring.extract(html, url, output_format="json", with_metadata=True)
                        for html, url in PAGES[:6]]
            got = list(saring.extract_many(paths, threads=2, batch_size=4, output_format="json",
                                           with_metadata=True))
            self.assertEqual(got, expected)
            # The command reading the same files gives the same records.
            listing = pathlib.Path(tmp) / "pages.list"
            listing.write_text("".join(f"{p}\t{u}\n" for p, u in paths))
            cli = subprocess.run([os.environ["SARING_BIN"], "extract", "--format", "jsonl",
                                  "--input-list", str(listing)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()
            records = [json.loads(line) for line in cli]
            for record in records:
                record.pop("source")
            self.assertEqual(records, [json.loads(line) for line in got])
            # A path alone, and a file that is not there.
            self.assertEqual(next(saring.extract_many([paths[0][0]])), saring.extract(PAGES[0][0]))
            missing = pathlib.Path(tmp) / "missing.html"
            got = list(saring.extract_many([paths[1], (missing, None)], errors="return"))
            self.assertEqual(got[0], saring.extract(*PAGES[1]))
            self.assertIsInstance(got[1], saring.FileError)
            self.assertIn("missing.html", str(got[1]))

    def test_options_checked_at_the_call(self):
        with self.assertRaises(saring.BadInputError):
            saring.extract_many(PAGES, parser="lynx")
        with self.assertRaises(saring.BadInputError):
            saring.extract_many(PAGES, threads=-1)
        with self.assertRaises(TypeError):
            list(saring.extract_many([(b"<p>x</p>", "u", "extra")]))
        with self.assertRaises(TypeError):
            saring.extract_many(PAGES[0][0])  # one page, not an iterable of pages


if __name__ == "__main__":
    unittest.main()
