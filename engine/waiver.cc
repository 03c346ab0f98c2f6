#include "engine/waiver.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

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
    auto text = [&](const char* key, std::string& into) {
      if (!node[key]) return;
      if (auto s = reader.String(node[key], key)) {
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

void ApplyWaivers(FindingList& findings, const std::vector<Waiver>& waivers,
                  const CompiledRuleSet& rules, const std::string& today,
                  Diagnostics& diagnostics) {
  // Without waivers there is nothing to match, and reading the heading of every failing
  // finding of a national check costs a serial 15 ms.
  if (waivers.empty()) return;
  std::set<std::string> unwaivable;
  for (const CompiledPack& pack : rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      if (!rule.waivable) unwaivable.insert(rule.id);
    }
  }
  std::vector<bool> used(waivers.size(), false), expired_said(waivers.size(), false),
      unwaivable_said(waivers.size(), false);
  for (std::size_t index = 0; index < findings.size(); ++index) {
    Status status = findings.status(index);
    if (status != Status::kFail && status != Status::kConflict) continue;
    Finding heading = findings.Heading(index);
    for (std::size_t i = 0; i < waivers.size(); ++i) {
      const Finding& f = heading;
      const Waiver& w = waivers[i];
      if (!GlobMatch(w.rule, f.rule) || !GlobMatch(w.entity, f.entity) ||
          !GlobMatch(w.indicator, f.indicator) || !GlobMatch(w.period, std::to_string(f.period))) {
        continue;
      }
      used[i] = true;
      if (unwaivable.count(f.rule)) {
        if (!unwaivable_said[i]) {
          diagnostics.Warning("W003", w.where,
                              fmt::format("rule {} is marked waivable: false; this waiver does "
                                          "not apply to it",
                                          f.rule));
          unwaivable_said[i] = true;
        }
        Finding whole = findings[index];
        whole.message += "（该规则不可豁免）";
        findings.Replace(index, std::move(whole));
        break;
      }
      if (w.expires < today) {
        if (!expired_said[i]) {
          diagnostics.Warning("W002", w.where,
                              fmt::format("waiver expired on {}: it no longer waives", w.expires));
          expired_said[i] = true;
        }
        Finding whole = findings[index];
        whole.message += fmt::format("（豁免已于 {} 到期：{}）", w.expires, w.reason);
        findings.Replace(index, std::move(whole));
        break;
      }
      Finding whole = findings[index];
      whole.status = Status::kWaived;
      whole.waiver_reason = fmt::format("{}（{}，有效至 {}）", w.reason, w.owner, w.expires);
      findings.Replace(index, std::move(whole));
      break;
    }
  }
  for (std::size_t i = 0; i < waivers.size(); ++i) {
    if (!used[i]) {
      diagnostics.Warning("W001", waivers[i].where,
                          "this waiver matches no failing finding: remove it, or check its "
                          "rule, entity, indicator and period");
    }
  }
}

}  // namespace kaohe
