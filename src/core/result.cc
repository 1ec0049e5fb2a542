#include "saring/result.h"

namespace saring {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::io: return "io";
    case ErrorCode::decode: return "decode";
    case ErrorCode::parse: return "parse";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::too_costly: return "too_costly";
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::internal: return "internal";
  }
  return "unknown";
}

std::string Error::describe() const {
  std::string out(to_string(code));
  out += ": ";
  out += message;
  return out;
}

}  // namespace saring
