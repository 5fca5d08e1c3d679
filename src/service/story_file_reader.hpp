#pragma once

#include "core/story.hpp"
#include "ingest/source_file.hpp"
#include "media/photo_processor.hpp"
#include "service/template_catalog.hpp"
#include "store/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// How big a kept photo and an accepted upload may be (set from the command line's options).
using PhotoLimits = media::PhotoLimits;

/// A story file read and its photos processed, ready to be stored; nothing is stored yet.
struct PreparedStory {
    std::string file_name;
    std::string source_sha256;  ///< of the file's bytes: importing the same file twice finds the first story
    core::Story story;          ///< photos that came with the file carry their attachment
    /// Each photo kept (its thumbnail_sha256 set), then its thumbnail (thumbnail_sha256 empty) unless the photo is
    /// small enough to be its own, as the store will hold them.
    std::vector<store::StoredAttachment> attachments;
};

/// "jpg" for image/jpeg, "png" for image/png…: the extension a stored photo is written with.
std::string_view extension_for_media_type(std::string_view media_type);

/// Reads story files of any supported kind and processes the photos they embed (upright, scaled down, every
/// piece of metadata removed). Touches no store, so many files can be read at once: const and thread-safe.
class StoryFileReader {
public:
    explicit StoryFileReader(const TemplateCatalog& templates, PhotoLimits limits = {});

    /// `template_id` empty: the default template. Throws Error(UnreadableInput) naming the file when it is not a
    /// story. A photo that cannot be kept (damaged, too big, not a photo) is not an error of the file: the photo
    /// stays as a caption and the story gets a warning naming it.
    PreparedStory read(const ingest::SourceFile& file, std::string_view template_id) const;

    /// One photo made ready to store: the kept copy (its thumbnail_sha256 set), then its thumbnail unless the
    /// photo is small enough to be its own. Throws Error(UnreadableInput) naming `name` when it cannot be kept.
    std::vector<store::StoredAttachment> read_photo(std::string_view name, std::string_view bytes) const;

private:  // data
    const TemplateCatalog& m_templates;
    media::PhotoProcessor m_photos;
};

}  // namespace storybank::service
