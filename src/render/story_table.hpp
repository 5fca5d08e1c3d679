#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"
#include "render/story_layout.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::render {

/// A stored story with what a data export shows besides its fields.
struct StoryRecord {
    std::int64_t id = 0;
    std::string status;  ///< workflow state name
    std::string created_at;
    std::string updated_at;
    std::vector<std::string> tags;
    core::Story story;
};

using TableRow = std::vector<std::string>;

/// The rows of a data export: one row per story (every field of the template except the repeated lists,
/// rich text as plain paragraphs), and one row per testimony and per photo in their own tables. Headers are in
/// `labels.language`; what may not be published is left out as in public_story() with PersonalData::Omit.
class StoryTable {
public:
    StoryTable(const core::Template& story_template, const DocumentLabels& labels, PersonalData personal_data);

    const TableRow& story_header() const { return m_story_header; }
    const TableRow& quote_header() const { return m_quote_header; }
    const TableRow& photo_header() const { return m_photo_header; }

    struct Rows {
        TableRow story;
        std::vector<TableRow> quotes;
        std::vector<TableRow> photos;
    };
    Rows rows(const StoryRecord& record) const;

private:  // data
    const core::Template& m_template;
    const DocumentLabels& m_labels;
    PersonalData m_personal_data;
    std::vector<const core::FieldDefinition*> m_columns;
    TableRow m_story_header;
    TableRow m_quote_header;
    TableRow m_photo_header;
};

}  // namespace storybank::render
