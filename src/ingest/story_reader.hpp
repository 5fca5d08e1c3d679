#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "ingest/document_text.hpp"
#include "ingest/source_file.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// What a file really is, told from its bytes first and its name second.
enum class FileKind : std::uint8_t { PlainText, Markdown, Docx, Odt, Pdf, Zip, Ole, Image, Binary };

std::string_view file_kind_name(FileKind kind);

/// Looks at the bytes (for ZIP containers, the parts inside; for OLE files, their streams) and then the
/// extension, so that a file whose extension lies is read by what it really is. Never throws.
FileKind sniff_file_kind(const SourceFile& file);

/// A story and the pictures that came with it.
struct StoryDocument {
    core::Story story;
    /// One per entry of the story's photos field, in the same order: the picture embedded in the document for
    /// that photo (raw bytes, not yet decoded or checked), or nullopt for a caption alone, a linked picture
    /// or a text file's image path.
    std::vector<std::optional<EmbeddedImage>> photo_images;
};

/// Reads a story file of any supported kind, keeping the pictures it embeds.
/// Throws Error(UnreadableInput), naming the file, as read_story does.
StoryDocument read_story_document(const SourceFile& file, const core::Template& story_template);

/// Reads a story file of any supported kind into a story of the template, with its problems.
/// Throws Error(UnreadableInput), naming the file, when it is not a story: unreadable, corrupt, of a kind
/// that holds no story text, or without a single label of the template.
core::Story read_story(const SourceFile& file, const core::Template& story_template);

}  // namespace storybank::ingest
