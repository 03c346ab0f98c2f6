// Extracting facts from report text: every figure of a known indicator, with its entity,
// measure, period, kind, qualifier and the sentence or table row it came from.
//
//   Extractor extractor(dictionary, cues);     // builds the phrase automata once
//   auto facts = extractor.ExtractFile(path);  // any number of files, from any thread
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact.h"
#include "engine/result.h"
#include "src/extract/cues.h"

namespace kaohe {

class UnreadLog;

struct ExtractOptions {
  std::string entity;  // the document's subject, when given by hand (--entity)
  // When given, counts the indicator sentences and is handed those that gave no fact, with
  // the reason (src/extract/unread.h).
  UnreadLog* unread = nullptr;
};

struct Extraction {
  std::string subject;
  std::vector<Fact> facts;  // in the order they stand in the document
  Diagnostics diagnostics;  // warnings: no subject found
};

// Receives facts in the order they stand in the document, as they are extracted.
using FactSink = std::function<void(Fact&&)>;

class Extractor {
 public:
  // The dictionary and the cue words (rules/cues.yaml and --cues) must outlive the extractor.
  Extractor(const Dictionary& dictionary, const CueSet& cues);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Reads, decodes and extracts one document. The Error is for a file that cannot be read or
  // decoded (with the byte offset of bad bytes).
  Result<Extraction> ExtractFile(const std::string& path, const ExtractOptions& options = {}) const;
  // The same, with the facts handed to `sink` as they come instead of kept in the Extraction.
  // A document is read a stretch at a time: one larger than a few MB is read twice, first for
  // what the whole of it decides (its subject, the year it reports on, its plan's years), so
  // memory does not grow with it. The Error comes before any fact is handed over.
  Result<Extraction> ExtractFile(const std::string& path, const ExtractOptions& options,
                                 const FactSink& sink) const;
  // Extracts from lines already decoded to UTF-8; `path` is what facts cite.
  Extraction ExtractLines(const std::string& path, std::vector<std::string> lines,
                          const ExtractOptions& options = {}) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kaohe
