"""saring.extract_many: C++ threads, results in input order, errors in place."""

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

    def test_options_checked_at_the_call(self):
        with self.assertRaises(saring.BadInputError):
            saring.extract_many(PAGES, parser="lynx")
        with self.assertRaises(saring.BadInputError):
            saring.extract_many(PAGES, threads=-1)
        with self.assertRaises(TypeError):
            list(saring.extract_many([(b"<p>x</p>", "u", "extra")]))


if __name__ == "__main__":
    unittest.main()
