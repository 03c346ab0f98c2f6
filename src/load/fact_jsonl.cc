// LoadFactsJsonl: the fact interchange format (see README), one JSON object a line.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "engine/large_memory.h"
#include "engine/page_in_ahead.h"
#include "engine/units.h"
#include "src/load/fact_json_plain.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"

namespace kaohe {
namespace {

namespace od = simdjson::ondemand;

// Why a field's value could not be read as a string: simdjson's STRING_ERROR is an escape that
// decodes to no character, most often half of a surrogate pair.
std::string StringFieldError(std::string_view field, simdjson::error_code error) {
  if (error == simdjson::STRING_ERROR) {
    return fmt::format(
        "{} holds an invalid escape: a lone surrogate (\\ud800 to \\udfff without its pair) "
        "or an unknown escape",
        field);
  }
  return fmt::format("{} must be a string", field);
}

class JsonlLineReader {
 public:
  // `path` is a Name made once per file or batch: every fact's location carries it.
  // `readable_after`: how many bytes after the line may be read (the rest of a batch), so that
  // simdjson can read its padding there instead of from a copy.
  JsonlLineReader(Name path, int line, std::string_view text, FactChecker& checker,
                  std::size_t readable_after = 0)
      : path_(path), line_(line), text_(text), checker_(checker), readable_after_(readable_after) {}

  // One per thread, reused from line to line so that a file of millions of facts is not a
  // million allocations: the parser, the line with the padding simdjson reads past its end,
  // and the names of the last lines.
  struct Scratch {
    simdjson::dom::parser plain;  // for lines that need no diagnostic (see ReadPlainFact)
    od::parser parser;            // for the others, whose problems it places
    std::string line;
    RecentNames names;
    bool plain_first = true;  // false: every line is read by the diagnosing reader (for tests)
  };

  // Reads the line; a fact that passes every check goes to `out`.
  void Read(Scratch& state, LargeVector<Fact>& out) {
    od::parser& parser = state.parser;
    simdjson::padded_string_view padded;
    if (readable_after_ >= simdjson::SIMDJSON_PADDING) {
      // Parsed where it stands: simdjson reads the padding but its content never affects the
      // result (the bytes are the next lines).
      padded = simdjson::padded_string_view(text_.data(), text_.size(),
                                            text_.size() + simdjson::SIMDJSON_PADDING);
      base_ = text_.data();
    } else {
      std::string& scratch = state.line;
      scratch.assign(text_);
      scratch.resize(text_.size() + simdjson::SIMDJSON_PADDING, '\0');
      padded = simdjson::padded_string_view(scratch.data(), text_.size(), scratch.size());
      base_ = scratch.data();
    }
    Fact fact;
    // Longer lines (never a plain fact in practice) skip the fast reader, whose parser would
    // keep room of several times the longest line it has seen.
    constexpr std::size_t kLongestPlainLine = std::size_t{64} << 10;
    if (state.plain_first && text_.size() <= kLongestPlainLine &&
        ReadPlainFact(state.plain, std::string_view(base_, text_.size()), state.names, fact)) {
      return Accept(fact, out);
    }
    fact = Fact();  // the plain reader may have filled part of it
    od::document doc;
    od::object object;
    if (auto error = parser.iterate(padded).get(doc); error) return Syntax(error);
    if (auto error = doc.get_object().get(object); error) {
      return Report(
          0, "F001",
          fmt::format("a fact must be a JSON object ({})", simdjson::error_message(error)));
    }
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
      auto string_field = [&](auto& field_out) {
        std::string_view text;
        if (auto error = value.get_string().get(text); error) {
          Report(key_offset, "F003", StringFieldError(key, error));
          return false;
        }
        if constexpr (std::is_same_v<std::decay_t<decltype(field_out)>, Name>) {
          field_out = state.names.Get(text);
        } else {
          field_out = text;  // a word checked against a vocabulary: not kept, not interned
        }
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
            fact.unit = state.names.Get(s);
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
          SetFlag(fact, key, b);
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
    if (ok) Accept(fact, out);
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
        if (auto error = v.get_string().get(s); error) {
          Report(offset, "F003", StringFieldError(fmt::format("source.{}", key), error));
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

  // The checks against the dictionary and the cited document; a fact that passes goes to `out`.
  void Accept(Fact& fact, LargeVector<Fact>& out) {
    SourceLocation where = Where(0);
    if (!checker_.Check(fact, where)) return;
    if (!checker_.VerifyQuote(fact.source, where)) return;
    out.push_back(fact);
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

  Name path_;
  int line_;
  std::string_view text_;
  FactChecker& checker_;
  std::size_t readable_after_;
  const char* base_ = nullptr;  // the line being parsed, where simdjson reads it
  std::size_t last_key_offset_ = 0;
};

}  // namespace

void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store) {
  LoadFactsJsonl(file, checker, store, /*plain_first=*/true);
}

void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store,
                    bool plain_first) {
  JsonlLineReader::Scratch scratch;
  scratch.plain_first = plain_first;
  LargeVector<Fact> facts;
  Name path(file.path());
  for (int line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.Line(line);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    JsonlLineReader(path, line, text, checker).Read(scratch, facts);
    for (const Fact& f : facts) store.Add(f);
    facts.clear();
  }
}

namespace {

Error LineTooLong(const std::string& path, int line) {
  return Error{fmt::format("{}:{}: line is longer than the limit of {} bytes", path, line,
                           kMaxStreamedLineBytes)};
}

// Complete lines of a streamed file, read on a worker thread into facts and diagnostics of
// their own, which are then added to the store and the run's diagnostics in file order.
struct Batch {
  LargeString text;
  int first_line = 0;
  std::size_t first_offset = 0;  // in the file, after any byte order mark
  LargeVector<Fact> facts;       // room for one a line, made before the batch is read
  Diagnostics diagnostics;
  std::optional<Error> error;  // invalid UTF-8 or an overlong line: the file is refused
  int lines = 1;
};

// An empty batch, reusing the buffers of one already added when there is one.
Batch Recycled(std::vector<Batch>& spare) {
  if (spare.empty()) return Batch{};
  Batch b = std::move(spare.back());
  spare.pop_back();
  b.text.clear();
  b.facts.clear();
  b.diagnostics = Diagnostics();
  b.error.reset();
  b.lines = 1;
  return b;
}

int CountLineBreaks(std::string_view text) {
  int count = 0;
  for (const char *p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
       ++p) {
    ++count;
  }
  return count;
}

void ReadBatch(const std::string& path, FactChecker& shared, Batch& batch,
               JsonlLineReader::Scratch& scratch) {
  // Diagnostics of the batch's own; the dictionary and the cited documents are shared.
  FactChecker checker(shared.dictionary(), batch.diagnostics, shared.documents());
  Name file(path);
  std::string_view data = batch.text;
  // One check of the whole batch (vectorised for valid text); the line holding the first bad
  // byte, if any, is named as the lines are read.
  const std::size_t bad = FindInvalidUtf8(data);
  int line = batch.first_line;
  std::size_t in_batch = 0;  // where the line starts in the batch
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view text = data.substr(0, nl);
    if (text.size() > kMaxStreamedLineBytes) {
      batch.error = LineTooLong(path, line);
      return;
    }
    if (bad != std::string_view::npos && bad < in_batch + text.size()) {
      batch.error =
          InvalidUtf8Error(path, line, text, bad - in_batch, batch.first_offset + in_batch);
      return;
    }
    std::string_view content = text;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.find_first_not_of(" \t") != std::string_view::npos) {
      const char* after = content.data() + content.size();
      JsonlLineReader(file, line, content, checker,
                      static_cast<std::size_t>(batch.text.data() + batch.text.size() - after))
          .Read(scratch, batch.facts);
    }
    if (nl == std::string_view::npos) break;
    data.remove_prefix(nl + 1);
    in_batch += nl + 1;
    ++line;
  }
}

}  // namespace

Result<bool> StreamFactsJsonl(const std::string& path, FactChecker& checker, FactStore& store,
                              std::size_t max_facts) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{fmt::format("{}: is a directory", path)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open", path)};
  std::uintmax_t file_bytes = std::filesystem::file_size(path, ec);
  if (ec) file_bytes = 0;  // a pipe
  // Reserving beyond this is left to growth: an estimate is only an estimate.
  constexpr std::size_t kMaxFactsReserved = std::size_t{1} << 24;
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<JsonlLineReader::Scratch> scratch(threads);  // the last one this thread's
  // A batch is read straight into its text, whose room is one huge page (large_memory.h): the
  // few batches in flight hold a few MiB, each paged in once, however large the file.
  constexpr std::size_t kBatchRoom = kHugePageBytes;
  constexpr std::size_t kReadBytes = kBatchRoom - (std::size_t{64} << 10);  // and a cut line
  // A file smaller than a batch (one of thousands of small files) is one batch in room of its own
  // size, read on this thread: no worker is started, nothing is reserved or paged in ahead.
  const bool small_file = file_bytes > 0 && file_bytes < kReadBytes;
  const std::size_t read_bytes = small_file ? static_cast<std::size_t>(file_bytes) + 1 : kReadBytes;
  LargeString pending;  // the start of a line the last read cut
  // Batches already added to the store, kept for their buffers: fresh ones would cost page
  // faults again.
  std::vector<Batch> spare;
  int next_line = 1;
  std::size_t next_offset = 0;
  bool first_read = true;
  bool at_end = false;

  // The next batch of complete lines (the file's last line may lack its line break); empty at
  // the end of the file.
  auto next_batch = [&]() -> std::optional<Batch> {
    while (!at_end) {
      Batch b = Recycled(spare);
      b.text.reserve(small_file ? pending.size() + read_bytes : kBatchRoom);
      b.text.assign(pending);
      const std::size_t kept = b.text.size();
      b.text.resize(kept + read_bytes);
      in.read(b.text.data() + kept, static_cast<std::streamsize>(read_bytes));
      const auto got = static_cast<std::size_t>(in.gcount());
      b.text.resize(kept + got);
      if (got == 0) {
        at_end = true;
        spare.push_back(std::move(b));
        break;
      }
      if (first_read && b.text.starts_with("\xEF\xBB\xBF")) b.text.erase(0, 3);
      first_read = false;
      const std::size_t last_nl = b.text.rfind('\n');
      if (last_nl == LargeString::npos || last_nl < kept) {  // no line ends in what was read
        pending.assign(b.text);
        spare.push_back(std::move(b));
        if (pending.size() > kMaxStreamedLineBytes) {
          Batch error;
          error.first_line = next_line;
          error.error = LineTooLong(path, next_line);
          return error;
        }
        continue;
      }
      pending.assign(std::string_view(b.text).substr(last_nl + 1));
      b.text.resize(last_nl);  // without the final line break
      b.first_line = next_line;
      b.first_offset = next_offset;
      const int lines = CountLineBreaks(b.text) + 1;
      b.lines = lines;
      // At least a huge page of room, so that the facts' pages too fault once each.
      b.facts.reserve(
          small_file ? static_cast<std::size_t>(lines)
                     : std::max(static_cast<std::size_t>(lines), kHugePageBytes / sizeof(Fact)));
      next_line += lines;
      next_offset += b.text.size() + 1;
      return b;
    }
    if (in.bad()) {
      Batch b;
      b.error = Error{fmt::format("{}: read failed", path)};
      return b;
    }
    if (pending.empty()) return std::nullopt;
    Batch b = Recycled(spare);
    b.text.swap(pending);
    pending.clear();
    b.lines = CountLineBreaks(b.text) + 1;
    b.facts.reserve(static_cast<std::size_t>(b.lines));
    b.first_line = next_line;
    b.first_offset = next_offset;
    return b;
  };

  // Batches are read on every core and added in file order, so the store and the diagnostics
  // are exactly those of reading the lines one after another. This thread reads the file into
  // batches and adds each parsed batch to the store as soon as it is its turn; the workers parse
  // batches in the order they were read. At most `window` batches are in flight, which bounds
  // memory; batch k lives in slot k % window, free once batch k - window has been added.
  // There is a worker for each core but one: this thread parses a batch itself whenever the next
  // one to add is not ready. With a worker on every core as well, the three threads took turns
  // on two cores and this one waited on them: the facts phase took 0.115 s, 0.090 s this way.
  const std::size_t window = 2 * threads;
  std::vector<Batch> slots(window);
  std::vector<char> parsed(window, 0);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t read = 0;   // batches read from the file
  std::size_t taken = 0;  // batches a worker or this thread has started on
  std::size_t added = 0;  // batches added to the store
  bool no_more = false;   // the file is read, refused, or the load stopped
  // Parses batch k, taken by the caller; a batch refused when it was read has nothing to parse.
  auto parse = [&](std::size_t k, JsonlLineReader::Scratch& state) {
    if (!slots[k % window].error) ReadBatch(path, checker, slots[k % window], state);
  };
  auto work = [&](JsonlLineReader::Scratch& state) {
    for (;;) {
      std::size_t k = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return taken < read || no_more; });
        if (taken == read) return;
        k = taken++;
      }
      parse(k, state);
      {
        std::lock_guard lock(mutex);
        parsed[k % window] = 1;
      }
      changed.notify_all();
    }
  };
  // A small file is parsed by this thread alone, unless it grew past a batch since its size was
  // taken: then the workers start with its second batch.
  std::vector<std::thread> workers;
  auto start_workers = [&]() {
    for (unsigned t = 0; t + 1 < threads; ++t) workers.emplace_back(work, std::ref(scratch[t]));
  };
  if (!small_file) start_workers();
  auto finish = [&]() {
    {
      std::lock_guard lock(mutex);
      no_more = true;
    }
    changed.notify_all();
    for (std::thread& w : workers) w.join();
  };
  // Paging the store's room in ahead (see below); destroyed, and so stopped, when this returns.
  constexpr std::size_t kFactLead = std::size_t{8} << 20;
  std::optional<PageInAhead> fact_room, index_room;
  std::size_t facts_before = 0;
  bool reading = true;
  for (;;) {
    // Read ahead while there is room, so that the workers always have a batch to parse.
    while (reading && read < added + window) {
      std::optional<Batch> b = next_batch();
      if (!b) {
        reading = false;
        break;
      }
      const bool refused = b->error.has_value();
      std::size_t k = read;
      slots[k % window] = std::move(*b);
      parsed[k % window] = 0;
      {
        std::lock_guard lock(mutex);
        ++read;
      }
      changed.notify_all();
      if (small_file && read == 2) start_workers();
      if (refused) reading = false;
    }
    if (added == read) break;
    Batch* batch = nullptr;
    for (std::unique_lock lock(mutex);;) {
      if (parsed[added % window] != 0) {
        batch = &slots[added % window];
        break;
      }
      if (taken < read) {
        const std::size_t k = taken++;
        lock.unlock();
        try {
          parse(k, scratch.back());
        } catch (...) {  // the workers are stopped before the error goes on
          finish();
          throw;
        }
        lock.lock();
        parsed[k % window] = 1;
        continue;
      }
      changed.wait(lock, [&] { return parsed[added % window] != 0 || taken < read; });
    }
    if (added == 0 && !batch->text.empty() && !small_file) {
      // The file's length over the first batch's bytes per line: about the facts to come.
      const double per_line =
          static_cast<double>(batch->text.size() + 1) / static_cast<double>(batch->lines);
      const auto expected = static_cast<std::size_t>(
          std::min(static_cast<double>(file_bytes) / per_line, double{kMaxFactsReserved}));
      store.Reserve(expected + expected / 20);
      // The store's room is paged in a little ahead of this thread, by a thread of its own:
      // only a help, so a thread that cannot be had costs nothing but the help.
      facts_before = store.size();
      try {
        // Paged in as far as the facts expected, not the margin reserved past them.
        fact_room.emplace(store.FactRoomAhead(), kFactLead, expected * sizeof(Fact));
        index_room.emplace(std::vector{store.IndexRoomAhead()}, kFactLead / 4,
                           expected * FactStore::IndexBytesPerKey());
      } catch (const std::exception&) {
        fact_room.reset();
        index_room.reset();
      }
    }
    checker.diagnostics().Append(batch->diagnostics);
    if (fact_room) {
      const std::size_t coming = store.size() + batch->facts.size() - facts_before;
      fact_room->Reached(coming * sizeof(Fact));
      index_room->Reached(coming * FactStore::IndexBytesPerKey());  // when every fact is a key
    }
    try {
      for (const Fact& f : batch->facts) {
        store.Add(f);
        if (store.size() > max_facts) {
          finish();
          return Error{fmt::format("{}: more than {} facts in one run", path, max_facts)};
        }
      }
    } catch (...) {  // the workers are stopped before the error goes on
      finish();
      throw;
    }
    if (batch->error) {
      Error error = *batch->error;
      finish();
      return error;
    }
    spare.push_back(std::move(*batch));
    ++added;
  }
  finish();
  return true;
}

}  // namespace kaohe
