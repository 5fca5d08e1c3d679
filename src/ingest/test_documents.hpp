#pragma once

// Test support: ZIP archives, DOCX and ODT files built in memory, so that hostile inputs (zip bombs, encrypted
// parts, entity tricks) need no file in the tree.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest::testing {

struct ZipEntry {
    std::string name;
    std::string data;
    std::uint64_t zeros = 0;  ///< when not 0: the entry is this many zero bytes, generated while compressing
    bool encrypted = false;
    bool stored = false;  ///< no compression (an ODT's mimetype)
};

/// A ZIP archive of these entries, in this order. Throws std::runtime_error when libzip cannot make it.
std::string make_zip(const std::vector<ZipEntry>& entries);

/// True when this libzip can write encrypted entries (it needs a crypto backend).
bool can_encrypt();

/// A minimal DOCX: `body` goes inside w:body (prefixes w, r, wp, a, pic, v, mc, wps declared); `relationships`
/// are Relationship elements of word/_rels/document.xml.rels; `extra` parts are added as they are.
std::string make_docx(std::string_view body,
                      std::string_view relationships = {},
                      const std::vector<ZipEntry>& extra = {},
                      std::string_view styles = {});

/// A minimal ODT: `text` goes inside office:text, `automatic_styles` inside office:automatic-styles.
std::string make_odt(std::string_view text,
                     std::string_view automatic_styles = {},
                     const std::vector<ZipEntry>& extra = {},
                     std::string_view media_type = "application/vnd.oasis.opendocument.text");

/// 300 MB of zeros as word/document.xml, which deflate to about 300 KB: the classic zip bomb (made once).
const std::string& zip_bomb();

/// A 1×1 PNG, as small as a picture gets.
std::string tiny_png();

}  // namespace storybank::ingest::testing
