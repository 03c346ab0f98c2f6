#include "src/text/document_reader.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace kaohe {

namespace {

std::string Write(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() /
              ("kaohe_reader_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

struct Read {
  std::vector<std::string> lines;
  std::optional<Error> error;
  Encoding encoding = Encoding::kUtf8;
};

Read ReadAll(const std::string& path) {
  auto reader = DocumentReader::Open(path);
  REQUIRE(reader.ok());
  Read out;
  std::string line;
  while (reader.value()->Next(line)) out.lines.push_back(line);
  out.error = reader.value()->error();
  out.encoding = reader.value()->encoding();
  return out;
}

}  // namespace

TEST_CASE("a lone CR ends a line, CRLF is one line end, also across a chunk boundary") {
  Read cr = ReadAll(Write("cr.txt", "一\r二\r\n三\r\r四\r"));
  CHECK(cr.lines == std::vector<std::string>{"一", "二", "三", "", "四"});
  // A CR last in one chunk and its LF first in the next are one line end.
  std::string first(DocumentReader::kChunkBytes - 1, 'a');
  Read split = ReadAll(Write("cr_split.txt", first + "\r\nb\rc"));
  CHECK(split.lines == std::vector<std::string>{first, "b", "c"});
  Read lone = ReadAll(Write("cr_lone.txt", first + "\rb"));
  CHECK(lone.lines == std::vector<std::string>{first, "b"});
}

TEST_CASE("UTF-8 with or without a BOM, LF or CRLF") {
  Read plain = ReadAll(Write("plain.txt", "第一行\r\n第二行\n最后"));
  CHECK(plain.lines == std::vector<std::string>{"第一行", "第二行", "最后"});
  CHECK_FALSE(plain.error);
  Read bom = ReadAll(Write("bom.txt", "\xEF\xBB\xBF增长5%\n"));
  CHECK(bom.lines == std::vector<std::string>{"增长5%"});
}

TEST_CASE("GB18030 text is detected and decoded") {
  // "杜集区增长5%" in GB18030.
  Read gb = ReadAll(Write("gb.txt",
                          "\xB6\xC5\xBC\xAF\xC7\xF8\xD4\xF6\xB3\xA4"
                          "5%\n"));
  CHECK(gb.encoding == Encoding::kGb18030);
  CHECK_FALSE(gb.error);
  CHECK(gb.lines == std::vector<std::string>{"杜集区增长5%"});
}

TEST_CASE("bytes valid in neither encoding stop the read with their offset") {
  Read bad = ReadAll(Write("bad.txt", "abc\n\xB6\xC5\xFF\xFF\n"));
  REQUIRE(bad.error);
  CHECK(bad.error->message.find("neither UTF-8") != std::string::npos);
  CHECK(bad.error->message.find("offset 6") != std::string::npos);
}

TEST_CASE("a UTF-8 file broken later is reported at the byte") {
  std::string text(DocumentReader::kChunkBytes + 10, 'a');
  text[100] = '\n';
  text += "\xE4\xB8";  // a character cut short at the end of the file
  Read cut = ReadAll(Write("cut.txt", text));
  REQUIRE(cut.error);
  CHECK(cut.error->message.find("invalid UTF-8 at byte offset " +
                                std::to_string(DocumentReader::kChunkBytes + 10)) !=
        std::string::npos);
}

TEST_CASE("a character split across chunks is decoded whole") {
  std::string text(DocumentReader::kChunkBytes - 1, 'a');
  text += "中文\n";
  Read split = ReadAll(Write("split.txt", text));
  CHECK_FALSE(split.error);
  REQUIRE(split.lines.size() == 1);
  CHECK(split.lines[0].ends_with("中文"));
}

}  // namespace kaohe
