"""The record Python returns is the record saring extract writes, and every
JSON line the CLI writes survives readers that split on any line break."""

import json
import os
import subprocess
import tempfile
import unittest

import saring

PAGES = {
    "en.html": """<!doctype html><html lang="en"><head>
<title>Harbour bridge reopens after repairs - The Coastal Post</title>
<meta property="og:site_name" content="The Coastal Post">
<meta property="article:published_time" content="2023-05-04T08:30:00+02:00">
</head><body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs to its steel deck.</p>
</article></body></html>""",
    "breaks.html": "<html><head><title>Breaks</title></head><body><article><p>A next line\x85"
                   "character and a delete \x7f byte in a paragraph long enough to be the main text.</p>"
                   "</article></body></html>",
}

SARING_BIN = os.environ.get("SARING_BIN")


@unittest.skipUnless(SARING_BIN, "SARING_BIN names the saring executable")
class RecordTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.paths = []
        for name, html in PAGES.items():
            path = os.path.join(cls.dir.name, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(html)
            cls.paths.append(path)
        cls.jsonl = subprocess.run([SARING_BIN, "extract", "--format", "jsonl", *cls.paths],
                                   check=True, capture_output=True).stdout.decode("utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_same_fields_order_and_values_as_the_cli(self):
        lines = self.jsonl.splitlines()
        self.assertEqual(len(lines), len(PAGES))
        for path, line in zip(self.paths, lines):
            cli = json.loads(line)
            self.assertEqual(cli.pop("source"), path)
            with open(path, "rb") as f:
                html = f.read()
            record = saring.extract(html, output_format="python").as_dict()
            self.assertEqual(list(record), list(cli))
            self.assertEqual(record, cli)
            self.assertEqual(json.loads(saring.extract(html, output_format="json", with_metadata=True)), cli)

    def test_splitlines_keeps_every_record_whole(self):
        lines = self.jsonl.splitlines()
        self.assertEqual(len(lines), len(PAGES))
        texts = [json.loads(line)["text"] for line in lines]
        self.assertIn("next line\x85character", texts[1])
        self.assertIn("delete \x7f byte", texts[1])


if __name__ == "__main__":
    unittest.main()
