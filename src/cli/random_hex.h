// Unpredictable names and tokens (temporary report files, the stop-commands token).
#pragma once

#include <string>

namespace kaohe {

// `digits` hexadecimal digits from the kernel's randomness (std::random_device: getrandom).
std::string RandomHex(int digits);

}  // namespace kaohe
