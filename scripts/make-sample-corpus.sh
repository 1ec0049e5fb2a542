#!/usr/bin/env bash
# Packs the pages we wrote ourselves (tests/fixtures/corpus/pages/) into a
# small crawl file, tests/fixtures/corpus/sample.warc.gz: one gzip member per
# record, as crawlers write them, with the record types a real crawl holds
# (warcinfo, request, response, metadata, revisit), HTTP details to decode
# (chunked transfer coding, gzip content coding, a Latin-1 page announced in
# the Content-Type header), responses to skip (an image, a 404, a redirect),
# near-duplicates (the same article syndicated on another site, with other
# furniture and an edited sentence) and an exact duplicate (the same page at a
# second URL). The output is byte-for-byte reproducible (fixed dates, record
# ids derived from the URLs, gzip mtime 0).
#
# usage: scripts/make-sample-corpus.sh [OUTPUT]   (default: the path above)
#        scripts/make-sample-corpus.sh --from-dir DIR OUTPUT
#   The second form packs every .html/.html.gz file under DIR (sorted by
#   path) into OUTPUT as 200 text/html responses, one gzip member each: the
#   throughput measurements of `saring run` use it on ../shared/datasets
#   (the result stays outside the repo).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = "--from-dir" ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --from-dir DIR OUTPUT" >&2; exit 2; }
  /usr/bin/python3 - "$2" "$3" <<'PY'
import gzip, os, sys, uuid
src, out = sys.argv[1], sys.argv[2]
files = []
for root, _, names in os.walk(src):
    for n in names:
        if n.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            files.append(os.path.join(root, n))
files.sort()
total = 0
with open(out, "wb") as f:
    for i, path in enumerate(files):
        with open(path, "rb") as g:
            body = g.read()
        if path.endswith(".gz"):
            body = gzip.decompress(body)
        rel = os.path.relpath(path, src).replace(os.sep, "/")
        url = "https://pages.example/" + rel
        block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
        head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                "WARC-Date: 2024-05-01T12:00:00Z\r\nWARC-Target-URI: %s\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                % (uuid.uuid5(uuid.NAMESPACE_URL, url), url, len(block)))
        f.write(gzip.compress(head.encode() + block + b"\r\n\r\n", mtime=0))
        total += len(body)
print(f"{out}: {len(files)} pages, {total} bytes of HTML")
PY
  exit 0
fi
out="${1:-$here/tests/fixtures/corpus/sample.warc.gz}"
/usr/bin/python3 - "$here/tests/fixtures/corpus/pages" "$out" <<'PY'
import gzip, sys, uuid, zlib

pages_dir, out_path = sys.argv[1], sys.argv[2]
DATE = "2024-05-01T12:00:{:02d}Z"
HTTP_DATE = "Wed, 01 May 2024 12:00:00 GMT"

def page(name):
    with open(f"{pages_dir}/{name}", "rb") as f:
        return f.read()

def record_id(kind, url, n):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, f"{kind} {n} {url}")

def warc(kind, url, block, n, content_type, extra=()):
    head = ["WARC/1.1", f"WARC-Type: {kind}", f"WARC-Record-ID: {record_id(kind, url, n)}",
            "WARC-Date: " + DATE.format(n % 60)]
    if url:
        head.append(f"WARC-Target-URI: {url}")
    head += list(extra)
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"

def http(status, reason, headers, body):
    lines = [f"HTTP/1.1 {status} {reason}", f"Date: {HTTP_DATE}", "Server: sample"] + headers
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

def chunked(body, size=700):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"

def gz(body):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(body) + c.flush()

HTML = "Content-Type: text/html; charset=utf-8"
records = []
n = 0
def add(kind, url, block, content_type, extra=()):
    global n
    n += 1
    records.append(warc(kind, url, block, n, content_type, extra))

def response(url, body, headers=(HTML,), status=200, reason="OK"):
    add("response", url, http(status, reason, list(headers) + [f"Content-Length: {len(body)}"]
        if not any(h.startswith("Transfer-Encoding") for h in headers) else list(headers), body),
        "application/http; msgtype=response")

add("warcinfo", "", b"software: saring make-sample-corpus.sh\r\nformat: WARC File Format 1.1\r\n",
    "application/warc-fields")
add("request", "https://valley-courier.example/local/alder-brook",
    b"GET /local/alder-brook HTTP/1.1\r\nHost: valley-courier.example\r\n\r\n",
    "application/http; msgtype=request")
response("https://valley-courier.example/local/alder-brook", page("en-river-restoration.html"))
add("metadata", "https://valley-courier.example/local/alder-brook", b"fetchTimeMs: 211\r\n",
    "application/warc-fields")
response("https://regional-wire.example/news/2024/04/19/buried-stream",
         chunked(page("en-river-restoration-syndicated.html")),
         headers=(HTML, "Transfer-Encoding: chunked"))
response("https://kitchen-notebook.example/techniques/slow-dough", gz(page("en-bread-baking.html")),
         headers=(HTML, "Content-Encoding: gzip"))
response("https://kitchen-notebook.example/techniques/slow-dough?utm_source=feed",
         page("en-bread-baking.html"))
response("https://wartakota.example/ekonomi/pasar-digital", page("id-pasar-tradisional.html"))
response("https://beritadaerah.example/daerah/2021/10/21/pasar-tradisional-digital",
         page("id-pasar-tradisional-mirror.html"))
response("https://kreisanzeiger.example/region/fahrrad",
         page("de-fahrrad-stadt.html").decode("utf-8").encode("iso-8859-1"),
         headers=("Content-Type: text/html; charset=ISO-8859-1",))
response("https://petit-quotidien.example/societe/jardin-partage", page("fr-jardin-partage.html"))
response("https://diariodelbarrio.example/ciudad/biblioteca-domingos", page("es-biblioteca-barrio.html"))
response("https://chiiki-dayori.example/news/ocha", page("ja-ocha.html"))
response("https://valley-courier.example/tag/gardening", page("en-tag-page.html"))
response("https://valley-courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)),
         headers=("Content-Type: image/png",))
response("https://valley-courier.example/missing", b"<html><body><h1>Not found</h1></body></html>",
         status=404, reason="Not Found")
response("https://valley-courier.example/old-brook", b"", headers=(HTML, "Location: /local/alder-brook"),
         status=301, reason="Moved Permanently")
add("revisit", "https://valley-courier.example/local/alder-brook",
    http(304, "Not Modified", [], b""),
    "application/http; msgtype=response",
    ("WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",))

with open(out_path, "wb") as f:
    for r in records:
        f.write(gzip.compress(r, mtime=0))
print(f"{out_path}: {len(records)} records")
PY
