// Charset decoding (first version: UTF-8 only; replaced by the full
// BOM / http / meta / detector cascade).
#include "saring/html.h"
#include "saring/utf8.h"

namespace saring::html {

DecodedText decode_to_utf8(std::string_view bytes, std::string_view http_charset) {
  DecodedText out;
  out.charset = "utf-8";
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    out.source = CharsetSource::bom;
  }
  if (utf8::is_valid(bytes)) {
    out.utf8.assign(bytes);
  } else {
    out.utf8 = utf8::make_valid(bytes);
  }
  return out;
}

}  // namespace saring::html
