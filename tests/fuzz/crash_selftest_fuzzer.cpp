// A target that crashes on one input, replayed by the test fuzz_replay_can_fail: it proves that a crash in a
// target fails its replay test rather than passing quietly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (std::string_view(reinterpret_cast<const char*>(data), size).starts_with("crash")) {
        std::abort();
    }
    return 0;
}
