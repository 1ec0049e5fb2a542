"""Tests of the saring Python module (built by CMake into build/python)."""

import os
import subprocess
import sys
import threading
import unittest

import saring

PAGE = """<!doctype html><html><head><title>Jembatan dibuka kembali - Warta Kota</title>
<meta property="og:site_name" content="Warta Kota"></head><body>
<nav><a href="/">Beranda</a> <a href="/berita">Berita</a></nav>
<article><h1>Jembatan dibuka kembali</h1>
<p>Jembatan pelabuhan kembali dibuka untuk lalu lintas pada Kamis pagi setelah delapan bulan perbaikan.</p>
<p>Para insinyur mengganti lebih dari dua ratus baut yang berkarat dan mengecat ulang seluruh struktur.</p>
</article><footer>Hak cipta 2023 Warta Kota.</footer></body></html>"""


class ExtractTest(unittest.TestCase):
    def test_text_and_metadata(self):
        r = saring.extract(PAGE, "https://warta.example/2023/05/04/jembatan")
        self.assertIn("delapan bulan perbaikan", r["text"])
        self.assertNotIn("Beranda", r["text"])
        self.assertEqual(r["title"], "Jembatan dibuka kembali")
        self.assertEqual(r["language"], "id")
        self.assertEqual(r["url"], "https://warta.example/2023/05/04/jembatan")

    def test_bytes_in_another_charset(self):
        html = "<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e et g\xe2teaux pour tout le monde ce matin.</p></body></html>"
        r = saring.extract(html.encode("cp1252"))
        self.assertIn("Café au lait", r["text"])

    def test_bad_arguments_raise(self):
        with self.assertRaises(ValueError):
            saring.extract(PAGE, format="yaml")
        with self.assertRaises(ValueError):
            saring.extract("")
        with self.assertRaises(TypeError):
            saring.extract(42)

    def test_threads_give_the_same_answer(self):
        expected = saring.extract(PAGE)
        results = [None] * 4

        def work(i):
            results[i] = saring.extract(PAGE)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for r in results:
            self.assertEqual(r, expected)


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
        r = saring.clean(dump)
        self.assertIn("pasokan yang berkurang", r["text"])
        self.assertNotIn("A A A", r["text"])
        self.assertEqual(r["date"], "2021-10-20T12:47:00+07:00")
        reasons = {x["reason"] for x in r["removed"]}
        self.assertIn("copyright", reasons)


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
             lambda: saring.clean("Hello there, world.")):
    try:
        call()
        print("no error")
    except ValueError as e:
        print(str(e))
print(saring.extract(b"<p>Hi.</p>", language=False)["language"],
      saring.clean("Hi.", language=False)["language"])
"""
        env = dict(os.environ, SARING_LID_MODEL="/nonexistent/no-model.ftz")
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             text=True, check=True).stdout.splitlines()
        self.assertEqual(len(out), 3, out)
        for message in out[:2]:
            self.assertIn("/nonexistent/no-model.ftz", message)
            self.assertIn("scripts/fetch-model.sh", message)
            self.assertIn("language=False", message)
        self.assertEqual(out[2], "None None")


if __name__ == "__main__":
    unittest.main()
