// Writing findings on every core. Explaining a finding — evaluating it again with its trace on —
// is most of the cost of reporting it, so blocks of findings are explained and rendered on all
// cores while the blocks before them are written; the output is the same, byte for byte, as
// rendering them one after another.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "engine/finding_list.h"

namespace kaohe {

using RenderFinding = std::function<void(std::size_t index, const Finding&, std::string& out)>;

// threads 0: one per core.
void RenderInOrder(const FindingList& findings, const RenderFinding& render, std::ostream& out,
                   unsigned threads = 0);

}  // namespace kaohe
