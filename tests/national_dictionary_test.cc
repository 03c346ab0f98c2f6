// The generated national dictionary (rules/dictionary/national.yaml) with the hand-written one,
// and how extraction finds a document's subject with it: known names, compounds, shared names
// decided by context, and guesses by form that never take in a verb or a title.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "engine/dictionary.h"
#include "src/extract/extractor.h"
#include "src/extract/subject.h"
#include "src/load/inputs.h"
#include "src/text/normalize.h"
#include "tests/bundled_inputs.h"
#include "tests/test_support.h"

namespace kaohe {
namespace {

const Dictionary& Bundled() { return *testing::Bundled().dictionary; }

const Extractor& BundledExtractor() {
  static Extractor extractor(Bundled(), *testing::Bundled().cues);
  return extractor;
}

Extraction Extract(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return BundledExtractor().ExtractLines("doc.txt", lines);
}

std::string SubjectOf(const std::string& text) { return Extract(text).subject; }

}  // namespace

TEST_CASE("the national dictionary has every level, unique names, codes and short forms") {
  const Dictionary& d = Bundled();
  int provinces = 0, cities = 0, county_level = 0;
  for (const Entity& e : d.entities()) {
    if (e.code.empty()) continue;
    if (e.kind == EntityKind::kProvince) ++provinces;
    if (e.kind == EntityKind::kCity) ++cities;
    if (e.code.size() == 6) ++county_level;
  }
  CHECK(provinces == 31);
  CHECK(cities >= 330);
  CHECK(county_level >= 2900);

  // A name two places carry names neither alone; each has a parent-qualified canonical name.
  CHECK(d.FindEntity("朝阳区") == nullptr);
  auto chaoyang = d.SharingEntities("朝阳区");
  REQUIRE(chaoyang.size() == 2);
  CHECK(chaoyang[0]->name == "北京市朝阳区");
  CHECK(chaoyang[0]->parent == "北京市");
  CHECK(chaoyang[1]->name == "长春市朝阳区");
  CHECK(chaoyang[1]->code == "220104");
  CHECK(d.SharingEntities("新华区").size() >= 2);

  // Short forms of provinces and prefecture-level units; none of county-level ones.
  REQUIRE(d.FindEntity("成都"));
  CHECK(d.FindEntity("成都")->name == "成都市");
  REQUIRE(d.FindEntity("广西"));
  CHECK(d.FindEntity("广西")->name == "广西壮族自治区");
  REQUIRE(d.FindEntity("延边"));
  CHECK(d.FindEntity("延边")->name == "延边朝鲜族自治州");
  // Ethnic designations and level words are stripped: the genre's short forms.
  for (const auto& [short_form, name] :
       std::vector<std::pair<std::string, std::string>>{{"内蒙古", "内蒙古自治区"},
                                                        {"西藏", "西藏自治区"},
                                                        {"新疆", "新疆维吾尔自治区"},
                                                        {"宁夏", "宁夏回族自治区"},
                                                        {"克孜勒苏", "克孜勒苏柯尔克孜自治州"},
                                                        {"黔东南", "黔东南苗族侗族自治州"},
                                                        {"大兴安岭", "大兴安岭地区"},
                                                        {"锡林郭勒", "锡林郭勒盟"}}) {
    CAPTURE(short_form);
    REQUIRE(d.FindEntity(short_form));
    CHECK(d.FindEntity(short_form)->name == name);
  }
  CHECK(d.FindEntity("吉林") == nullptr);  // 吉林省 and 吉林市
  CHECK(d.SharingEntities("吉林").size() == 2);
  CHECK(d.FindEntity("和平") == nullptr);
  CHECK(d.FindEntity("东方") == nullptr);
  REQUIRE(d.FindEntity("合肥高新区"));
  CHECK(d.FindEntity("合肥高新区")->name == "合肥高新技术产业开发区");
  CHECK(d.FindEntity("合肥高新区")->kind == EntityKind::kDevelopmentZone);
  CHECK(d.FindEntity("合肥高新区")->parent == "合肥市");
  REQUIRE(d.FindEntity("桐乡市"));
  CHECK(d.FindEntity("桐乡市")->kind == EntityKind::kCountyLevelCity);
}

TEST_CASE("a hand-written entry merges with the generated one of the same name") {
  const Dictionary& d = Bundled();
  const Entity* huaibei = d.FindEntity("淮北市");
  REQUIRE(huaibei);
  CHECK(huaibei->code == "3406");
  const Entity* zone = d.FindEntity("宿州经济开发区");  // an alias only the hand file gives
  REQUIRE(zone);
  CHECK(zone->name == "宿州经济技术开发区");
  CHECK(zone->code == "341372");
  CHECK(d.FindEntity("宿州经开区") == zone);
  CHECK(d.IsWithin(*d.FindEntity("濉溪经济开发区"), "淮北市开发区"));
}

TEST_CASE("merging and sharing are checked with positions") {
  auto world = testing::MakeWorld(R"(entities:
  - {name: 甲市, kind: city, code: "1101", aliases: [甲]}
  - {name: 甲市, kind: city, aliases: [甲城], groups: [组]}
  - {name: 组, kind: zone_group}
  - {name: 北甲区, kind: district, parent: 甲市, shared_aliases: [甲区]}
  - {name: 南甲区, kind: district, parent: 甲市, shared_aliases: [甲区]}
  - {name: 乙区, kind: district, aliases: [甲区]}
  - {name: 甲市, kind: district}
  - {name: 丙区, kind: district, code: 11A}
)");
  const Dictionary& d = *world->dictionary;
  const Entity* jia = d.FindEntity("甲城");
  REQUIRE(jia);
  CHECK(jia == d.FindEntity("甲"));
  CHECK(jia->code == "1101");
  CHECK(jia->groups == std::vector<std::string>{"组"});
  CHECK(d.SharingEntities("甲区").size() == 2);
  CHECK(d.FindEntity("甲区") == nullptr);
  CHECK(d.FindEntity("乙区") == nullptr);  // its alias is shared: a clash, not a definition
  std::vector<int> clash_lines;
  for (const Diagnostic& diag : world->diagnostics.all()) {
    if (diag.code == "D001") clash_lines.push_back(diag.location.line);
  }
  CHECK(clash_lines == std::vector<int>{7, 8});
  bool bad_code = false;
  for (const Diagnostic& diag : world->diagnostics.all()) {
    bad_code = bad_code || (diag.code == "D008" && diag.location.line == 9);
  }
  CHECK(bad_code);
}

TEST_CASE("the subject from titles and bylines of the genre") {
  CHECK(SubjectOf("政府工作报告\n——2024年1月10日在嘉兴市第九届人民代表大会第三次会议上\n") ==
        "嘉兴市");
  CHECK(SubjectOf("2024年，西安市雁塔区这样干\n") == "雁塔区");
  CHECK(SubjectOf("成都地区生产总值增长目标确定\n") == "成都市");
  // A zone in no dictionary by its form, 高新区 being the short name of 高新技术产业开发区.
  CHECK(SubjectOf("金坛高新区召开2024年工作大会\n") == "金坛高新技术产业开发区");
  CHECK(SubjectOf("金坛开发区召开高质量发展大会\n") == "金坛开发区");
  // A national zone by the dictionary's name (rules/dictionary/zones.yaml).
  CHECK(SubjectOf("张江高新区召开2024年工作大会\n") == "上海张江高新技术产业开发区");
  CHECK(SubjectOf("金华开发区召开高质量发展大会\n") == "金华经济技术开发区");
  CHECK(SubjectOf("新春开工后，金华开发区（金华经济技术开发区）召开大会\n") ==
        "金华经济技术开发区");
  // A province named alone is the subject; media names and datelines are not.
  CHECK(SubjectOf("四川省政府工作报告\n人民网成都1月22日电　四川省第十四届人民代表大会开幕\n") ==
        "四川省");
  CHECK(SubjectOf("人民网>>黑龙江频道\n【两会】黑龙江交出五年发展成绩单\n") == "黑龙江省");
  CHECK(SubjectOf("晋城生活网　首页\n这些数字展现山西发展的活力\n") == "山西省");
  CHECK(SubjectOf("安徽宿州：2024年经济运行情况\n") == "宿州市");
  // A province before a place inside it labels the place; before a place elsewhere it does not.
  CHECK(SubjectOf("（福建省）2019年松溪县人民政府工作报告（全文）\n") == "松溪县");
  CHECK(SubjectOf("浙江省2023年国民经济和社会发展统计公报\n") == "浙江省");
  CHECK(SubjectOf("（福建省）2023年经济运行情况与成都市比较\n") == "福建省");
  CHECK(SubjectOf("（广安市）广安区2021年经济运行情况\n") == "广安区");
  CHECK(SubjectOf("广安市2021年经济运行情况：广安区增长最快\n") == "广安市");
  // After 全国/全省/全市 a place's name is a title places earn (平安区 is also a district).
  CHECK(SubjectOf("政府工作报告\n连续十三年保持全省平安区称号。\n").empty());
  // A county-level short name only where the genre puts the subject.
  CHECK(SubjectOf("桐乡2024年国民经济和社会发展统计公报\n") == "桐乡市");
  CHECK(SubjectOf("十大新闻解读\n2023年，武进牢牢把握高质量发展这个首要任务\n") == "武进区");
  CHECK(SubjectOf("十大新闻解读\n我们在武进调研\n").empty());
  // One incidental mention in the body is not the subject (全省平安区称号).
  std::string opening;
  for (int i = 0; i < 12; ++i) opening += "一年来，我们稳中求进。\n";
  CHECK(SubjectOf("政府工作报告\n" + opening + "连续三年保持全省平安区称号。\n").empty());
  CHECK(SubjectOf("政府工作报告\n" + opening + "平安区称号。海曙区工作。海曙区建设。\n") ==
        "海曙区");
  CHECK(SubjectOf("海曙区区长某某作政府工作报告\n") == "海曙区");
  // Compound names are their most specific part.
  CHECK(SubjectOf("广州市天河区2023年国民经济和社会发展统计公报\n") == "天河区");
  CHECK(SubjectOf("浙江省宁波市鄞州区2024年政府工作报告\n") == "鄞州区");
  CHECK(SubjectOf("合肥高新区2024年工作报告\n") == "合肥高新技术产业开发区");
}

TEST_CASE("a guess by form never takes in a verb, a title or a person") {
  std::u32string t = U"现在，我代表市人民政府向大会报告工作";
  CHECK(PlaceNameBefore(t, t.find(U"人民政府")) == -1);
  t = U"主任张三受市政府委托";
  CHECK(PlaceNameBefore(t, t.find(U"市") + 1) == -1);
  t = U"会议审议了某某市";
  CHECK(PlaceNameBefore(t, t.size()) == static_cast<int>(t.find(U"某某市")));
  t = U"全国11家国家级开发区";
  CHECK(PlaceNameBefore(t, t.size()) == -1);
  t = U"全国31个省区市";
  CHECK(PlaceNameBefore(t, t.size()) == -1);
  t = U"区长李四在某某县";
  CHECK(PlaceNameBefore(t, t.size()) == static_cast<int>(t.find(U"某某县")));
  CHECK(SubjectOf("各位代表：\n现在，我代表市人民政府，向大会报告工作。\n").empty());
}

TEST_CASE("a shared name is decided by the places the document names, else a warning") {
  CHECK(SubjectOf("朝阳区2024年政府工作报告\n北京市朝阳区人民政府\n") == "北京市朝阳区");
  CHECK(SubjectOf("朝阳区2024年政府工作报告\n全区上下在长春市委领导下。\n") == "长春市朝阳区");
  // A sibling decides too: another district of the same city.
  CHECK(SubjectOf("朝阳区2024年政府工作报告\n与海淀区、丰台区协同发展。\n") == "北京市朝阳区");
  Extraction e = Extract("朝阳区2024年政府工作报告\n全区地区生产总值增长5%。\n");
  CHECK(e.subject.empty());
  std::string warnings = testing::AllMessages(e.diagnostics);
  CHECK(warnings.find("北京市朝阳区") != std::string::npos);
  CHECK(warnings.find("长春市朝阳区") != std::string::npos);
}

TEST_CASE("in a zone's own report, 开发区 alone is the zone; a shared name in text, by subject") {
  Extraction e = Extract("合肥高新区2024年工作报告\n2024年，开发区地区生产总值增长8%。\n");
  REQUIRE_FALSE(e.facts.empty());
  CHECK(e.facts.front().key.entity == "合肥高新技术产业开发区");
  e = Extract("北京市2024年政府工作报告\n2024年，朝阳区地区生产总值增长6%。\n");
  REQUIRE_FALSE(e.facts.empty());
  CHECK(e.facts.front().key.entity == "北京市朝阳区");
  // The sentence's other places decide too (the subject here is in no dictionary).
  e = Extract(
      "某某新区2024年工作报告\n2023年，海淀区地区生产总值增长5%，朝阳区地区生产总值增长6%。\n");
  REQUIRE(e.facts.size() == 2);
  CHECK(e.facts[1].key.entity == "北京市朝阳区");
  // An institution named after a place is not the place.
  e = Extract("宿州市2024年政府工作报告\n2023年，与厦门大学共建项目，地区生产总值增长6%。\n");
  REQUIRE_FALSE(e.facts.empty());
  CHECK(e.facts.front().key.entity == "宿州市");
  // 城区 is a district's name in several cities but an ordinary word in text.
  e = Extract("阳泉市2024年政府工作报告\n2023年，城区地区生产总值增长6%。\n");
  REQUIRE_FALSE(e.facts.empty());
  CHECK(e.facts.front().key.entity == "阳泉市");
  // Undecided, a shared name stays the bare name: no fact goes to a guessed place.
  e = Extract("各地目标\n2023年，朝阳区地区生产总值增长6%。\n");
  REQUIRE_FALSE(e.facts.empty());
  CHECK(e.facts.front().key.entity == "朝阳区");
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("a province owns the figures of a clause it opens, not those it is compared with") {
  Extraction e = Extract(
      "武宣县2022年政府工作报告\n根据报告，今年广西经济增长预期目标为6.5%"
      "以上，一般公共预算收入增长3%。\n");
  REQUIRE(e.facts.size() == 2);
  CHECK(e.facts[0].key.entity == "广西壮族自治区");
  CHECK(e.facts[1].key.entity == "广西壮族自治区");
  e = Extract(
      "武宣县2022年政府工作报告\n根据广西壮族自治区政府工作报告，今年地区生产总值增长7%。\n");
  REQUIRE(e.facts.size() == 1);
  CHECK(e.facts[0].key.entity == "武宣县");
}

TEST_CASE("in a place's own document its districts go by their short names") {
  const std::string line =
      "2011年，香洲、金湾和斗门三个行政区分别实现地区生产总值863.48亿元、351.27亿元和188."
      "49亿元。\n";
  Extraction e = Extract("珠海市2011年国民经济和社会发展统计公报\n" + line);
  REQUIRE(e.facts.size() == 3);
  CHECK(e.facts[0].key.entity == "香洲区");
  CHECK(e.facts[1].key.entity == "金湾区");
  CHECK(e.facts[2].key.entity == "斗门区");
  // In another place's document the short names name nothing.
  e = Extract("淮北市2011年国民经济和社会发展统计公报\n" + line);
  for (const Fact& f : e.facts) CHECK(f.key.entity != "香洲区");
}

TEST_CASE("places listed with 为 and a figure take the indicator named on the lines before") {
  Extraction e = Extract(
      "各省份经济增长目标出炉\n目前，各省2024年经济增长预期目标均已公布。\n"
      "其中，甘肃为6%左右，山西、河北为5.5%左右；湖北为全国前列。\n");
  REQUIRE(e.facts.size() == 3);
  CHECK(e.facts[0].key.entity == "甘肃省");
  CHECK(e.facts[1].key.entity == "山西省");
  CHECK(e.facts[2].key.entity == "河北省");
  for (const Fact& f : e.facts) {
    CHECK(f.key.indicator == "gdp");
    CHECK(f.key.measure == Measure::kGrowth);
    CHECK(f.key.period == 2024);
    CHECK(f.key.kind == FactKind::kTarget);
  }
  CHECK(e.facts[2].value == 5.5);
  // With no indicator named before, a place and its figure say nothing.
  e = Extract("各省份情况\n其中，甘肃为6%左右，山西为5.5%左右。\n");
  CHECK(e.facts.empty());
}

TEST_CASE("a place opening a list's first item, or ending in 地区 before 生产总值, owns it") {
  Extraction e = Extract(
      "黑龙江省2023年各市经济运行情况\n"
      "2023年，七台河市第一、二、三产业分别实现增加值43.40亿元、109.90亿元、100.00亿元。\n"
      "2023年大兴安岭地区生产总值为151.80亿元。\n");
  REQUIRE(e.facts.size() == 4);
  CHECK(e.facts[0].key.entity == "七台河市");
  CHECK(e.facts[0].key.indicator == "primary_value_added");
  CHECK(e.facts[2].key.entity == "七台河市");
  CHECK(e.facts[3].key.entity == "大兴安岭地区");
  CHECK(e.facts[3].key.indicator == "gdp");
}

TEST_CASE("the flow-line fast path reads national.yaml as the general YAML path does") {
  std::ifstream in(std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary/national.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(text.size() > 100000);
  SourceFile fast_file("national.yaml", text);
  // A comment indented under the list is YAML the fast path declines: the general path reads it.
  SourceFile general_file("national.yaml", text + "  # indented comment\n");
  Dictionary fast, general;
  Diagnostics fast_diags, general_diags;
  CHECK(internal::LoadFlowLineEntities(fast_file, fast, fast_diags));
  CHECK_FALSE(internal::LoadFlowLineEntities(general_file, general, general_diags));
  LoadDictionary(general_file, general, general_diags);
  CHECK_FALSE(fast_diags.has_errors());
  CHECK_FALSE(general_diags.has_errors());
  REQUIRE(fast.entities().size() == general.entities().size());
  for (std::size_t i = 0; i < fast.entities().size(); ++i) {
    const Entity& a = fast.entities()[i];
    const Entity& b = general.entities()[i];
    CHECK(a.name == b.name);
    CHECK(a.kind == b.kind);
    CHECK(a.parent == b.parent);
    CHECK(a.code == b.code);
    CHECK(a.aliases == b.aliases);
    CHECK(a.shared_aliases == b.shared_aliases);
    CHECK(a.defined_at == b.defined_at);
    if (a.name != b.name || a.defined_at != b.defined_at) break;
  }
}

TEST_CASE("the fast path declines what it cannot read exactly; the general path reports it") {
  for (const char* text : {
           "entities:\n  - {name: 甲市, kind: city, nmae: x}\n",     // unknown key
           "entities:\n  - {name: 甲市, kind: cty}\n",               // unknown kind
           "entities:\n  - {name: 甲市, kind: city, code: 11A}\n",   // bad code
           "entities:\n  - {name: null, kind: city}\n",              // not a word
           "entities:\n  - {name: 甲市, kind: city, name: 乙市}\n",  // duplicate key
           "entities:\n  - {name: 甲市: x, kind: city}\n",           // a colon in a scalar
           "entities:\n  - {name: 甲市, kind: city, aliases: []}\n",
       }) {
    CAPTURE(text);
    SourceFile file("d.yaml", text);
    Dictionary d;
    Diagnostics diags;
    CHECK_FALSE(internal::LoadFlowLineEntities(file, d, diags));
    CHECK(d.entities().empty());
    CHECK(diags.all().empty());
  }
}

}  // namespace kaohe
