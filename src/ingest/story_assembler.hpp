#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "ingest/document_text.hpp"
#include "ingest/field_locator.hpp"

#include <string>
#include <vector>

namespace storybank::ingest {

/// A story and, for each entry of its photos field, the picture that came with it: the name of an
/// EmbeddedImage of the document (or the path a Markdown file links to), or "" for a caption alone.
struct AssembledStory {
    core::Story story;
    std::vector<std::string> photo_images;
};

/// Turns a document's lines into a story of the template: finds the labels, gathers each field's text,
/// parses values (person, contact, place, date, choice), finds testimonies, detects the language, and adds
/// a problem for each missing or doubtful field. Every reader (text, DOCX, ODT, PDF) ends here.
class StoryAssembler {
public:
    explicit StoryAssembler(const core::Template& story_template);

    /// Throws Error(UnreadableInput) naming the file when not a single label of the template is found:
    /// then the file is not a story in this format at all.
    core::Story assemble(const DocumentText& document, const std::string& file_name) const;
    /// The same, with the picture of each photo.
    AssembledStory assemble_with_photos(const DocumentText& document, const std::string& file_name) const;

private:  // data
    const core::Template& m_template;
    FieldLocator m_locator;
};

}  // namespace storybank::ingest
