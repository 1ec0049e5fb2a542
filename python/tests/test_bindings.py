"""Tests of the saring package's per-page functions (built by CMake into
build/python/saring)."""

import dataclasses
import json
import os
import subprocess
import sys
import shutil
import tempfile
import threading
import unittest

import saring

HERE = os.getcwd()

PAGE = """<!doctype html><html><head><title>Jembatan dibuka kembali - Warta Kota</title>
<meta property="og:site_name" content="Warta Kota"></head><body>
<nav><a href="/">Beranda</a> <a href="/berita">Berita</a></nav>
<article><h1>Jembatan dibuka kembali</h1>
<p>Jembatan pelabuhan kembali dibuka untuk lalu lintas pada Kamis pagi setelah delapan bulan perbaikan.</p>
<h2>Dua ratus baut diganti</h2>
<p>Para insinyur mengganti lebih dari dua ratus baut yang berkarat dan mengecat ulang seluruh struktur.</p>
</article><footer>Hak cipta 2023 Warta Kota.</footer></body></html>"""


class ExtractTest(unittest.TestCase):
    def test_text_by_default(self):
        text = saring.extract(PAGE, "https://warta.example/2023/05/04/jembatan")
        self.assertIsInstance(text, str)
        self.assertIn("delapan bulan perbaikan", text)
        self.assertNotIn("Beranda", text)

    def test_document_record(self):
        doc = saring.extract(PAGE, "https://warta.example/2023/05/04/jembatan", output_format="python")
        self.assertIsInstance(doc, saring.Document)
        self.assertIn("delapan bulan perbaikan", doc.text)
        self.assertEqual(doc.title, "Jembatan dibuka kembali")
        self.assertEqual(doc.language, "id")
        self.assertEqual(doc.date, "2023-05-04")
        self.assertEqual(doc.url, "https://warta.example/2023/05/04/jembatan")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            doc.title = "changed"

    def test_markdown_and_metadata_header(self):
        md = saring.extract(PAGE, output_format="markdown")
        self.assertIn("## Dua ratus baut diganti", md)
        # The opening headline is the title: in `title`, not again in the text.
        self.assertNotIn("# Jembatan dibuka kembali", md)
        self.assertEqual(md, saring.extract(PAGE, output_format="md"))
        with_header = saring.extract(PAGE, "https://warta.example/x", with_metadata=True)
        header, _, text = with_header.partition("---\n")[2].partition("---\n")
        fields = {k: json.loads(v) for k, v in (line.split(": ", 1) for line in header.splitlines())}
        self.assertEqual(fields["title"], "Jembatan dibuka kembali")
        self.assertEqual(fields["url"], "https://warta.example/x")
        self.assertNotIn("author", fields)  # unknown fields are left out
        self.assertEqual(text, saring.extract(PAGE, "https://warta.example/x"))

    def test_json_with_and_without_metadata(self):
        doc = saring.extract(PAGE, output_format="python")
        full = json.loads(saring.extract(PAGE, output_format="json", with_metadata=True))
        self.assertEqual(full, doc.as_dict())
        self.assertEqual(list(full), [f.name for f in dataclasses.fields(saring.Document)])
        self.assertEqual(json.loads(saring.extract(PAGE, output_format="json")),
                         {"url": None, "text": doc.text})

    def test_trafilatura_names_are_the_table_options(self):
        page = PAGE.replace("</article>", "<table><tr><td>Panjang jembatan</td><td>120 meter</td></tr>"
                            "</table></article>")
        self.assertIn("120 meter", saring.extract(page))
        for off in (saring.extract(page, tables=False), saring.extract(page, include_tables=False)):
            self.assertNotIn("120 meter", off)
        self.assertEqual(saring.extract(page, favor_precision=True), saring.extract(page, precision=True))
        with self.assertRaises(TypeError):
            saring.extract(page, tables=False, include_tables=False)

    def test_bytes_in_another_charset(self):
        html = "<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e et g\xe2teaux pour tout le monde ce matin.</p></body></html>"
        self.assertIn("Café au lait", saring.extract(html.encode("cp1252")))

    def test_work_budget_is_an_option(self):
        dense = "<p>" + "<br>" * 3000 + "</p>"
        self.assertEqual(saring.extract(dense), "")  # within the default budget
        with self.assertRaises(saring.BadInputError) as caught:
            saring.extract(dense, work_base=1000, work_per_kib=10)
        self.assertIn("too_costly", str(caught.exception))

    def test_bad_arguments_raise(self):
        with self.assertRaises(saring.BadInputError):
            saring.extract(PAGE, output_format="yaml")
        with self.assertRaises(saring.BadInputError) as caught:
            saring.extract("")
        self.assertIsInstance(caught.exception, ValueError)
        self.assertIn("empty input", str(caught.exception))
        with self.assertRaises(saring.BadInputError):
            saring.extract(PAGE * 3, max_bytes=100)
        with self.assertRaises(saring.BadInputError) as caught:
            saring.extract(PAGE, parser="lynx")
        self.assertIn("parser", str(caught.exception))
        with self.assertRaises(TypeError):
            saring.extract(42)
        with self.assertRaises(TypeError):
            saring.extract(PAGE, tables=1)
        with self.assertRaises(TypeError):
            saring.extract(PAGE, no_such_option=True)

    def test_every_parser(self):
        for parser in ("native", "myhtml", "libxml2"):
            self.assertIn("delapan bulan perbaikan", saring.extract(PAGE, parser=parser))

    def test_threads_give_the_same_answer(self):
        expected = saring.extract(PAGE, output_format="python")
        results = [None] * 4

        def work(i):
            results[i] = saring.extract(PAGE, output_format="python")

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for r in results:
            self.assertEqual(r, expected)


class MetadataTest(unittest.TestCase):
    def test_metadata_without_text(self):
        m = saring.extract_metadata(PAGE, "https://warta.example/2023/05/04/jembatan")
        self.assertIsInstance(m, saring.Metadata)
        doc = saring.extract(PAGE, "https://warta.example/2023/05/04/jembatan", output_format="python")
        for field in dataclasses.fields(saring.Metadata):
            if hasattr(doc, field.name):
                self.assertEqual(getattr(m, field.name), getattr(doc, field.name), field.name)
        self.assertEqual(m.sitename, "Warta Kota")
        with self.assertRaises(saring.BadInputError):
            saring.extract_metadata(b"")


class HelpTest(unittest.TestCase):
    def test_docstrings_list_the_table_options(self):
        doc = saring.extract.__doc__
        self.assertIn("output_format", doc)
        self.assertIn("comments (or include_comments)", doc)
        self.assertIn("max_bytes", doc)
        self.assertIn("languages", saring.run.__doc__)
        self.assertIn("max_record_bytes", saring.read_records.__doc__)
        self.assertIn("aggressive", saring.clean.__doc__)
        for name in saring.__all__:
            self.assertTrue(getattr(saring, name).__doc__, name)

    def test_python_md_names_every_function_and_option(self):
        source_dir = os.environ.get("SARING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
        with open(os.path.join(source_dir, "docs", "python.md"), encoding="utf-8") as f:
            doc = f.read()
        for name in saring.__all__:
            self.assertTrue(name in doc, name)
        for function in ("extract", "clean", "run", "read_records"):
            for option in saring._native.options(function):
                self.assertTrue(f"`{option[0]}`" in doc, (function, option[0]))

    def test_version_is_the_commands(self):
        shown = subprocess.run([os.environ["SARING_BIN"], "--version"], capture_output=True,
                               text=True, check=True).stdout
        self.assertEqual(shown.split(), ["saring", saring.__version__])

    def test_typed_package(self):
        here = os.path.dirname(saring.__file__)
        self.assertTrue(os.path.exists(os.path.join(here, "py.typed")))
        self.assertTrue(os.path.exists(os.path.join(here, "_native.pyi")))


class CleanTest(unittest.TestCase):
    def test_removes_furniture_with_reasons(self):
        dump = "\n".join([
            "Harga beras naik menjelang akhir tahun",
            "Rabu, 20 Oktober 2021 - 12:47 WIB",
            "loading...",
            "A A A",
            "JAKARTA - Harga beras di sejumlah pasar tradisional naik dalam dua pekan terakhir, menurut pedagang.",
            "Kenaikan itu dipicu oleh pasokan yang berkurang setelah musim hujan datang lebih awal tahun ini.",
            "Copyright © 2021 Warta Kota. All Rights Reserved",
        ])
        r = saring.clean(dump, language=False)
        self.assertIsNone(r["language"])
        r = saring.clean(dump)
        self.assertEqual(r["language"], "id")
        self.assertIn("pasokan yang berkurang", r["text"])
        self.assertNotIn("A A A", r["text"])
        self.assertEqual(r["date"], "2021-10-20T12:47:00+07:00")
        reasons = {x["reason"] for x in r["removed"]}
        self.assertIn("copyright", reasons)

    def test_options(self):
        with self.assertRaises(TypeError):
            saring.clean("text", jsonl=True)  # a corpus option, not a document one
        with self.assertRaises(saring.BadInputError):
            saring.clean("x" * 200, max_bytes=100, language=False)


class LanguageTest(unittest.TestCase):
    def test_identify(self):
        code, score = saring.identify_language("Dies ist ein ganz gewöhnlicher deutscher Satz über das Wetter.")
        self.assertEqual(code, "de")
        self.assertGreater(score, 0.5)
        self.assertIsNone(saring.identify_language(""))

    def test_missing_model_raises_unless_language_is_off(self):
        # In a fresh interpreter: the model is loaded once per process.
        script = """
import saring
for call in (lambda: saring.extract(b"<p>Hello there, world.</p>"),
             lambda: saring.extract_many([b"<p>Hello there, world.</p>"]),
             lambda: saring.clean("Hello there, world."),
             lambda: saring.identify_language("Hello there, world.")):
    try:
        call()
        print("no error")
    except saring.ModelError as e:
        print(str(e))
print(saring.extract(b"<p>Hi.</p>", language=False, output_format="python").language,
      saring.clean("Hi.", language=False)["language"])
"""
        env = dict(os.environ, SARING_LID_MODEL="/nonexistent/no-model.ftz")
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             text=True, check=True).stdout.splitlines()
        self.assertEqual(len(out), 5, out)
        for message in out[:4]:
            self.assertIn("/nonexistent/no-model.ftz", message)
            self.assertIn("scripts/fetch-model.sh", message)
            self.assertIn("language=False", message)
        self.assertEqual(out[4], "None None")

    def test_packaged_model_is_found_without_the_variable(self):
        # A copy of the package with the model in data/, as pip installs it.
        with tempfile.TemporaryDirectory() as tmp:
            package = os.path.join(tmp, "saring")
            shutil.copytree(os.path.dirname(saring.__file__), package,
                            ignore=shutil.ignore_patterns("__pycache__"))
            os.mkdir(os.path.join(package, "data"))
            os.symlink(os.environ["SARING_LID_MODEL"], os.path.join(package, "data", "lid.176.ftz"))
            env = {k: v for k, v in os.environ.items() if k != "SARING_LID_MODEL"}
            env["PYTHONPATH"] = tmp
            script = "import saring; print(saring._native._default_model_path())"
            os.chdir(tmp)
            try:
                out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                                     text=True, check=True).stdout.splitlines()
            finally:
                os.chdir(HERE)
            self.assertEqual(out, [os.path.join(package, "data", "lid.176.ftz")])


if __name__ == "__main__":
    unittest.main()
