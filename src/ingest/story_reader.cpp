#include "ingest/story_reader.hpp"

#include "core/error.hpp"
#include "ingest/story_assembler.hpp"
#include "ingest/text_reader.hpp"

#include <algorithm>
#include <cctype>

namespace storybank::ingest {
namespace {

std::string lower_extension(std::string_view name) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) {
        return {};
    }
    std::string extension(name.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

}  // namespace

std::string_view file_kind_name(FileKind kind) {
    switch (kind) {
        case FileKind::PlainText:
            return "text";
        case FileKind::Markdown:
            return "Markdown";
        case FileKind::Docx:
            return "Word (DOCX)";
        case FileKind::Odt:
            return "OpenDocument text (ODT)";
        case FileKind::Pdf:
            return "PDF";
        case FileKind::Zip:
            return "ZIP archive";
        case FileKind::Ole:
            return "old Word (DOC) or encrypted Office";
        case FileKind::Image:
            return "image";
        case FileKind::Binary:
            return "binary";
    }
    return "binary";
}

FileKind sniff_file_kind(const SourceFile& file) {
    std::string_view bytes = file.bytes;
    std::string extension = lower_extension(file.name);
    if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
        if (bytes.find("word/document.xml") != std::string_view::npos) {
            return FileKind::Docx;
        }
        if (bytes.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) {
            return FileKind::Odt;
        }
        return FileKind::Zip;
    }
    if (bytes.starts_with("%PDF-")) {
        return FileKind::Pdf;
    }
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return FileKind::Ole;
    }
    if (bytes.starts_with("\xFF\xD8\xFF") || bytes.starts_with("\x89PNG") || bytes.starts_with("GIF8") ||
        (bytes.size() > 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP")) {
        return FileKind::Image;
    }
    bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
    if (!utf16 && bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
        return FileKind::Binary;
    }
    if (extension == "md" || extension == "markdown") {
        return FileKind::Markdown;
    }
    return FileKind::PlainText;
}

core::Story read_story(const SourceFile& file, const core::Template& story_template) {
    if (file.bytes.empty()) {
        throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' is empty");
    }
    FileKind kind = sniff_file_kind(file);
    DocumentText document;
    switch (kind) {
        case FileKind::PlainText:
            document = read_text_document(file, TextFlavour::Plain);
            break;
        case FileKind::Markdown:
            document = read_text_document(file, TextFlavour::Markdown);
            break;
        case FileKind::Docx:
        case FileKind::Odt:
        case FileKind::Pdf:
            throw Error(ErrorKind::UnreadableInput,
                        "'" + file.name + "' is a " + std::string(file_kind_name(kind)) +
                            " document; this version of storybank reads text (.txt) and Markdown (.md) stories only: "
                            "save the document as text and import that");
        case FileKind::Zip:
        case FileKind::Ole:
        case FileKind::Image:
        case FileKind::Binary:
            throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' is not a story document (it is " +
                                                        (kind == FileKind::Image ? "an " : "a ") +
                                                        std::string(file_kind_name(kind)) + " file)");
    }
    return StoryAssembler(story_template).assemble(document, file.name);
}

}  // namespace storybank::ingest
