"""saring.report(): the HTML page of a run, from Python."""

import os
import subprocess
import tempfile
import unittest

import saring

SARING_BIN = os.environ.get("SARING_BIN")
SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures", "corpus", "sample.warc.gz")


@unittest.skipUnless(SARING_BIN, "SARING_BIN names the saring executable")
class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "out")
        subprocess.run([SARING_BIN, "run", SAMPLE, "-o", cls.out, "--quiet"], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_one_folder_or_several(self):
        path = saring.report(self.out)
        self.assertEqual(path, os.path.join(self.out, "report.html"))
        other = os.path.join(self.tmp.name, "twice.html")
        self.assertEqual(saring.report([self.out, self.out], output=other), other)
        with open(other, encoding="utf-8") as f:
            page = f.read()
        self.assertIn("2 runs", page)
        self.assertIn("Content-Security-Policy", page)

    def test_a_folder_without_a_run_raises(self):
        with self.assertRaises(saring.FileError) as caught:
            saring.report(os.path.join(self.tmp.name, "missing"))
        self.assertIn("stats.json", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
