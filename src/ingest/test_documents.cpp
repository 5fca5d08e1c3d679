#include "ingest/test_documents.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace storybank::ingest::testing {
namespace {

/// A libzip source of `size` zero bytes that never holds them in memory.
struct ZeroSource {
    zip_uint64_t size = 0;
    zip_uint64_t offset = 0;
    zip_error_t error{};
};

zip_int64_t zero_source(void* user_data, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* source = static_cast<ZeroSource*>(user_data);
    switch (command) {
        case ZIP_SOURCE_OPEN:
            source->offset = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            zip_uint64_t count = std::min(length, source->size - source->offset);
            std::memset(data, 0, count);
            source->offset += count;
            return static_cast<zip_int64_t>(count);
        }
        case ZIP_SOURCE_CLOSE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* stat = static_cast<zip_stat_t*>(data);
            zip_stat_init(stat);
            stat->size = source->size;
            stat->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&source->error, data, length);
        case ZIP_SOURCE_FREE:
            zip_error_fini(&source->error);
            delete source;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&source->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

zip_uint16_t encryption_method() {
    if (zip_encryption_method_supported(ZIP_EM_AES_256, 1) != 0) {
        return ZIP_EM_AES_256;
    }
    return ZIP_EM_TRAD_PKWARE;
}

constexpr std::string_view kDocxNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
    R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
    R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
    R"(xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")";

}  // namespace

bool can_encrypt() {
    return zip_encryption_method_supported(encryption_method(), 1) != 0;
}

std::string make_zip(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer == nullptr ? nullptr : zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (archive == nullptr) {
        throw std::runtime_error("libzip cannot make an archive in memory");
    }
    zip_source_keep(buffer);
    for (const auto& entry : entries) {
        zip_source_t* source = nullptr;
        if (entry.zeros > 0) {
            auto* zeros = new ZeroSource;
            zeros->size = entry.zeros;
            zip_error_init(&zeros->error);
            source = zip_source_function(archive, zero_source, zeros);
        } else {
            // The entries outlive zip_close(), which is when libzip reads them.
            source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        }
        zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            throw std::runtime_error("cannot add " + entry.name + ": " + zip_strerror(archive));
        }
        const auto at = static_cast<zip_uint64_t>(index);
        zip_set_file_compression(archive, at, entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, entry.stored ? 0 : 9);
        if (entry.encrypted && zip_file_set_encryption(archive, at, encryption_method(), "secret") != 0) {
            throw std::runtime_error("cannot encrypt " + entry.name + ": " + zip_strerror(archive));
        }
    }
    if (zip_close(archive) != 0) {
        std::string why = zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        throw std::runtime_error("cannot write the archive: " + why);
    }
    std::string out;
    zip_stat_t stat;
    if (zip_source_open(buffer) == 0 && zip_source_stat(buffer, &stat) == 0) {
        out.resize(stat.size);
        zip_int64_t got = zip_source_read(buffer, out.data(), out.size());
        out.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    return out;
}

std::string make_docx(std::string_view body,
                      std::string_view relationships,
                      const std::vector<ZipEntry>& extra,
                      std::string_view styles) {
    std::vector<ZipEntry> entries = {
        {"[Content_Types].xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
         R"(<Default Extension="xml" ContentType="application/xml"/>)"
         R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)"},
        {"_rels/.rels",
         R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
        {"word/document.xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document )" +
                                  std::string(kDocxNamespaces) + "><w:body>" + std::string(body) +
                                  "</w:body></w:document>"},
        {"word/_rels/document.xml.rels",
         R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
             std::string(relationships) + "</Relationships>"},
    };
    if (!styles.empty()) {
        entries.push_back(
            {"word/styles.xml",
             R"(<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)" +
                 std::string(styles) + "</w:styles>"});
    }
    entries.insert(entries.end(), extra.begin(), extra.end());
    return make_zip(entries);
}

std::string make_odt(std::string_view text,
                     std::string_view automatic_styles,
                     const std::vector<ZipEntry>& extra,
                     std::string_view media_type) {
    std::vector<ZipEntry> entries = {
        {"mimetype", std::string(media_type), 0, false, true},
        {"META-INF/manifest.xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)"
         R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
         R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>)"},
        {"content.xml", R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content )"
                        R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
                        R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
                        R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
                        R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
                        R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
                        R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" )"
                        R"(xmlns:xlink="http://www.w3.org/1999/xlink" )"
                        R"(xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">)"
                        "<office:automatic-styles>" +
                            std::string(automatic_styles) + "</office:automatic-styles><office:body><office:text>" +
                            std::string(text) + "</office:text></office:body></office:document-content>"},
    };
    entries.insert(entries.end(), extra.begin(), extra.end());
    return make_zip(entries);
}

const std::string& zip_bomb() {
    static const std::string kBomb =
        make_zip({{"[Content_Types].xml", "wordprocessingml"}, {"word/document.xml", "", 300ULL * 1024 * 1024}});
    return kBomb;
}

std::string tiny_png() {
    static const unsigned char kPng[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
        0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(kPng), sizeof(kPng));
}

}  // namespace storybank::ingest::testing
