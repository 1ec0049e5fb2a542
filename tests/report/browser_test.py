#!/usr/bin/env python3
"""saring report in a real browser (Debian's chromium, headless).

Runs `saring run --report` over the sample crawl and pages written to attack
the report (script in their text, ids and URLs; javascript: and data: links;
U+2028), opens the page in headless Chromium at a phone's width and checks:
no console message and no exception (a script error or a
Content-Security-Policy violation would be one), no request other than the
file itself (it opens without network), every number tagged with data-stat
equals stats.json, every chart was drawn, and none of the pages' scripts ran
(the title and body are untouched, no element carries their handlers).
Leaves a screenshot in the build folder.

Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: NUL-terminated JSON on file descriptors 3 and 4),
so one browser start serves every check.
"""
import base64
import fcntl
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SARING = os.environ["SARING_BIN"]
FIXTURES = os.environ["SARING_FIXTURES_DIR"]
SCREENSHOT = os.environ.get("SARING_REPORT_SCREENSHOT", "")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE_WIDTH = 412


class Browser:
    """Headless Chromium and one page, over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="saring-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Above the descriptors the child gets, so the dup2 below cannot clobber them.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        for fd in (to_browser_r, from_browser_w):
            os.close(fd)

        def pipes_on_3_and_4():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--user-data-dir=" + self.profile, "--remote-debugging-pipe",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=pipes_on_3_and_4)
        os.close(high_r)
        os.close(high_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.call(domain + ".enable")

    def close(self):
        try:
            self.call("Browser.close", session=False)
            self.process.wait(timeout=20)
        except Exception:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=True, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + 60
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while not any(e["method"] == method for e in self.events):
            self.events.append(self._read(deadline))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


class Page(html.parser.HTMLParser):
    """What the test reads from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.stats = []          # (pointer, text shown)
        self.hrefs = []
        self.injected = []       # elements with event handlers or the pages' marker
        self._open = []          # elements being read: [pointer, text] or None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if any(k.startswith("on") or k == "data-pwned" for k in a):
            self.injected.append((tag, attrs))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if "data-stat" in a:
            self._open.append([a["data-stat"], ""])
        elif self._open and tag not in ("br", "img", "meta", "input"):
            self._open.append(None)

    def handle_endtag(self, tag):
        if self._open:
            item = self._open.pop()
            if item is not None:
                self.stats.append((item[0], item[1]))

    def handle_data(self, data):
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
        out = os.path.join(cls.tmp, "out")
        subprocess.run([SARING, "run", os.path.join(FIXTURES, "corpus", "sample.warc.gz"),
                        os.path.join(FIXTURES, "report", "hostile.jsonl"), "-o", out, "--report",
                        "--quiet"], check=True, capture_output=True)
        cls.page = os.path.join(out, "report.html")
        with open(os.path.join(out, "stats.json"), encoding="utf-8") as f:
            cls.stats = json.load(f)
        browser = Browser()
        try:
            browser.call("Emulation.setDeviceMetricsOverride", width=PHONE_WIDTH, height=900,
                         deviceScaleFactor=1, mobile=True)
            browser.call("Page.navigate", url="file://" + cls.page)
            browser.wait_for("Page.loadEventFired")
            # Vega draws asynchronously: wait until every chart has its marks.
            deadline = time.time() + 30
            count = "[document.querySelectorAll('div.chart').length, document.querySelectorAll('div.chart svg.marks').length]"
            while True:
                cls.charts, cls.drawn = browser.evaluate(count)
                if cls.drawn >= cls.charts or time.time() > deadline:
                    break
                time.sleep(0.1)
            cls.title = browser.evaluate("document.title")
            cls.body_attributes = browser.evaluate("document.body.getAttributeNames()")
            cls.dom = Page()
            cls.dom.feed(browser.evaluate("document.documentElement.outerHTML"))
            if SCREENSHOT:
                height = browser.evaluate("document.documentElement.scrollHeight")
                shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                    clip={"x": 0, "y": 0, "width": PHONE_WIDTH, "height": min(height, 6000),
                                          "scale": 1})
                with open(SCREENSHOT, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            cls.events = list(browser.events)
        finally:
            browser.close()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_no_console_message_or_exception(self):
        # Script errors and Content-Security-Policy violations land here.
        said = [e["params"] for e in self.events
                if e["method"] in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")]
        self.assertEqual(said, [])

    def test_nothing_but_the_file_is_loaded(self):
        urls = [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]
        self.assertEqual([u for u in urls if u != "file://" + self.page], [])

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
        self.assertGreater(self.charts, 10)
        self.assertEqual(self.drawn, self.charts)

    def test_no_script_of_the_pages_ran(self):
        self.assertEqual(self.title, "saring report")
        self.assertEqual(self.body_attributes, [])
        self.assertEqual(self.dom.injected, [])
        self.assertGreater(len(self.dom.hrefs), 5)
        for href in self.dom.hrefs:
            self.assertRegex(href, r"^(#|https?://)")

    def test_screenshot_at_phone_width(self):
        if not SCREENSHOT:
            self.skipTest("no SARING_REPORT_SCREENSHOT")
        with open(SCREENSHOT, "rb") as f:
            png = f.read()
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(int.from_bytes(png[16:20], "big"), PHONE_WIDTH)


if __name__ == "__main__":
    unittest.main(verbosity=2)
