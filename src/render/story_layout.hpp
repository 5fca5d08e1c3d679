#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"
#include "render/rich_text.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::render {

/// Words a printed document needs besides the template's labels, in the document's language. The service fills
/// them from resources/i18n (keys "document-*"), so writers hold no user-visible text.
struct DocumentLabels {
    std::string language = "en";                  ///< of these labels
    std::string page = "Page";                    ///< "Page 3 / 12"
    std::string contents = "Contents";            ///< table of contents heading
    std::string index = "Index";                  ///< heading of the index
    std::string index_by_country = "By country";  ///< index part
    std::string index_by_partner = "By partner";  ///< index part
    std::string stories = "stories";              ///< "12 stories" on the cover
    std::string period = "Period";                ///< cover
    std::string generated = "Produced on";        ///< cover: "Produced on 2026-11-29"
    /// Shown where personal data, or quotes and photos without consent, were left out.
    std::string omitted_note = "Personal data and testimonies or photos without consent are left out.";
    std::string quote_withheld = "[testimony withheld]";  ///< replaces a quote without consent in the text
    std::string photo_missing = "(photo not available)";
    std::string unknown = "Not specified";  ///< index entry for stories without a country or partner
    // Column headers of data exports (CSV, XLSX) beside the template's field labels.
    std::string id = "Id";
    std::string status = "Status";
    std::string text_language = "Language";
    std::string tags = "Tags";
    std::string created = "Created";
    std::string updated = "Updated";
    std::string story_title = "Story";
    std::string quote_text = "Testimony";
    std::string speaker = "Speaker";
    std::string role = "Role";
    std::string caption = "Caption";
    std::string photo_file = "Photo (SHA-256)";
    std::string width = "Width";
    std::string height = "Height";
    std::string sheet_stories = "Stories";
    std::string sheet_quotes = "Testimonies";
    std::string sheet_photos = "Photos";
};

/// Paper of printed documents.
enum class PaperSize : std::uint8_t { A4, Letter };

struct SummaryRow {
    std::string label;
    std::string value;       ///< as printed: "Bamako (Mali)"
    std::string as_written;  ///< as the author wrote it, what a reader reads back: "Bamako en République du Mali"
};

struct StorySection {
    std::string key;  ///< the template field
    std::string heading;
    std::vector<RichParagraph> paragraphs;
};

struct PhotoBlock {
    std::string caption;
    std::optional<core::Attachment> attachment;
};

/// A story ready to be laid out: what a printed or Word document shows, in order, with labels in the
/// document's language and what may not be published already left out.
struct StoryLayout {
    std::string language;        ///< of the labels ("fr", "en")
    std::string story_language;  ///< of the text
    std::string title;
    std::string kicker;  ///< a line above the title: template name
    std::string summary_heading;
    std::vector<SummaryRow> summary;
    std::string case_heading;
    std::vector<StorySection> sections;
    std::string quotes_heading;
    std::vector<core::Quote> quotes;
    std::string photos_heading;
    std::vector<PhotoBlock> photos;
    bool omitted = false;      ///< something was left out for the public: the document says so
    std::string organisation;  ///< consortium member, else partner NGO: the footer's first words
    std::string partner;
    std::string country_code;
    std::string country;  ///< the country's name in `language`
    std::string locality;
};

/// The story as anyone may see it: fields the template marks personal removed, quotes and photos without
/// consent removed from their lists, and each removed quote cut out of the text it came from (replaced by
/// `withheld`). `omitted` tells whether anything was removed.
core::Story public_story(const core::Story& story,
                         const core::Template& story_template,
                         std::string_view withheld,
                         bool* omitted = nullptr);

/// The layout of a story for printed (PDF) and Word documents. With PersonalData::Omit, public_story() is
/// applied first.
StoryLayout make_story_layout(const core::Story& story,
                              const core::Template& story_template,
                              std::string_view language,
                              PersonalData personal_data,
                              const DocumentLabels& labels);

/// The stored bytes of a photo (the store's processed JPEG), or nullopt when it is not available.
using PhotoBytes = std::function<std::optional<std::string>(const core::Attachment&)>;

}  // namespace storybank::render
