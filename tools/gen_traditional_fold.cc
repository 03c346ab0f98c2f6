// Writes src/text/traditional_fold_table.inc from the installed ICU's Hant-Hans transliterator:
//   ./build/gen_traditional_fold > src/text/traditional_fold_table.inc
#include <cstdio>
#include <string>

#include "src/text/traditional_fold_derive.h"

int main() {
  std::string error;
  auto folds = kaohe::DeriveTraditionalFolds(error);
  if (folds.empty()) {
    std::fprintf(stderr, "gen_traditional_fold: %s\n", error.c_str());
    return 1;
  }
  std::fputs(kaohe::TraditionalFoldTableText(folds).c_str(), stdout);
  return 0;
}
