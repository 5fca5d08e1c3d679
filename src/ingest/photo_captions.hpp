#pragma once

#include "ingest/document_text.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace storybank::ingest {

// Which text is the caption of which picture, decided in one place for every reader (DOCX, ODT, PDF, Markdown).

/// A paragraph styled as a caption (DocumentLine::Kind::Caption) next to a picture that has no caption yet
/// becomes that picture's caption and leaves the running text: the one right after the picture (Word puts
/// captions below), else the one right before it. Blank lines in between do not count.
void attach_styled_captions(std::vector<DocumentLine>& lines);

/// A picture, or a paragraph written under the photos label, in reading order.
struct PhotoCandidate {
    enum class Kind : std::uint8_t { Image, Paragraph };
    Kind kind = Kind::Paragraph;
    std::string text;      ///< Image: its caption when it came with one; Paragraph: the paragraph
    std::string alt_text;  ///< Image: the picture's own description
    std::string image;     ///< Image: the EmbeddedImage name or linked path
    /// Image: found under the photos label. Only those take plain paragraphs as captions: a picture pasted in
    /// the middle of the story is followed by more story, not by its caption.
    bool in_photos_field = false;
    std::string location;
};

struct PairedPhoto {
    std::string caption;
    std::string image;  ///< empty for a caption without a picture
    std::string location;
};

/// Pairs pictures without a caption with the paragraphs of the photos field:
/// - pictures followed by as many paragraphs ("picture, caption, picture, caption", or three pictures in a
///   row then three captions) are matched in order;
/// - when the field starts with a paragraph, ends with a picture and has as many of each, captions come
///   before their pictures;
/// - a picture with nothing after it takes the unused paragraphs just before it.
/// Every picture becomes one photo (its alt text as the caption of last resort) and so does every paragraph
/// left over (a caption whose picture did not come with the file), in reading order.
std::vector<PairedPhoto> pair_photo_captions(const std::vector<PhotoCandidate>& candidates);

}  // namespace storybank::ingest
