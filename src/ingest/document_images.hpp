#pragma once

#include "ingest/document_text.hpp"
#include "ingest/zip_archive.hpp"

#include <set>
#include <string>
#include <string_view>

namespace storybank::ingest {

/// The pictures of a DOCX or ODT document: each part read from the archive once, into DocumentText::images,
/// and an Image line for each place the document shows one. Pictures the document only links to (another
/// file, a web address) are never fetched: the line has no picture and the document gets a warning.
class DocumentImages {
public:
    DocumentImages(ZipArchive& archive, DocumentText& document) : m_archive(archive), m_document(document) {}

    /// The picture stored in the archive as `part_name`. A part that is missing gives a line without a picture
    /// and a warning.
    DocumentLine embedded(std::string_view part_name, std::string alt_text, std::string location);
    /// A picture linked from outside the document.
    DocumentLine linked(std::string_view target, std::string alt_text, std::string location);
    /// A picture the document refers to by an identifier it does not define.
    DocumentLine missing(std::string_view reference, std::string alt_text, std::string location);

private:
    ZipArchive& m_archive;
    DocumentText& m_document;
    std::set<std::string> m_read;
};

}  // namespace storybank::ingest
