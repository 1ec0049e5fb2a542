#!/usr/bin/env python3
"""saring report in a real browser (Debian's chromium, headless).

Runs `saring run --report` over the sample crawl and pages written to attack
the report (script in their text, ids and URLs; javascript: and data: links;
U+2028), opens the page in headless Chromium without network, and checks:
no console message (a script error or a Content-Security-Policy violation
would be one), every number tagged with data-stat equals stats.json, every
chart was drawn, and none of the pages' scripts ran (the title and body are
untouched). Leaves a screenshot at a phone's width in the build folder.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SARING = os.environ["SARING_BIN"]
FIXTURES = os.environ["SARING_FIXTURES_DIR"]
SCREENSHOT = os.environ.get("SARING_REPORT_SCREENSHOT", "")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium(page, *extra):
    """Runs headless Chromium on a file; returns (stdout, stderr)."""
    profile = tempfile.mkdtemp(prefix="saring-chromium-")
    try:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=15000", *extra, "file://" + page],
            capture_output=True, text=True, timeout=90)
        return done.stdout, done.stderr
    finally:
        shutil.rmtree(profile, ignore_errors=True)


class Page(html.parser.HTMLParser):
    """What the test reads from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.stats = []          # (pointer, text shown)
        self.charts = 0          # div.chart elements
        self.drawn = 0           # svg.marks elements (Vega's output)
        self.title = ""
        self.body_attrs = None
        self.hrefs = []
        self.injected = []       # elements with event handlers or the pages' marker
        self._open = []          # pointers being read, with their text so far
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "div" and "chart" in classes:
            self.charts += 1
        if tag == "svg" and "marks" in classes:
            self.drawn += 1
        if tag == "body":
            self.body_attrs = attrs
        if tag == "title":
            self._in_title = True
        if any(k.startswith("on") or k == "data-pwned" for k in a):
            self.injected.append((tag, attrs))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if "data-stat" in a:
            self._open.append([a["data-stat"], ""])
        elif self._open:
            self._open.append(None)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._open:
            item = self._open.pop()
            if item is not None:
                self.stats.append((item[0], item[1]))

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        for item in self._open:
            if item is not None:
                item[1] += data


def resolve(doc, pointer):
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(CHROMIUM):
            raise AssertionError("chromium is not installed: scripts/install-deps.sh installs it")
        cls.tmp = tempfile.mkdtemp(prefix="saring-report-browser-")
        cls.out = os.path.join(cls.tmp, "out")
        subprocess.run([SARING, "run", os.path.join(FIXTURES, "corpus", "sample.warc.gz"),
                        os.path.join(FIXTURES, "report", "hostile.jsonl"), "-o", cls.out, "--report",
                        "--quiet"], check=True, capture_output=True)
        cls.page = os.path.join(cls.out, "report.html")
        with open(os.path.join(cls.out, "stats.json"), encoding="utf-8") as f:
            cls.stats = json.load(f)
        dom, cls.log = chromium(cls.page, "--dump-dom")
        cls.dom = Page()
        cls.dom.feed(dom)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_no_console_messages(self):
        # Script errors and Content-Security-Policy violations are console messages.
        console = [line for line in self.log.splitlines() if ":CONSOLE" in line]
        self.assertEqual(console, [])

    def test_numbers_shown_equal_stats_json(self):
        self.assertGreater(len(self.dom.stats), 20)
        pointers = {p for p, _ in self.dom.stats}
        for needed in ("/documents/read", "/documents/kept", "/documents/rejected",
                       "/rejected_by_stage/dedup/dedup:exact", "/profile/languages/en/0"):
            self.assertIn(needed, pointers)
        for pointer, shown in self.dom.stats:
            with self.subTest(pointer=pointer):
                self.assertEqual(int(shown.strip().replace(",", "")), resolve(self.stats, pointer))

    def test_every_chart_is_drawn(self):
        self.assertGreater(self.dom.charts, 10)
        self.assertEqual(self.dom.drawn, self.dom.charts)

    def test_no_script_of_the_pages_ran(self):
        self.assertEqual(self.dom.title, "saring report")
        self.assertEqual(self.dom.body_attrs, [])
        for href in self.dom.hrefs:
            self.assertRegex(href, r"^(#|https?://)")
        self.assertEqual(self.dom.injected, [])

    def test_screenshot_at_phone_width(self):
        if not SCREENSHOT:
            self.skipTest("no SARING_REPORT_SCREENSHOT")
        if os.path.exists(SCREENSHOT):
            os.remove(SCREENSHOT)
        chromium(self.page, "--hide-scrollbars", "--window-size=412,2400", "--screenshot=" + SCREENSHOT)
        self.assertGreater(os.path.getsize(SCREENSHOT), 20000)


if __name__ == "__main__":
    unittest.main(verbosity=2)
