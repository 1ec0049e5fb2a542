#!/usr/bin/env node
// Mozilla Readability on a linkedom DOM, one process over a list of pages.
//
//   node readability_runner.js --input-list LIST
//
// LIST has one PATH<TAB>URL per line (.html or .html.gz). Writes one JSON
// record per line to stdout in input order ({source, url, title, author, date,
// text} or {source, url, error}), then {"bench_stats": {pages, seconds,
// cpu_seconds}} on stderr: wall and CPU time spent in the page loop.
//
// The article element is turned into text with one line per block element
// (as the Python peers do), not with textContent, which glues the last word
// of a paragraph to the first word of the next.
'use strict';

const fs = require('node:fs');
const zlib = require('node:zlib');
const path = require('node:path');

const modules = path.join(__dirname, '..', 'node_modules');
const { Readability } = require(path.join(modules, '@mozilla', 'readability'));
const { parseHTML } = require(path.join(modules, 'linkedom'));

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD',
  'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'HTML', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i;

// Same order as the Python peers: BOM, declared charset, UTF-8, windows-1252.
function decode(buf) {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(buf.subarray(3));
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf.subarray(2));
  }
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = META_CHARSET.exec(head);
  if (m) {
    try {
      return new TextDecoder(m[1].toLowerCase()).decode(buf);
    } catch (e) { /* unknown label: fall through */ }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (e) {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

function blockText(root) {
  const parts = [];
  const stack = [[root, false]];
  while (stack.length) {
    const [node, closing] = stack.pop();
    if (closing) {
      parts.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      parts.push(node.nodeValue || '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node.tagName || '').toUpperCase();
    if (SKIP.has(tag)) continue;
    const block = BLOCK.has(tag);
    if (block) {
      parts.push('\n');
      stack.push([node, true]);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  return parts.join('').split('\n')
    .map((l) => l.split(/\s+/).filter(Boolean).join(' '))
    .filter(Boolean).join('\n\n');
}

function extract(file, url) {
  let buf = fs.readFileSync(file);
  if (file.endsWith('.gz')) buf = zlib.gunzipSync(buf);
  const { document } = parseHTML(decode(buf));
  const article = new Readability(document, { serializer: (el) => el }).parse();
  if (!article) return { title: null, author: null, date: null, text: '' };
  return {
    title: article.title || null,
    author: article.byline || null,
    date: article.publishedTime || null,
    text: article.content ? blockText(article.content) : (article.textContent || ''),
  };
}

// Blocking write of the whole string (stdout may be a non-blocking pipe).
function writeAll(text) {
  let buf = Buffer.from(text, 'utf-8');
  while (buf.length) {
    try {
      const n = fs.writeSync(1, buf);
      buf = buf.subarray(n);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args.length !== 2 || args[0] !== '--input-list') {
    process.stderr.write('usage: readability_runner.js --input-list LIST\n');
    process.exit(2);
  }
  const lines = fs.readFileSync(args[1], 'utf-8').split('\n').filter((l) => l.length);
  const out = [];
  let pending = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    const file = tab < 0 ? line : line.slice(0, tab);
    const url = tab < 0 || tab === line.length - 1 ? null : line.slice(tab + 1);
    let rec;
    try {
      rec = Object.assign({ source: file, url }, extract(file, url));
    } catch (e) {
      rec = { source: file, url, title: null, text: null, error: String(e && e.stack ? e.stack.split('\n')[0] : e) };
    }
    out.push(JSON.stringify(rec));
    pending += 1;
    if (pending >= 64) {
      writeAll(out.join('\n') + '\n');
      out.length = 0;
      pending = 0;
    }
  }
  if (out.length) writeAll(out.join('\n') + '\n');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stderr.write(JSON.stringify({ bench_stats: { pages: lines.length, seconds, cpu_seconds: cpuSeconds } }) + '\n');
}

main();
