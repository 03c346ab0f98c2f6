#include "src/cli/stop_commands.h"

#include <fmt/format.h>

#include "src/cli/random_hex.h"

namespace kaohe {

std::string NewStopToken() { return RandomHex(32); }

StopCommandsBuffer::StopCommandsBuffer(std::streambuf* target, std::string token)
    : target_(target), token_(std::move(token)) {}

void StopCommandsBuffer::BeginOnce() {
  if (state_ != State::kNotBegun) return;
  state_ = State::kStopped;
  const std::string line = "::stop-commands::" + token_ + "\n";
  target_->sputn(line.data(), static_cast<std::streamsize>(line.size()));
}

void StopCommandsBuffer::Resume() {
  if (state_ == State::kStopped) {
    const std::string line = "::" + token_ + "::\n";
    target_->sputn(line.data(), static_cast<std::streamsize>(line.size()));
  }
  state_ = State::kResumed;
  target_->pubsync();
}

StopCommandsBuffer::int_type StopCommandsBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  BeginOnce();
  return target_->sputc(traits_type::to_char_type(c));
}

std::streamsize StopCommandsBuffer::xsputn(const char* text, std::streamsize size) {
  if (size > 0) BeginOnce();
  return target_->sputn(text, size);
}

int StopCommandsBuffer::sync() { return target_->pubsync(); }

}  // namespace kaohe
