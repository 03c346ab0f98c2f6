#include "src/text/qualifier_words.h"

#include <algorithm>

namespace kaohe {

const std::vector<QualifierWord>& QualifierWords() {
  using enum Qualifier;
  using enum QualifierPlacement;
  static const std::vector<QualifierWord> kWords = [] {
    std::vector<QualifierWord> words = {
        {"左右", kApprox, kAfter},
        {"上下", kApprox, kAfter},
        {"约", kApprox, kBefore},
        {"近", kApprox, kBefore},
        {"将近", kApprox, kBefore},
        {"以上", kAtLeast, kAfter},
        {"及以上", kAtLeast, kAfter},
        {"不低于", kAtLeast, kBefore},
        {"不少于", kAtLeast, kBefore},
        {"至少", kAtLeast, kBefore},
        {"超过", kMoreThan, kBefore},
        {"超", kMoreThan, kBefore},
        {"突破", kMoreThan, kBefore},
        {"逾", kMoreThan, kBefore},
        {"多", kMoreThan, kAfter},
        {"余", kMoreThan, kAfter},
        {"以内", kAtMost, kAfter},
        {"以下", kAtMost, kAfter},
        {"不超过", kAtMost, kBefore},
        {"不高于", kAtMost, kBefore},
        {"控制在", kAtMost, kBefore},
        // 跨过/迈过…大关 and 迈上…台阶 pass a threshold; 接近 is 近 (the corpus README).
        {"跨过", kMoreThan, kBefore},
        {"迈过", kMoreThan, kBefore},
        {"迈上", kMoreThan, kBefore},
        {"接近", kApprox, kBefore},
    };
    std::stable_sort(words.begin(), words.end(),
                     [](const QualifierWord& a, const QualifierWord& b) {
                       return a.word.size() > b.word.size();
                     });
    return words;
  }();
  return kWords;
}

}  // namespace kaohe
