// Fact files → FactStore. Three forms:
//   .jsonl       the fact interchange format, one fact a line
//   .yaml/.yml   a target table transcribed from a document, cell by cell, with line numbers
//   .csv         one fact a row, with a header naming the columns
// Every problem is a diagnostic with file, line and column; a fact with an error is not
// stored, and the caller refuses to evaluate when any error was reported.
#pragma once

#include "engine/fact_store.h"
#include "engine/source.h"
#include "src/load/fact_checker.h"

namespace kaohe {

void LoadFactsJsonl(const SourceFile& file, FactChecker& checker, FactStore& store);
void LoadTargetTableYaml(const SourceFile& file, FactChecker& checker, FactStore& store);
void LoadFactsCsv(const SourceFile& file, FactChecker& checker, FactStore& store);

// By extension; other extensions are an error (F012).
void LoadFactFile(const SourceFile& file, FactChecker& checker, FactStore& store);

// Extensions LoadFactFile understands.
inline const std::vector<std::string> kFactFileExtensions = {".jsonl", ".yaml", ".yml", ".csv"};

}  // namespace kaohe
