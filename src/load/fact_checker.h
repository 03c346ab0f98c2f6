// Checks facts from any loader against the dictionary before they enter the store:
// entity and indicator aliases become canonical names, units must fit the indicator and
// measure, and the quoted source must stand on the line it names.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact.h"
#include "engine/source.h"

namespace kaohe {

// Reads the documents facts cite, once each, to check that quotes and cells are really there.
// Safe to share between threads loading facts in parallel.
class DocumentCache {
 public:
  // nullptr when the file cannot be read as UTF-8 text.
  const SourceFile* Get(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
  std::map<std::string, bool> unreadable_;
};

// Text with all white space removed, for comparing PDF-spaced text with a transcription.
std::string Squeeze(std::string_view text);

class FactChecker {
 public:
  FactChecker(const Dictionary& dictionary, Diagnostics& diagnostics, DocumentCache& documents)
      : dictionary_(dictionary), diagnostics_(diagnostics), documents_(documents) {}

  // Canonicalises and checks `fact`; problems are reported at `where`. Returns false when the
  // fact cannot be used (an error was reported).
  bool Check(Fact& fact, const SourceLocation& where);

  // Checks that the quote stands on the cited line (white space aside), or, for a sentence or
  // a flattened table row running over several lines, that it stands on the lines around the
  // cited one and covers part of it. Reports F008 when it does not, F009 (a warning) when the file
  // cannot be read.
  bool VerifyQuote(const FactSource& source, const SourceLocation& where);

  const Dictionary& dictionary() const { return dictionary_; }
  DocumentCache& documents() { return documents_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  const Dictionary& dictionary_;
  Diagnostics& diagnostics_;
  DocumentCache& documents_;
};

}  // namespace kaohe
