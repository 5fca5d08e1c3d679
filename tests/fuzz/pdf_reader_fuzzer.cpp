// The PDF reader on arbitrary bytes, and the story assembler on what it reads, as read_story_document
// chains them. An Error is a correct answer; any other exception, a crash, a leak or undefined behaviour is a
// finding.
#include "ingest/pdf_reader.hpp"

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "ingest/story_assembler.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    const ingest::SourceFile file{"story.pdf", fuzz::bytes_of(data, size)};
    try {
        const ingest::DocumentText document = ingest::read_pdf_document(file);
        ingest::StoryAssembler(fuzz::story_template()).assemble_with_photos(document, file.name);
    } catch (const Error&) {
    }
    return 0;
}
