#include "ingest/story_reader.hpp"

#include "core/error.hpp"
#include "ingest/docx_reader.hpp"
#include "ingest/odt_reader.hpp"
#include "ingest/pdf_reader.hpp"
#include "ingest/story_assembler.hpp"
#include "ingest/style_names.hpp"
#include "ingest/text_reader.hpp"
#include "ingest/zip_archive.hpp"

#include <algorithm>

namespace storybank::ingest {
namespace {

constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// [Content_Types].xml and mimetype are a few hundred bytes in real documents.
constexpr std::uint64_t kMaxSniffedPart = 1024 * 1024;

std::string lower_extension(std::string_view name) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) {
        return {};
    }
    return lower_ascii(name.substr(dot + 1));
}

/// An OLE stream name as the directory stores it: UTF-16LE.
std::string utf16_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        out += c;
        out += '\0';
    }
    return out;
}

/// What a ZIP container holds, from the parts inside; nullopt when the archive cannot be opened (the reader
/// of the kind the name suggests will then say what is wrong).
std::optional<FileKind> sniff_zip(const SourceFile& file) {
    try {
        ZipArchive archive(file.bytes, file.name);
        if (std::optional<std::string> media_type = archive.read_if_present("mimetype", kMaxSniffedPart)) {
            if (media_type->starts_with("application/vnd.oasis.opendocument.text")) {
                return FileKind::Odt;
            }
            return FileKind::Zip;
        }
        if (std::optional<std::string> types = archive.read_if_present("[Content_Types].xml", kMaxSniffedPart)) {
            if (types->find("wordprocessingml") != std::string::npos) {
                return FileKind::Docx;
            }
        }
        if (archive.contains("word/document.xml")) {
            return FileKind::Docx;
        }
        if (archive.contains("content.xml") && archive.contains("META-INF/manifest.xml")) {
            return FileKind::Odt;
        }
        return FileKind::Zip;
    } catch (const Error&) {
        return std::nullopt;
    }
}

[[noreturn]] void refuse_ole(const SourceFile& file) {
    std::string_view bytes = file.bytes;
    if (bytes.find(utf16_name("EncryptedPackage")) != std::string_view::npos) {
        throw Error(ErrorKind::UnreadableInput,
                    "'" + file.name +
                        "' is protected by a password; open it in Word, remove the password (File › Info › Protect "
                        "Document), save it as .docx and import that");
    }
    throw Error(ErrorKind::UnreadableInput,
                "'" + file.name +
                    "' is an old Word (.doc) file or a password-protected document; save it as .docx (Word: File › "
                    "Save As › Word Document) and import that");
}

DocumentText read_document(const SourceFile& file, FileKind kind) {
    switch (kind) {
        case FileKind::PlainText:
            return read_text_document(file, TextFlavour::Plain);
        case FileKind::Markdown:
            return read_text_document(file, TextFlavour::Markdown);
        case FileKind::Docx:
            return read_docx_document(file);
        case FileKind::Odt:
            return read_odt_document(file);
        case FileKind::Pdf:
            return read_pdf_document(file);
        case FileKind::Ole:
            refuse_ole(file);
        case FileKind::Zip:
        case FileKind::Image:
        case FileKind::Binary:
            break;
    }
    throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' is not a story document (it is " +
                                                (kind == FileKind::Image ? "an " : "a ") +
                                                std::string(file_kind_name(kind)) + " file)");
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
    if (looks_like_zip(bytes)) {
        if (std::optional<FileKind> kind = sniff_zip(file)) {
            return *kind;
        }
        // A damaged archive: let the reader its name or content points at explain what is wrong.
        if (extension == "odt" || extension == "ott" ||
            bytes.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) {
            return FileKind::Odt;
        }
        if (extension == "docx" || extension == "docm" || extension == "dotx" ||
            bytes.find("word/document.xml") != std::string_view::npos) {
            return FileKind::Docx;
        }
        return FileKind::Zip;
    }
    if (bytes.starts_with("%PDF-")) {
        return FileKind::Pdf;
    }
    if (bytes.starts_with(kOleSignature)) {
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

StoryDocument read_story_document(const SourceFile& file, const core::Template& story_template) {
    if (file.bytes.empty()) {
        throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' is empty");
    }
    DocumentText document = read_document(file, sniff_file_kind(file));
    AssembledStory assembled = StoryAssembler(story_template).assemble_with_photos(document, file.name);
    StoryDocument out;
    out.story = std::move(assembled.story);
    const auto& names = assembled.photo_images;
    for (auto name = names.begin(); name != names.end(); ++name) {
        auto image = std::find_if(document.images.begin(), document.images.end(), [&](const EmbeddedImage& embedded) {
            return !name->empty() && embedded.name == *name;
        });
        if (image == document.images.end()) {
            out.photo_images.emplace_back(std::nullopt);
            continue;
        }
        // Photos are megabytes each: moved out of the document unless another photo shows the same picture.
        bool shown_again = std::find(std::next(name), names.end(), *name) != names.end();
        out.photo_images.emplace_back(shown_again ? EmbeddedImage(*image) : std::move(*image));
    }
    return out;
}

core::Story read_story(const SourceFile& file, const core::Template& story_template) {
    return read_story_document(file, story_template).story;
}

}  // namespace storybank::ingest
