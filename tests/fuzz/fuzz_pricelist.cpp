// libFuzzer entry point; the body is shared with the regression test (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caas::fuzz::run_price_list(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
