// Reading a cue file (rules/cues.yaml, and the files given with --cues): a mapping from
// category (growth, target, subject_words …) to a list of entries, each a word or
// `{pattern: RE2}`, with an optional note (`{word: W, note: …}`).
#pragma once

#include "engine/diagnostic.h"
#include "engine/source.h"
#include "src/extract/cues.h"

namespace kaohe {

// Adds the file's entries to `cues`, after those of the files read before it. Reports, with
// the file, line and column of the entry: an unknown category (Y003, with did-you-mean), a
// pattern RE2 refuses (Q001, with RE2's reason) or one too large compiled (Q002), more entries
// in a category than the bounds of src/extract/cues.h (Q003), an entry that is empty or can
// match the empty text (Q004), an entry already given (Q005, a warning naming the first), an
// entry with both word: and pattern: (Q006). Call cues.Finish after the last file.
void LoadCues(const SourceFile& file, CueSet& cues, Diagnostics& diagnostics);

}  // namespace kaohe
