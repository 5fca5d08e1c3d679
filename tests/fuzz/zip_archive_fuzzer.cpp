// ZipArchive on arbitrary bytes: the central directory, name lookups, and the counted inflate of every entry,
// with small limits so that bombs are refused quickly. An Error is a correct answer; anything else is a finding.
#include "ingest/zip_archive.hpp"

#include "core/error.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    constexpr std::uint64_t kMaxEntryBytes = 1024ULL * 1024;
    const ingest::ZipLimits limits{8ULL * 1024 * 1024, 1'000, 100.0, 64ULL * 1024};
    try {
        ingest::ZipArchive archive(fuzz::bytes_of(data, size), "fuzz.zip", limits);
        for (const std::string& name : archive.entry_names()) {
            archive.find(name);
            try {
                archive.read_if_present(name, kMaxEntryBytes);
            } catch (const Error&) {
            }
        }
        archive.contains("word/document.xml");
        archive.read_if_present("/MIMETYPE", kMaxEntryBytes);
    } catch (const Error&) {
    }
    return 0;
}
