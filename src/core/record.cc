#include "saring/record.h"

namespace saring {

std::string_view to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::html: return "html";
    case RecordKind::text: return "text";
  }
  return "unknown";
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::keep: return "keep";
    case Verdict::drop: return "drop";
    case Verdict::error: return "error";
    case Verdict::info: return "info";
  }
  return "unknown";
}

std::string SourceRef::describe() const {
  std::string out = path;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  } else if (offset > 0 || member_offset > 0) {
    out += '@';
    out += std::to_string(member_offset);
    if (member_offset != offset && !starts_member) {
      out += " (decoded offset ";
      out += std::to_string(offset);
      out += ')';
    }
  }
  return out;
}

void MetaFields::set(std::string_view key, MetaValue value) {
  for (auto& e : entries_) {
    if (e.first == key) {
      e.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::string(key), std::move(value));
}

const MetaValue* MetaFields::find(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.first == key) return &e.second;
  return nullptr;
}

std::string_view MetaFields::get_string(std::string_view key) const {
  const MetaValue* v = find(key);
  if (v == nullptr) return {};
  if (const auto* s = std::get_if<std::string>(v)) return *s;
  return {};
}

void Record::annotate(std::string_view stage, Verdict verdict, std::string_view reason,
                      std::vector<std::pair<std::string, double>> numbers) {
  annotations.push_back(
      Annotation{std::string(stage), verdict, std::string(reason), std::move(numbers)});
}

const Annotation* Record::rejection() const {
  for (const auto& a : annotations)
    if (a.verdict == Verdict::drop || a.verdict == Verdict::error) return &a;
  return nullptr;
}

}  // namespace saring
