#include "engine/finding_list.h"

#include <fmt/format.h>

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
    out.status = v.status;
    RenderWaiver(v, out);
    return;
  }
  explain_(v, out);
  // A waiver or baseline may have changed the verdict since it was judged.
  out.status = v.status;
  out.severity = v.severity;
  out.baseline = BaselineWord(v.baseline);
  RenderWaiver(v, out);
}

void FindingList::RenderWaiver(const Verdict& v, Finding& out) const {
  if (v.waiver == Verdict::kNoWaiver) return;
  const WaiverText& w = waivers_[v.waiver];
  switch (v.waiver_effect) {
    case WaiverEffect::kWaived:
      out.waiver_reason = fmt::format("{}（{}，有效至 {}）", w.reason, w.owner, w.expires);
      break;
    case WaiverEffect::kExpired:
      out.message += fmt::format("（豁免已于 {} 到期：{}）", w.expires, w.reason);
      break;
    case WaiverEffect::kUnwaivable:
      out.message += "（该规则不可豁免）";
      break;
    case WaiverEffect::kNone:
      break;
  }
}

Finding FindingList::Heading(std::size_t i) const {
  const Verdict& v = verdicts_[i];
  if (v.whole != Verdict::kNotWhole) {
    Finding f = whole_[v.whole];
    f.status = v.status;
    RenderWaiver(v, f);
    return f;
  }
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
  if (v.waiver != Verdict::kNoWaiver && v.waiver_effect == WaiverEffect::kWaived) {
    RenderWaiver(v, f);  // the reason only: the message is not explained here
  }
  return f;
}

std::uint32_t FindingList::AddWaiver(WaiverText text) {
  waivers_.push_back(std::move(text));
  return static_cast<std::uint32_t>(waivers_.size() - 1);
}

void FindingList::SetWaiver(std::size_t i, std::uint32_t waiver, WaiverEffect effect) {
  Verdict& v = verdicts_[i];
  v.waiver = waiver;
  v.waiver_effect = effect;
  if (effect == WaiverEffect::kWaived) v.status = Status::kWaived;
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
