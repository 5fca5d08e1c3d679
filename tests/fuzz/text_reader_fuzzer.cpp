// read_story on arbitrary bytes named as a text and as a Markdown file: the sniffing, the text reader (decoding,
// line kinds) and the story assembler behind it. An Error is a correct answer; anything else is a finding.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "ingest/story_reader.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    const std::string bytes = fuzz::bytes_of(data, size);
    for (const char* name : {"story.txt", "story.md"}) {
        try {
            ingest::read_story({name, bytes}, fuzz::story_template());
        } catch (const Error&) {
        }
    }
    return 0;
}
