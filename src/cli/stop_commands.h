// GitHub Actions reads workflow commands ("::error file=…::…", "::stop-commands::…") from every
// line a step writes, on stdout and on stderr alike. kaohe's stderr carries input text
// (diagnostics quote names, paths and lines). LineSafe keeps that text inside its line; as a
// second wall, under GITHUB_ACTIONS=true, this stream buffer turns command processing off around
// kaohe's stderr: "::stop-commands::<token>" before its first byte, "::<token>::" to end it.
//
// The runner reads stdout and stderr through two pipes, so the order in which it sees lines of
// the two is not guaranteed. Hence the stop is ended, and flushed, before the `github` report
// writes its annotations to stdout (Resume), and nothing on stderr stops commands after that:
// stopping again could swallow annotations still in the stdout pipe. Text on stderr after Resume
// relies on LineSafe alone.
#pragma once

#include <streambuf>
#include <string>

namespace kaohe {

// 32 hex digits from std::random_device (getrandom on Linux): input written before kaohe ran
// cannot guess it, so it cannot end the stop.
std::string NewStopToken();

class StopCommandsBuffer : public std::streambuf {
 public:
  StopCommandsBuffer(std::streambuf* target, std::string token);
  StopCommandsBuffer(const StopCommandsBuffer&) = delete;
  StopCommandsBuffer& operator=(const StopCommandsBuffer&) = delete;

  // Ends the stop when one was begun, and passes everything written later through as it is.
  void Resume();
  std::streambuf* target() const { return target_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  void BeginOnce();

  std::streambuf* target_;
  std::string token_;
  enum class State { kNotBegun, kStopped, kResumed } state_ = State::kNotBegun;
};

}  // namespace kaohe
