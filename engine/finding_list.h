// FindingList: the findings of one run. A national check has hundreds of thousands, so each is
// kept as a Verdict — rule, entity, indicator, period, status and severity in a few words — and
// explained (message, arithmetic, the figures it read) only when a reporter asks for it, by
// evaluating it once more with its trace on. Findings that are already whole (about a rule
// itself, from a baseline, or built by hand) are kept whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/finding.h"
#include "engine/large_memory.h"

namespace kaohe {

// What the first waiver that matched a failing finding did to it (see waiver.h).
enum class WaiverEffect : std::uint8_t {
  kNone,
  kWaived,      // the finding is waived, with the waiver's reason
  kExpired,     // the waiver has expired: the message says so
  kUnwaivable,  // the rule cannot be waived: the message says so
};

// A waiver's text, kept once in the list and rendered into each finding it matched when the
// finding is read.
struct WaiverText {
  std::string reason;
  std::string owner;
  std::string expires;  // YYYY-MM-DD
};

struct Verdict {
  static constexpr std::uint32_t kNotWhole = UINT32_MAX;
  static constexpr std::uint32_t kNoWaiver = UINT32_MAX;
  const CompiledRule* rule = nullptr;
  const Entity* entity = nullptr;
  const Indicator* indicator = nullptr;
  int period = 0;
  Status status = Status::kError;
  Severity severity = Severity::kError;
  bool read_anything = false;     // whether the check found any figure
  std::uint8_t baseline : 2 = 0;  // 0: none; else 1 + index into BaselineWords()
  WaiverEffect waiver_effect : 2 = WaiverEffect::kNone;
  std::uint32_t whole = kNotWhole;   // for a whole finding: its index in the list's store
  std::uint32_t waiver = kNoWaiver;  // the waiver that matched it: an index in the list's texts
};
// A national check holds millions of these.
static_assert(sizeof(Verdict) <= 40);

class FindingList {
 public:
  // Writes the verdict's finding into its second argument, reusing that finding's room.
  using Explainer = std::function<void(const Verdict&, Finding&)>;

  FindingList() = default;
  FindingList(std::vector<Finding> findings);  // NOLINT: implicit, for whole findings
  // The whole findings first, in their order, then the judged verdicts. `judged` is the list's
  // own store: given room for the whole findings (reserve), it is never copied.
  FindingList(std::vector<Finding> whole, LargeVector<Verdict> judged, Explainer explain);

  std::size_t size() const { return verdicts_.size(); }
  bool empty() const { return verdicts_.empty(); }

  // The finding, explained. Safe to call from several threads at once.
  Finding operator[](std::size_t i) const;
  Finding at(std::size_t i) const { return (*this)[i]; }
  // The same into `out`, reusing its strings' and lists' room: for reading findings one after
  // another.
  void Read(std::size_t i, Finding& out) const;
  // Only what identifies the finding and its verdict: pack, rule, location, entity, indicator,
  // measure, period, status, severity, waiver and baseline. Cheap.
  Finding Heading(std::size_t i) const;
  Status status(std::size_t i) const { return verdicts_[i].status; }
  const Verdict& verdict(std::size_t i) const { return verdicts_[i]; }
  Severity severity(std::size_t i) const { return verdicts_[i].severity; }

  // Keeps a waiver's text for the findings it matches; returns its index for SetWaiver.
  std::uint32_t AddWaiver(WaiverText text);
  // Records what waiver `waiver` did to finding i; kWaived makes the finding waived.
  void SetWaiver(std::size_t i, std::uint32_t waiver, WaiverEffect effect);
  // "new", "unchanged", "resolved" or "".
  void SetBaseline(std::size_t i, std::string_view word);
  void Append(Finding finding);

  std::vector<Finding> ToVector() const;

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Finding;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Finding;
    Iterator() = default;
    Iterator(const FindingList* list, std::size_t i) : list_(list), i_(i) {}
    Finding operator*() const { return (*list_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++i_;
      return old;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }

   private:
    const FindingList* list_ = nullptr;
    std::size_t i_ = 0;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, verdicts_.size()); }

 private:
  // The waiver's part of a finding read: its reason, or a note in its message.
  void RenderWaiver(const Verdict& v, Finding& out) const;

  LargeVector<Verdict> verdicts_;
  std::vector<Finding> whole_;
  std::vector<WaiverText> waivers_;
  Explainer explain_;
};

}  // namespace kaohe
