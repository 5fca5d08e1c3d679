#include "service/document_labels.hpp"

namespace storybank::service {

render::DocumentLabels document_labels(const core::MessageCatalog& messages, std::string_view language) {
    auto text = [&](std::string_view id) { return messages.render(language, id); };
    render::DocumentLabels labels;
    labels.language = std::string(language);
    labels.page = text("document-page");
    labels.contents = text("document-contents");
    labels.index = text("document-index");
    labels.index_by_country = text("document-index-by-country");
    labels.index_by_partner = text("document-index-by-partner");
    labels.stories = text("document-stories");
    labels.period = text("document-period");
    labels.generated = text("document-generated");
    labels.omitted_note = text("document-omitted-note");
    labels.quote_withheld = text("document-quote-withheld");
    labels.photo_missing = text("document-photo-missing");
    labels.unknown = text("document-unknown");
    labels.id = text("column-id");
    labels.status = text("column-status");
    labels.text_language = text("column-language");
    labels.tags = text("column-tags");
    labels.created = text("column-created");
    labels.updated = text("column-updated");
    labels.story_title = text("column-story");
    labels.quote_text = text("column-testimony");
    labels.speaker = text("column-speaker");
    labels.role = text("column-role");
    labels.caption = text("column-caption");
    labels.photo_file = text("column-photo");
    labels.width = text("column-width");
    labels.height = text("column-height");
    labels.sheet_stories = text("sheet-stories");
    labels.sheet_quotes = text("sheet-testimonies");
    labels.sheet_photos = text("sheet-photos");
    return labels;
}

}  // namespace storybank::service
