// HTTP/1.x response messages as WARC stores them, and header-field parsing
// shared with the WARC record headers.
//
// Archives are not always faithful to the wire: some keep
// "Transfer-Encoding: chunked" on a body they already de-chunked, some keep
// "Content-Encoding: gzip" on a body already inflated. So decoding is tried
// and, where the body plainly is not in the announced coding, the body is kept
// as stored (chunked) or an error is reported (gzip/deflate that fails to
// inflate is real damage). Bodies are bounded after decompression, so a small
// record cannot expand into gigabytes.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "saring/io.h"
#include "saring/warc.h"

namespace saring::warc {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view Headers::get(std::string_view name) const {
  for (const auto& f : fields)
    if (iequals(f.first, name)) return f.second;
  return {};
}

bool Headers::has(std::string_view name) const {
  for (const auto& f : fields)
    if (iequals(f.first, name)) return true;
  return false;
}

Result<Headers> parse_header_lines(const std::vector<std::string>& lines) {
  Headers h;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (h.fields.empty())
        return make_error(ErrorCode::parse, "header continuation line before any field");
      auto& v = h.fields.back().second;
      v += ' ';
      v += trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return make_error(ErrorCode::parse,
                        "header line " + std::to_string(i + 1) + " has no colon");
    std::string_view name = trim(line.substr(0, colon));
    if (name.empty())
      return make_error(ErrorCode::parse,
                        "header line " + std::to_string(i + 1) + " has an empty name");
    h.fields.emplace_back(std::string(name), std::string(trim(line.substr(colon + 1))));
  }
  return h;
}

void parse_content_type(std::string_view value, std::string& media_type, std::string& charset) {
  media_type.clear();
  charset.clear();
  size_t semi = value.find(';');
  media_type = lower(trim(value.substr(0, semi)));
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    semi = value.find(';');
    std::string_view param = trim(value.substr(0, semi));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (!iequals(trim(param.substr(0, eq)), "charset")) continue;
    std::string_view v = trim(param.substr(eq + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
      v = v.substr(1, v.size() - 2);
    charset = lower(trim(v));
    break;
  }
}

Result<std::string> decode_chunked(std::string_view body) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos)
      return make_error(ErrorCode::parse, "chunked body ends inside a chunk size line");
    std::string_view line = trim(body.substr(pos, eol - pos));
    size_t semi = line.find(';');  // chunk extensions
    line = trim(line.substr(0, semi));
    uint64_t size = 0;
    auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (ec != std::errc() || p != line.data() + line.size() || line.empty())
      return make_error(ErrorCode::parse, "bad chunk size '" + std::string(line.substr(0, 20)) + "'");
    pos = eol + 1;
    if (size == 0) break;  // trailers, if any, are ignored
    if (size > body.size() - pos)
      return make_error(ErrorCode::parse, "chunked body ends inside a chunk");
    out.append(body.substr(pos, size));
    pos += size;
    // CRLF after the chunk data (be lenient about a bare LF or none at the end)
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

Result<std::string> inflate_any(std::string_view data, uint64_t max_bytes) {
  // Fast path: a gzip body inflated whole by io::gunzip (libdeflate). Only its
  // success is taken: whatever it refuses (damage, trailing bytes, the limit)
  // is decoded below by zlib exactly as before, so results do not change.
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b && static_cast<unsigned char>(data[2]) == 0x08) {
    auto fast = io::gunzip(data, max_bytes);
    if (fast.ok()) return fast;
  }
  // 32+15: zlib or gzip header detected automatically; -15: raw deflate.
  auto run = [&](int window_bits, std::string& out) -> Status {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK)
      return make_error(ErrorCode::internal, "zlib: inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    char buf[64 * 1024];
    int ret = Z_OK;
    for (;;) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      ret = inflate(&z, Z_NO_FLUSH);
      size_t got = sizeof buf - z.avail_out;
      if (out.size() + got > max_bytes) {
        inflateEnd(&z);
        return make_error(ErrorCode::too_large, "decompressed body exceeds " +
                                                    std::to_string(max_bytes) + " bytes");
      }
      out.append(buf, got);
      if (ret == Z_STREAM_END) {
        // Another gzip member may follow.
        if (z.avail_in > 2 && window_bits > 0 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
          inflateReset(&z);
          continue;
        }
        break;
      }
      if (ret != Z_OK) break;
      if (z.avail_in == 0 && got == 0) break;
    }
    inflateEnd(&z);
    if (ret == Z_STREAM_END) return ok_status();
    if (ret == Z_OK || ret == Z_BUF_ERROR)
      return make_error(ErrorCode::decode, "compressed body is truncated");
    return make_error(ErrorCode::decode,
                      std::string("compressed body is corrupt") + (z.msg ? std::string(" (") + z.msg + ")" : ""));
  };
  std::string out;
  auto st = run(32 + MAX_WBITS, out);
  if (st.ok()) return out;
  if (st.error().code == ErrorCode::too_large) return st.error();
  std::string raw;
  auto st2 = run(-MAX_WBITS, raw);
  if (st2.ok()) return raw;
  return st.error();  // the first diagnosis is about the announced format
}

Result<HttpResponse> parse_http_response(std::string_view message, const HttpOptions& options) {
  HttpResponse res;
  // Header block ends at the first empty line (CRLF CRLF or LF LF).
  size_t pos = 0;
  std::vector<std::string> lines;
  bool ended = false;
  while (pos < message.size()) {
    if (pos > options.max_header_bytes)
      return make_error(ErrorCode::too_large, "HTTP header block exceeds " +
                                                  std::to_string(options.max_header_bytes) +
                                                  " bytes");
    size_t eol = message.find('\n', pos);
    std::string_view line =
        message.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? message.size() : eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      ended = true;
      break;
    }
    lines.emplace_back(line);
  }
  if (lines.empty()) return make_error(ErrorCode::parse, "empty HTTP message");
  std::string_view status_line = lines.front();
  if (status_line.substr(0, 5) != "HTTP/")
    return make_error(ErrorCode::parse, "no HTTP status line (starts with '" +
                                            std::string(status_line.substr(0, 16)) + "')");
  size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    std::string_view code = trim(status_line.substr(sp + 1)).substr(0, 3);
    int status = 0;
    auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), status);
    if (ec == std::errc() && p == code.data() + code.size() && code.size() == 3) res.status = status;
  }
  if (res.status == 0)
    return make_error(ErrorCode::parse, "bad HTTP status line '" +
                                            std::string(status_line.substr(0, 40)) + "'");
  lines.erase(lines.begin());
  // Broken header lines inside an HTTP message are common and harmless:
  // drop them rather than the page.
  std::vector<std::string> good;
  for (auto& l : lines)
    if (l.find(':') != std::string::npos || (!l.empty() && (l[0] == ' ' || l[0] == '\t')))
      good.push_back(std::move(l));
  auto headers = parse_header_lines(good);
  if (headers.ok()) res.headers = std::move(*headers);
  std::string_view body = ended ? message.substr(pos) : std::string_view{};

  std::string decoded;
  bool have_decoded = false;
  std::string te = lower(res.headers.get("Transfer-Encoding"));
  if (te.find("chunked") != std::string::npos) {
    auto d = decode_chunked(body);
    if (d.ok()) {
      decoded = std::move(*d);
      have_decoded = true;
    }
  }
  if (!have_decoded) decoded.assign(body);
  if (decoded.size() > options.max_body_bytes)
    return make_error(ErrorCode::too_large,
                      "HTTP body exceeds " + std::to_string(options.max_body_bytes) + " bytes");
  std::string ce = lower(trim(res.headers.get("Content-Encoding")));
  if (ce.empty() || ce == "identity" || decoded.empty()) {
    res.body = std::move(decoded);
  } else if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
    const bool looks_gzip = decoded.size() >= 2 && static_cast<unsigned char>(decoded[0]) == 0x1f &&
                            static_cast<unsigned char>(decoded[1]) == 0x8b;
    if (ce != "deflate" && !looks_gzip) {
      // Stored already decoded by the crawler.
      res.body = std::move(decoded);
    } else {
      auto inflated = inflate_any(decoded, options.max_body_bytes);
      if (!inflated.ok())
        return make_error(inflated.error().code, "Content-Encoding " + ce + ": " + inflated.error().message);
      res.body = std::move(*inflated);
    }
  } else {
    return make_error(ErrorCode::unsupported, "Content-Encoding '" + ce + "' is not supported");
  }
  return res;
}

}  // namespace saring::warc
