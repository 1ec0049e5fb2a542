// Errors as values. Hot paths return Result<T> instead of throwing, so one bad
// document becomes one per-record error and the run goes on. Exceptions are
// only used at the edges (CLI, Python).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace saring {

// Broad classes of failure; the message says what exactly went wrong.
enum class ErrorCode {
  io,             // cannot open/read/write a file
  decode,         // bad compression stream, undecodable bytes
  parse,          // malformed structure (WARC header, JSON, HTML beyond repair)
  too_large,      // input exceeds a configured limit
  too_costly,     // processing the input would take more work than its budget
  invalid_input,  // empty or otherwise unusable input
  unsupported,    // a format or feature we do not handle
  internal,       // a bug or a failing dependency
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;

  // "parse: WARC header has no WARC-Type"
  std::string describe() const;
};

// Either a value or an Error. Minimal on purpose (no monadic helpers yet).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

inline Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace saring
