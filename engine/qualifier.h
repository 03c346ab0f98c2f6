// Qualifiers on a figure: 左右 (approx), 以上/不低于/不少于 (at least, the number included),
// 超/超过/突破/多/余 (more than, excluded), 以内/以下/不超过 (at most, included). The words
// themselves belong to the text layer; the engine knows what each qualifier means.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

enum class Qualifier : std::uint8_t { kNone, kApprox, kAtLeast, kMoreThan, kAtMost };

// The spec's ids: "none", "approx", "at_least", "more_than", "at_most".
std::string_view QualifierId(Qualifier qualifier);
std::optional<Qualifier> QualifierFromId(std::string_view id);

// The words a qualifier puts before and after a quantity: 超 before, 左右/以上/以内 after.
std::string_view QualifierPrefix(Qualifier qualifier);
std::string_view QualifierSuffix(Qualifier qualifier);

}  // namespace kaohe
