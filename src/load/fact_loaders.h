// Fact files → FactStore. Three forms:
//   .jsonl       the fact interchange format, one fact a line
//   .yaml/.yml   a target table transcribed from a document, cell by cell, with line numbers
//   .csv         one fact a row, with a header naming the columns
// Every problem is a diagnostic with file, line and column; a fact with an error is not
// stored, and the caller refuses to evaluate when any error was reported.
#pragma once

#include <string>

#include "engine/fact_store.h"
#include "engine/result.h"
#include "engine/source.h"
#include "src/load/fact_checker.h"

namespace kaohe {

// Most facts one run loads (from files and documents together). A loader stops adding at the
// first fact past the limit, so that memory is bounded by it however large the files; the run is
// then refused.
inline constexpr std::size_t kMaxFacts = 50'000'000;

// Longest line of a JSON Lines fact file read as a stream, as for streamed documents.
inline constexpr std::size_t kMaxStreamedLineBytes = std::size_t{1} << 24;

void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store);
// plain_first false: every line is read by the reader that places problems, even those the
// fast reader would take. For tests that hold the two to the same facts.
void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store,
                    bool plain_first);
// The same, read from the file a few megabytes at a time, so that a national facts file is never
// held in memory whole. Errors: unreadable file, invalid UTF-8 (file:line:column and byte
// offset), a line over kMaxStreamedLineBytes, more than `max_facts` facts in the store (reading
// stops at the first fact past it). A file smaller than a batch is read on the calling thread,
// into room of its own size.
Result<bool> StreamFactsJsonl(const std::string& path, FactChecker& checker, FactStore& store,
                              std::size_t max_facts = kMaxFacts);
void LoadTargetTableYaml(const SourceFile& file, FactChecker& checker, FactStore& store);
// Stops at the first fact past `max_facts` in the store; the caller refuses the run.
void LoadFactsCsv(const SourceFile& file, FactChecker& checker, FactStore& store,
                  std::size_t max_facts = kMaxFacts);

// By extension; other extensions are an error (F012).
void LoadFactFile(const SourceFile& file, FactChecker& checker, FactStore& store);

// Extensions LoadFactFile understands.
inline const std::vector<std::string> kFactFileExtensions = {".jsonl", ".yaml", ".yml", ".csv"};

}  // namespace kaohe
