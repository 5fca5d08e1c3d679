#include "service/story_file_reader.hpp"

#include "auth/content_hash.hpp"
#include "core/error.hpp"
#include "ingest/story_reader.hpp"

namespace storybank::service {
namespace {

store::StoredAttachment stored_copy(media::EncodedImage image) {
    store::StoredAttachment stored;
    stored.attachment.sha256 = auth::sha256_hex(image.bytes);
    stored.attachment.media_type = std::move(image.media_type);
    stored.attachment.width = image.width;
    stored.attachment.height = image.height;
    stored.bytes = std::move(image.bytes);
    return stored;
}

}  // namespace

std::string_view extension_for_media_type(std::string_view media_type) {
    if (media_type == "image/jpeg") {
        return "jpg";
    }
    if (media_type == "image/png") {
        return "png";
    }
    if (media_type == "image/webp") {
        return "webp";
    }
    if (media_type == "image/gif") {
        return "gif";
    }
    return "bin";
}

std::vector<store::StoredAttachment> StoryFileReader::read_photo(std::string_view name, std::string_view bytes) const {
    media::ProcessedPhoto processed = m_photos.process(name, bytes);
    store::StoredAttachment thumbnail = stored_copy(std::move(processed.thumbnail));
    store::StoredAttachment photo = stored_copy(std::move(processed.photo));
    photo.thumbnail_sha256 = thumbnail.attachment.sha256;
    // A photo already as small as a thumbnail is its own thumbnail: same bytes, same hash, stored once.
    bool own_thumbnail = thumbnail.attachment.sha256 == photo.attachment.sha256;
    std::vector<store::StoredAttachment> stored;
    stored.push_back(std::move(photo));
    if (!own_thumbnail) {
        stored.push_back(std::move(thumbnail));
    }
    return stored;
}

StoryFileReader::StoryFileReader(const TemplateCatalog& templates, PhotoLimits limits)
    : m_templates(templates), m_photos(limits) {}

PreparedStory StoryFileReader::read(const ingest::SourceFile& file, std::string_view template_id) const {
    const core::Template& story_template =
        template_id.empty() ? m_templates.default_template() : m_templates.get(template_id);
    ingest::StoryDocument document = ingest::read_story_document(file, story_template);

    PreparedStory prepared;
    prepared.file_name = file.name;
    prepared.source_sha256 = auth::sha256_hex(file.bytes);
    prepared.story = std::move(document.story);

    const core::FieldDefinition* photos_field = story_template.field_of_type(core::FieldType::Photos);
    const core::FieldValue* value = photos_field != nullptr ? prepared.story.find(photos_field->key) : nullptr;
    const auto* found = value != nullptr ? std::get_if<core::PhotoList>(value) : nullptr;
    if (found == nullptr) {
        return prepared;
    }
    core::PhotoList photos = *found;
    for (std::size_t i = 0; i < photos.size() && i < document.photo_images.size(); ++i) {
        const auto& image = document.photo_images[i];
        if (!image) {
            continue;
        }
        try {
            auto stored = read_photo(file.name + ": " + image->name, image->bytes);
            photos[i].attachment = stored.front().attachment;
            for (auto& attachment : stored) {
                prepared.attachments.push_back(std::move(attachment));
            }
        } catch (const Error& error) {
            if (error.kind() != ErrorKind::UnreadableInput) {
                throw;
            }
            prepared.story.problems.push_back({photos_field->key,
                                               core::Severity::Warning,
                                               "photo-not-kept",
                                               {{"photo", image->name}, {"reason", error.public_message()}},
                                               "photo " + std::to_string(i + 1)});
        }
    }
    prepared.story.set(photos_field->key, std::move(photos));
    return prepared;
}

}  // namespace storybank::service
