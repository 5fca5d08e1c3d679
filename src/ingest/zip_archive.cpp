#include "ingest/zip_archive.hpp"

#include "core/error.hpp"
#include "ingest/style_names.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <map>

namespace storybank::ingest {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::string_view kRemedy =
    "save it again with the program that made it (Word, LibreOffice) and import the new file";

std::string megabytes(std::uint64_t bytes) {
    constexpr std::uint64_t kMegabyte = 1024 * 1024;
    return bytes >= kMegabyte ? std::to_string(bytes / kMegabyte) + " MB" : std::to_string(bytes) + " bytes";
}

/// What a libzip error code means for the person who sent the file.
std::string describe_zip_error(int code) {
    switch (code) {
        case ZIP_ER_NOZIP:
            return "its table of contents is missing, so it is probably cut short";
        case ZIP_ER_EOF:
            return "it ends too early, so it is probably cut short";
        case ZIP_ER_INCONS:
            return "its table of contents does not match its content";
        case ZIP_ER_CRC:
            return "a part fails its checksum";
        case ZIP_ER_ZLIB:
        case ZIP_ER_COMPRESSED_DATA:
            return "a part's compressed data is corrupt";
        case ZIP_ER_MULTIDISK:
            return "it is split over several files";
        case ZIP_ER_COMPNOTSUPP:
            return "a part uses a compression method storybank cannot read";
        default: {
            zip_error_t error;
            zip_error_init_with_code(&error, code);
            std::string text = zip_error_strerror(&error);
            zip_error_fini(&error);
            return lower_ascii(text.substr(0, 1)) + text.substr(1);
        }
    }
}

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

struct ZipArchive::Impl {
    std::string bytes;  // libzip reads from it without copying, so it lives as long as the archive
    std::string file_name;
    ZipLimits limits;
    std::unique_ptr<zip_t, ZipCloser> archive;
    std::vector<std::string> names;
    std::map<std::string, zip_uint64_t> index_of;
    std::map<std::string, std::string> name_of_folded;
    std::uint64_t total_inflated = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(ErrorKind::UnreadableInput, "'" + file_name + "' " + what);
    }
    [[noreturn]] void fail_damaged(int code, std::string_view part = {}) const {
        std::string why = describe_zip_error(code);
        if (!part.empty()) {
            why += " (" + std::string(part) + ")";
        }
        fail("is a damaged ZIP archive: " + why + "; " + std::string(kRemedy));
    }
};

ZipArchive::ZipArchive(std::string_view bytes, std::string file_name, ZipLimits limits)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.bytes = std::string(bytes);
    impl.file_name = std::move(file_name);
    impl.limits = limits;

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(impl.bytes.data(), impl.bytes.size(), 0, &error);
    if (source == nullptr) {
        zip_error_fini(&error);
        throw Error(ErrorKind::Internal, "cannot allocate a ZIP reader for '" + impl.file_name + "'");
    }
    impl.archive.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!impl.archive) {
        int code = zip_error_code_zip(&error);
        zip_error_fini(&error);
        zip_source_free(source);
        impl.fail_damaged(code);
    }
    zip_error_fini(&error);

    zip_int64_t count = zip_get_num_entries(impl.archive.get(), 0);
    if (count < 0) {
        impl.fail_damaged(ZIP_ER_INCONS);
    }
    if (static_cast<std::uint64_t>(count) > impl.limits.max_entries) {
        impl.fail("holds " + std::to_string(count) + " parts, more than the " +
                  std::to_string(impl.limits.max_entries) +
                  " a document can reasonably have; it was not read (it may be built to exhaust the server)");
    }
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        const char* name = zip_get_name(impl.archive.get(), i, ZIP_FL_ENC_GUESS);
        if (name == nullptr) {
            impl.fail_damaged(ZIP_ER_INCONS);
        }
        impl.names.emplace_back(name);
        // The first of duplicate names wins, as in libzip's own lookup.
        impl.index_of.emplace(name, i);
        std::string_view bare = name;
        while (bare.starts_with('/')) {
            bare.remove_prefix(1);
        }
        impl.name_of_folded.emplace(lower_ascii(bare), name);
    }
}

ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

const std::string& ZipArchive::file_name() const {
    return m_impl->file_name;
}

const std::vector<std::string>& ZipArchive::entry_names() const {
    return m_impl->names;
}

std::uint64_t ZipArchive::total_inflated() const {
    return m_impl->total_inflated;
}

std::optional<std::string> ZipArchive::find(std::string_view name) const {
    if (m_impl->index_of.contains(std::string(name))) {
        return std::string(name);
    }
    while (name.starts_with('/')) {
        name.remove_prefix(1);
    }
    auto found = m_impl->name_of_folded.find(lower_ascii(name));
    if (found == m_impl->name_of_folded.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::optional<std::string> ZipArchive::read_if_present(std::string_view name, std::uint64_t max_bytes) {
    if (!contains(name)) {
        return std::nullopt;
    }
    return read(name, max_bytes);
}

std::string ZipArchive::read(std::string_view requested, std::uint64_t max_bytes) {
    Impl& impl = *m_impl;
    std::optional<std::string> name = find(requested);
    if (!name) {
        impl.fail("has no part '" + std::string(requested) +
                  "'; it is incomplete or not the kind of document its name says");
    }
    zip_uint64_t index = impl.index_of.at(*name);

    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl.archive.get(), index, 0, &stat) != 0) {
        impl.fail_damaged(ZIP_ER_INCONS, *name);
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
        impl.fail("is protected by a password (its part '" + *name +
                  "' is encrypted); remove the password, save it again and import the new file");
    }
    // The declared compressed size only serves the ratio; it cannot exceed the archive itself.
    std::uint64_t compressed = impl.bytes.size();
    if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0) {
        compressed = std::min<std::uint64_t>(stat.comp_size, compressed);
    }
    compressed = std::max<std::uint64_t>(compressed, 1);

    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(impl.archive.get(), index, 0));
    if (!file) {
        zip_error_t* error = zip_get_error(impl.archive.get());
        int code = zip_error_code_zip(error);
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
            impl.fail("is protected by a password (its part '" + *name +
                      "' is encrypted); remove the password, save it again and import the new file");
        }
        impl.fail_damaged(code, *name);
    }

    std::string out;
    std::array<char, kReadChunk> buffer{};
    std::uint64_t entry_inflated = 0;
    for (;;) {
        zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
        if (got < 0) {
            impl.fail_damaged(zip_error_code_zip(zip_file_get_error(file.get())), *name);
        }
        if (got == 0) {
            break;
        }
        auto size = static_cast<std::uint64_t>(got);
        entry_inflated += size;
        if (entry_inflated > max_bytes) {
            impl.fail("has a part ('" + *name + "') larger than " + megabytes(max_bytes) +
                      ", more than any document needs; it was not read");
        }
        impl.total_inflated += size;
        if (impl.total_inflated > impl.limits.max_total_bytes) {
            impl.fail("unpacks to more than " + megabytes(impl.limits.max_total_bytes) + " (stopped in its part '" +
                      *name + "'); it is too large or built to exhaust the server (a 'zip bomb'), and was not read");
        }
        if (entry_inflated > impl.limits.ratio_floor_bytes &&
            static_cast<double>(entry_inflated) > impl.limits.max_ratio * static_cast<double>(compressed)) {
            impl.fail("has a part ('" + *name + "') that unpacks to more than " +
                      std::to_string(static_cast<long long>(impl.limits.max_ratio)) +
                      " times its packed size, which no real document does (a 'zip bomb'); it was not read");
        }
        out.append(buffer.data(), static_cast<std::size_t>(got));
    }
    return out;
}

bool looks_like_zip(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06");
}

}  // namespace storybank::ingest
