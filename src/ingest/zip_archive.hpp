#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// How much a ZIP container (DOCX, ODT) may unpack to. Every count is of bytes really inflated, never of the
/// sizes the archive declares, which a hostile file can set to anything.
struct ZipLimits {
    std::uint64_t max_total_bytes = 200ULL * 1024 * 1024;  ///< across every entry read from one archive
    std::uint64_t max_entries = 10'000;
    double max_ratio = 100.0;  ///< inflated / compressed, for one entry
    /// The ratio is only checked past this many inflated bytes: small XML parts legitimately pack 20:1 or more.
    std::uint64_t ratio_floor_bytes = 1024 * 1024;
};

/// A read-only ZIP archive held in memory, read defensively: a damaged, truncated or encrypted archive, or
/// one that unpacks to too much (a "zip bomb"), ends in Error(UnreadableInput) naming the file and saying
/// what is wrong. Entries are inflated by streaming, counting what comes out.
class ZipArchive {
public:
    /// Copies the bytes. Throws Error(UnreadableInput) when they are not a readable ZIP archive.
    ZipArchive(std::string_view bytes, std::string file_name, ZipLimits limits = {});
    ~ZipArchive();
    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    const std::string& file_name() const;
    /// Entry names in the archive's order.
    const std::vector<std::string>& entry_names() const;
    /// The stored name of an entry, matched exactly first, then ignoring ASCII case and a leading '/'
    /// (OPC part names are case-insensitive); nullopt when absent.
    std::optional<std::string> find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name).has_value(); }

    /// The inflated bytes of an entry, at most `max_bytes` of them. Throws Error(UnreadableInput) when it is
    /// absent, encrypted, damaged or past the limits.
    std::string read(std::string_view name, std::uint64_t max_bytes = UINT64_MAX);
    /// Like read(), but nullopt when the entry is absent.
    std::optional<std::string> read_if_present(std::string_view name, std::uint64_t max_bytes = UINT64_MAX);

    /// Bytes inflated so far, over all reads.
    std::uint64_t total_inflated() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// True when the bytes start like a ZIP archive (a local file header, or the end record of an empty one).
bool looks_like_zip(std::string_view bytes);

}  // namespace storybank::ingest
