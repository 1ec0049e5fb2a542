"""The package's types hold: mypy --strict accepts the package and typical
calls, and rejects a call that misuses a result."""

import os
import subprocess
import sys
import tempfile
import unittest

import saring

USES = '''
import pathlib

import saring

html = b"<p>x</p>"
text: str = saring.extract(html, "https://example.org/", include_tables=False)
doc: saring.Document = saring.extract(html, output_format="python")
title: str | None = doc.title
meta: saring.Metadata = saring.extract_metadata(html)
for page in saring.extract_many([(html, None)], threads=2):
    pass
for page in saring.extract_many([pathlib.Path("a.html"), (pathlib.Path("b.html"), "https://b.example/")]):
    pass
for record in saring.read_records("crawl.warc.gz", errors="skip"):
    offset: int = record.source.member_offset
    served: str | None = record.header("Content-Type")
    fields: tuple[tuple[str, str], ...] = record.http_headers
version: str = saring.__version__
result: saring.RunResult = saring.run(["crawl.warc.gz"], "out", shard=(0, 2))
guess = saring.identify_language("text")
if guess is not None:
    code: str = guess[0]
try:
    saring.clean("text")
except saring.ModelError:
    pass
'''

MISUSE = '''
import saring
words: int = saring.extract(b"<p>x</p>")
'''


class TypingTest(unittest.TestCase):
    def mypy(self, source, tmp):
        path = os.path.join(tmp, "uses.py")
        with open(path, "w") as f:
            f.write(source)
        package = os.path.dirname(saring.__file__)
        env = dict(os.environ, MYPYPATH=os.path.dirname(package))
        return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                               "--cache-dir", os.path.join(tmp, "cache"), path, package],
                              capture_output=True, text=True, env=env, cwd=tmp)

    def test_strict_types(self):
        with tempfile.TemporaryDirectory() as tmp:
            good = self.mypy(USES, tmp)
            self.assertEqual(good.returncode, 0, good.stdout + good.stderr)
            bad = self.mypy(MISUSE, tmp)
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("uses.py:3: error: Incompatible types", bad.stdout)


if __name__ == "__main__":
    unittest.main()
