#include "src/load/document_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "src/load/file_reader.h"
#include "src/load/project_root.h"
#include "src/text/document_reader.h"

namespace kaohe {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the temporary directory, removed at the end of the test.
struct Folder {
  fs::path path = fs::temp_directory_path() / ("kaohe_files_test." + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("the project root holds paths inside it, however spelled, and nothing else") {
  Folder folder;
  const std::string doc = folder.Write("in/doc.txt", "x\n");
  fs::create_directories(folder.path / "in" / "sub");
  fs::create_symlink("/etc/passwd", folder.path / "in" / "passwd.txt");
  ProjectRoot root((folder.path / "in").string());
  CHECK(root.Confine(doc));
  CHECK(root.Confine((folder.path / "in" / "sub" / ".." / "doc.txt").string()));
  CHECK(root.Confine((folder.path / "in" / ".").string()));
  CHECK_FALSE(root.Confine("/etc/passwd"));
  CHECK_FALSE(root.Confine((folder.path / "in" / ".." / "in2").string()));
  CHECK_FALSE(root.Confine((folder.path / "in" / "sub" / ".." / ".." / "x").string()));
  // A symlink inside the root leading out of it is judged by where it leads.
  CHECK_FALSE(root.Confine((folder.path / "in" / "passwd.txt").string()));
  CHECK_FALSE(root.Confine(""));
  // ".." after a symlink leaves the folder the link leads to, not the link's own folder.
  fs::create_directories(folder.path / "out");
  fs::create_symlink("../../out", folder.path / "in" / "sub" / "away");
  CHECK(root.Canonical((folder.path / "in" / "sub" / "away" / ".." / "x").string()) ==
        fs::canonical(folder.path) / "x");
  CHECK(root.Confine((folder.path / "in" / "sub" / "away" / ".." / "in" / "doc.txt").string()));
  CHECK_FALSE(root.Confine((folder.path / "in" / "sub" / "away" / ".." / "x").string()));
  // Past a missing folder the rest is lexical; many components cost no more than a few.
  CHECK(root.Canonical((folder.path / "in" / "no" / ".." / "doc.txt").string()) ==
        fs::canonical(folder.path) / "in" / "doc.txt");
  std::string long_path = (folder.path / "in").string();
  for (int i = 0; i < 2000; ++i) long_path += "/sub/..";
  CHECK(root.Confine(long_path + "/doc.txt"));
  root.Trust("/etc");
  CHECK(root.Confine("/etc/passwd"));
}

TEST_CASE("spellings of one cited file share one copy; each line is folded once") {
  Folder folder;
  const std::string doc = folder.Write("doc.txt", "第一行\n地区 生产总值\t增长　5%\n\n");
  DocumentCache cache{ProjectRoot(folder.path.string())};
  CitedFile a = cache.Get(doc);
  CitedFile b = cache.Get((folder.path / "." / "doc.txt").string());
  CitedFile c = cache.Get(folder.path.string() + "//doc.txt");
  REQUIRE(a.document);
  CHECK(a.document == b.document);
  CHECK(a.document == c.document);
  CHECK(a.document->line_count() == 3);
  CHECK(a.document->Squeezed(2, 2) == "地区生产总值增长5%");
  CHECK(a.document->Squeezed(1, 2) == "第一行地区生产总值增长5%");
  CHECK(a.document->Squeezed(3, 3).empty());
  CHECK(a.document->Squeezed(3, 2).empty());
}

TEST_CASE("a cited file outside the root, too large, or not a regular file is not read") {
  Folder folder;
  const std::string doc = folder.Write("in/doc.txt", std::string(4096, 'a'));
  const std::string outside = folder.Write("out.txt", "secret\n");
  const std::string fifo = (folder.path / "in" / "fifo.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  DocumentCache cache{ProjectRoot((folder.path / "in").string()), 1024};
  CitedFile out = cache.Get(outside);
  CHECK(out.outside_root);
  CHECK_FALSE(out.document);
  CitedFile big = cache.Get(doc);
  CHECK_FALSE(big.outside_root);
  CHECK_FALSE(big.document);
  CHECK(big.problem == "larger than the 1024 bytes of cited documents kaohe holds at once");
  CitedFile pipe = cache.Get(fifo);  // returns at once: a FIFO is never opened for reading
  CHECK_FALSE(pipe.document);
  CHECK(pipe.problem == "not a regular file");
}

TEST_CASE("a GB18030 document can be cited, decoded as the document reader decodes it") {
  Folder folder;
  // "古交市\n增长 7%\n" in GB18030.
  const std::string doc = folder.Write("gb.txt",
                                       "\xB9\xC5\xBD\xBB\xCA\xD0\n"
                                       "\xD4\xF6\xB3\xA4 7%\n");
  DocumentCache cache{ProjectRoot(folder.path.string())};
  CitedFile cited = cache.Get(doc);
  REQUIRE(cited.document);
  CHECK(cited.document->Squeezed(1, 1) == "古交市");
  CHECK(cited.document->Squeezed(2, 2) == "增长7%");
}

TEST_CASE("ReadLines reads only the lines asked for, decoded") {
  Folder folder;
  const std::string doc = folder.Write("doc.txt", "one\r\ntwo\nthree\nfour");
  auto lines = ReadLines(doc, {2, 4, 9});
  CHECK(lines.size() == 2);
  CHECK(lines[2] == "two");
  CHECK(lines[4] == "four");
  CHECK(ReadLines(doc, {}).empty());
  CHECK(ReadLines((folder.path / "missing.txt").string(), {1}).empty());
}

TEST_CASE("a directory's symlinks are followed only to files inside it or the root") {
  Folder folder;
  folder.Write("docs/real/a.txt", "a\n");
  folder.Write("elsewhere/b.txt", "b\n");
  fs::create_symlink("real/a.txt", folder.path / "docs" / "inner.txt");
  fs::create_symlink(folder.path / "elsewhere" / "b.txt", folder.path / "docs" / "outer.txt");
  fs::create_symlink("/etc/passwd", folder.path / "docs" / "passwd.txt");
  Diagnostics warnings;
  const std::string docs = (folder.path / "docs").string();
  auto files = CollectFiles({docs}, {".txt"}, warnings, ProjectRoot(docs));
  REQUIRE(files.ok());
  CHECK(files.value() == std::vector<std::string>{docs + "/inner.txt", docs + "/real/a.txt"});
  REQUIRE(warnings.all().size() == 2);
  CHECK(warnings.all()[0].code == "P001");
  CHECK(warnings.all()[0].location.file.str() == docs + "/outer.txt");
  CHECK(warnings.all()[1].location.file.str() == docs + "/passwd.txt");
  // Inside the project root, a link out of the directory named is followed.
  Diagnostics none;
  auto rooted = CollectFiles({docs}, {".txt"}, none, ProjectRoot(folder.path.string()));
  REQUIRE(rooted.ok());
  CHECK(rooted.value().size() == 3);
  CHECK(none.all().size() == 1);  // /etc/passwd still
}

TEST_CASE("a FIFO named on the command line is refused, not waited on") {
  Folder folder;
  const std::string fifo = (folder.path / "fifo.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto reader = DocumentReader::Open(fifo);
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.error().message == NotRegularFileError(fifo));
  auto text = ReadTextFile(fifo);
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().message == NotRegularFileError(fifo));
}

}  // namespace kaohe
