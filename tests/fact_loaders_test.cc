#include "src/load/fact_loaders.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "tests/test_support.h"

namespace kaohe {

using testing::AllMessages;
using testing::FindCode;
using testing::MakeWorld;

namespace {

struct Loaded {
  std::unique_ptr<testing::World> world = MakeWorld();
  // The documents these tests cite are written to the temporary directory.
  DocumentCache documents{ProjectRoot(std::filesystem::temp_directory_path().string())};
  FactStore store;
};

// Writes `document` to a temporary directory as doc.txt and loads `text` as `name` beside it.
std::unique_ptr<Loaded> Load(const std::string& name, const std::string& text,
                             const std::string& document = "") {
  auto loaded = std::make_unique<Loaded>();
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_loader_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string doc_path = (dir / "doc.txt").string();
  std::ofstream(doc_path) << document;
  std::string replaced = text;
  for (auto at = replaced.find("DOC"); at != std::string::npos; at = replaced.find("DOC")) {
    replaced.replace(at, 3, doc_path);
  }
  const SourceFile& file = loaded->world->AddFile((dir / name).string(), replaced);
  FactChecker checker(*loaded->world->dictionary, loaded->world->diagnostics, loaded->documents);
  LoadFactFile(file, checker, loaded->store);
  return loaded;
}

const Fact& Only(const FactStore& store, const FactKey& key) {
  auto facts = store.Find(key);
  REQUIRE(facts.size() == 1);
  return facts[0];
}

}  // namespace

TEST_CASE("JSON Lines facts load, with aliases made canonical and quotes checked") {
  auto l = Load(
      "facts.jsonl",
      R"({"entity":"甲经开区","indicator":"生产总值","measure":"growth","period":2025,"kind":"actual","value":14.2,"unit":"%","qualifier":"none","preliminary":true,"source":{"file":"DOC","line":2,"quote":"增长 14.2%"}}

{"entity":"甲区","indicator":"gdp","measure":"level","period":2025,"kind":"target","value":16200000000,"unit":"元","qualifier":"at_least","strive":true,"extra":"ignored"}
)",
      "标题\n产值增长14.2%。\n");
  CHECK_MESSAGE(!l->world->diagnostics.has_errors(), AllMessages(l->world->diagnostics));
  const Fact& a =
      Only(l->store, {"甲经济开发区", "gdp", Measure::kGrowth, 2025, FactKind::kActual});
  CHECK(a.value == 14.2);
  CHECK(bool(a.preliminary));
  CHECK(a.source.line == 2);
  const Fact& b = Only(l->store, {"甲区", "gdp", Measure::kLevel, 2025, FactKind::kTarget});
  CHECK(b.qualifier == Qualifier::kAtLeast);
  CHECK(bool(b.strive));
}

TEST_CASE("bad JSON Lines are reported at line and column, and the bad facts are not stored") {
  auto l = Load("facts.jsonl",
                "{\"entity\":\"甲区\",\"indicator\":\"gdp\",\"measure\":\"level\",\"period\":2025,"
                "\"kind\":\"actual\",\"value\":\"5\",\"unit\":\"元\"}\n"
                "{\"entity\":\"甲区\",\"indicator\":\"gdp\",\"measure\":\"level\",\"period\":2025,"
                "\"kind\":\"actual\",\"value\":5,\"unit\":\"亿元\"}\n"
                "{\"entity\":\"甲区\",\"indicator\":\"gdp\",\"measure\":\"level\"}\n"
                "{\"entity\":\"甲区\", oops}\n"
                "{\"entity\":\"甲区\",\"indicator\":\"gdp\",\"measure\":\"level\",\"period\":2025,"
                "\"kind\":\"actual\",\"value\":5,\"unit\":\"家\"}\n"
                "[1]\n");
  const std::string all = AllMessages(l->world->diagnostics);
  CHECK(l->store.size() == 0);
  CHECK(all.find("facts.jsonl:1:82: error[F003]: value must be a finite number") !=
        std::string::npos);
  CHECK(all.find(
            "facts.jsonl:2:92: error[F003]: unit '亿元' is not canonical: write the value in 元") !=
        std::string::npos);
  CHECK(all.find("facts.jsonl:3:1: error[F002]: missing field 'period'") != std::string::npos);
  CHECK(all.find("facts.jsonl:4:") != std::string::npos);
  CHECK(all.find("error[F006]: unit 家 does not fit gdp level (expected 元)") != std::string::npos);
  CHECK(all.find("facts.jsonl:6:1: error[F001]: a fact must be a JSON object") !=
        std::string::npos);
}

TEST_CASE("a quote that is not on the line it names is refused") {
  auto l = Load(
      "facts.jsonl",
      R"({"entity":"甲区","indicator":"gdp","measure":"growth","period":2025,"kind":"actual","value":5,"unit":"%","source":{"file":"DOC","line":1,"quote":"增长5%"}})"
      "\n",
      "增长6%\n");
  CHECK(FindCode(l->world->diagnostics, "F008"));
  CHECK(l->store.size() == 0);
}

TEST_CASE("a quote running over lines must overlap the cited line; one beside it is refused") {
  auto fact = [](int period, int line, const char* quote) {
    return fmt::format(
        R"({{"entity":"甲区","indicator":"gdp","measure":"growth","period":{},"kind":"actual",)"
        R"("value":5,"unit":"%","source":{{"file":"DOC","line":{},"quote":"{}"}}}})"
        "\n",
        period, line, quote);
  };
  const std::string document = "地区生产总值\n增长 5%，\n居民收入增长6%\n\n";
  auto l =
      Load("facts.jsonl",
           fact(2020, 2, "生产总值增长5%") + fact(2021, 1, "总值增长") + fact(2022, 3, "5%，居民") +
               fact(2023, 2, "增长5%，") + fact(2024, 1, "居民收入") +
               fact(2025, 3, "地区生产总值") + fact(2026, 4, "6%") + fact(2027, 4, "  "),
           document);
  std::vector<std::string> refused;
  for (const Diagnostic& d : l->world->diagnostics.all()) {
    if (d.code == "F008") refused.push_back(std::to_string(d.location.line));
  }
  // Lines 5 and 6 cite lines the quote does not touch; line 7 cites the empty line 4, which the
  // quote ends just before. An empty quote is on any line.
  CHECK(refused == std::vector<std::string>{"5", "6", "7"});
  CHECK(l->store.size() == 5);
}

TEST_CASE("an unknown entity is kept with a warning; an unknown indicator too") {
  auto l = Load(
      "facts.jsonl",
      R"({"entity":"丙县","indicator":"population","measure":"level","period":2025,"kind":"actual","value":5,"unit":"人"})"
      "\n");
  CHECK_FALSE(l->world->diagnostics.has_errors());
  CHECK(FindCode(l->world->diagnostics, "F010"));
  CHECK(FindCode(l->world->diagnostics, "F011"));
  CHECK(l->store.size() == 1);
}

TEST_CASE("a YAML target table becomes facts, each cell checked against its document line") {
  const std::string document = "表\n序号\n甲区\n7 以上\n- 15\n持平\n";
  auto l = Load("table.yaml", R"(table: 表
document: doc.txt
layout: cell_per_line
defaults: {entity: 甲区, measure: growth, unit: "%"}
columns:
  - {period: 2023, kind: target, strive: true}
  - {period: 2023, kind: actual, preliminary: true}
  - {period: 2024-2025, kind: target}
rows:
  - {indicator: gdp, line: 2, label_lines: 2, cells: ["7 以上", "- 15", "持平"]}
)",
                document);
  CHECK_MESSAGE(!l->world->diagnostics.has_errors(), AllMessages(l->world->diagnostics));
  const Fact& target = Only(l->store, {"甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget});
  CHECK(target.value == 7);
  CHECK(target.qualifier == Qualifier::kAtLeast);
  CHECK(bool(target.strive));
  CHECK(target.source.line == 4);
  CHECK(target.source.quote == "序号 甲区 7以上 -15 持平");
  const Fact& actual = Only(l->store, {"甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual});
  CHECK(actual.value == -15);
  CHECK(bool(actual.preliminary));
  CHECK(Only(l->store, {"甲区", "gdp", Measure::kGrowth, 2025, FactKind::kTarget}).value == 0);
  CHECK(l->store.size() == 4);  // 2024 and 2025 from one cell
}

TEST_CASE("a transcription error in a target table is caught against the document") {
  auto l = Load("table.yaml", R"(table: 表
document: doc.txt
layout: cell_per_line
defaults: {measure: level, kind: target, period: 2023, indicator: gdp}
columns:
  - {unit: 亿元}
  - {unit: 亿元}
rows:
  - {entity: 甲区, line: 1, cells: ["310", "481"]}
  - {entity: 乙区, line: 4, cells: ["1"]}
)",
                "甲区\n310\n418\n");
  const std::string all = AllMessages(l->world->diagnostics);
  CHECK(all.find("error[T003]: cell '481' is not what line 3 of") != std::string::npos);
  CHECK(all.find("error[T001]: the row has 1 cells but the table has 2 columns") !=
        std::string::npos);
  CHECK(l->store.size() == 1);
  CHECK(Only(l->store, {"甲区", "gdp", Measure::kLevel, 2023, FactKind::kTarget}).value == 310e8);
}

TEST_CASE("a table without a document cites its own rows") {
  auto l = Load("table.yaml", R"(table: 自定目标
defaults: {entity: 甲区, indicator: industry_enterprises, measure: level, kind: target}
columns:
  - {period: 2024, unit: 户}
rows:
  - {line: 1, cells: [95]}
)");
  CHECK_MESSAGE(!l->world->diagnostics.has_errors(), AllMessages(l->world->diagnostics));
  const Fact& f =
      Only(l->store, {"甲区", "industry_enterprises", Measure::kLevel, 2024, FactKind::kTarget});
  CHECK(f.unit == "家");
  CHECK(f.source.file.view().ends_with("table.yaml"));
  CHECK(f.source.line == 6);
}

TEST_CASE("target table mistakes: missing fields, clashing fields, bad cells, unknown units") {
  auto l = Load("table.yaml", R"(table: 表
defaults: {entity: 甲区, measure: level}
columns:
  - {indicator: gdp, period: 2023, unit: 亿元}
  - {indicator: gdp, period: 2024, kind: target, unit: 担}
rows:
  - {line: 1, kind: target, cells: ["七", "5"]}
  - {line: 2, cells: ["5", "5"]}
)");
  const std::string all = AllMessages(l->world->diagnostics);
  CHECK(all.find("error[T002]") != std::string::npos);
  CHECK(all.find("error[T005]: both this row and its column set 'kind'") != std::string::npos);
  CHECK(all.find("error[T004]: no 'kind' for this cell") != std::string::npos);
  CHECK(all.find("error[T006]: unknown unit '担'") != std::string::npos);
}

TEST_CASE("CSV facts load with surface units and qualifiers in the value") {
  auto l = Load("facts.csv",
                "entity,indicator,measure,period,kind,value,unit,strive,quote\n"
                "甲区,gdp,level,2024,target,\"1,200\",亿元,true,\"目标1,200亿元\"\n"
                "甲区,gdp,growth,2024,target,7 左右,%,,\n");
  CHECK_MESSAGE(!l->world->diagnostics.has_errors(), AllMessages(l->world->diagnostics));
  const Fact& level = Only(l->store, {"甲区", "gdp", Measure::kLevel, 2024, FactKind::kTarget});
  CHECK(level.value == 1200e8);
  CHECK(bool(level.strive));
  CHECK(level.source.line == 2);
  CHECK(level.source.quote == "目标1,200亿元");
  CHECK(Only(l->store, {"甲区", "gdp", Measure::kGrowth, 2024, FactKind::kTarget}).qualifier ==
        Qualifier::kApprox);
}

TEST_CASE("CSV mistakes are reported at row and column") {
  auto l = Load("facts.csv",
                "entity,indicator,periode,kind,value,unit\n"
                "甲区,gdp,2024,target,5,元\n");
  CHECK(AllMessages(l->world->diagnostics)
            .find("facts.csv:1:18: error[C002]: unknown column 'periode' (did you mean period?)") !=
        std::string::npos);
  auto l2 = Load("facts.csv",
                 "entity,indicator,period,kind,value,unit\n"
                 "甲区,gdp,2024,target,5\n"
                 "甲区,gdp,二〇二四,target,5,元\n"
                 "甲区,gdp,2024,target,\"5,元\n");
  const std::string all = AllMessages(l2->world->diagnostics);
  CHECK(all.find("facts.csv:4:20: error[C001]: CSV syntax error: unterminated quoted field") !=
        std::string::npos);
  auto l3 = Load("facts.csv",
                 "entity,indicator,period,kind,value,unit\n"
                 "甲区,gdp,2024,target,5\n"
                 "甲区,gdp,二〇二四,target,5,元\n");
  const std::string all3 = AllMessages(l3->world->diagnostics);
  CHECK(all3.find("facts.csv:2:1: error[C003]: the row has 5 fields but the header has 6") !=
        std::string::npos);
  CHECK(all3.find("facts.csv:3:8: error[C004]: '二〇二四' is not a year") != std::string::npos);
  CHECK(l3->store.size() == 0);
}

TEST_CASE("a file with another extension is refused") {
  auto l = Load("facts.txt", "");
  CHECK(FindCode(l->world->diagnostics, "F012"));
}

TEST_CASE("the fast JSON Lines reader takes only lines the diagnosing reader reads the same") {
  const std::string base =
      R"("indicator":"gdp","measure":"growth","period":2023,"kind":"actual","unit":"%")";
  const std::vector<std::string> lines = {
      R"({"entity":"甲区",)" + base + R"(,"value":5})",
      R"({"entity":"\u7532\u533a",)" + base + R"(,"value":5.5})",  // escaped text
      R"({"\u0065ntity":"甲区",)" + base + R"(,"value":-0})",      // an escaped key
      R"( { "entity" : "甲区" ,)" + base + "\t,\"value\" : 1e2 } ",
      R"({"entity":"甲区",)" + base + R"(,"value":1,"value":2})",  // the last of two counts
      R"({"entity":"甲区",)" + base + R"(,"value":5,"x":[1,{"y":null}],"z":"\n"})",
      R"({"entity":"甲区",)" + base +
          R"(,"value":5,"source":{"file":"a.txt","line":3,"quote":"增长\"5%\"","w":1}})",
      R"({"entity":"甲区",)" + base +
          R"(,"value":5,"qualifier":"approx","preliminary":true,"strive":false})",
      R"({"entity":"甲区",)" + base + R"(,"value":123456789012345678901234567890})",
      R"({"entity":"甲区",)" + base + R"(,"value":1e400})",
      R"({"entity":"甲区",)" + base + R"(,"value":"5"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"period":2023.0})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"period":9223372036854775808})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"unit":"亿元"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"unit":"pp"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"qualifier":"maybe"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"preliminary":"yes"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"source":{"line":0}})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"source":"a.txt"})",
      R"({"entity":"甲区",)" + base + R"(,"value":5,"x":[1,2})",
      R"({"entity":"甲区",)" + base + R"(,"value":5} trailing)",
      R"({"entity":"甲区",)" + base + R"(,"value":5}{})",
      R"({"entity":"甲区",)" + base + R"(})",  // no value
      R"({"entity":"无此区",)" + base + R"(,"value":5})",
      R"({"entity":"甲区","indicator":"gdp","measure":"level","period":2023,"kind":"plan","value":5,"unit":"元"})",
      R"([1,2])",
      R"("甲区")",
      R"({"entity":甲区})",
  };
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  auto world = MakeWorld();
  const SourceFile& file = world->AddFile("both.jsonl", text);
  DocumentCache documents;
  auto read = [&](bool plain_first, Diagnostics& diagnostics) {
    FactStore store;
    FactChecker checker(*world->dictionary, diagnostics, documents);
    LoadFactsJsonl(file, checker, store, plain_first);
    std::vector<std::string> facts;
    store.ForEach([&](const FactKey&, std::span<const Fact> found) {
      for (const Fact& f : found) facts.push_back(DebugString(f));
    });
    return facts;
  };
  Diagnostics fast_diagnostics, diagnosing_diagnostics;
  auto fast = read(true, fast_diagnostics);
  auto diagnosing = read(false, diagnosing_diagnostics);
  CHECK(fast == diagnosing);
  CHECK(AllMessages(fast_diagnostics) == AllMessages(diagnosing_diagnostics));
  CHECK(fast.size() == 10);  // the first nine lines, and the 30 digits as their nearest double
  CHECK(fast_diagnostics.all().size() >= lines.size() - 10);
}

TEST_CASE("a streamed JSON Lines file gives the facts and diagnostics of one read whole") {
  // Over 4 MiB, so that lines straddle the reader's chunks; with a byte order mark, CRLF line
  // ends, blank lines, a bad fact and no final line break.
  std::string text = "\xEF\xBB\xBF";
  int lines = 0;
  for (int i = 0; text.size() < (std::size_t{9} << 20); ++i) {
    text += fmt::format(
        R"({{"entity":"甲区","indicator":"gdp","measure":"level","period":{},"kind":"actual",)"
        R"("value":{},"unit":"元","note":"{}"}})",
        1990 + i % 36, i, std::string(static_cast<std::size_t>(i % 97), 'q'));
    text += i % 3 ? "\n" : "\r\n";
    ++lines;
    if (i % 1000 == 0) {
      text += "\n";
      ++lines;
    }
    // Bad facts in every batch, so that diagnostics of batches parsed by different threads
    // must come out in file order.
    if (i % 5000 == 4999) {
      text += fmt::format(R"({{"entity":"甲区","indicator":"gdp","measure":"level","period":{},)"
                          R"("kind":"hope","value":1,"unit":"元"}})"
                          "\n",
                          i);
      ++lines;
    }
  }
  text += R"({"entity":"甲区","indicator":"gdp","measure":"level","period":1999,"kind":"plan"})";
  ++lines;
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_loader_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "stream.jsonl").string();
  std::ofstream(path, std::ios::binary) << text;
  auto whole = std::make_unique<Loaded>();
  auto file = ReadTextFile(path);
  REQUIRE(file.ok());
  FactChecker whole_checker(*whole->world->dictionary, whole->world->diagnostics, whole->documents);
  LoadFactFile(file.value(), whole_checker, whole->store);
  auto world = MakeWorld();
  DocumentCache documents;
  FactStore streamed;
  FactChecker checker(*world->dictionary, world->diagnostics, documents);
  auto result = StreamFactsJsonl(path, checker, streamed);
  REQUIRE(result.ok());
  CHECK(streamed.size() == whole->store.size());
  CHECK(streamed.size() > 50000);
  std::vector<std::string> a, b;
  streamed.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) a.push_back(DebugString(f));
  });
  whole->store.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) b.push_back(DebugString(f));
  });
  CHECK(a == b);
  CHECK(AllMessages(world->diagnostics) == AllMessages(whole->world->diagnostics));
  CHECK(world->diagnostics.all().size() > 10);
  CHECK(AllMessages(world->diagnostics).find(fmt::format(":{}:", lines)) != std::string::npos);

  std::ofstream(path, std::ios::binary) << "{}\n{\"entity\":\"甲\xFF\"}\n";
  auto bad = StreamFactsJsonl(path, checker, streamed);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == path + ":2:13: invalid UTF-8 at byte offset 17 (byte 0xFF)");

  // A bad byte several batches in: the file is refused at that line, while the batches after it
  // may already be in the readers' hands.
  std::string line =
      R"({"entity":"甲区","indicator":"gdp","measure":"level","period":2000,"kind":"actual",)"
      R"("value":1,"unit":"元"})"
      "\n";
  std::string deep;
  int bad_line = 0;
  for (int i = 1; deep.size() < (std::size_t{30} << 20); ++i) {
    if (deep.size() >= (std::size_t{13} << 20) && bad_line == 0) {
      bad_line = i;
      deep += "{\"entity\":\"\xC3\"}\n";
    } else {
      deep += line;
    }
  }
  std::ofstream(path, std::ios::binary) << deep;
  FactStore partial;
  auto refused = StreamFactsJsonl(path, checker, partial);
  REQUIRE_FALSE(refused.ok());
  CHECK(
      refused.error().message.starts_with(fmt::format("{}:{}:12: invalid UTF-8", path, bad_line)));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a number too large for a double is refused where it stands, in CSV and target tables") {
  const std::string huge = "1" + std::string(320, '0');
  auto csv = Load("facts.csv",
                  "entity,indicator,measure,period,kind,value,unit\n"
                  "甲区,gdp,growth,2024,target," +
                      huge +
                      ",%\n"
                      "甲区,gdp,level,2024,target,1" +
                      std::string(305, '0') +
                      ",亿元\n"
                      "甲区,gdp,level,2023,target,5,亿元\n");
  const std::string csv_messages = AllMessages(csv->world->diagnostics);
  CHECK(csv_messages.find("facts.csv:2:27: error[C004]: the number in the cell is too large (321 "
                          "digits)") != std::string::npos);
  // Finite as written, infinite once scaled to the canonical unit.
  CHECK(csv_messages.find("facts.csv:3:26: error[C004]: the value is too large in 亿元") !=
        std::string::npos);
  CHECK(csv->store.size() == 1);

  auto table = Load("table.yaml",
                    "table: 表\n"
                    "defaults: {entity: 甲区, measure: level, kind: target}\n"
                    "columns:\n"
                    "  - {indicator: gdp, period: 2023, unit: 亿元}\n"
                    "rows:\n"
                    "  - {line: 1, cells: [\"" +
                        huge +
                        "\"]}\n"
                        "  - {line: 2, cells: [\"1" +
                        std::string(305, '0') + "\"]}\n");
  const std::string table_messages = AllMessages(table->world->diagnostics);
  CHECK(table_messages.find("table.yaml:6:23: error[T002]: the number in the cell is too large") !=
        std::string::npos);
  CHECK(table_messages.find("table.yaml:7:23: error[T002]: the value is too large in 亿元") !=
        std::string::npos);
  CHECK(table->store.size() == 0);
}

TEST_CASE("a lone surrogate in a JSON Lines string is named as such") {
  auto l = Load("facts.jsonl",
                R"({"entity":"甲区","indicator":"gdp","measure":"level","period":2025,)"
                R"("kind":"actual","value":5,"unit":"元","source":{"file":"x","quote":"a\ud800b"}})"
                "\n"
                R"({"entity":"\udc00","indicator":"gdp","measure":"level","period":2025,)"
                R"("kind":"actual","value":5,"unit":"元"})"
                "\n");
  const std::string all = AllMessages(l->world->diagnostics);
  CHECK(all.find("facts.jsonl:1:103: error[F003]: source.quote holds an invalid escape: a lone "
                 "surrogate (\\ud800 to \\udfff without its pair)") != std::string::npos);
  CHECK(all.find("facts.jsonl:2:2: error[F003]: entity holds an invalid escape: a lone "
                 "surrogate") != std::string::npos);
  CHECK(all.find("must be a string") == std::string::npos);
  CHECK(l->store.size() == 0);
}

TEST_CASE("the fact limit stops a loader at the first fact past it, across files too") {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_limit_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto fact_line = [](int i) {
    return fmt::format(R"({{"entity":"甲区","indicator":"gdp","measure":"level","period":{},)"
                       R"("kind":"actual","value":{},"unit":"元"}})"
                       "\n",
                       2000 + i % 20, i);
  };
  // Several batches, so that the limit falls while workers are parsing ahead.
  std::string text;
  for (int i = 0; text.size() < (std::size_t{12} << 20); ++i) text += fact_line(i);
  const std::string big = (dir / "big.jsonl").string();
  std::ofstream(big, std::ios::binary) << text;
  {
    auto world = MakeWorld();
    DocumentCache documents;
    FactStore store;
    FactChecker checker(*world->dictionary, world->diagnostics, documents);
    auto result = StreamFactsJsonl(big, checker, store, 1000);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message == big + ": more than 1000 facts in one run");
    CHECK(store.size() == 1001);
  }
  {
    auto l = std::make_unique<Loaded>();
    std::string csv = "entity,indicator,measure,period,kind,value,unit\n";
    for (int i = 0; i < 50; ++i)
      csv += fmt::format("甲区,gdp,level,{},actual,{},元\n", 2000 + i, i);
    const SourceFile& file = l->world->AddFile((dir / "f.csv").string(), csv);
    FactChecker checker(*l->world->dictionary, l->world->diagnostics, l->documents);
    LoadFactsCsv(file, checker, l->store, 10);
    CHECK(l->store.size() == 11);
  }
  // Two files each under the limit, together over it.
  std::string small;
  for (int i = 0; i < 6; ++i) small += fact_line(i);
  std::ofstream((dir / "a.jsonl").string(), std::ios::binary) << small;
  std::ofstream((dir / "b.jsonl").string(), std::ios::binary) << small;
  InputPaths paths;
  paths.dictionaries = {std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary"};
  paths.facts = {(dir / "a.jsonl").string(), (dir / "b.jsonl").string()};
  paths.max_facts = 10;
  Diagnostics diagnostics;
  auto inputs = LoadInputs(paths, diagnostics);
  REQUIRE_FALSE(inputs.ok());
  CHECK(inputs.error().message == (dir / "b.jsonl").string() + ": more than 10 facts in one run");
  paths.max_facts = 12;
  Diagnostics fits;
  CHECK(LoadInputs(paths, fits).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace kaohe
