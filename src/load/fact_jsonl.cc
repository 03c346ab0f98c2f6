// LoadFactsJsonl: the fact interchange format (see README), one JSON object a line.
#include <fmt/format.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "engine/units.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"

namespace kaohe {
namespace {

namespace od = simdjson::ondemand;

class JsonlLineReader {
 public:
  JsonlLineReader(const std::string& path, int line, std::string_view text, FactChecker& checker)
      : path_(path), line_(line), text_(text), checker_(checker) {}

  // `scratch` holds the line with the padding simdjson reads past its end; it is reused from
  // line to line so that a file of millions of facts is not a million allocations.
  void Read(od::parser& parser, std::string& scratch, FactStore& store) {
    scratch.assign(text_);
    scratch.resize(text_.size() + simdjson::SIMDJSON_PADDING, '\0');
    simdjson::padded_string_view padded(scratch.data(), text_.size(), scratch.size());
    base_ = scratch.data();
    od::document doc;
    od::object object;
    if (auto error = parser.iterate(padded).get(doc); error) return Syntax(error);
    if (auto error = doc.get_object().get(object); error) {
      return Report(
          0, "F001",
          fmt::format("a fact must be a JSON object ({})", simdjson::error_message(error)));
    }
    Fact fact;
    bool have[7] = {};
    static constexpr std::string_view kRequired[7] = {"entity", "indicator", "measure", "period",
                                                      "kind",   "value",     "unit"};
    bool ok = true;
    for (auto field_result : object) {
      od::field field;
      if (auto error = std::move(field_result).get(field); error) return Syntax(error);
      // The key's position must be taken before unescaped_key(), which consumes the key.
      std::size_t key_offset =
          static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, field.key().raw() - base_ - 1));
      last_key_offset_ = key_offset;
      std::string_view key;
      if (auto error = field.unescaped_key().get(key); error) return Syntax(error);
      od::value value = field.value();
      std::string_view s;
      auto string_field = [&](auto& out) {
        std::string_view text;
        if (value.get_string().get(text)) {
          Report(key_offset, "F003", fmt::format("{} must be a string", key));
          return false;
        }
        out = text;
        return true;
      };
      if (key == "entity") {
        ok &= string_field(fact.key.entity);
        have[0] = true;
      } else if (key == "indicator") {
        ok &= string_field(fact.key.indicator);
        have[1] = true;
      } else if (key == "measure") {
        have[2] = true;
        if (string_field(s)) {
          auto m = MeasureFromId(s);
          if (!m) {
            Report(key_offset, "F003", fmt::format("measure must be level or growth, not '{}'", s));
            ok = false;
          } else {
            fact.key.measure = *m;
          }
        } else {
          ok = false;
        }
      } else if (key == "period") {
        have[3] = true;
        int64_t period = 0;
        if (value.get_int64().get(period) || period < -100000 || period > 100000) {
          Report(key_offset, "F003", "period must be a year, a whole number");
          ok = false;
        } else {
          fact.key.period = static_cast<int>(period);
        }
      } else if (key == "kind") {
        have[4] = true;
        if (string_field(s)) {
          auto k = FactKindFromId(s);
          if (!k) {
            Report(key_offset, "F003", fmt::format("kind must be actual or target, not '{}'", s));
            ok = false;
          } else {
            fact.key.kind = *k;
          }
        } else {
          ok = false;
        }
      } else if (key == "value") {
        have[5] = true;
        double v = 0;
        if (value.get_double().get(v) || !std::isfinite(v)) {
          Report(key_offset, "F003", "value must be a finite number");
          ok = false;
        } else {
          fact.value = v;
        }
      } else if (key == "unit") {
        have[6] = true;
        if (string_field(s)) {
          auto unit = FindCanonicalUnit(s);
          if (!unit || unit->dimension == Dimension::kPercentagePoints) {
            auto scaled = ParseUnit(s);
            Report(key_offset, "F003",
                   scaled ? fmt::format("unit '{}' is not canonical: write the value in {}", s,
                                        scaled->unit.name)
                          : fmt::format("unknown unit '{}'", s));
            ok = false;
          } else {
            fact.unit = s;
          }
        } else {
          ok = false;
        }
      } else if (key == "qualifier") {
        if (string_field(s)) {
          auto q = QualifierFromId(s);
          if (!q) {
            Report(key_offset, "F003",
                   fmt::format("qualifier must be none, approx, at_least, more_than or at_most, "
                               "not '{}'",
                               s));
            ok = false;
          } else {
            fact.qualifier = *q;
          }
        } else {
          ok = false;
        }
      } else if (key == "preliminary" || key == "strive") {
        bool b = false;
        if (value.get_bool().get(b)) {
          Report(key_offset, "F003", fmt::format("{} must be true or false", key));
          ok = false;
        } else {
          (key == "preliminary" ? fact.preliminary : fact.strive) = b;
        }
      } else if (key == "source") {
        ok &= ReadSource(value, key_offset, fact.source);
      }
      // Other fields are allowed: the interchange format may grow.
    }
    if (const char* rest = nullptr; !doc.current_location().get(rest)) {
      return Report(static_cast<std::size_t>(rest - base_), "F001",
                    "text after the end of the JSON object");
    }
    for (int i = 0; i < 7; ++i) {
      if (!have[i]) {
        Report(0, "F002", fmt::format("missing field '{}'", kRequired[i]));
        ok = false;
      }
    }
    if (!ok) return;
    SourceLocation where = Where(0);
    if (!checker_.Check(fact, where)) return;
    if (!checker_.VerifyQuote(fact.source, where)) return;
    store.Add(std::move(fact));
  }

 private:
  bool ReadSource(od::value value, std::size_t offset, FactSource& source) {
    od::object object;
    if (value.get_object().get(object)) {
      Report(offset, "F003", "source must be an object with file, line and quote");
      return false;
    }
    for (auto field_result : object) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) {
        Report(offset, "F001", "malformed source object");
        return false;
      }
      od::value v = field.value();
      std::string_view s;
      if (key == "file" || key == "quote") {
        if (v.get_string().get(s)) {
          Report(offset, "F003", fmt::format("source.{} must be a string", key));
          return false;
        }
        (key == "file" ? source.file : source.quote) = Name(s);
      } else if (key == "line") {
        int64_t line = 0;
        if (v.get_int64().get(line) || line < 1 || line > (int64_t{1} << 31) - 1) {
          Report(offset, "F003", "source.line must be a line number from 1");
          return false;
        }
        source.line = static_cast<int>(line);
      }
    }
    return true;
  }

  // A syntax error is reported at the last key read: simdjson's document cannot be asked for a
  // position once iteration failed (found by fuzzing: it dereferenced a null iterator).
  void Syntax(simdjson::error_code error) {
    Report(last_key_offset_, "F001",
           fmt::format("JSON syntax error: {}", simdjson::error_message(error)));
  }

  SourceLocation Where(std::size_t byte_offset) const {
    return {path_, line_, CodePointCount(text_.substr(0, std::min(byte_offset, text_.size()))) + 1};
  }

  void Report(std::size_t byte_offset, std::string code, std::string message) {
    checker_.diagnostics().Error(std::move(code), Where(byte_offset), std::move(message),
                                 std::string(text_));
  }

  const std::string& path_;
  int line_;
  std::string_view text_;
  FactChecker& checker_;
  const char* base_ = nullptr;  // the padded copy of the line being parsed
  std::size_t last_key_offset_ = 0;
};

}  // namespace

void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store) {
  od::parser parser;
  std::string scratch;
  for (int line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.Line(line);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    JsonlLineReader(file.path(), line, text, checker).Read(parser, scratch, store);
  }
}

Result<bool> StreamFactsJsonl(const std::string& path, FactChecker& checker, FactStore& store) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{fmt::format("{}: is a directory", path)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open", path)};
  od::parser parser;
  std::string scratch, pending;
  std::vector<char> chunk(std::size_t{4} << 20);
  std::size_t offset = 0;  // of pending's first byte in the file, after any byte order mark
  int line = 0;
  bool first_chunk = true;
  // Returns an error for invalid UTF-8 or an overlong line; reads the line otherwise.
  auto take_line = [&](std::string_view text) -> std::optional<Error> {
    ++line;
    if (text.size() > kMaxStreamedLineBytes) {
      return Error{fmt::format("{}:{}: line is longer than the limit of {} bytes", path, line,
                               kMaxStreamedLineBytes)};
    }
    if (std::size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
      return Error{fmt::format("{}:{}:{}: invalid UTF-8 at byte offset {} (byte 0x{:02X})", path,
                               line, CodePointCount(text.substr(0, bad)) + 1, offset + bad,
                               static_cast<unsigned char>(text[bad]))};
    }
    std::string_view content = text;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.find_first_not_of(" \t") != std::string_view::npos) {
      JsonlLineReader(path, line, content, checker).Read(parser, scratch, store);
    }
    return std::nullopt;
  };
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    std::string_view data(chunk.data(), got);
    if (first_chunk && data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
    first_chunk = false;
    std::size_t start = 0;
    for (std::size_t nl = data.find('\n'); nl != std::string_view::npos;
         nl = data.find('\n', start)) {
      std::string_view text = data.substr(start, nl - start);
      if (!pending.empty()) {
        pending.append(text);
        text = pending;
      }
      if (auto error = take_line(text)) return *error;
      offset += text.size() + 1;
      pending.clear();
      start = nl + 1;
    }
    pending.append(data.substr(start));
    if (pending.size() > kMaxStreamedLineBytes) {
      return Error{fmt::format("{}:{}: line is longer than the limit of {} bytes", path, line + 1,
                               kMaxStreamedLineBytes)};
    }
  }
  if (in.bad()) return Error{fmt::format("{}: read failed", path)};
  if (!pending.empty()) {
    if (auto error = take_line(pending)) return *error;
  }
  return true;
}

}  // namespace kaohe
