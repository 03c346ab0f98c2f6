#include "src/extract/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/units.h"
#include "src/text/normalize.h"
#include "src/text/qualifier_words.h"

namespace kaohe {
namespace {

int DigitValue(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
    case U'幺':
      return 1;
    case U'二':
    case U'贰':
    case U'貳':
    case U'两':
    case U'兩':
    case U'倆':
      return 2;
    case U'三':
    case U'叁':
    case U'參':
    case U'叄':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

double SmallUnit(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    default:
      return 0;
  }
}

double BigUnit(char32_t c) {
  switch (c) {
    case U'万':
    case U'萬':
      return 1e4;
    case U'亿':
    case U'億':
      return 1e8;
    case U'兆':
      return 1e12;
    default:
      return 0;
  }
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsNegativeWord(char32_t c) { return c == U'负' || c == U'負'; }
bool IsPoint(char32_t c) { return c == U'点' || c == U'點'; }

struct Parsed {
  std::size_t end = 0;  // one past the last code point used; 0 when nothing parsed
  double value = 0;
  bool more = false;  // 多/余 inside the numeral: 十余万, 壹千多萬
  bool integer = true;
  bool word = false;  // the characters form a word, not a number: skip them all
};

// A product that binary floating point leaves a hair off a whole number (151.80 × 1e8 is
// 15180000000.000002) is that whole number: amounts stated in 亿 and 万 are whole yuan.
double WholeIfNear(double v) {
  const double whole = std::round(v);
  return std::fabs(v - whole) <= std::fabs(v) * 1e-14 ? whole : v;
}

// Arabic digits with thousands separators, decimals and an exponent, followed by Chinese
// multipliers (1.1万, 3千万) or k.
Parsed ParseArabic(std::u32string_view t, std::size_t i) {
  Parsed p;
  std::size_t j = i;
  std::string digits;
  while (j < t.size() && IsAsciiDigit(t[j])) digits += static_cast<char>(t[j++]);
  if (digits.empty()) return p;
  // Thousands separators: a comma followed by exactly three digits.
  while (j + 3 < t.size() + 0 && t[j] == U',' && IsAsciiDigit(t[j + 1]) && IsAsciiDigit(t[j + 2]) &&
         IsAsciiDigit(t[j + 3]) && (j + 4 >= t.size() || !IsAsciiDigit(t[j + 4]))) {
    digits += std::string{static_cast<char>(t[j + 1]), static_cast<char>(t[j + 2]),
                          static_cast<char>(t[j + 3])};
    j += 4;
  }
  if (j + 1 < t.size() && t[j] == U'.' && IsAsciiDigit(t[j + 1])) {
    digits += '.';
    ++j;
    while (j < t.size() && IsAsciiDigit(t[j])) digits += static_cast<char>(t[j++]);
    p.integer = false;
  }
  if (j + 1 < t.size() && (t[j] == U'e' || t[j] == U'E')) {
    std::size_t k = j + 1;
    std::string exponent = "e";
    if (k < t.size() && (t[k] == U'+' || t[k] == U'-')) exponent += static_cast<char>(t[k++]);
    if (k < t.size() && IsAsciiDigit(t[k])) {
      while (k < t.size() && IsAsciiDigit(t[k])) exponent += static_cast<char>(t[k++]);
      digits += exponent;
      j = k;
    }
  }
  p.value = std::strtod(digits.c_str(), nullptr);
  p.end = j;
  return p;
}

// A Chinese numeral: digits, 十百千, 万亿兆, 零, a 点 fraction, and 多/余 before a big unit.
Parsed ParseChinese(std::u32string_view t, std::size_t i) {
  Parsed p;
  // Parts already multiplied by a big unit, with that unit: 五兆|六十二亿|四万 are three parts.
  std::vector<std::pair<double, double>> parts;
  double section = 0, number = 0;
  bool have_number = false;  // a digit waiting for its unit
  double last_unit = 0;      // the unit the last digit follows, for 一千三 = 1300
  bool zero_since_unit = false;
  int digits_in_a_row = 0;
  std::string digit_string;    // 二〇二三 read digit by digit
  bool arabic_digits = false;  // the last digit token was Arabic
  double section_unit = 0;     // the last small unit of this section: 七十百 is not a numeral
  bool any = false, any_unit = false;
  std::size_t j = i;
  for (; j < t.size(); ++j) {
    char32_t c = t[j];
    if (IsAsciiDigit(c)) {
      // An Arabic number counts as one digit of the numeral: 5万4千6百, 1.1万, 3千万.
      if (have_number) break;
      Parsed arabic = ParseArabic(t, j);
      number = arabic.value;
      p.integer = arabic.integer;
      have_number = true;
      arabic_digits = true;
      digits_in_a_row = 1;
      digit_string.clear();
      any = true;
      j = arabic.end - 1;
      continue;
    }
    int d = DigitValue(c);
    if (d >= 0) {
      if (c == U'零' || c == U'〇') {
        if (digits_in_a_row > 0 && !any_unit) {  // inside a digit string: 二〇二三
          digit_string += '0';
          ++digits_in_a_row;
          number = 0;
          any = true;
          continue;
        }
        zero_since_unit = true;
        if (!any) {
          digit_string += '0';
          digits_in_a_row = 1;
        }
        any = true;
        continue;
      }
      arabic_digits = false;
      if (have_number && !any_unit) {  // another digit straight after a digit
        digit_string += static_cast<char>('0' + d);
        ++digits_in_a_row;
      } else if (have_number) {
        break;  // 一百二三: a second bare digit ends the numeral
      } else {
        digit_string = std::string(1, static_cast<char>('0' + d));
        digits_in_a_row = 1;
      }
      number = d;
      have_number = true;
      any = true;
      continue;
    }
    if (double u = SmallUnit(c); u > 0) {
      if (digits_in_a_row > 1) break;
      if (!have_number && u > 10 && !zero_since_unit && section == 0 && parts.empty() &&
          !(j + 1 < t.size() && BigUnit(t[j + 1]) > 0)) {
        // 百 or 千 with no digit before it starts a numeral only before 万 or 亿: 百亿, 千万.
        break;
      }
      if (section_unit != 0 && u >= section_unit) break;
      section += (have_number ? number : 1) * u;
      section_unit = u;
      number = 0;
      have_number = false;
      last_unit = u;
      zero_since_unit = false;
      any = any_unit = true;
      digits_in_a_row = 0;
      continue;
    }
    if (double u = BigUnit(c); u > 0) {
      // 万亿 with no digit before it is one 万亿: 突破万亿元.
      if (!any && u == 1e4 && j + 1 < t.size() && BigUnit(t[j + 1]) == 1e8) {
        number = 1;
        have_number = true;
        any = true;
      }
      if (!any) break;
      if (digits_in_a_row > 1) break;
      double below = section + (have_number ? number : 0);
      // A big unit multiplies everything of a smaller magnitude before it: 三万亿 = 3e12.
      while (!parts.empty() && parts.back().second < u) {
        below += parts.back().first;
        parts.pop_back();
      }
      if (below == 0 && !parts.empty() && parts.back().second == u) {
        parts.back().first *= u;  // 四万万 = 4亿
        parts.back().second *= u;
      } else if (below == 0) {
        break;
      } else {
        parts.emplace_back(below * u, u);
      }
      section = number = 0;
      section_unit = 0;
      have_number = false;
      last_unit = u;
      zero_since_unit = false;
      any_unit = true;
      digits_in_a_row = 0;
      continue;
    }
    if ((c == U'多' || c == U'余' || c == U'几' || c == U'幾') && any && j + 1 < t.size() &&
        BigUnit(t[j + 1]) > 0) {
      p.more = true;
      continue;
    }
    break;
  }
  if (!any) return p;
  if (digits_in_a_row > 1 && !any_unit && !digit_string.empty()) {
    // A run of bare digits is a numeral only when written digit by digit with 〇/零, as years
    // are (二〇二三); 九九 or 两两 is a word.
    if (digit_string.find('0') == std::string::npos) {
      Parsed skip;
      while (j < t.size() && (SmallUnit(t[j]) > 0 || BigUnit(t[j]) > 0)) ++j;  // 二三十: about
      skip.end = j;
      skip.word = true;
      return skip;
    }
    p.value = std::strtod(digit_string.c_str(), nullptr);
    p.end = j;
    return p;
  }
  double tail = have_number ? number : 0;
  // 一千三, 九万四, 两百五: a last digit straight after a unit counts in tenths of that unit.
  if (have_number && !arabic_digits && !zero_since_unit && last_unit >= 100) {
    tail = number * last_unit / 10;
  }
  double total = section + tail;
  for (const auto& part : parts) total += part.first;
  p.value = total;
  p.end = j;
  // A decimal part: 四百点五, 一百二十點五 (not 两, which only counts).
  if (j + 1 < t.size() && IsPoint(t[j]) && DigitValue(t[j + 1]) >= 0 && t[j + 1] != U'两' &&
      t[j + 1] != U'兩') {
    std::size_t k = j + 1;
    std::string fraction = "0.";
    while (k < t.size() && DigitValue(t[k]) >= 0 && t[k] != U'两' && t[k] != U'兩') {
      fraction += static_cast<char>('0' + DigitValue(t[k]));
      ++k;
    }
    // A big unit after the fraction scales the whole: 一点五亿.
    double whole = p.value + std::strtod(fraction.c_str(), nullptr);
    if (k < t.size() && BigUnit(t[k]) > 0) {
      whole *= BigUnit(t[k]);
      ++k;
    }
    p.value = whole;
    p.integer = false;
    p.end = k;
  }
  return p;
}

// Financial (大写) digits standing alone are words: 队伍, 陆地, 收拾, 放肆.
bool IsFinancialDigit(char32_t c) {
  return c == U'壹' || c == U'贰' || c == U'貳' || c == U'叁' || c == U'參' || c == U'肆' ||
         c == U'伍' || c == U'陆' || c == U'陸' || c == U'柒' || c == U'捌' || c == U'玖' ||
         c == U'拾' || c == U'佰' || c == U'仟';
}

// Words in which a numeral character is not a number.
bool IsNumeralWord(std::u32string_view t, std::size_t i, std::size_t end) {
  if (end - i == 1 && IsFinancialDigit(t[i])) return true;
  static constexpr std::u32string_view kWords[] = {
      U"一切", U"一些", U"一样", U"一起", U"一直", U"一般", U"一定", U"一致", U"一旦", U"一律",
      U"一贯", U"一再", U"一味", U"十分", U"十足", U"一看", U"统一", U"万一", U"一下", U"一度"};
  for (std::u32string_view w : kWords) {
    if (t.substr(i).starts_with(w) && end - i < w.size()) return true;
    if (i > 0 && t.substr(i - 1).starts_with(w) && end == i + 1 && w[1] == t[i]) return true;
  }
  return false;
}

// A signed number of either script at i.
Parsed ParseSigned(std::u32string_view t, std::size_t i) {
  double sign = 1;
  std::size_t j = i;
  if (j < t.size() && IsNegativeWord(t[j])) {
    sign = -1;
    ++j;
  } else if (j < t.size() && (t[j] == U'-' || t[j] == U'−') &&
             (i == 0 || !(IsAsciiDigit(t[i - 1]) || DigitValue(t[i - 1]) >= 0))) {
    sign = -1;
    ++j;
  }
  if (j >= t.size()) return Parsed{};
  Parsed p;
  if (t[j] == U'.' && j + 1 < t.size() && IsAsciiDigit(t[j + 1]) &&
      (j == 0 || !(IsAsciiDigit(t[j - 1]) || t[j - 1] == U'.'))) {
    // Only the number's own characters (and one after them) are copied: copying the rest of
    // the text would make a text of many such numbers quadratic.
    std::size_t run = j;
    while (run < t.size() &&
           std::u32string_view(U"0123456789.,eE+-").find(t[run]) != std::u32string_view::npos) {
      ++run;
    }
    std::u32string with_zero = U"0" + std::u32string(t.substr(j, run + 1 - j));
    p = ParseArabic(with_zero, 0);
    if (p.end > 0) p.end = p.end - 1 + j;
  } else {
    p = ParseChinese(t, j);
  }
  if (p.end == 0 || p.word) return p;
  if (p.end < t.size() && (t[p.end] == U'k' || t[p.end] == U'K') &&
      (p.end + 1 >= t.size() || !((t[p.end + 1] >= U'a' && t[p.end + 1] <= U'z') ||
                                  (t[p.end + 1] >= U'A' && t[p.end + 1] <= U'Z')))) {
    p.value *= 1000;
    ++p.end;
  }
  p.value *= sign;
  return p;
}

// A number, or a fraction "X分之Y" (Y/X).
Parsed ParseFraction(std::u32string_view t, std::size_t i) {
  Parsed x = ParseSigned(t, i);
  if (x.end == 0 || x.word) return x;
  if (t.substr(x.end).starts_with(U"分之")) {  // X分之Y = Y / X
    Parsed y = ParseSigned(t, x.end + 2);
    if (y.end != 0 && x.value != 0) {
      y.value = y.value / x.value;
      y.integer = false;
      return y;
    }
  }
  if (x.end + 1 < t.size() && (t[x.end] == U'/' || t[x.end] == U'／') &&
      IsAsciiDigit(t[x.end - 1]) && IsAsciiDigit(t[x.end + 1])) {  // 3/5
    Parsed y = ParseArabic(t, x.end + 1);
    if (y.end != 0 && y.value != 0) {
      x.value /= y.value;
      x.integer = false;
      x.end = y.end;
    }
  }
  return x;
}

// A number, a fraction, or a whole and a fraction joined by 又 (三百五又三分之一).
Parsed ParseNumberAt(std::u32string_view t, std::size_t i) {
  Parsed x = ParseFraction(t, i);
  if (x.end == 0 || x.word || x.end >= t.size() || t[x.end] != U'又') return x;
  Parsed fraction = ParseFraction(t, x.end + 1);
  if (fraction.end == 0 || fraction.integer) return x;
  x.value += x.value < 0 ? -fraction.value : fraction.value;
  x.integer = false;
  x.end = fraction.end;
  return x;
}

bool StartsWith(std::u32string_view t, std::size_t i, std::u32string_view prefix) {
  return t.substr(i).starts_with(prefix);
}

struct UnitMatch {
  std::size_t length = 0;
  std::string surface;
  std::string canonical;
  double scale = 1;
};

// Surface units in UTF-32, longest first, plus currency words reports and peers use.
const std::vector<std::pair<std::u32string, std::string>>& UnitTable() {
  static const auto kTable = [] {
    std::vector<std::pair<std::u32string, std::string>> table;
    for (const std::string& name : SurfaceUnitNames()) table.emplace_back(ToUtf32(name), name);
    for (const char* extra : {"個百分點", "个百分點", "個百分点"}) {
      table.emplace_back(ToUtf32(extra), "个百分点");
    }
    table.emplace_back(U"美圆", "美元");
    table.emplace_back(U"亿元人民币", "亿元");
    table.emplace_back(U"万元人民币", "万元");
    table.emplace_back(U"元人民币", "元");
    table.emplace_back(U"人民币", "元");
    std::stable_sort(table.begin(), table.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return table;
  }();
  return kTable;
}

UnitMatch MatchUnit(std::u32string_view t, std::size_t i) {
  for (const auto& [text, surface] : UnitTable()) {
    if (StartsWith(t, i, text)) {
      auto scaled = ParseUnit(surface);
      if (!scaled) continue;
      return {text.size(), surface, std::string(scaled->unit.name), scaled->scale};
    }
  }
  return {};
}

const std::vector<std::pair<std::u32string, QualifierWord>>& QualifierTable() {
  static const auto kTable = [] {
    std::vector<std::pair<std::u32string, QualifierWord>> table;
    for (const QualifierWord& w : QualifierWords()) table.emplace_back(ToUtf32(w.word), w);
    return table;
  }();
  return kTable;
}

struct FixedPercent {
  std::u32string_view word;
  double percent;
};
constexpr FixedPercent kFixedPercents[] = {
    {U"对折", 50}, {U"對折", 50}, {U"半折", 50}, {U"半成", 5}};

// Longest run of units before 分之 in a percent written first: 百万分之 has two.
constexpr std::size_t kMaxDenominatorUnits = 4;

// A number too large for a double (1 followed by 320 zeros) is no figure: it must never
// become an infinite value.
bool IsFinite(const Quantity& q) {
  return std::isfinite(q.value) && std::isfinite(q.number) && (!q.high || std::isfinite(*q.high));
}

bool IsRangeSeparator(char32_t c) {
  return c == U'-' || c == U'—' || c == U'~' || c == U'～' || c == U'至' || c == U'到' || c == U'–';
}

}  // namespace

std::optional<double> ParseNumber(std::u32string_view text) {
  if (text.empty()) return std::nullopt;
  Parsed p = ParseNumberAt(text, 0);
  if (p.end != text.size() || !std::isfinite(p.value)) return std::nullopt;
  return p.value;
}

std::vector<Quantity> FindQuantities(std::u32string_view t, std::vector<int>* out_of_range) {
  std::vector<Quantity> out;
  std::size_t i = 0;
  while (i < t.size()) {
    Quantity q;
    std::size_t start = i;
    // Percent written before its number: 百分之五, 千分之一, 万分之三.
    double denominator = 1;
    std::size_t k = i;
    // At most kMaxDenominatorUnits units (百万分之): a long run of 百 is not re-read from each.
    while (k < t.size() && k - i < kMaxDenominatorUnits &&
           (SmallUnit(t[k]) >= 100 || BigUnit(t[k]) > 0)) {
      denominator *= SmallUnit(t[k]) >= 100 ? SmallUnit(t[k]) : BigUnit(t[k]);
      ++k;
    }
    double per = 0;
    if (k > i && denominator >= 100 && StartsWith(t, k, U"分之")) per = 100 / denominator;
    if (per > 0) {
      std::size_t digits_at = k + 2;
      Parsed p = ParseSigned(t, digits_at);
      if (p.end == 0 && digits_at < t.size() && (t[digits_at] == U'百' || t[digits_at] == U'佰')) {
        p.end = digits_at + 1;  // 百分之百
        p.value = 100;
      }
      if (p.end != 0 && !p.word) {
        q.begin = static_cast<int>(i);
        q.number_begin = static_cast<int>(digits_at);
        q.end = q.number_end = static_cast<int>(p.end);
        q.number = p.value;
        q.value = p.value * per;
        q.unit = q.surface_unit = "%";
        i = p.end;
        if (IsFinite(q)) {
          out.push_back(q);
        } else if (out_of_range) {
          out_of_range->push_back(q.number_begin);
        }
        continue;
      }
    }
    // Currency signs before the number: $20, ¥300.
    std::string prefix_currency;
    std::size_t number_start = i;
    if (t[i] == U'$' || t[i] == U'¥' || t[i] == U'￥') {
      prefix_currency = t[i] == U'$' ? "美元" : "元";
      number_start = i + 1;
      if (number_start >= t.size()) break;
    }
    // Numbers inside a web address are not figures.
    if (StartsWith(t, i, U"http://") || StartsWith(t, i, U"https://") ||
        StartsWith(t, i, U"www.")) {
      while (i < t.size() && t[i] != U' ' && !IsCjk(t[i])) ++i;
      continue;
    }
    // Percentages written as words: 对折 and 半折 = 50%, 半成 = 5%.
    const FixedPercent* fixed = nullptr;
    for (const FixedPercent& f : kFixedPercents) {
      if (StartsWith(t, i, f.word)) fixed = &f;
    }
    if (fixed) {
      q.begin = q.number_begin = static_cast<int>(i);
      q.end = q.number_end = static_cast<int>(i + fixed->word.size());
      q.number = 0.5;
      q.value = fixed->percent;
      q.unit = q.surface_unit = "%";
      out.push_back(q);
      i += fixed->word.size();
      continue;
    }
    Parsed p = ParseNumberAt(t, number_start);
    if (p.end == 0) {
      ++i;
      continue;
    }
    if (p.word || IsNumeralWord(t, number_start, p.end)) {
      i = std::max(p.end, i + 1);
      continue;
    }
    q.number_begin = static_cast<int>(number_start);
    q.number_end = static_cast<int>(p.end);
    q.number = p.value;
    q.value = p.value;
    if (p.more) q.qualifier = Qualifier::kMoreThan;
    std::size_t j = p.end;
    // 余/多 between the number and its unit: 900余万元, 10余家, 1430余亩.
    if (j < t.size() && (t[j] == U'余' || t[j] == U'多') && !MatchUnit(t, j).length) {
      std::size_t after = j + 1;
      if (after >= t.size() || MatchUnit(t, after).length || BigUnit(t[after]) > 0 ||
          !IsCjk(t[after]) || t[after] == U'，' || t[after] == U'。') {
        q.qualifier = Qualifier::kMoreThan;
        j = after;
        if (j < t.size() && BigUnit(t[j]) > 0 && !MatchUnit(t, j).length) {
          q.value *= BigUnit(t[j]);
          ++j;
        }
      }
    }
    // A range: 2-5个, 2至5个.
    if (j + 1 < t.size() && IsRangeSeparator(t[j])) {
      Parsed hi = ParseNumberAt(t, j + 1);
      if (hi.end != 0 && hi.value > q.value) {
        q.high = hi.value;
        q.number_end = static_cast<int>(hi.end);
        j = hi.end;
      }
    }
    // Percent and unit after the number.
    if (j < t.size() && (t[j] == U'%' || t[j] == U'٪')) {
      q.unit = q.surface_unit = "%";
      ++j;
      // 4.5%—5%: a range with the percent sign at both ends.
      if (!q.high && j + 1 < t.size() && IsRangeSeparator(t[j])) {
        Parsed hi = ParseNumberAt(t, j + 1);
        if (hi.end != 0 && !hi.word && hi.end < t.size() &&
            (t[hi.end] == U'%' || t[hi.end] == U'٪') && hi.value > q.value) {
          q.high = hi.value;
          q.number_end = static_cast<int>(hi.end);
          j = hi.end + 1;
        }
      }
    } else if (j < t.size() && t[j] == U'成' && p.value > 0 && p.value <= 10 &&
               prefix_currency.empty()) {
      q.value = p.value * 10;  // 七成 = 70%, 三成半 = 35%, 七成六 = 76%
      q.unit = "%";
      q.surface_unit = "成";
      ++j;
      if (j < t.size() && t[j] == U'半') {
        q.value += 5;
        ++j;
      } else if (j < t.size() && DigitValue(t[j]) > 0 &&
                 (j + 1 >= t.size() || !IsCjk(t[j + 1]) ||
                  (DigitValue(t[j + 1]) < 0 && SmallUnit(t[j + 1]) == 0 &&
                   BigUnit(t[j + 1]) == 0))) {
        q.value += DigitValue(t[j]);
        ++j;
      }
    } else if (j < t.size() && t[j] == U'折' && p.value > 0 && p.value < 100 && p.value != 10 &&
               prefix_currency.empty()) {
      q.value = p.value < 10 ? p.value * 10 : p.value;  // 八折 = 80%, 75折 = 75%
      q.unit = "%";
      q.surface_unit = "折";
      ++j;
    } else if (UnitMatch u = MatchUnit(t, j); u.length) {
      q.unit = u.canonical;
      q.surface_unit = u.surface;
      q.value *= u.scale;
      if (q.high) *q.high *= u.scale;
      j += u.length;
    } else if (!prefix_currency.empty()) {
      q.unit = q.surface_unit = prefix_currency;
    }
    if (!prefix_currency.empty() && q.unit != prefix_currency) {
      // "$20 元"? keep the sign's currency only when no unit disagrees.
      if (q.unit.empty()) q.unit = prefix_currency;
    }
    // Qualifier words after: 以上, 左右, 以内, 多, 余.
    for (const auto& [word, w] : QualifierTable()) {
      if (w.placement == QualifierPlacement::kAfter && StartsWith(t, j, word) &&
          q.qualifier == Qualifier::kNone) {
        q.qualifier = w.qualifier;
        j += word.size();
        break;
      }
    }
    // Qualifier words before: 超, 近, 约, 不低于 …
    std::size_t begin = start;
    if (q.qualifier == Qualifier::kNone) {
      for (const auto& [word, w] : QualifierTable()) {
        if (w.placement == QualifierPlacement::kBefore && start >= word.size() &&
            t.substr(start - word.size(), word.size()) == word) {
          q.qualifier = w.qualifier;
          begin = start - word.size();
          break;
        }
      }
    }
    q.begin = static_cast<int>(begin);
    q.end = static_cast<int>(j);
    i = j;
    q.value = WholeIfNear(q.value);
    if (q.high) *q.high = WholeIfNear(*q.high);
    if (IsFinite(q)) {
      out.push_back(q);
    } else if (out_of_range) {
      out_of_range->push_back(q.number_begin);
    }
  }
  return out;
}

}  // namespace kaohe
