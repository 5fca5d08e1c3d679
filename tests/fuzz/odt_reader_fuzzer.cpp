// The ODT reader on arbitrary bytes, and the story assembler on what it reads, as read_story_document
// chains them. An input that is not a ZIP archive is taken as the text of content.xml (inside office:text)
// and packed into a valid document: byte mutations of a deflated archive mostly break its checksums, while
// mutations of the XML reach the reader's walk of the document. An Error is a correct answer; any other
// exception, a crash, a leak or undefined behaviour is a finding.
#include "ingest/odt_reader.hpp"

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "ingest/story_assembler.hpp"
#include "ingest/test_documents.hpp"
#include "ingest/zip_archive.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    std::string bytes = fuzz::bytes_of(data, size);
    if (!ingest::looks_like_zip(bytes)) {
        bytes = ingest::testing::make_odt(bytes);
    }
    const ingest::SourceFile file{"story.odt", std::move(bytes)};
    try {
        const ingest::DocumentText document = ingest::read_odt_document(file);
        ingest::StoryAssembler(fuzz::story_template()).assemble_with_photos(document, file.name);
    } catch (const Error&) {
    }
    return 0;
}
