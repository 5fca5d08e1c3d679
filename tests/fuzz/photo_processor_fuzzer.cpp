// PhotoProcessor::process on arbitrary bytes: sniffing, the header checks before decoding, and libvips'
// loaders behind them, with limits small enough that each input is quick. An Error is a correct answer;
// anything else is a finding.
#include "media/photo_processor.hpp"

#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    static const media::PhotoProcessor kProcessor(media::PhotoLimits{512, 64, std::size_t{2} * 1024 * 1024, 4'000'000});
    try {
        kProcessor.process("photo", std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const Error&) {
    }
    return 0;
}
