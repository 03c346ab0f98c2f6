#include "engine/waiver.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "engine/suggest.h"
#include "engine/yaml_support.h"

namespace kaohe {

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Iterative matching with one backtrack point, over UTF-8 code points.
  auto next = [](std::string_view s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == '?') {
      p = next(pattern, p);
      t = next(text, t);
    } else if (p < pattern.size()) {
      std::size_t pe = next(pattern, p), te = next(text, t);
      if (pattern.substr(p, pe - p) == text.substr(t, te - t)) {
        p = pe;
        t = te;
        continue;
      }
      if (star == std::string_view::npos) return false;
      p = star + 1;
      t = resume = next(text, resume);
    } else {
      if (star == std::string_view::npos) return false;
      p = star + 1;
      t = resume = next(text, resume);
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

std::vector<Waiver> LoadWaivers(const SourceFile& file, const CompiledRuleSet* rules,
                                Diagnostics& diagnostics) {
  std::vector<Waiver> out;
  internal::YamlReader reader(file, diagnostics);
  auto root = reader.Parse();
  if (!root) return out;
  if (!reader.ExpectMapping(*root, "a waiver file", {"waivers"})) return out;
  if (!reader.Require(*root, *root, "waivers")) return out;
  const internal::YamlNode list = (*root)["waivers"];
  if (!reader.ExpectSequence(list, "waivers")) return out;
  std::vector<std::string> rule_ids;
  if (rules) {
    for (const CompiledPack& pack : rules->packs) {
      for (const CompiledRule& rule : pack.rules) rule_ids.push_back(rule.id);
    }
  }
  for (const auto& node : list) {
    static const std::vector<std::string> kKeys = {"rule",   "entity", "indicator", "period",
                                                   "reason", "owner",  "expires"};
    if (!reader.ExpectMapping(node, "a waiver", kKeys)) continue;
    bool ok = true;
    for (const char* key : {"rule", "reason", "owner", "expires"}) {
      ok = reader.Require(node, node, key) && ok;
    }
    if (!ok) continue;
    Waiver w;
    w.where = reader.Where(node);
    // Each field is repeated in every finding the waiver matches: at most 1,000 characters.
    auto text = [&](const char* key, std::string& into) {
      if (!node[key]) return;
      if (auto s = reader.ShortString(node[key], key, internal::kMaxShortTextLength)) {
        into = *s;
      } else {
        ok = false;
      }
    };
    text("rule", w.rule);
    text("entity", w.entity);
    text("indicator", w.indicator);
    text("period", w.period);
    text("reason", w.reason);
    text("owner", w.owner);
    text("expires", w.expires);
    if (ok && !IsDate(w.expires)) {
      reader.Error(node["expires"], "W004",
                   fmt::format("expires must be a date YYYY-MM-DD, not '{}'", w.expires));
      ok = false;
    }
    if (ok && w.reason.empty()) {
      reader.Error(node["reason"], "W004", "a waiver needs a reason");
      ok = false;
    }
    bool pattern = w.rule.find_first_of("*?") != std::string::npos;
    if (ok && rules && !pattern &&
        std::find(rule_ids.begin(), rule_ids.end(), w.rule) == rule_ids.end()) {
      reader.Error(node["rule"], "W005",
                   fmt::format("no rule '{}'{}", w.rule, DidYouMeanSuffix(w.rule, rule_ids)));
      ok = false;
    }
    if (ok) out.push_back(std::move(w));
  }
  return out;
}

namespace {

bool IsPattern(std::string_view text) { return text.find_first_of("*?") != std::string::npos; }

bool Covers(const Waiver& w, const Finding& f, const std::string& period) {
  return GlobMatch(w.rule, f.rule) && GlobMatch(w.entity, f.entity) &&
         GlobMatch(w.indicator, f.indicator) && GlobMatch(w.period, period);
}

// The waivers that may cover the findings of one rule, by the finding's entity: those naming
// it exactly and those with an entity pattern. Each list is in the waivers' order.
struct RuleCandidates {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_entity;
  std::vector<std::uint32_t> any_entity;
};

// Waivers indexed by exact rule id, with the rule patterns apart: matching a finding looks only
// at the waivers whose rule and entity can cover it, not at every waiver.
class WaiverIndex {
 public:
  explicit WaiverIndex(const std::vector<Waiver>& waivers) : waivers_(waivers) {
    for (std::uint32_t i = 0; i < waivers.size(); ++i) {
      if (IsPattern(waivers[i].rule)) {
        rule_patterns_.push_back(i);
      } else {
        by_rule_[waivers[i].rule].push_back(i);
      }
    }
  }

  RuleCandidates ForRule(std::string_view rule) const {
    static const std::vector<std::uint32_t> kNone;
    auto exact = by_rule_.find(rule);
    const std::vector<std::uint32_t>& named = exact == by_rule_.end() ? kNone : exact->second;
    RuleCandidates out;
    auto add = [&](std::uint32_t i) {
      const Waiver& w = waivers_[i];
      if (IsPattern(w.entity)) {
        out.any_entity.push_back(i);
      } else {
        out.by_entity[w.entity].push_back(i);
      }
    };
    // Both lists are in order: merged, so that each candidate list stays in order.
    std::size_t n = 0;
    for (std::uint32_t i : rule_patterns_) {
      if (!GlobMatch(waivers_[i].rule, rule)) continue;
      while (n < named.size() && named[n] < i) add(named[n++]);
      add(i);
    }
    while (n < named.size()) add(named[n++]);
    return out;
  }

  // The first waiver, in order, that covers the finding.
  std::optional<std::uint32_t> First(const RuleCandidates& candidates, const Finding& f) const {
    static const std::vector<std::uint32_t> kNone;
    auto exact = candidates.by_entity.find(f.entity.view());
    const std::vector<std::uint32_t>& named =
        exact == candidates.by_entity.end() ? kNone : exact->second;
    const std::vector<std::uint32_t>& patterns = candidates.any_entity;
    const std::string period = std::to_string(f.period);
    std::size_t a = 0, b = 0;
    while (a < named.size() || b < patterns.size()) {
      const bool take_named = b == patterns.size() || (a < named.size() && named[a] < patterns[b]);
      const std::uint32_t i = take_named ? named[a++] : patterns[b++];
      if (Covers(waivers_[i], f, period)) return i;
    }
    return std::nullopt;
  }

 private:
  const std::vector<Waiver>& waivers_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_rule_;
  std::vector<std::uint32_t> rule_patterns_;
};

// The failing (fail or conflict) findings, grouped by rule in the order rules first fail.
std::vector<std::vector<std::size_t>> FailingByRule(const FindingList& findings) {
  std::vector<std::vector<std::size_t>> groups;
  std::unordered_map<std::uint32_t, std::size_t> group_of;  // by the rule's Name
  for (std::size_t index = 0; index < findings.size(); ++index) {
    const Status status = findings.status(index);
    if (status != Status::kFail && status != Status::kConflict) continue;
    const Verdict& v = findings.verdict(index);
    const Name rule = v.whole == Verdict::kNotWhole ? v.rule->id : findings.Heading(index).rule;
    auto [at, added] = group_of.emplace(rule.id(), groups.size());
    if (added) groups.emplace_back();
    groups[at->second].push_back(index);
  }
  return groups;
}

// Most waivers that matched nothing listed one by one (W001); the rest are counted in one more.
constexpr std::size_t kUnusedListed = 20;

// W003 and W002 once per waiver that met an unwaivable rule or had expired, W001 for waivers
// that matched no failing finding.
void ReportWaiverUse(const std::vector<Waiver>& waivers, const FindingList& findings,
                     const std::vector<std::uint32_t>& text_of,
                     const std::vector<std::size_t>& first_expired,
                     const std::vector<std::size_t>& first_unwaivable, Diagnostics& diagnostics) {
  std::vector<std::size_t> unused;
  for (std::size_t i = 0; i < waivers.size(); ++i) {
    const Waiver& w = waivers[i];
    if (text_of[i] == UINT32_MAX) unused.push_back(i);
    if (first_unwaivable[i] != SIZE_MAX) {
      diagnostics.Warning("W003", w.where,
                          fmt::format("rule {} is marked waivable: false; this waiver does "
                                      "not apply to it",
                                      findings.Heading(first_unwaivable[i]).rule));
    }
    if (first_expired[i] != SIZE_MAX) {
      diagnostics.Warning("W002", w.where,
                          fmt::format("waiver expired on {}: it no longer waives", w.expires));
    }
  }
  for (std::size_t n = 0; n < unused.size() && n < kUnusedListed; ++n) {
    diagnostics.Warning("W001", waivers[unused[n]].where,
                        "this waiver matches no failing finding: remove it, or check its "
                        "rule, entity, indicator and period");
  }
  if (unused.size() > kUnusedListed) {
    diagnostics.Warning(
        "W001", waivers[unused[kUnusedListed]].where,
        fmt::format("this waiver and {} more after it match no failing finding (only the first "
                    "{} are listed one by one)",
                    unused.size() - kUnusedListed - 1, kUnusedListed));
  }
}

}  // namespace

void ApplyWaivers(FindingList& findings, const std::vector<Waiver>& waivers,
                  const CompiledRuleSet& rules, const std::string& today,
                  Diagnostics& diagnostics) {
  // Without waivers there is nothing to match, and reading the heading of every failing
  // finding of a national check costs a serial 15 ms.
  if (waivers.empty()) return;
  std::set<std::string_view> unwaivable;
  for (const CompiledPack& pack : rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      if (!rule.waivable) unwaivable.insert(rule.id.view());
    }
  }
  constexpr std::uint32_t kUnused = UINT32_MAX;
  std::vector<std::uint32_t> text_of(waivers.size(), kUnused);  // in the list's waiver texts
  // Per waiver, the first finding (by index) it could not waive, for W002 and W003.
  constexpr std::size_t kNever = SIZE_MAX;
  std::vector<std::size_t> first_expired(waivers.size(), kNever),
      first_unwaivable(waivers.size(), kNever);
  const WaiverIndex index(waivers);
  for (const std::vector<std::size_t>& group : FailingByRule(findings)) {
    const Finding first = findings.Heading(group.front());
    const RuleCandidates candidates = index.ForRule(first.rule.view());
    if (candidates.any_entity.empty() && candidates.by_entity.empty()) continue;
    const bool waivable = !unwaivable.count(first.rule.view());
    for (std::size_t at : group) {
      const Finding f = findings.Heading(at);
      const auto matched = index.First(candidates, f);
      if (!matched) continue;
      const Waiver& w = waivers[*matched];
      if (text_of[*matched] == kUnused) {
        text_of[*matched] = findings.AddWaiver({w.reason, w.owner, w.expires});
      }
      WaiverEffect effect = WaiverEffect::kWaived;
      if (!waivable) {
        effect = WaiverEffect::kUnwaivable;
        first_unwaivable[*matched] = std::min(first_unwaivable[*matched], at);
      } else if (w.expires < today) {
        effect = WaiverEffect::kExpired;
        first_expired[*matched] = std::min(first_expired[*matched], at);
      }
      findings.SetWaiver(at, text_of[*matched], effect);
    }
  }
  ReportWaiverUse(waivers, findings, text_of, first_expired, first_unwaivable, diagnostics);
}

}  // namespace kaohe
