// Checks facts from any loader against the dictionary before they enter the store:
// entity and indicator aliases become canonical names, units must fit the indicator and
// measure, and the quoted source must stand on the line it names.
#pragma once

#include <optional>
#include <string>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact.h"
#include "engine/source.h"
#include "src/load/document_cache.h"

namespace kaohe {

class FactChecker {
 public:
  FactChecker(const Dictionary& dictionary, Diagnostics& diagnostics, DocumentCache& documents)
      : dictionary_(dictionary), diagnostics_(diagnostics), documents_(documents) {}

  // Canonicalises and checks `fact`; problems are reported at `where`. Returns false when the
  // fact cannot be used (an error was reported).
  bool Check(Fact& fact, const SourceLocation& where);

  // Checks that the quote stands on the cited line (white space aside), or, for a sentence or
  // a flattened table row running over several lines, that it stands on the lines around the
  // cited one and covers part of it. Reports F008 when it does not, F013 when the file lies
  // outside the project root (the fact is refused: kaohe does not look at such a file), F009 (a
  // warning) when the file cannot be read.
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
