#include "engine/finding_list.h"

#include <array>
#include <utility>

namespace kaohe {
namespace {

constexpr std::array<std::string_view, 3> kBaselineWords = {"new", "unchanged", "resolved"};

std::string_view BaselineWord(std::uint8_t code) {
  return code == 0 ? std::string_view() : kBaselineWords[code - 1];
}

}  // namespace

FindingList::FindingList(std::vector<Finding> findings)
    : FindingList(std::move(findings), {}, nullptr) {}

FindingList::FindingList(std::vector<Finding> whole, LargeVector<Verdict> judged, Explainer explain)
    : verdicts_(std::move(judged)), whole_(std::move(whole)), explain_(std::move(explain)) {
  verdicts_.insert(verdicts_.begin(), whole_.size(), Verdict());
  for (std::size_t i = 0; i < whole_.size(); ++i) {
    verdicts_[i].whole = static_cast<std::uint32_t>(i);
    verdicts_[i].status = whole_[i].status;
    verdicts_[i].severity = whole_[i].severity;
  }
}

Finding FindingList::operator[](std::size_t i) const {
  Finding f;
  Read(i, f);
  return f;
}

void FindingList::Read(std::size_t i, Finding& out) const {
  const Verdict& v = verdicts_[i];
  if (v.whole != Verdict::kNotWhole) {
    out = whole_[v.whole];
    return;
  }
  explain_(v, out);
  // A waiver or baseline may have changed the verdict since it was judged.
  out.status = v.status;
  out.severity = v.severity;
  out.baseline = BaselineWord(v.baseline);
}

Finding FindingList::Heading(std::size_t i) const {
  const Verdict& v = verdicts_[i];
  if (v.whole != Verdict::kNotWhole) return whole_[v.whole];
  Finding f;
  f.pack = v.rule->pack;
  f.rule = v.rule->id;
  f.rule_title = v.rule->title;
  f.rule_location = v.rule->where;
  f.entity = v.entity->name;
  f.indicator = v.indicator->id;
  f.measure = v.rule->measure;
  f.period = v.period;
  f.status = v.status;
  f.severity = v.severity;
  f.baseline = BaselineWord(v.baseline);
  return f;
}

void FindingList::Replace(std::size_t i, Finding finding) {
  Verdict& v = verdicts_[i];
  v.status = finding.status;
  v.severity = finding.severity;
  if (v.whole != Verdict::kNotWhole) {
    whole_[v.whole] = std::move(finding);
    return;
  }
  v.whole = static_cast<std::uint32_t>(whole_.size());
  whole_.push_back(std::move(finding));
}

void FindingList::SetBaseline(std::size_t i, std::string_view word) {
  Verdict& v = verdicts_[i];
  if (v.whole != Verdict::kNotWhole) {
    whole_[v.whole].baseline = std::string(word);
    return;
  }
  v.baseline = 0;
  for (std::size_t w = 0; w < kBaselineWords.size(); ++w) {
    if (kBaselineWords[w] == word) v.baseline = static_cast<std::uint8_t>(w + 1);
  }
}

void FindingList::Append(Finding finding) {
  Verdict v;
  v.status = finding.status;
  v.severity = finding.severity;
  v.whole = static_cast<std::uint32_t>(whole_.size());
  whole_.push_back(std::move(finding));
  verdicts_.push_back(v);
}

std::vector<Finding> FindingList::ToVector() const {
  std::vector<Finding> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back((*this)[i]);
  return out;
}

}  // namespace kaohe
