#include "engine/name.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

namespace kaohe {

TEST_CASE("Name: one number per distinct text, the empty text 0, ordered by text") {
  Name a("杜集区");
  Name b(std::string("杜集") + "区");
  Name c("古交市");
  CHECK(a == b);
  CHECK(a.id() == b.id());
  CHECK(a != c);
  CHECK(a.str() == "杜集区");
  CHECK(a.size() == std::string("杜集区").size());
  CHECK(Name().id() == 0);
  CHECK(Name("").id() == 0);
  CHECK(Name().empty());
  CHECK_FALSE(a.empty());
  CHECK(Name().str().empty());
  CHECK((Name("b") <=> Name("a")) == std::strong_ordering::greater);
  CHECK(Name("a") < Name("ab"));
  CHECK_FALSE(Name("plain").escapes_in_json());
  CHECK(Name("say \"hi\"").escapes_in_json());
  CHECK(Name("tab\there").escapes_in_json());
}

TEST_CASE("Name: texts past many chunks of numbers read back, on threads interning together") {
  // Four threads intern the same 20,000 texts (several chunks' worth) in different orders.
  constexpr int kTexts = 20000;
  constexpr int kThreads = 4;
  std::vector<std::vector<Name>> names(kThreads, std::vector<Name>(kTexts));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&names, t] {
      for (int i = 0; i < kTexts; ++i) {
        const int n = t % 2 == 0 ? i : kTexts - 1 - i;
        names[t][n] = Name("名称测试" + std::to_string(n));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < kTexts; ++i) {
    for (int t = 1; t < kThreads; ++t) REQUIRE(names[t][i] == names[0][i]);
    REQUIRE(names[0][i].str() == "名称测试" + std::to_string(i));
  }
  CHECK(names[0][0] != names[0][1]);
}

}  // namespace kaohe
